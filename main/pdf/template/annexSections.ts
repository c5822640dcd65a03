import { createElement as h, type ReactNode } from 'react';
import type { BiographiesContent, SectionContent, SourcesContent, TimelineContent } from '../packContent.ts';
import { formatDate } from './format.ts';
import { NativeName } from './names.ts';
import { DataTable, SectionHeading } from './parts.ts';
import { Prose } from './prose.ts';

export function TimelineSection({ section }: { section: SectionContent & TimelineContent }): ReactNode {
  return h(
    'section',
    { className: 'pack-section timeline' },
    h(SectionHeading, { section }),
    section.events.length === 0
      ? h('p', { className: 'not-stated' }, 'No events recorded.')
      : h(DataTable, {
          columns: [{ label: 'Date', width: '20%' }, { label: 'Event' }, { label: 'Source says', width: '40%' }],
          rows: section.events.map((event) => ({
            key: event.id,
            cells: [
              formatDate(event.occurredOn, event.precision),
              [h('strong', { key: 'title' }, event.title), event.description ? h('div', { key: 'description' }, event.description) : null],
              event.sourceExcerpt ? `“${event.sourceExcerpt}”` : '—',
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
