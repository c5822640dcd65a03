import { createElement as h, type ReactNode } from 'react';
import type { BiographiesContent, NotesContent, SectionContent, SourcesContent, TimelineContent } from '../packContent.ts';
import { quotedExcerpt } from './format.ts';
import { NativeName } from './names.ts';
import { usePackWords } from './packWords.ts';
import { Annotation, DataTable, dateColumnWidth, markColumnWidth, SectionHeading } from './parts.ts';
import { Prose } from './prose.ts';

/** The summit's events, the pack's meetings and its sectors' entries, in date order. */
export function TimelineSection({ section }: { section: SectionContent & TimelineContent }): ReactNode {
  const { date, timeline: words, meeting } = usePackWords();
  return h(
    'section',
    { className: 'pack-section timeline' },
    h(SectionHeading, { section }),
    // The table's caption: it heads the rows, so it carries the section's mark as they do.
    h('p', { className: 'muted caption' }, h('span', { className: 'mark' }, section.mark), words.caption(section.from, section.to)),
    section.rows.length === 0
      ? h('p', { className: 'not-stated' }, words.noEvents)
      : h(DataTable, {
          columns: [
            { label: meeting.mark, width: markColumnWidth(section.rows.map((row) => row.mark)) },
            // Wide enough for the longest date kept whole (dateColumnWidth): 17% cut "30 September 2026" after "2".
            { label: words.date, width: dateColumnWidth },
            { label: words.event },
            { label: words.sourceSays, width: '30%' },
          ],
          rows: section.rows.map((row, index) => ({
            key: index,
            cells: [
              h('span', { key: 'mark', className: 'portion' }, row.mark),
              date(row.occurredOn, row.precision),
              [
                h('strong', { key: 'title' }, row.title),
                h(
                  'div',
                  { key: 'description', className: 'muted' },
                  [words.origins[row.origin], row.description].filter(Boolean).join(' · '),
                ),
              ],
              row.sourceExcerpt ? quotedExcerpt(row.sourceExcerpt) : '—',
            ],
          })),
        }),
  );
}

export function BiographiesSection({ section }: { section: SectionContent & BiographiesContent }): ReactNode {
  const words = usePackWords().biographies;
  return h(
    'section',
    { className: 'pack-section biographies' },
    h(SectionHeading, { section }),
    section.people.length === 0
      ? h('p', { className: 'not-stated' }, words.noOne)
      : section.people.map((person) =>
          h(
            'div',
            { className: 'person', key: person.id },
            h('h2', null, h('span', { className: 'mark' }, person.mark), h('bdi', null, person.name), h(NativeName, { person })),
            h(
              'p',
              { className: 'muted' },
              [person.title, person.country && !person.title.includes(person.country.name) ? person.country.name : '']
                .filter(Boolean)
                .join(' · ') || words.titleNotSet,
            ),
            h(Prose, { text: person.biography, empty: words.noBiography }),
            person.writtenFor ? h('p', { className: 'muted' }, words.writtenFor(person.writtenFor)) : null,
          ),
        ),
  );
}

export function SourcesSection({ section }: { section: SectionContent & SourcesContent }): ReactNode {
  const { date, sources: words } = usePackWords();
  return h(
    'section',
    { className: 'pack-section sources' },
    h(SectionHeading, { section }),
    section.sources.length === 0
      ? h('p', { className: 'not-stated' }, words.none)
      : h(DataTable, {
          // A publisher is often one long word, a Nordic ministry's name (Utenriksdepartementet), which a fifth of the
          // width cut in two; a place is a page, an address or a link, which wraps anywhere.
          columns: [{ label: words.title }, { label: words.publisher, width: '28%' }, { label: words.where, width: '22%' }],
          rows: section.sources.map((source) => ({
            key: source.id,
            cells: [
              [
                h('span', { key: 'mark', className: 'mark' }, source.mark),
                h('bdi', { key: 'title' }, source.title),
                source.publishedOn ? ` (${date(source.publishedOn)})` : '',
                source.note ? h('div', { key: 'note', className: 'muted' }, source.note) : null,
              ],
              source.publisher || '—',
              source.location || '—',
            ],
          })),
        }),
  );
}

/** Staff notes linked to the summit, the pack's sectors and its pocket-card meetings, grouped by what they are on. */
export function NotesSection({ section }: { section: SectionContent & NotesContent }): ReactNode {
  const words = usePackWords().notes;
  return h(
    'section',
    { className: 'pack-section notes' },
    h(SectionHeading, { section }),
    section.groups.length === 0
      ? h('p', { className: 'not-stated' }, words.none)
      : section.groups.map((group) =>
          h(
            'div',
            { key: group.heading },
            h('h2', null, h('span', { className: 'mark' }, group.mark), h('bdi', null, group.heading)),
            group.notes.map((note) => h(Annotation, { key: note.id, note })),
          ),
        ),
  );
}
