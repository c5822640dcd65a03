import { createElement as h, type ReactNode } from 'react';
import type { BiographiesContent, SectionContent, SourcesContent, TimelineContent } from '../packContent.ts';
import { formatDate } from './format.ts';
import { NativeName } from './names.ts';
import { SectionHeading } from './parts.ts';
import { Prose } from './prose.ts';

export function TimelineSection({ section }: { section: SectionContent & TimelineContent }): ReactNode {
  return h(
    'section',
    { className: 'pack-section timeline' },
    h(SectionHeading, { section }),
    section.events.length === 0
      ? h('p', { className: 'not-stated' }, 'No events recorded.')
      : h(
          'table',
          null,
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', { style: { width: '20%' } }, 'Date'),
              h('th', null, 'Event'),
              h('th', { style: { width: '40%' } }, 'Source says'),
            ),
          ),
          h(
            'tbody',
            null,
            section.events.map((event) =>
              h(
                'tr',
                { key: event.id },
                h('td', null, formatDate(event.occurredOn, event.precision)),
                h('td', null, h('strong', null, event.title), event.description ? h('div', null, event.description) : null),
                h('td', null, event.sourceExcerpt ? `“${event.sourceExcerpt}”` : '—'),
              ),
            ),
          ),
        ),
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
            h('h2', null, h('span', { className: 'mark' }, person.mark), person.name, h(NativeName, { person })),
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
      : h(
          'table',
          null,
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', null, 'Title'),
              h('th', { style: { width: '20%' } }, 'Publisher'),
              h('th', { style: { width: '30%' } }, 'Where'),
            ),
          ),
          h(
            'tbody',
            null,
            section.sources.map((source) =>
              h(
                'tr',
                { key: source.id },
                h(
                  'td',
                  null,
                  source.title,
                  source.publishedOn ? ` (${formatDate(source.publishedOn)})` : '',
                  source.note ? h('div', { className: 'muted' }, source.note) : null,
                ),
                h('td', null, source.publisher || '—'),
                h('td', null, source.location || '—'),
              ),
            ),
          ),
        ),
  );
}
