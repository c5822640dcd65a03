import { collectConflicts } from 'pouchdb-merge';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import { revisionsOf, syncedEntities } from '../../db/sync/history.ts';
import { treeOf } from '../../db/sync/merge.ts';
import { syncPrepare } from '../../db/sync/pendingNotes.ts';
import { rowsMatchWinners, storeSnapshot } from '../../db/sync/testing.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { checkServerUrl, syncOnce } from './replication.ts';
import { startTestServer } from './testServer.ts';

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

const winners = (db: Db) => syncPrepare(db, 'SELECT doc_id, rev, deleted FROM sync_doc ORDER BY doc_id').all();
const noteDoc = (db: Db) => syncPrepare(db, `SELECT doc_id FROM sync_doc WHERE entity = 'note'`).pluck().get() as string;
const conflictsOf = (db: Db) => collectConflicts({ rev_tree: treeOf(revisionsOf(db, noteDoc(db))) });

describe('live replication through a CouchDB-protocol server', () => {
  it('brings a summit from one desk to another through the server, and a second sync changes nothing', async () => {
    const server = await startTestServer();
    try {
      const account = { url: server.database('summit-washington') };
      const a = deskWithSummit();
      const b = openScratchDatabase();
      const pushed = await syncOnce(a, account);
      expect(pushed.push.docs_written).toBe(5);
      await syncOnce(b, account);
      expect(b.prepare('SELECT N.body, M.title FROM note N JOIN meeting M ON M.id = N.meeting_id').get()).toEqual({
        body: 'Raise the export licences',
        title: 'Bilateral',
      });
      expect(b.prepare('SELECT side FROM meeting_participant').pluck().all()).toEqual(['theirs']);
      expect(winners(b)).toEqual(winners(a));
      expect(rowsMatchWinners(b, syncedEntities)).toBe(true);

      const before = storeSnapshot(b);
      const again = await syncOnce(b, account);
      expect(again.pull.docs_written).toBe(0);
      const { sync_local: _checkpointsA, ...dataBefore } = before;
      const { sync_local: _checkpointsB, ...dataAfter } = storeSnapshot(b);
      expect(dataAfter).toEqual(dataBefore);
    } finally {
      await server.stop();
    }
  });

  it('converges after both desks edit offline: same winner everywhere, the loser kept beside it', async () => {
    const server = await startTestServer();
    try {
      const account = { url: server.database('summit-washington') };
      const a = deskWithSummit();
      const b = openScratchDatabase();
      await syncOnce(a, account);
      await syncOnce(b, account);
      a.exec(`UPDATE note SET body = 'Typed on A while offline'`);
      b.exec(`UPDATE note SET body = 'Typed on B while offline'`);
      b.exec(`DELETE FROM meeting_participant`);
      a.exec(`UPDATE meeting_participant SET role = 'Minister'`);
      await syncOnce(a, account);
      await syncOnce(b, account);
      await syncOnce(a, account);
      expect(winners(a)).toEqual(winners(b));
      expect(a.prepare('SELECT body FROM note').pluck().get()).toBe(b.prepare('SELECT body FROM note').pluck().get());
      expect(conflictsOf(a)).toHaveLength(1);
      expect(conflictsOf(b)).toEqual(conflictsOf(a));
      const loser = revisionsOf(a, noteDoc(a)).find((revision) => revision.rev === conflictsOf(a)[0]);
      expect([a.prepare('SELECT body FROM note').pluck().get(), loser?.body?.body].sort()).toEqual([
        'Typed on A while offline',
        'Typed on B while offline',
      ]);
      // Deleting on one desk while editing on the other keeps the edit.
      expect(b.prepare('SELECT role FROM meeting_participant').pluck().all()).toEqual(['Minister']);
      expect(rowsMatchWinners(a, syncedEntities) && rowsMatchWinners(b, syncedEntities)).toBe(true);
    } finally {
      await server.stop();
    }
  });

  it('needs TLS for any server but this machine, and credentials outside the URL', () => {
    expect(() => checkServerUrl('http://couch.desk.example/summit')).toThrow(/https/);
    expect(() => checkServerUrl('https://officer:secret@couch.desk.example/summit')).toThrow(/own fields/);
    expect(checkServerUrl('https://couch.desk.example/summit').host).toBe('couch.desk.example');
    expect(checkServerUrl('http://127.0.0.1:5984/summit').port).toBe('5984');
  });
});

describe('a server on this machine', () => {
  it('answers uncompressed: no CPU spent on gzip at either end for bytes that cross no network', async () => {
    const server = await startTestServer();
    const realFetch = globalThis.fetch;
    const encodings: (string | null)[] = [];
    globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
      const response = await realFetch(...args);
      encodings.push(response.headers.get('content-encoding'));
      return response;
    };
    try {
      const account = { url: server.database('summit-long-notes') };
      const a = deskWithSummit();
      a.exec(
        `INSERT INTO note (meeting_id, title, body) SELECT 1, 'Line ' || value, printf('%.*c', 2000, 'x') FROM json_each('[1,2,3,4,5,6,7,8]')`,
      );
      await syncOnce(a, account);
      await syncOnce(openScratchDatabase(), account);
      expect(encodings.length).toBeGreaterThan(5);
      expect(encodings.filter((encoding) => encoding !== null)).toEqual([]);
      // The same server compresses what a client asks it to compress: the desk's requests are what say no.
      const compressed = await realFetch(`${account.url}/_all_docs?include_docs=true`);
      expect(compressed.headers.get('content-encoding')).toBe('gzip');
    } finally {
      globalThis.fetch = realFetch;
      await server.stop();
    }
  });
});
