// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { meetings } from '../../../db/meetings.ts';
import { blankBrief } from '../../../shared/domain.ts';
import { marked, renderSummit, storeWithMaltaSummit } from './maltaSummit.store.testing.tsx';

// The summit's dates were moved after its programme was drawn up (or a
// meeting was moved in from another summit): a meeting left outside the
// summit's days says so in the programme, not silently.

let summitId: number;
beforeEach(() => {
  const { store, summitId: id } = storeWithMaltaSummit('OSCE Ministerial Malta (summit dates test)', '2026-12-07', '2026-12-08');
  summitId = id;
  for (const [title, startsAt] of [
    ['Malta bilateral on the old first day', '2026-12-05T09:00:00.000Z'],
    ['Malta plenary', '2026-12-07T09:00:00.000Z'],
  ] as const)
    meetings.insert(store.db, {
      ...marked,
      ...blankBrief,
      summitId,
      title,
      format: 'bilateral',
      startsAt,
      startTimeKnown: true,
      durationMinutes: null,
      timeZone: 'Europe/Malta',
      venue: '',
      interpreters: '',
      press: 'unknown',
      status: 'planned',
      counterpartId: null,
      sourceId: null,
    });
});
afterEach(cleanup);

it('says a day of the programme lies outside the summit’s dates, and nothing for a day within them', async () => {
  renderSummit(summitId);
  const before = await screen.findByRole('heading', { name: /Saturday, 5 December 2026/ });
  expect(before.textContent).toContain('before the summit’s dates');
  const within = screen.getByRole('heading', { name: /Monday, 7 December 2026/ });
  expect(within.textContent).not.toContain('summit’s dates');
});
