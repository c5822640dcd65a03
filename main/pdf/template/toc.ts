import { createElement as h, type ReactNode } from 'react';
import type { SectionContent } from '../packContent.ts';

export type PageNumbers = ReadonlyMap<string, number>;

const kindNames: Record<SectionContent['kind'], string> = {
  meeting: 'Meeting',
  sector: 'Sector brief',
  timeline: 'Annex',
  biographies: 'Annex',
  sources: 'Annex',
};

function kindOf(section: SectionContent): string {
  return section.kind === 'meeting' && section.form === 'pocket' ? 'Pocket card' : kindNames[section.kind];
}

/**
 * The contents page. Without page numbers yet (the first pass) each number is
 * a placeholder of the same width, so filling them in moves nothing.
 */
export function TableOfContents({ sections, pages }: { sections: SectionContent[]; pages: PageNumbers | null }): ReactNode {
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
            h('span', { className: 'toc-title' }, h('span', { className: 'mark' }, section.mark), section.title),
            h('span', { className: 'toc-page', 'data-anchor': section.anchor }, pages ? String(pages.get(section.anchor) ?? '?') : '000'),
          ),
        ),
      ),
    ),
  );
}
