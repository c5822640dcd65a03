// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meetings } from '../../../db/meetings.ts';
import { blankBrief } from '../../../shared/domain.ts';
import type { StoreBridge } from '../../../testing/storeBridge.ts';
import { marked, renderSummit, storeWithMaltaSummit } from './maltaSummit.store.testing.tsx';

// A row of the programme is drawn once and kept while the list around it renders again (as it finds its place on
// the page, measures its rows, scrolls): what it shows must still follow the store and the settings, a meeting
// renamed at another desk or the home zone changed in Settings, in the rows already on screen.

let store: StoreBridge;
let summitId: number;
const ids: Record<string, number> = {};
beforeEach(async () => {
  const made = storeWithMaltaSummit('OSCE Ministerial Malta (programme rows test)', '2026-12-07', '2026-12-08');
  store = made.store;
  summitId = made.summitId;
  for (const [title, startsAt] of [
    ['Malta plenary', '2026-12-07T09:00:00.000Z'],
    ['Working lunch of the Troika', '2026-12-07T11:00:00.000Z'],
    ['Breakfast with the Nordic ministers', '2026-12-08T07:00:00.000Z'],
  ] as const)
    ids[title] = meetings.insert(store.db, {
      ...marked,
      ...blankBrief,
      summitId,
      title,
      format: 'bilateral',
      startsAt,
      startTimeKnown: true,
      durationMinutes: 60,
      timeZone: 'Europe/Malta',
      venue: '',
      interpreters: '',
      press: 'unknown',
      status: 'planned',
      counterpartId: null,
      sourceId: null,
    });
  const home = await store.bridge['settings.update']({ homeTimeZone: 'Europe/London' });
  if (!home.ok) throw new Error(home.error.message);
});
afterEach(cleanup);

const rowOf = async (title: string) => (await screen.findByRole('link', { name: title })).closest('.meeting-row') as HTMLElement;

describe('a row of the summit’s programme already on screen', () => {
  it('lists every meeting of the summit under its day, each opening its brief', async () => {
    renderSummit(summitId);
    for (const [title, id] of Object.entries(ids))
      expect((await screen.findByRole('link', { name: title })).getAttribute('href')).toBe(`#/meeting/${id}`);
    const headings = screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
    expect(headings).toEqual(['Monday, 7 December 2026 (2 meetings)', 'Tuesday, 8 December 2026 (1 meeting)']);
  });

  it('shows a meeting’s new title once it is renamed, and its neighbours unchanged', async () => {
    renderSummit(summitId);
    await rowOf('Working lunch of the Troika');
    const renamed = await store.bridge['meeting.update']({
      id: ids['Working lunch of the Troika'] as number,
      patch: { title: 'Working dinner of the Troika' },
      expected: { title: 'Working lunch of the Troika' },
    });
    if (!renamed.ok) throw new Error(renamed.error.message);
    const row = await rowOf('Working dinner of the Troika');
    expect(screen.queryByRole('link', { name: 'Working lunch of the Troika' })).toBeNull();
    expect(within(row).getByText(/Mon, 7 Dec 2026, 12:00/)).toBeTruthy();
    expect(await rowOf('Malta plenary')).toBeTruthy();
  });

  it('shows each meeting’s home time in the zone Settings now holds', async () => {
    renderSummit(summitId);
    const plenary = await rowOf('Malta plenary');
    // 10:00 in Valletta (CET) is 09:00 in London (GMT).
    expect(
      within(plenary)
        .getByText(/Home time \(Europe\/London\)/)
        .closest('.home-time')?.textContent,
    ).toMatch(/09:00 GMT/);
    const seoul = await store.bridge['settings.update']({ homeTimeZone: 'Asia/Seoul' });
    if (!seoul.ok) throw new Error(seoul.error.message);
    await waitFor(() => expect(within(plenary).queryByText(/Home time \(Asia\/Seoul\)/)).not.toBeNull());
    expect(
      within(plenary)
        .getByText(/Home time \(Asia\/Seoul\)/)
        .closest('.home-time')?.textContent,
    ).toMatch(/18:00 KST/);
  });
});
