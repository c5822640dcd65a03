import { createElement as h, type ReactNode } from 'react';
import type { PackContent } from '../packContent.ts';
import { formatDate, formatDateRange } from './format.ts';
import { NativeName } from './names.ts';

/** What the principal sees first: what the pack is, for whom, and how to handle it. */
export function Cover({ pack }: { pack: PackContent }): ReactNode {
  const { summit, principal } = pack;
  const facts: [string, ReactNode][] = [];
  if (principal)
    facts.push([
      'Principal',
      h(
        'span',
        null,
        h('span', { className: 'mark' }, pack.principalMark),
        h('bdi', null, principal.name),
        h(NativeName, { person: principal }),
        principal.title ? `, ${principal.title}` : '',
      ),
    ]);
  // The venue is the summit's text, the recipient typed as the title is: each prints at the mark of the line it belongs to.
  if (summit?.city)
    facts.push(['Venue', [h('span', { key: 'mark', className: 'mark' }, pack.summitMark), h('bdi', { key: 'city' }, summit.city)]]);
  facts.push([
    'Recipient',
    pack.recipient
      ? [h('span', { key: 'mark', className: 'mark' }, pack.titleMark), h('bdi', { key: 'recipient' }, pack.recipient)]
      : 'Not specified',
  ]);
  facts.push(['Prepared', formatDate(pack.preparedOn)]);
  facts.push(['Classification', pack.banner.name]);
  return h(
    'div',
    { className: 'cover' },
    h('div', { className: 'cover-kicker' }, 'Briefing pack'),
    h('div', { className: 'cover-title' }, h('span', { className: 'mark' }, pack.titleMark), h('bdi', null, pack.title)),
    summit
      ? h(
          'p',
          { className: 'cover-summit' },
          h('span', { className: 'mark' }, pack.summitMark),
          h('bdi', null, summit.title),
          ` · ${formatDateRange(summit.startDate, summit.endDate)}`,
        )
      : null,
    h(
      'table',
      { className: 'cover-facts' },
      h(
        'tbody',
        null,
        facts.map(([label, value]) => h('tr', { key: label }, h('th', { scope: 'row' }, label), h('td', null, value))),
      ),
    ),
    h(
      'div',
      { className: 'cover-foot' },
      `Every page carries the highest classification of anything in this pack (${pack.banner.name}); each section’s heading carries the highest portion mark of what it holds, and each part of a section (a brief’s heading, an entry, a note, a person) carries its own. `,
      `Handle, store and destroy this pack according to that marking.`,
    ),
  );
}
