// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { conflictOf } from '../../../db/sync/conflicts.ts';
import { allRecordIds, historiesOf } from '../../../db/sync/history.ts';
import { applyMerge } from '../../../db/sync/merge.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import { createStoreBridge } from '../../../testing/storeBridge.ts';
import { call, setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { StoreQueries } from '../useQuery.ts';
import { SyncNoteConflict } from './SyncNoteConflict.tsx';

// The note editor's own view of a note edited on two desks: keeping this
// desk's NATO RESTRICTED text beside a colleague's NATO SECRET one asks first,
// as the conflicts screen does.

afterEach(cleanup);

const levels = ['NATO UNCLASSIFIED', 'NATO RESTRICTED', 'NATO CONFIDENTIAL', 'NATO SECRET'];

async function noteInConflict() {
  const store = createStoreBridge();
  setBridge(store.bridge);
  store.db.prepare(`INSERT INTO note (title, body, classification) VALUES ('Seating plan', 'Agreed seating', 'NATO RESTRICTED')`).run();
  const noteId = store.db.prepare('SELECT max(id) FROM note').pluck().get() as number;
  const other = openScratchDatabase();
  // The other desk's revision hashes are all zeros, so CouchDB's rule shows this desk's text whether its two edits
  // made one revision or two (a typing session may keep them as one): with random hashes either could win.
  other.function('randomblob', { deterministic: false }, (size) => Buffer.alloc(Number(size)));
  applyMerge(other, historiesOf(store.db, allRecordIds(store.db)));
  store.db.prepare(`UPDATE note SET body = 'Seating agreed here' WHERE id = ?`).run(noteId);
  store.db.prepare(`UPDATE note SET title = 'Seating plan (desk A)' WHERE id = ?`).run(noteId);
  other.prepare(`UPDATE note SET classification = 'NATO SECRET' WHERE id = ?`).run(noteId);
  applyMerge(store.db, historiesOf(other, allRecordIds(other)));
  const record = store.db
    .prepare(`SELECT doc_id FROM sync_doc WHERE entity = 'note' AND row_key = ?`)
    .pluck()
    .get(String(noteId)) as string;
  const note = await call('note.get', { id: noteId });
  render(
    <StoreQueries client={createQueryClient()}>
      <SettingsProvider>
        <SyncNoteConflict record={record} note={note} levels={levels} />
      </SettingsProvider>
    </StoreQueries>,
  );
  return { store, record, noteId };
}

describe('keeping this desk’s lower-marked text of a note', () => {
  it('names both markings, changes nothing until confirmed, and can keep the text at the higher marking', async () => {
    const { store, record, noteId } = await noteInConflict();
    fireEvent.click(await screen.findByRole('button', { name: 'Keep this' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'The other version is marked NATO SECRET; keeping this one marks the record NATO RESTRICTED on every desk.',
    );
    expect(store.calls.filter((each) => each.channel === 'conflict.resolve')).toEqual([]);
    expect(conflictOf(store.db, record)?.losers).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Keep this text at NATO SECRET' }));
    await waitFor(() => expect(store.calls.filter((each) => each.channel === 'conflict.resolve').map((each) => each.ok)).toEqual([true]));
    expect(conflictOf(store.db, record)?.losers ?? []).toEqual([]);
    expect(store.db.prepare('SELECT body, classification FROM note WHERE id = ?').get(noteId)).toEqual({
      body: 'Seating agreed here',
      classification: 'NATO SECRET',
    });
  });
});
