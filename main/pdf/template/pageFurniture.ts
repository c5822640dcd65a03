import { type CSSProperties, createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { composedLetters } from './composedLetters.ts';
import type { PackLanguage } from './format.ts';
import { type PackWords, packWords } from './packWords.ts';
import { alphabetFontFaces, fontStack, pageMargins } from './printCss.ts';

// The running header and footer every page carries. The engines print them in
// the page margins from their own HTML templates, where the page's stylesheet
// does not apply: every style is inline. The spans with the classes
// pageNumber and totalPages are filled in by the engine.

export interface PageFurniture {
  banner: string;
  packTitle: string;
  /** The title's portion mark ("(NC)"), printed before it as everywhere else in the pack. */
  titleMark: string;
  preparedOn: string;
  /** The language of the pack's own words: "Page 3 of 40" or "3 / 40쪽". */
  language: PackLanguage;
  /**
   * The per-copy stamp, when the export is for a named recipient. `number` is
   * null for a copy no register holds (the command line changes no store): a
   * number there would be issued again by the app to someone else.
   */
  copy: { recipient: string; number: number | null; issuedOn: string } | null;
}

const band: CSSProperties = {
  fontFamily: fontStack,
  fontSize: '7.5pt',
  color: '#222',
  // The margins inside the band's width: as outer margins they widened it past the page by both of them, and a
  // long title ran off the paper's edge uncut, its rule and the banner pushed right with it.
  width: '100%',
  boxSizing: 'border-box',
  padding: `0 ${pageMargins.right}mm 0 ${pageMargins.left}mm`,
  // The template's own default is a tiny scaled font; this resets it.
  WebkitPrintColorAdjust: 'exact',
};
const bannerStyle: CSSProperties = { textAlign: 'center', fontWeight: 700, fontSize: '9pt', letterSpacing: '0.08em' };
const row: CSSProperties = { display: 'flex', justifyContent: 'space-between', gap: '6mm' };
const ellipsis: CSSProperties = { overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', minWidth: 0 };

/**
 * "Copy 3 · for Ambassador Kim · 1 December 2026". The recipient is typed by
 * the user and may hold right-to-left text or a stray direction override: it
 * sits in its own isolate, so it can never reorder the copy number and date.
 */
function copyStamp(copy: PageFurniture['copy'], titleMark: string, words: PackWords) {
  if (!copy) return '';
  // Typed into the pack as its title is, the recipient prints at the title's mark, as on the cover.
  return h(
    'span',
    null,
    `${words.furniture.copy(copy.number)} · ${words.furniture.copyFor} ${titleMark} `,
    h('bdi', null, copy.recipient),
    ` · ${words.date(copy.issuedOn)}`,
  );
}

export function headerTemplate(furniture: PageFurniture): string {
  // The page's stylesheet does not reach the template: the faces fontStack names first come with it.
  return composedLetters(
    renderToStaticMarkup(
      h(
        'div',
        { style: band },
        h('style', null, alphabetFontFaces),
        h('div', { style: bannerStyle }, furniture.banner),
        h(
          'div',
          { style: { ...row, marginTop: '1.5mm', borderBottom: '0.5pt solid #999', paddingBottom: '1mm' } },
          h('span', { style: ellipsis }, `${furniture.titleMark} `, h('bdi', null, furniture.packTitle)),
          h(
            'span',
            { style: { ...ellipsis, flex: 'none', fontWeight: 600 } },
            copyStamp(furniture.copy, furniture.titleMark, packWords[furniture.language]),
          ),
        ),
      ),
    ),
  );
}

export function footerTemplate(furniture: PageFurniture): string {
  const words = packWords[furniture.language];
  const [before, between, after] = words.furniture.page;
  return composedLetters(
    renderToStaticMarkup(
      h(
        'div',
        { style: band },
        h('style', null, alphabetFontFaces),
        h(
          'div',
          { style: { ...row, borderTop: '0.5pt solid #999', paddingTop: '1mm', marginBottom: '1.5mm' } },
          // On one line: the template's text gets no Korean-word spans (koreanWords.ts), and a line may break between
          // "2026" and "년" as between any two Hangul syllables.
          h('span', { style: { whiteSpace: 'nowrap' } }, words.furniture.prepared(words.date(furniture.preparedOn))),
          h('span', null, before, h('span', { className: 'pageNumber' }), between, h('span', { className: 'totalPages' }), after),
        ),
        h('div', { style: bannerStyle }, furniture.banner),
      ),
    ),
  );
}
