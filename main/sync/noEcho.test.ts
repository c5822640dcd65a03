import { collectConflicts } from 'pouchdb-merge';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import { revisionsOf } from '../../db/sync/history.ts';
import { treeOf } from '../../db/sync/merge.ts';
import { syncPrepare } from '../../db/sync/pendingNotes.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { Pouch, syncOnce } from './replication.ts';
import { exposeStore, withdrawStore } from './sherpaAdapter.ts';
import { startTestServer } from './testServer.ts';

// A desk pushes what it wrote, not what it just pulled: records received from
// the server are not offered back to it (each offer is a read of the record
// and a question to the server), while the desk's own edits, and conflicts
// holding one of its own revisions, still go.

function deskWithSummit(): Db {
  const db = openScratchDatabase();
  db.exec(`
    INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES (1, 'Washington Summit', '2024-07-09', '2024-07-11', 'America/New_York');
    INSERT INTO person (id, name) VALUES (1, 'Envoy');
    INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone) VALUES (1, 1, 'Bilateral', 'bilateral', '2024-07-09T14:00:00Z', 'America/New_York');
    INSERT INTO meeting_participant (meeting_id, person_id, side) VALUES (1, 1, 'theirs');
    INSERT INTO note (id, meeting_id, title, body) VALUES (1, 1, 'Ask', 'Raise the export licences');
  `);
  return db;
}

const personDoc = (db: Db) => syncPrepare(db, `SELECT doc_id FROM sync_doc WHERE entity = 'person'`).pluck().get() as string;
const conflictsOf = (db: Db) => collectConflicts({ rev_tree: treeOf(revisionsOf(db, personDoc(db))) });
const noteDoc = (db: Db) => syncPrepare(db, `SELECT doc_id FROM sync_doc WHERE entity = 'note'`).pluck().get() as string;
const winners = (db: Db) => syncPrepare(db, 'SELECT doc_id, rev, deleted FROM sync_doc ORDER BY doc_id').all();

/** The records the desk's changes feed offers a push from the start (the push reads it from its checkpoint). */
async function offered(db: Db): Promise<string[]> {
  exposeStore('no-echo', db);
  const local = new Pouch('no-echo', { adapter: 'sherpa' });
  try {
    return (await local.changes({ style: 'all_docs' })).results.map((change) => change.id);
  } finally {
    await local.close();
    withdrawStore('no-echo');
  }
}

describe('records pulled from the server', () => {
  it('are not pushed back to it; edits made here and conflicts holding them are', async () => {
    const server = await startTestServer();
    try {
      const account = { url: server.database('summit-washington') };
      const a = deskWithSummit();
      const b = openScratchDatabase();
      await syncOnce(a, account);
      const first = await syncOnce(b, account);
      expect(first.pull.docs_written).toBe(5);

      // Before 1300 the feed B's push reads offered all five records back, each read again and asked about.
      expect(await offered(b)).toEqual([]);
      const next = await syncOnce(b, account);
      expect(next.pull.docs_written).toBe(0);

      b.exec(`UPDATE note SET body = 'Typed on B' WHERE title = 'Ask'`);
      expect(await offered(b)).toEqual([noteDoc(b)]);
      const edited = await syncOnce(b, account);
      expect(edited.push.docs_read).toBe(1);
      expect(edited.push.docs_written).toBe(1);
      await syncOnce(a, account);
      expect(a.prepare('SELECT body FROM note').pluck().get()).toBe('Typed on B');

      // The same person edited on both desks: B's own leaf stays offered until A holds it too.
      a.exec(`UPDATE person SET name = 'Envoy (A)'`);
      b.exec(`UPDATE person SET name = 'Envoy (B)'`);
      await syncOnce(a, account);
      await syncOnce(b, account);
      await syncOnce(a, account);
      expect(conflictsOf(b)).toHaveLength(1);
      expect(conflictsOf(a)).toEqual(conflictsOf(b));
      expect(winners(a)).toEqual(winners(b));
    } finally {
      await server.stop();
    }
  });
});
