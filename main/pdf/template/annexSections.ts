import { createElement as h, type ReactNode } from 'react';
import type { BiographiesContent, NotesContent, SectionContent, SourcesContent, TimelineContent } from '../packContent.ts';
import { formatDate, quotedExcerpt } from './format.ts';
import { NativeName } from './names.ts';
import { Annotation, DataTable, markColumnWidth, SectionHeading } from './parts.ts';
import { Prose } from './prose.ts';

const originNames = { event: 'Event', meeting: 'Meeting', sectorEntry: 'Sector entry' } as const;

function rangeLine(from: string | null, to: string | null): string {
  if (from && to) return `From ${formatDate(from)} to ${formatDate(to)}.`;
  if (from) return `From ${formatDate(from)}.`;
  if (to) return `Up to ${formatDate(to)}.`;
  return 'All dates.';
}

/** The summit's events, the pack's meetings and its sectors' entries, in date order. */
export function TimelineSection({ section }: { section: SectionContent & TimelineContent }): ReactNode {
  return h(
    'section',
    { className: 'pack-section timeline' },
    h(SectionHeading, { section }),
    // The table's caption: it heads the rows, so it carries the section's mark as they do.
    h(
      'p',
      { className: 'muted caption' },
      h('span', { className: 'mark' }, section.mark),
      `Events of the summit, the meetings and the sector entries in this pack. ${rangeLine(section.from, section.to)}`,
    ),
    section.rows.length === 0
      ? h('p', { className: 'not-stated' }, 'No events in this pack’s scope.')
      : h(DataTable, {
          columns: [
            { label: 'Mark', width: markColumnWidth(section.rows.map((row) => row.mark)) },
            { label: 'Date', width: '17%' },
            { label: 'Event' },
            { label: 'Source says', width: '34%' },
          ],
          rows: section.rows.map((row, index) => ({
            key: index,
            cells: [
              h('span', { key: 'mark', className: 'portion' }, row.mark),
              formatDate(row.occurredOn, row.precision),
              [
                h('strong', { key: 'title' }, row.title),
                h(
                  'div',
                  { key: 'description', className: 'muted' },
                  [originNames[row.origin], row.description].filter(Boolean).join(' · '),
                ),
              ],
              row.sourceExcerpt ? quotedExcerpt(row.sourceExcerpt) : '—',
            ],
          })),
        }),
  );
}

export function BiographiesSection({ section }: { section: SectionContent & BiographiesContent }): ReactNode {
  return h(
    'section',
    { className: 'pack-section biographies' },
    h(SectionHeading, { section }),
    section.people.length === 0
      ? h('p', { className: 'not-stated' }, 'No one chosen.')
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
                .join(' · ') || 'Title not set',
            ),
            h(Prose, { text: person.biography, empty: 'No biography recorded.' }),
            person.writtenFor ? h('p', { className: 'muted' }, `Written for ${person.writtenFor}.`) : null,
          ),
        ),
  );
}

export function SourcesSection({ section }: { section: SectionContent & SourcesContent }): ReactNode {
  return h(
    'section',
    { className: 'pack-section sources' },
    h(SectionHeading, { section }),
    section.sources.length === 0
      ? h('p', { className: 'not-stated' }, 'Nothing in this pack cites a source.')
      : h(DataTable, {
          columns: [{ label: 'Title' }, { label: 'Publisher', width: '20%' }, { label: 'Where', width: '30%' }],
          rows: section.sources.map((source) => ({
            key: source.id,
            cells: [
              [
                h('span', { key: 'mark', className: 'mark' }, source.mark),
                h('bdi', { key: 'title' }, source.title),
                source.publishedOn ? ` (${formatDate(source.publishedOn)})` : '',
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
  return h(
    'section',
    { className: 'pack-section notes' },
    h(SectionHeading, { section }),
    section.groups.length === 0
      ? h('p', { className: 'not-stated' }, 'No notes are linked to what this pack holds.')
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
