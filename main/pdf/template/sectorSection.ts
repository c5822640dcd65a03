import { createElement as h, type ReactNode } from 'react';
import type { SectionContent, SectorContent } from '../packContent.ts';
import { quotedExcerpt } from './format.ts';
import { usePackWords } from './packWords.ts';
import { Annotation, PartHeading, SectionHeading, SourceLine } from './parts.ts';
import { Prose } from './prose.ts';

/** A sector brief: state of play, our position, and the dated entries with staff annotations. */
export function SectorSection({ section }: { section: SectionContent & SectorContent }): ReactNode {
  const { sector, programme } = section;
  const { date, sector: words } = usePackWords();
  return h(
    'section',
    { className: 'pack-section sector' },
    // The heading stays with the state of play and our position: a heading alone at a page's foot reads as a mistake.
    h(
      'div',
      { className: 'keep-together' },
      h(SectionHeading, { section }),
      h(
        'p',
        { className: 'muted programme-line' },
        h('span', { className: 'mark' }, programme.mark),
        `${programme.code}: ${programme.name}`,
      ),
      h(PartHeading, { mark: sector.mark, text: words.stateOfPlay }),
      h(Prose, { text: sector.summary }),
      h(PartHeading, { mark: sector.mark, text: words.ourPosition }),
      h(Prose, { text: sector.ourPosition }),
    ),
    h(PartHeading, { mark: section.entriesMark, text: words.recentDevelopments }),
    section.entries.length === 0
      ? h('p', { className: 'not-stated' }, words.noEntries(section.entriesLeftOut))
      : section.entries.map((entry) =>
          h(
            'div',
            { className: 'entry', key: entry.id },
            h(
              'div',
              { className: 'entry-title' },
              h('span', { className: 'mark' }, entry.mark),
              `${date(entry.occurredOn)} — `,
              h('bdi', null, entry.title),
            ),
            h(Prose, { text: entry.body, empty: null }),
            entry.sourceExcerpt ? h('blockquote', null, quotedExcerpt(entry.sourceExcerpt)) : null,
            h(SourceLine, { source: entry.source }),
            entry.annotations.map((note) => h(Annotation, { key: note.id, note })),
          ),
        ),
  );
}
