// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allRecordIds, historiesOf } from '../../../db/sync/history.ts';
import { applyMerge } from '../../../db/sync/merge.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenBanner, ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { RecordConflictView } from './RecordConflictView.tsx';

// The record conflict view against the real store: a meeting retitled and
// re-marked on another desk meets this desk's edit through a merge.

let store: StoreBridge;
let record: string;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
  const other = openScratchDatabase();
  applyMerge(other, historiesOf(store.db, allRecordIds(store.db)));
  store.db.prepare(`UPDATE meeting SET title = 'Title on this desk' WHERE id = 1`).run();
  other.prepare(`UPDATE meeting SET title = 'Title on the other desk', classification = 'NATO CONFIDENTIAL' WHERE id = 1`).run();
  applyMerge(store.db, historiesOf(other, allRecordIds(other)));
  record = store.db.prepare(`SELECT doc_id FROM sync_doc WHERE entity = 'meeting' AND row_key = '1'`).pluck().get() as string;
});
afterEach(cleanup);

const renderView = () =>
  render(
    <SettingsProvider>
      <ScreenMarkingsProvider>
        <ScreenBanner edge="top" />
        <RecordConflictView record={record} />
      </ScreenMarkingsProvider>
    </SettingsProvider>,
  );

describe('a record in conflict between desks', () => {
  it('shows both versions with their own marks, the banner at the higher one, and taking the other settles it in the store', async () => {
    renderView();
    const title = await screen.findByRole('row', { name: /Title/ });
    expect(within(title).getByText('differs')).toBeTruthy();
    const shown = store.db.prepare('SELECT title FROM meeting WHERE id = 1').pluck().get() as string;
    const other = shown === 'Title on this desk' ? 'Title on the other desk' : 'Title on this desk';
    expect(within(title).getByText(other)).toBeTruthy();
    expect(screen.getAllByText('(NC)').length).toBeGreaterThan(0);
    await waitFor(() => expect(screen.getByRole('note', { name: 'Highest marking on screen' }).textContent).toBe('NATO CONFIDENTIAL'));

    fireEvent.click(screen.getByRole('button', { name: 'Merge…' }));
    const marking = screen.getByRole('group', { name: 'Marking: take from' });
    expect((within(marking).getByRole('radio', { name: /NATO CONFIDENTIAL/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(/takes the highest marking of the versions, NATO CONFIDENTIAL/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));

    fireEvent.click(screen.getByRole('button', { name: 'Take that: Other version' }));
    // Either desk's version may be the one shown (the higher hash wins a tie). Taking this desk's, below the
    // colleague's NATO CONFIDENTIAL, lowers the record: it is asked first, and confirmed here.
    if (other === 'Title on this desk') {
      expect(screen.getByRole('alert').textContent).toMatch(
        /^Another version is marked NATO CONFIDENTIAL; taking this one marks the record /,
      );
      fireEvent.click(screen.getByRole('button', { name: /^Mark the record / }));
    }
    await screen.findByText(/Settled/);
    expect(store.db.prepare('SELECT title FROM meeting WHERE id = 1').pluck().get()).toBe(other);
    expect(store.calls.filter((each) => each.channel === 'conflict.resolve').map((each) => each.ok)).toEqual([true]);
  });

  it('says so, and shows the record again, when it changed while the user was deciding', async () => {
    renderView();
    await screen.findByRole('row', { name: /Title/ });
    // Another window edits the meeting: the version on screen is no longer the one every desk shows.
    store.db.prepare(`UPDATE meeting SET venue = 'Vilnius, LITEXPO' WHERE id = 1`).run();
    fireEvent.click(screen.getByRole('button', { name: 'Keep this' }));
    // Keeping this desk's lower-marked version, when it is the one shown, is confirmed first.
    const lowering = screen.queryByRole('button', { name: /^Mark the record / });
    if (lowering) fireEvent.click(lowering);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/changed while you were deciding/));
    expect(store.calls.filter((each) => each.channel === 'conflict.resolve').map((each) => each.ok)).toEqual([false]);
  });
});
