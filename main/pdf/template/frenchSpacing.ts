// French puts a space before a colon, semicolon, question or exclamation mark and closing guillemet, and after an
// opening one ("Sommet 2026 : dossier", « Angkor »). Typed as an ordinary space, Chromium may break the line there:
// a Canadian desk's cover printed "Sommet de la Francophonie 2026" and, on the next line, ": dossier de la ministre".
// Each such space in the printed HTML's text (never inside a tag, nor in the head) becomes a no-break space, so the
// mark stays with the word before it, as French typesetting keeps it. English writes no space there: nothing changes.

const spaceBeforeMark = / +(?=[:;!?»›])/g;
const spaceAfterGuillemet = /([«‹]) +/g;
const tag = /(<[^>]*>)/;

/** `html` with the spaces French writes beside : ; ! ? and guillemets made no-break spaces in its body's text. */
export function frenchSpacing(html: string): string {
  const bodyAt = html.indexOf('<body');
  if (bodyAt < 0) return html;
  const body = html
    .slice(bodyAt)
    .split(tag)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(spaceBeforeMark, '\u00a0').replace(spaceAfterGuillemet, '$1\u00a0')))
    .join('');
  return html.slice(0, bodyAt) + body;
}
