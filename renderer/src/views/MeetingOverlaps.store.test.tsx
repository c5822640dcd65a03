// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meetings } from '../../../db/meetings.ts';
import { blankBrief } from '../../../shared/domain.ts';
import type { StoreBridge } from '../../../testing/storeBridge.ts';
import { EntityForm } from '../forms/EntityForm.tsx';
import { formSpecs } from '../forms/specs.ts';
import { ScreenBanner, ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { MeetingBriefView } from './MeetingBrief.tsx';
import { renderSummit, storeWithMaltaSummit } from './maltaSummit.store.testing.tsx';

// A principal double-booked in Valletta: a working dinner from 19:00 to 22:00 overlaps a pull-aside at 19:30 and a
// call at 21:00, which do not overlap each other; the call is NATO RESTRICTED, the rest NATO UNCLASSIFIED. The
// programme's mark and each meeting's brief say with which meeting each overlaps, each named with its marking.

let summitId: number;
let db: StoreBridge['db'];
let bridge: StoreBridge['bridge'];
const ids: Record<string, number> = {};
beforeEach(() => {
  const { store, summitId: id } = storeWithMaltaSummit('OSCE Ministerial Malta (overlap test)', '2026-12-07', '2026-12-08');
  summitId = id;
  db = store.db;
  bridge = store.bridge;
  for (const [title, startsAt, durationMinutes, classification] of [
    ['Working dinner of the Troika', '2026-12-07T18:00:00.000Z', 180, 'NATO UNCLASSIFIED'],
    ['Pull-aside with the Chair', '2026-12-07T18:30:00.000Z', 20, 'NATO UNCLASSIFIED'],
    ['Call with the Secretary General', '2026-12-07T20:00:00.000Z', 30, 'NATO RESTRICTED'],
    ['Breakfast with the Nordic ministers', '2026-12-08T07:00:00.000Z', 60, 'NATO UNCLASSIFIED'],
  ] as const)
    ids[title] = meetingAt(title, startsAt, durationMinutes, classification);
});
afterEach(cleanup);

function meetingAt(title: string, startsAt: string, durationMinutes: number, classification: string): number {
  return meetings.insert(db, {
    ...blankBrief,
    classification,
    summitId,
    title,
    format: 'bilateral',
    startsAt,
    startTimeKnown: true,
    durationMinutes,
    timeZone: 'Europe/Malta',
    venue: '',
    interpreters: '',
    press: 'unknown',
    status: 'planned',
    counterpartId: null,
    sourceId: null,
  });
}

const rowOf = async (title: string) => (await screen.findByRole('link', { name: title })).closest('.meeting-row') as HTMLElement;
const markOf = (row: HTMLElement) => row.querySelector('.overlap-mark')?.textContent ?? null;

describe('the programme’s mark on a meeting that overlaps another', () => {
  it('names the meeting or meetings it overlaps, each with its marking', async () => {
    renderSummit(summitId);
    expect(markOf(await rowOf('Working dinner of the Troika'))).toBe(
      '⚠ Overlaps 2 meetings: (NU) Pull-aside with the Chair; (NR) Call with the Secretary General',
    );
    expect(markOf(await rowOf('Pull-aside with the Chair'))).toBe('⚠ Overlaps (NU) Working dinner of the Troika');
    expect(markOf(await rowOf('Call with the Secretary General'))).toBe('⚠ Overlaps (NU) Working dinner of the Troika');
    expect(markOf(await rowOf('Breakfast with the Nordic ministers'))).toBeNull();
  });

  it('names three and counts the rest', async () => {
    for (const minute of ['05', '10', '15']) meetingAt(`Photo line ${minute}`, `2026-12-07T19:${minute}:00.000Z`, 5, 'NATO UNCLASSIFIED');
    renderSummit(summitId);
    expect(markOf(await rowOf('Working dinner of the Troika'))).toBe(
      '⚠ Overlaps 5 meetings: (NU) Pull-aside with the Chair; (NU) Photo line 05; (NU) Photo line 10; and 2 more',
    );
  });
});

describe('a meeting’s brief', () => {
  function renderBrief(id: number) {
    render(
      <StoreQueries client={createQueryClient()}>
        <SettingsProvider>
          <ScreenMarkingsProvider>
            <ScreenBanner edge="top" />
            <MeetingBriefView id={id} />
          </ScreenMarkingsProvider>
        </SettingsProvider>
      </StoreQueries>,
    );
  }

  it('warns of each meeting it overlaps, named with its marking and time, and links to it', async () => {
    renderBrief(ids['Working dinner of the Troika'] ?? 0);
    const list = await screen.findByRole('list', { name: 'Overlapping meetings' });
    expect(screen.getByText('This meeting overlaps 2 other meetings of the summit:')).toBeTruthy();
    expect(Array.from(list.querySelectorAll('li'), (item) => item.textContent)).toEqual([
      '(NU) Pull-aside with the Chair · Mon, 7 Dec 2026, 19:30 CET – 19:50 CET (Europe/Malta)',
      '(NR) Call with the Secretary General · Mon, 7 Dec 2026, 21:00 CET – 21:30 CET (Europe/Malta)',
    ]);
    expect(within(list).getByRole('link', { name: 'Call with the Secretary General' }).getAttribute('href')).toBe(
      `#/meeting/${ids['Call with the Secretary General']}`,
    );
    // The restricted call is named on this unclassified brief: the banner says so.
    expect(screen.getByRole('note', { name: 'Highest marking on screen' }).textContent).toBe('NATO RESTRICTED');
  });

  // A summit's day of photo lines during the dinner: 29 meetings overlap it, one of them NATO RESTRICTED.
  function photoLines() {
    for (let index = 1; index <= 27; index++) {
      const minute = String(index * 2).padStart(2, '0');
      meetingAt(`Photo line ${index}`, `2026-12-07T19:${minute}:00.000Z`, 1, index === 1 ? 'NATO RESTRICTED' : 'NATO UNCLASSIFIED');
    }
  }

  it('names three of many, each with its marking, and counts the rest with a link to the programme', async () => {
    photoLines();
    renderBrief(ids['Working dinner of the Troika'] ?? 0);
    const list = await screen.findByRole('list', { name: 'Overlapping meetings' });
    expect(screen.getByText('This meeting overlaps 29 other meetings of the summit:')).toBeTruthy();
    expect(Array.from(list.querySelectorAll('li'), (item) => item.textContent)).toEqual([
      '(NU) Pull-aside with the Chair · Mon, 7 Dec 2026, 19:30 CET – 19:50 CET (Europe/Malta)',
      '(NR) Photo line 1 · Mon, 7 Dec 2026, 20:02 CET – 20:03 CET (Europe/Malta)',
      '(NU) Photo line 2 · Mon, 7 Dec 2026, 20:04 CET – 20:05 CET (Europe/Malta)',
    ]);
    expect(screen.getByRole('link', { name: 'and 26 more meetings of the summit' }).getAttribute('href')).toBe(`#/summit/${summitId}`);
    expect(screen.queryByText('Photo line 3')).toBeNull();
    expect(screen.getByRole('note', { name: 'Highest marking on screen' }).textContent).toBe('NATO RESTRICTED');
  });

  it('counts the rest in Korean', async () => {
    photoLines();
    await bridge['settings.update']({ language: 'ko' });
    renderBrief(ids['Working dinner of the Troika'] ?? 0);
    const list = await screen.findByRole('list', { name: '시간이 겹치는 회담' });
    expect(list.querySelectorAll('li')).toHaveLength(3);
    expect(screen.getByRole('link', { name: '외 정상회의 회담 26건' })).toBeTruthy();
  });
});

describe('the meeting form', () => {
  it('names three of many meetings at the time typed, each with its marking, and counts the rest', async () => {
    for (let index = 1; index <= 27; index++) {
      const minute = String(index * 2).padStart(2, '0');
      meetingAt(`Photo line ${index}`, `2026-12-07T19:${minute}:00.000Z`, 1, index === 1 ? 'NATO RESTRICTED' : 'NATO UNCLASSIFIED');
    }
    const values = {
      ...formSpecs.meeting.blank(),
      title: 'Second working dinner',
      summitId: String(summitId),
      date: '2026-12-07',
      startTimeKnown: true,
      time: '19:00',
      durationMinutes: '180',
      timeZone: 'Europe/Malta',
      classification: 'NATO UNCLASSIFIED',
    };
    render(
      <StoreQueries client={createQueryClient()}>
        <SettingsProvider>
          <EntityForm entity="meeting" initial={values} />
        </SettingsProvider>
      </StoreQueries>,
    );
    const list = await screen.findByRole('list', { name: 'Overlapping meetings' });
    // The dinner, the pull-aside, the call and the 27 photo lines: 30, three named in order of start.
    expect(screen.getByText('This meeting overlaps 30 other meetings of the summit:')).toBeTruthy();
    expect(Array.from(list.querySelectorAll('li'), (item) => item.textContent?.split(' · ')[0])).toEqual([
      '(NU) Working dinner of the Troika',
      '(NU) Pull-aside with the Chair',
      '(NR) Photo line 1',
    ]);
    expect(screen.getByText('and 27 more meetings of the summit')).toBeTruthy();
  });
});
