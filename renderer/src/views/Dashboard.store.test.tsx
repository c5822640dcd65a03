// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { followUps } from '../../../db/followUps.ts';
import { createNote } from '../../../db/notes.ts';
import { summits } from '../../../db/summits.ts';
import { insertOneDaySummit } from '../../../db/testing.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { Dashboard } from './Dashboard.tsx';

// Today's follow-ups and recent notes, below the fold on a busy desk, render in the deferred render just after
// Today's first paint (views/Dashboard.tsx): they still show, each with its marking, and a desk with none says so.

let store: StoreBridge;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
});
afterEach(cleanup);

// Each test's own cache: its desk's answers, not an earlier test's.
const shown = () =>
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <ScreenMarkingsProvider>
          <Dashboard />
        </ScreenMarkingsProvider>
      </SettingsProvider>
    </StoreQueries>,
  );

const section = async (name: string) => (await screen.findByRole('heading', { name })).closest('section') as HTMLElement;

describe('Today below the fold', () => {
  it('shows the open follow-ups and the recent notes, with their markings', async () => {
    insertOneDaySummit(store.db, 'Deferred rows summit (dashboard test)', '2099-03-04', 'NATO UNCLASSIFIED');
    followUps.insert(store.db, {
      meetingId: null,
      description: 'Send the deferred readout',
      owner: 'Desk officer',
      dueOn: '2099-03-05',
      status: 'open',
      classification: 'NATO CONFIDENTIAL',
    });
    createNote(
      store.db,
      { sectorEntryId: null, meetingId: null },
      { title: 'Deferred corridor talk', body: '', tags: [], classification: 'NATO RESTRICTED' },
    );
    shown();
    const actions = await section('Open follow-up actions');
    expect((await within(actions).findByText('Send the deferred readout')).closest('li')?.textContent).toContain('(NC)');
    expect(within(actions).getByText(/Desk officer/)).toBeTruthy();
    const notes = await section('Recently edited notes');
    const note = await within(notes).findByRole('link', { name: 'Deferred corridor talk' });
    expect(note.closest('li')?.textContent).toContain('(NR)');
    expect(within(await section('Upcoming summits')).getByRole('link', { name: 'Deferred rows summit (dashboard test)' })).toBeTruthy();
  });

  // A note from the sector expert's laptop, whose clock she set 7 hours ahead by hand (Johannesburg time, the zone
  // left as Ottawa's), arrives stamped 7 hours in the future: Today listed it "in 7 hours".
  it('never says a note was edited in the future, whatever clock saved it', async () => {
    const note = createNote(
      store.db,
      { sectorEntryId: null, meetingId: null },
      { title: 'Ubuntu and the G20 declaration', body: '', tags: [], classification: 'NATO RESTRICTED' },
    );
    store.db.prepare('UPDATE note SET updated_at = ? WHERE id = ?').run(new Date(Date.now() + 7 * 3_600_000).toISOString(), note.id);
    shown();
    const listed = await within(await section('Recently edited notes')).findByRole('link', { name: 'Ubuntu and the G20 declaration' });
    expect(listed.closest('li')?.textContent).not.toMatch(/in \d+ hours/);
    expect(listed.closest('li')?.textContent).toContain('this minute');
  });

  it('says so when there are none', async () => {
    shown();
    expect(await within(await section('Open follow-up actions')).findByText(/No open follow-up/i)).toBeTruthy();
    expect(await within(await section('Recently edited notes')).findByText(/No notes yet/)).toBeTruthy();
  });

  it('lists each summit with its days, the last when it differs from the first', async () => {
    summits.insert(store.db, {
      classification: 'NATO UNCLASSIFIED',
      title: 'Mercosur–CELAC summit (dashboard test)',
      city: 'Montevideo',
      countryId: null,
      startDate: '2099-10-22',
      endDate: '2099-10-24',
      timeZone: 'America/Montevideo',
      description: '',
      sourceId: null,
    });
    insertOneDaySummit(store.db, 'One-day summit (dashboard test)', '2099-11-02', 'NATO UNCLASSIFIED');
    shown();
    const all = await section('All summits');
    const row = (name: string) => within(all).getByRole('link', { name }).closest('li')?.textContent;
    await within(all).findByRole('link', { name: 'Mercosur–CELAC summit (dashboard test)' });
    expect(row('Mercosur–CELAC summit (dashboard test)')).toContain('Montevideo · 22 October 2099 – 24 October 2099');
    expect(row('One-day summit (dashboard test)')).toMatch(/2 November 2099$/);
  });
});
