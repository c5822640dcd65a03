import type { PaperSize } from '../../../shared/domain.ts';

/** Page margins in millimetres; the header and footer (banner, title, page numbers) print inside them. */
export const pageMargins = { top: 25, bottom: 23, left: 18, right: 18 } as const;
export const paperHeights: Record<PaperSize, number> = { a4: 297, letter: 279.4 };

/**
 * Noto Sans CJK holds the letters of English, French or German but few of Latin Extended (İ, Š, č, Ż, ė, ś), no
 * Greek letter with a tonos (ά, ή, ώ) and not the Ukrainian ї or є, and it holds the combining dot, acute and
 * caron: Chromium then built "İstanbul" from an I and a loose dot it set over the s ("Iṡtanbul"), "Κυριάκος" with
 * its tonos over the κ, and "Šefčovič" with its carons over the next letters, rather than take a font that has
 * the letter. Latin Extended, Greek and Cyrillic print from a system font with all of them first, whichever is
 * installed (local, nothing is fetched), those of Central Asia from one that has them (below); Latin-1 keeps Noto's, so an English pack prints as before.
 */
const alphabets = 'U+0100-024F, U+0370-03FF, U+0400-045F, U+1E00-1EFF, U+1F00-1FFF';
/**
 * The Cyrillic letters of Kazakh, Kyrgyz, Tajik and Uzbek (Қ, Ғ, Ң, Ө, Ұ, Ү, Һ, Ә, Ҷ, Ҳ, Ӣ, Ӯ) sit beyond the
 * Russian block, and Liberation Sans, first found on Linux, lacks them: each letter fell to another font, and Ӣ and
 * Ӯ, which Unicode composes from и and у with a macron, were built from Liberation's letter and Noto CJK's loose
 * macron, set after the letter ("Эмомали̅"). This range takes a font that holds them first.
 */
const cyrillicSupplement = 'U+0460-052F';
const alphabetFace = (weight: number, range: string, names: readonly string[]) =>
  `@font-face { font-family: "Sherpa Alphabets"; font-weight: ${weight}; unicode-range: ${range}; src: ${names.map((name) => `local("${name}")`).join(', ')}; }`;
const regularFaces = ['Noto Sans', 'NotoSans-Regular', 'Segoe UI', 'SegoeUI', 'Arial', 'ArialMT'];
const boldFaces = ['Noto Sans Bold', 'NotoSans-Bold', 'Segoe UI Bold', 'SegoeUI-Bold', 'Arial Bold', 'Arial-BoldMT'];
const [liberation, liberationBold, dejaVu, dejaVuBold] = [
  ['Liberation Sans', 'LiberationSans'],
  ['Liberation Sans Bold', 'LiberationSans-Bold'],
  ['DejaVu Sans', 'DejaVuSans'],
  ['DejaVu Sans Bold', 'DejaVuSans-Bold'],
];
/**
 * Yoruba and Igbo write a tone mark over a letter with a dot below (ọ́, ẹ̀, ị́), which no one character composes.
 * Liberation Sans, the first of those faces found on Linux, lacks the ọ: Noto Sans CJK, next, drew the letter and its
 * acute and set the acute loose after it ("Ọbásanjọ´", "Bọĺá"). Where the face above lacks a letter of Latin
 * Extended Additional, or a combining mark, one that has them and places them draws the letter with its marks
 * (declared first, so tried after the face above: a letter it holds prints as before).
 */
export const stackedMarkFaces = { regular: [...regularFaces, ...dejaVu], bold: [...boldFaces, ...dejaVuBold] };
const stackedMarks = 'U+0300-036F, U+1E00-1EFF';
/** The faces fontStack names first: a stylesheet that uses fontStack carries them (the page's, the running header's). */
export const alphabetFontFaces = [
  alphabetFace(400, stackedMarks, stackedMarkFaces.regular),
  alphabetFace(700, stackedMarks, stackedMarkFaces.bold),
  alphabetFace(400, alphabets, [...regularFaces, ...liberation, ...dejaVu]),
  alphabetFace(700, alphabets, [...boldFaces, ...liberationBold, ...dejaVuBold]),
  alphabetFace(400, cyrillicSupplement, [...regularFaces, ...dejaVu, ...liberation]),
  alphabetFace(700, cyrillicSupplement, [...boldFaces, ...dejaVuBold, ...liberationBold]),
].join('\n');

/** Local fonts only (nothing is fetched): Noto CJK carries Hangul and Latin; the others are the usual system fallbacks. */
export const fontStack =
  '"Sherpa Alphabets", "Noto Sans CJK KR", "Noto Sans KR", "Noto Sans", "Malgun Gothic", "Apple SD Gothic Neo", "Segoe UI", Arial, sans-serif';

export function printCss(paper: PaperSize): string {
  // The cover fills exactly one page; a little slack keeps rounding from spilling a blank page.
  const coverHeight = paperHeights[paper] - pageMargins.top - pageMargins.bottom - 6;
  return `
${alphabetFontFaces}
html { font-family: ${fontStack}; font-size: 10pt; line-height: 1.45; color: #111; }
body { margin: 0; }
/* Printed, never shown: on screen nothing is laid out, so Chromium lays the pack out once, for print, not first for the window (half the load of an 800-page pack). */
@media screen { body { display: none; } }
* { box-sizing: border-box; }
h1, h2, h3 { line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 17pt; margin: 0 0 4mm; padding-bottom: 2mm; border-bottom: 1.2pt solid #1f2a44; color: #1f2a44; }
h2 { font-size: 11.5pt; margin: 5mm 0 1.5mm; color: #1f2a44; }
h3 { font-size: 10.5pt; margin: 4mm 0 1mm; }
p { margin: 0 0 2mm; orphans: 3; widows: 3; }
ul, ol { margin: 0 0 2mm; padding-left: 6mm; }
li { margin-bottom: 1mm; }
/* A point typed in Arabic reads right to left (its full stop at its end, the left), its number kept in the margin. */
.typed-item { unicode-bidi: plaintext; text-align: left; }
.mark { font-weight: 700; margin-right: 0.4em; font-size: 0.85em; letter-spacing: 0.02em; white-space: nowrap; }
.portion { white-space: nowrap; }
.muted { color: #555; }
.not-stated { color: #666; font-style: italic; }
a { color: inherit; text-decoration: none; }
/* A word holding Hangul wraps between words, as Korean is written, not between two of its syllables (koreanWords.ts). */
.ko-word { word-break: keep-all; }
[lang="ko"] { font-family: "Sherpa Alphabets", "Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic", "Apple SD Gothic Neo", sans-serif; }

/* Wide content wraps instead of being cut at the page edge. */
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 1mm 0 3mm; }
th, td { border: 0.5pt solid #8a8f99; padding: 1.2mm 2mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; word-break: break-word; }
th { background: #eef0f4; font-weight: 600; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.details th { width: 32%; }
p, li, td, blockquote, .entry-title { overflow-wrap: anywhere; }
/* A name or title typed as one long word wraps in headings too: cut at the page edge, its letters would be lost unseen. */
h1, h2, h3, h4, .cover-title, .cover-summit, .toc-title { overflow-wrap: anywhere; min-width: 0; }

.keep-together { break-inside: avoid; page-break-inside: avoid; }
.pack-section { break-before: page; page-break-before: always; }
/* Sector briefs follow one another on the same page: short ones would otherwise leave mostly blank pages. */
.pack-section.sector + .pack-section.sector { break-before: auto; page-break-before: auto; margin-top: 9mm; }

.cover { height: ${coverHeight}mm; display: flex; flex-direction: column; break-after: page; page-break-after: always; }
.cover-kicker { margin-top: 45mm; text-transform: uppercase; letter-spacing: 0.12em; font-size: 9.5pt; color: #1f2a44; }
.cover-title { font-size: 26pt; font-weight: 700; line-height: 1.2; margin: 3mm 0 6mm; color: #1f2a44; }
.cover-summit { font-size: 13pt; margin: 0 0 1mm; }
.cover table.cover-facts { margin-top: 14mm; width: 70%; }
.cover table.cover-facts th { width: 34%; background: none; border: none; border-bottom: 0.5pt solid #c5c9d1; color: #444; font-weight: 600; }
.cover table.cover-facts td { border: none; border-bottom: 0.5pt solid #c5c9d1; }
.cover-foot { margin-top: auto; font-size: 8.5pt; color: #444; border-top: 0.5pt solid #c5c9d1; padding-top: 2mm; margin-bottom: 3mm; }

.toc ol { list-style: none; padding: 0; margin: 0; }
.toc li { margin: 0; border-bottom: 0.5pt dotted #9aa0aa; break-inside: avoid; page-break-inside: avoid; }
.toc a { display: flex; align-items: baseline; gap: 3mm; padding: 1.6mm 0; }
.toc .toc-title { flex: 1; }
.toc .toc-kind { color: #555; font-size: 8.5pt; width: 26mm; flex: none; }
.toc .toc-page { width: 12mm; flex: none; text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }

.entry { border-top: 0.5pt solid #c5c9d1; padding-top: 2mm; margin-top: 3mm; break-inside: avoid; page-break-inside: avoid; }
.entry-title { font-weight: 600; }
blockquote { margin: 1mm 0 2mm; padding: 1mm 3mm; border-left: 1.5pt solid #9aa0aa; color: #333; font-size: 9pt; }
.annotation { margin: 1.5mm 0 2mm 4mm; padding: 1.5mm 3mm; border: 0.5pt solid #c9b458; background: #fbf8e9; font-size: 9pt; break-inside: avoid; }
.annotation-head { font-weight: 600; }
.note-heading { font-weight: 700; margin: 1.5mm 0 0.5mm; }
.note-body p, .note-body ul, .note-body ol { margin: 0.8mm 0; }
/* Each line of a note takes the direction of its first letter, as a brief's points do: an English line under an Arabic
   one reads left to right from the left edge, its full stop at its end, not as part of a right-to-left paragraph. */
.note-body :is(p, li, blockquote, th, td) { unicode-bidi: plaintext; text-align: start; }
.source-line { font-size: 8.5pt; color: #555; }

.pocket { border: 1.2pt solid #1f2a44; padding: 4mm 5mm; break-inside: avoid; page-break-inside: avoid; }
.pocket h1 { font-size: 14pt; }
.pocket h2 { font-size: 10pt; margin-top: 3mm; }
.pocket-label { text-transform: uppercase; letter-spacing: 0.1em; font-size: 8pt; color: #555; margin-bottom: 1mm; }

.person { break-inside: avoid; margin-bottom: 4mm; }
.person-name { font-size: 12pt; font-weight: 700; }
`;
}
