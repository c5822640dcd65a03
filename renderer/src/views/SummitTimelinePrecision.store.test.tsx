// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { timelineEvents } from '../../../db/timeline.ts';
import { marked, renderSummit, storeWithMaltaSummit } from './maltaSummit.store.testing.tsx';

// An event entered as "Month only" (the source says December 2028, no day)
// showed on its summit's page as "1 December 2028", a day nobody gave; the
// Timeline view said "December 2028".

let summitId: number;
beforeEach(() => {
  const { store, summitId: id } = storeWithMaltaSummit('OSCE Ministerial Council, Valletta', '2028-12-04', '2028-12-05');
  summitId = id;
  for (const [occurredOn, precision, title] of [
    ['2028-01-01', 'year', 'Malta chosen to chair the OSCE'],
    ['2028-12-01', 'month', 'Malta takes the OSCE chair'],
    ['2028-12-03', 'day', 'Ċensu Ħabib briefs the press'],
  ] as const)
    timelineEvents.insert(store.db, {
      ...marked,
      occurredOn,
      precision,
      title,
      description: '',
      summitId,
      sourceId: null,
      sourceExcerpt: '',
    });
});
afterEach(cleanup);

it('gives each of the summit’s timeline events its date as precisely as it was entered', async () => {
  renderSummit(summitId);
  const row = async (title: string) => (await screen.findByText(title, { exact: false })).closest('li')?.textContent;
  expect(await row('Malta chosen to chair')).toMatch(/^\(NU\)\s*2028 Malta chosen/);
  expect(await row('Malta takes the OSCE chair')).toMatch(/^\(NU\)\s*December 2028 Malta takes/);
  expect(await row('Ċensu Ħabib briefs')).toMatch(/^\(NU\)\s*3 December 2028 Ċensu/);
});
