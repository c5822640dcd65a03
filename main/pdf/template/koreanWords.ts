// Chromium breaks a line of Korean between any two syllables, as it does Chinese and Japanese: a cover titled
// "APEC 정상회의 경주 2025: 양자회담 자료" printed "자" at the end of one line and "료" on the next. Korean is written
// with spaces between words and wraps at them (CSS `word-break: keep-all`), but keep-all on the whole pack would stop
// Chinese and Japanese, written without spaces, from wrapping anywhere but at their punctuation. So each word holding
// Hangul is kept whole on its own, in the printed HTML's text (never inside a tag, nor in the head's title); a word
// too long for the line still wraps, by the page's `overflow-wrap: anywhere`.

// An entity (&amp;) is part of the word it sits in, never cut in two.
const koreanWord = /[^\s<>]*\p{Script=Hangul}[^\s<>]*/gu;
const tag = /(<[^>]*>)/;

/** `html` with each word of its body that holds Hangul in a span the print stylesheet keeps whole (`.ko-word`). */
export function keptKoreanWords(html: string): string {
  const bodyAt = html.indexOf('<body');
  if (bodyAt < 0) return html;
  const body = html
    .slice(bodyAt)
    .split(tag)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(koreanWord, (word) => `<span class="ko-word">${word}</span>`)))
    .join('');
  return html.slice(0, bodyAt) + body;
}
