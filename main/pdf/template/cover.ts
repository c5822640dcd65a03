import { createElement as h, type ReactNode } from 'react';
import type { PackContent } from '../packContent.ts';
import { NativeName } from './names.ts';
import { usePackWords } from './packWords.ts';

/** What the principal sees first: what the pack is, for whom, and how to handle it. */
export function Cover({ pack }: { pack: PackContent }): ReactNode {
  const { summit, principal } = pack;
  const words = usePackWords().cover;
  const { date, dateRange } = usePackWords();
  const facts: [string, ReactNode][] = [];
  if (principal)
    facts.push([
      words.principal,
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
    facts.push([words.venue, [h('span', { key: 'mark', className: 'mark' }, pack.summitMark), h('bdi', { key: 'city' }, summit.city)]]);
  facts.push([
    words.recipient,
    pack.recipient
      ? [h('span', { key: 'mark', className: 'mark' }, pack.titleMark), h('bdi', { key: 'recipient' }, pack.recipient)]
      : words.notSpecified,
  ]);
  facts.push([words.prepared, date(pack.preparedOn)]);
  facts.push([words.classification, pack.banner.name]);
  return h(
    'div',
    { className: 'cover' },
    h('div', { className: 'cover-kicker' }, words.kicker),
    h('div', { className: 'cover-title' }, h('span', { className: 'mark' }, pack.titleMark), h('bdi', null, pack.title)),
    summit
      ? h(
          'p',
          { className: 'cover-summit' },
          h('span', { className: 'mark' }, pack.summitMark),
          h('bdi', null, summit.title),
          ' · ',
          // Each date whole on its line (keptWhole.ts), the line free to break beside the range's dash.
          h('span', { className: 'cover-dates' }, dateRange(summit.startDate, summit.endDate)),
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
    h('div', { className: 'cover-foot' }, words.handling(pack.banner.name)),
  );
}
