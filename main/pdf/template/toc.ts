import { createElement as h, type ReactNode } from 'react';
import type { SectionContent } from '../packContent.ts';

export type PageNumbers = ReadonlyMap<string, number>;

const kindNames: Record<SectionContent['kind'], string> = {
  meeting: 'Meeting',
  sector: 'Sector brief',
  timeline: 'Annex',
  biographies: 'Annex',
  sources: 'Annex',
  notes: 'Notes',
};

function kindOf(section: SectionContent): string {
  return section.kind === 'meeting' && section.form === 'pocket' ? 'Pocket card' : kindNames[section.kind];
}

/** What each page number starts as; its cell has a fixed width, so filling it in moves nothing. */
const placeholder = '000';
const numberCell = (anchor: string, text: string) => `<span class="toc-page" data-anchor="${anchor}">${text}</span>`;
const numberCells = new RegExp(numberCell('(section-\\d+)', placeholder), 'g');

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
export function TableOfContents({ sections }: { sections: SectionContent[] }): ReactNode {
  return h(
    'section',
    { className: 'pack-section toc', id: 'contents' },
    h('h1', null, 'Contents'),
    h(
      'ol',
      null,
      sections.map((section) =>
        h(
          'li',
          { key: section.anchor },
          h(
            'a',
            { href: `#${section.anchor}` },
            h('span', { className: 'toc-kind' }, kindOf(section)),
            h('span', { className: 'toc-title' }, h('span', { className: 'mark' }, section.mark), h('bdi', null, section.title)),
            h('span', { className: 'toc-page', 'data-anchor': section.anchor }, placeholder),
          ),
        ),
      ),
    ),
  );
}
