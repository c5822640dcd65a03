// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { meetings } from '../../../db/meetings.ts';
import { blankBrief } from '../../../shared/domain.ts';
import type { StoreBridge } from '../../../testing/storeBridge.ts';
import { marked, renderSummit, storeWithMaltaSummit } from './maltaSummit.store.testing.tsx';

// The summit's dates were moved after its programme was drawn up (or a
// meeting was moved in from another summit): a meeting left outside the
// summit's days says so in the programme, not silently.

let summitId: number;
let db: StoreBridge['db'];
beforeEach(() => {
  const { store, summitId: id } = storeWithMaltaSummit('OSCE Ministerial Malta (summit dates test)', '2026-12-07', '2026-12-08');
  summitId = id;
  db = store.db;
  for (const [title, startsAt] of [
    ['Malta bilateral on the old first day', '2026-12-05T09:00:00.000Z'],
    ['Malta plenary', '2026-12-07T09:00:00.000Z'],
  ] as const)
    meetingAt(store.db, title, startsAt, 'Europe/Malta');
});
afterEach(cleanup);

function meetingAt(into: StoreBridge['db'], title: string, startsAt: string, timeZone: string): void {
  meetings.insert(into, {
    ...marked,
    ...blankBrief,
    summitId,
    title,
    format: 'bilateral',
    startsAt,
    startTimeKnown: true,
    durationMinutes: null,
    timeZone,
    venue: '',
    interpreters: '',
    press: 'unknown',
    status: 'planned',
    counterpartId: null,
    sourceId: null,
  });
}

it('says a day of the programme lies outside the summit’s dates, and nothing for a day within them', async () => {
  renderSummit(summitId);
  const before = await screen.findByRole('heading', { name: /Saturday, 5 December 2026/ });
  expect(before.textContent).toContain('before the summit’s dates');
  const within = screen.getByRole('heading', { name: /Monday, 7 December 2026/ });
  expect(within.textContent).not.toContain('summit’s dates');
});

it('counts a side meeting past midnight at its venue, still on the summit’s last day at the summit, within the dates', async () => {
  // 00:10 on 9 December in Dhaka is 19:10 on the 8th in Valletta, the summit's last day; 09:00 on the 10th is after it.
  meetingAt(db, 'Side meeting in Dhaka', '2026-12-08T18:10:00.000Z', 'Asia/Dhaka');
  meetingAt(db, 'Follow-up in Dhaka', '2026-12-10T03:00:00.000Z', 'Asia/Dhaka');
  renderSummit(summitId);
  const lateNight = await screen.findByRole('heading', { name: /Wednesday, 9 December 2026/ });
  expect(lateNight.textContent).not.toContain('summit’s dates');
  expect(screen.getByRole('heading', { name: /Thursday, 10 December 2026/ }).textContent).toContain('after the summit’s dates');
});
