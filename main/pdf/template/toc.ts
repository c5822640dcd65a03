import { createElement as h, type ReactNode } from 'react';
import type { SectionContent } from '../packContent.ts';
import { type PackWords, usePackWords } from './packWords.ts';

export type PageNumbers = ReadonlyMap<string, number>;

function kindOf(section: SectionContent, words: PackWords['contents']): string {
  return section.kind === 'meeting' && section.form === 'pocket' ? words.pocketCard : words.kinds[section.kind];
}

/**
 * What the page number of the entry at `index` starts as: five digits, which
 * fit the cell's fixed width, so filling in the number moves nothing. Two
 * entries between them print all ten digits, so the printed font carries
 * every digit a number needs and the number can be written into the print
 * in that font (contentsNumbers.ts).
 */
export function placeholderDigits(index: number): string {
  return index % 2 === 0 ? '01234' : '56789';
}
const numberCell = (anchor: string, text: string) => `<span class="toc-page" data-anchor="${anchor}">${text}</span>`;
const numberCells = new RegExp(numberCell('(section-\\d+)', '\\d{5}'), 'g');

/**
 * Writes the page numbers into rendered HTML. Safe as plain text replacement:
 * anchors are our own ("section-3") and user text can never form this markup,
 * because React escapes every quote and angle bracket in it.
 */
export function fillContentsNumbers(html: string, pages: PageNumbers): string {
  return html.replace(numberCells, (cell, anchor: string) => {
    const page = pages.get(anchor);
    return page === undefined ? cell : numberCell(anchor, String(page));
  });
}

/** The contents page, with placeholders where fillContentsNumbers puts the page numbers. */
export function TableOfContents({ sections, mark }: { sections: SectionContent[]; mark: string }): ReactNode {
  const words = usePackWords().contents;
  return h(
    'section',
    { className: 'pack-section toc', id: 'contents' },
    h('h1', null, h('span', { className: 'mark' }, mark), words.heading),
    h(
      'ol',
      null,
      sections.map((section, index) =>
        h(
          'li',
          { key: section.anchor },
          h(
            'a',
            { href: `#${section.anchor}` },
            h('span', { className: 'toc-kind' }, kindOf(section, words)),
            h('span', { className: 'toc-title' }, h('span', { className: 'mark' }, section.mark), h('bdi', null, section.title)),
            h('span', { className: 'toc-page', 'data-anchor': section.anchor }, placeholderDigits(index)),
          ),
        ),
      ),
    ),
  );
}
