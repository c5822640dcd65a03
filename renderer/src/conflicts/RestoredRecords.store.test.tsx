// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
import { ConflictsView } from './ConflictsView.tsx';

// The conflicts screen against the real store: this desk deleted the sample's
// first meeting while another desk, not knowing, added a follow-up to it; the
// other desk's records arrived, and the meeting came back.

let store: StoreBridge;
let meetingTitle: string;
beforeEach(() => {
  // jsdom has <dialog> without its modal method: opening is all the confirmation needs of it here.
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  store = createStoreBridge();
  setBridge(store.bridge);
  const other = openScratchDatabase();
  applyMerge(other, historiesOf(store.db, allRecordIds(store.db)));
  meetingTitle = store.db.prepare('SELECT title FROM meeting WHERE id = 1').pluck().get() as string;
  const meetingDoc = store.db.prepare(`SELECT doc_id FROM sync_doc WHERE entity = 'meeting' AND row_key = '1'`).pluck().get() as string;
  store.db.prepare('DELETE FROM meeting WHERE id = 1').run();
  const meetingThere = other.prepare(`SELECT row_key FROM sync_doc WHERE doc_id = ?`).pluck().get(meetingDoc) as string;
  other
    .prepare(
      `INSERT INTO follow_up (meeting_id, description, classification) VALUES (?, 'Send the export licence list', 'NATO RESTRICTED')`,
    )
    .run(Number(meetingThere));
  applyMerge(store.db, historiesOf(other, allRecordIds(other)));
});
afterEach(cleanup);

// Each test its own query cache: each has its own store.
const renderView = () =>
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <ScreenMarkingsProvider>
          <ConflictsView />
        </ScreenMarkingsProvider>
      </SettingsProvider>
    </StoreQueries>,
  );

describe('a record deleted here and kept for what another desk added to it', () => {
  it('is announced with what kept it, marked, and Keep settles it in the store', async () => {
    renderView();
    const notice = await screen.findByRole('article', { name: meetingTitle });
    expect(within(notice).getByText(/kept because 1 record added or changed on .* refers to it:$/)).toBeTruthy();
    const referrer = within(notice).getByRole('listitem');
    expect(referrer.textContent).toMatch(/^\(NR\)\s*Follow-up action “Send the export licence list”/);
    expect(screen.getByRole('link', { name: meetingTitle })).toBeTruthy();

    fireEvent.click(within(notice).getByRole('button', { name: 'Keep' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^Kept: /);
    await screen.findByText('No conflicts: every record is the same on every desk you exchanged with.');
    expect(store.db.prepare('SELECT title FROM meeting WHERE title = ?').pluck().all(meetingTitle)).toEqual([meetingTitle]);
    expect(store.calls.filter((each) => each.channel === 'conflict.settleRestoration').map((each) => each.ok)).toEqual([true]);
  });

  it('says so, and shows the notice again, when what refers to it changed while the user was deciding', async () => {
    renderView();
    const notice = await screen.findByRole('article', { name: meetingTitle });
    // Another window adds a second follow-up to the meeting: the list the user would confirm is no longer the whole list.
    store.db
      .prepare(`INSERT INTO follow_up (meeting_id, description) VALUES ((SELECT id FROM meeting WHERE title = ?), 'Book the interpreter')`)
      .run(meetingTitle);
    fireEvent.click(within(notice).getByRole('button', { name: 'Delete it with what refers to it' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete them' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/changed while you were deciding/);
    await waitFor(() =>
      expect(
        within(notice)
          .getAllByRole('listitem')
          .map((item) => item.textContent),
      ).toHaveLength(2),
    );
    expect(store.calls.filter((each) => each.channel === 'conflict.settleRestoration').map((each) => each.ok)).toEqual([false]);
    expect(store.db.prepare('SELECT count(*) FROM follow_up WHERE description = ?').pluck().get('Send the export licence list')).toBe(1);
  });
});

describe('a record deleted here while another desk edited it', () => {
  /** This desk deletes the sample's second meeting; another desk, not knowing, edits it; its records arrive. */
  function deletedWhileEditedElsewhere(): string {
    const other = openScratchDatabase();
    applyMerge(other, historiesOf(store.db, allRecordIds(store.db)));
    const meetingDoc = store.db.prepare(`SELECT doc_id FROM sync_doc WHERE entity = 'meeting' AND row_key = '2'`).pluck().get() as string;
    store.db.prepare('DELETE FROM meeting WHERE id = 2').run();
    const meetingThere = other.prepare('SELECT row_key FROM sync_doc WHERE doc_id = ?').pluck().get(meetingDoc) as string;
    other.prepare(`UPDATE meeting SET title = 'Working lunch, moved to the embassy' WHERE id = ?`).run(Number(meetingThere));
    applyMerge(store.db, historiesOf(other, allRecordIds(other)));
    return 'Working lunch, moved to the embassy';
  }

  it('is announced with who edited it, and Delete again deletes it here after a confirmation', async () => {
    const title = deletedWhileEditedElsewhere();
    expect(store.db.prepare('SELECT count(*) FROM meeting WHERE title = ?').pluck().get(title)).toBe(1);
    renderView();
    const notice = await screen.findByRole('article', { name: title });
    expect(
      within(notice).getByText(/^Deleted on .* at .*, kept because .* edited it at .* without having heard of the deletion\.$/),
    ).toBeTruthy();
    expect(within(notice).queryAllByRole('listitem')).toEqual([]);
    fireEvent.click(within(notice).getByRole('button', { name: 'Delete again' }));
    expect(await screen.findByRole('alertdialog', { name: `Delete “${title}” again?` })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete it' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^Deleted: /);
    expect(store.db.prepare('SELECT count(*) FROM meeting WHERE title = ?').pluck().get(title)).toBe(0);
    expect(store.calls.filter((each) => each.channel === 'conflict.settleRestoration').map((each) => each.ok)).toEqual([true]);
  });
});
