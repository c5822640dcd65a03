// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conflictOf } from '../../../db/sync/conflicts.ts';
import { allRecordIds, historiesOf } from '../../../db/sync/history.ts';
import { applyMerge } from '../../../db/sync/merge.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import { createStoreBridge, type StoreBridge } from '../../../testing/storeBridge.ts';
import { setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { ScreenMarkingsProvider } from '../markings/ScreenMarkings.tsx';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { RecordConflictView } from './RecordConflictView.tsx';

// A colleague raised a meeting to NATO SECRET while this desk retitled it at
// NATO RESTRICTED. This desk's version is shown (two edits outrank one), so
// "Keep this" would lower the record on every desk: it asks first.

let store: StoreBridge;
let record: string;
beforeEach(() => {
  store = createStoreBridge();
  setBridge(store.bridge);
  const other = openScratchDatabase();
  applyMerge(other, historiesOf(store.db, allRecordIds(store.db)));
  store.db.prepare(`UPDATE meeting SET classification = 'NATO RESTRICTED' WHERE id = 1`).run();
  store.db.prepare(`UPDATE meeting SET title = 'Title on this desk' WHERE id = 1`).run();
  other.prepare(`UPDATE meeting SET classification = 'NATO SECRET' WHERE id = 1`).run();
  applyMerge(store.db, historiesOf(other, allRecordIds(other)));
  record = store.db.prepare(`SELECT doc_id FROM sync_doc WHERE entity = 'meeting' AND row_key = '1'`).pluck().get() as string;
});
afterEach(cleanup);

const renderView = () =>
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <ScreenMarkingsProvider>
          <RecordConflictView record={record} />
        </ScreenMarkingsProvider>
      </SettingsProvider>
    </StoreQueries>,
  );
const meeting = () => store.db.prepare('SELECT title, classification FROM meeting WHERE id = 1').get();
const resolutions = () => store.calls.filter((each) => each.channel === 'conflict.resolve');

describe('keeping a version marked lower than another', () => {
  it('names both markings and changes nothing until confirmed; cancelling changes nothing', async () => {
    renderView();
    await screen.findByRole('row', { name: /Marking/ });
    expect(meeting()).toEqual({ title: 'Title on this desk', classification: 'NATO RESTRICTED' });
    fireEvent.click(screen.getByRole('button', { name: 'Keep this' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'The other version is marked NATO SECRET; keeping this one marks the record NATO RESTRICTED on every desk.',
    );
    expect(resolutions()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(resolutions()).toEqual([]);
    expect(meeting()).toEqual({ title: 'Title on this desk', classification: 'NATO RESTRICTED' });
    expect(conflictOf(store.db, record)?.losers.map((loser) => loser.body?.classification)).toEqual(['NATO SECRET']);
  });

  it('keeps this text at the higher marking when asked', async () => {
    renderView();
    await screen.findByRole('row', { name: /Marking/ });
    fireEvent.click(screen.getByRole('button', { name: 'Keep this' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep this text at NATO SECRET' }));
    await screen.findByText(/Settled/);
    expect(meeting()).toEqual({ title: 'Title on this desk', classification: 'NATO SECRET' });
  });

  it('lowers the marking only once the user confirms it', async () => {
    renderView();
    await screen.findByRole('row', { name: /Marking/ });
    fireEvent.click(screen.getByRole('button', { name: 'Keep this' }));
    fireEvent.click(screen.getByRole('button', { name: 'Mark the record NATO RESTRICTED' }));
    await screen.findByText(/Settled/);
    expect(meeting()).toEqual({ title: 'Title on this desk', classification: 'NATO RESTRICTED' });
    await waitFor(() => expect(resolutions().map((each) => each.ok)).toEqual([true]));
  });

  it('takes the higher-marked version without asking: nothing is lowered', async () => {
    renderView();
    await screen.findByRole('row', { name: /Marking/ });
    fireEvent.click(screen.getByRole('button', { name: 'Take that: Other version' }));
    await screen.findByText(/Settled/);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(meeting()).toMatchObject({ classification: 'NATO SECRET' });
  });

  it('asks before a merge that takes the lower marking, and merges at the higher one or lowers it as the user chooses', async () => {
    renderView();
    await screen.findByRole('row', { name: /Marking/ });
    fireEvent.click(screen.getByRole('button', { name: 'Merge…' }));
    const marking = screen.getByRole('group', { name: 'Marking: take from' });
    fireEvent.click(within(marking).getByRole('radio', { name: /NATO RESTRICTED/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save the merge' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Another version is marked NATO SECRET; this merge marks the record NATO RESTRICTED on every desk.',
    );
    expect(resolutions()).toEqual([]);
    expect(meeting()).toEqual({ title: 'Title on this desk', classification: 'NATO RESTRICTED' });
    fireEvent.click(screen.getByRole('button', { name: 'Keep this text at NATO SECRET' }));
    await screen.findByText(/Settled/);
    expect(meeting()).toEqual({ title: 'Title on this desk', classification: 'NATO SECRET' });
  });

  it('lowers the marking by a merge once the user confirms it', async () => {
    renderView();
    await screen.findByRole('row', { name: /Marking/ });
    fireEvent.click(screen.getByRole('button', { name: 'Merge…' }));
    fireEvent.click(within(screen.getByRole('group', { name: 'Marking: take from' })).getByRole('radio', { name: /NATO RESTRICTED/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save the merge' }));
    fireEvent.click(screen.getByRole('button', { name: 'Mark the record NATO RESTRICTED' }));
    await screen.findByText(/Settled/);
    expect(meeting()).toEqual({ title: 'Title on this desk', classification: 'NATO RESTRICTED' });
    await waitFor(() => expect(resolutions().map((each) => each.ok)).toEqual([true]));
  });
});
