// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenBanner, ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { MeetingBriefView } from './MeetingBrief.tsx';

// The brief against the real store: every person it shows is material on
// screen, so each carries its portion mark and counts towards the banner.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

describe('a meeting brief’s participants', () => {
  it('each show their portion mark, and an unmarked one adds "+ UNMARKED MATERIAL" to a marked meeting’s banner', async () => {
    const meetingId = 1;
    // Everything the brief shows is marked, but for one participant who is not the counterpart.
    for (const table of ['meeting', 'person', 'note']) {
      store.db.prepare(`UPDATE ${table} SET classification = 'NATO RESTRICTED'`).run();
    }
    const unmarked = store.db
      .prepare(
        `SELECT p.name FROM meeting_participant mp JOIN person p ON p.id = mp.person_id
         WHERE mp.meeting_id = ? AND p.id IS NOT (SELECT counterpart_id FROM meeting WHERE id = ?) ORDER BY p.name LIMIT 1`,
      )
      .pluck()
      .get(meetingId, meetingId) as string;
    store.db.prepare("UPDATE person SET classification = '' WHERE name = ?").run(unmarked);

    render(
      <SettingsProvider>
        <ScreenMarkingsProvider>
          <ScreenBanner edge="top" />
          <MeetingBriefView id={meetingId} />
        </ScreenMarkingsProvider>
      </SettingsProvider>,
    );
    const person = await screen.findByRole('link', { name: new RegExp(unmarked) });
    const row = person.closest('.participant') as HTMLElement;
    expect(within(row).getByText('(UNMARKED)')).toBeTruthy();
    const banner = screen.getByRole('note', { name: 'Highest marking on screen' });
    await waitFor(() => expect(banner.textContent).toBe('NATO RESTRICTED + UNMARKED MATERIAL'));
    for (const other of document.querySelectorAll('.participant')) {
      if (other !== row) expect(within(other as HTMLElement).getByText('(NR)')).toBeTruthy();
    }
  });
});

describe('a meeting brief’s sections', () => {
  it('each show the meeting’s portion mark before the heading, as the pack prints them', async () => {
    store.db.prepare("UPDATE meeting SET classification = 'NATO RESTRICTED' WHERE id = 1").run();
    render(
      <SettingsProvider>
        <ScreenMarkingsProvider>
          <MeetingBriefView id={1} />
        </ScreenMarkingsProvider>
      </SettingsProvider>,
    );
    for (const heading of ['Purpose', 'Points to make', 'Defensive points', 'Outcome']) {
      expect((await screen.findByRole('heading', { level: 2, name: new RegExp(heading) })).textContent).toBe(`(NR)${heading}`);
    }
  });
});
