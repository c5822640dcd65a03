import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import { indexPendingSearch, search } from '../../db/search.ts';
import { applyMerge } from '../../db/sync/merge.ts';
import { syncPrepare } from '../../db/sync/pendingNotes.ts';
import { storeByRecordIds } from '../../db/sync/testing.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { SearchKind } from '../../shared/domain.ts';
import { recordKindOfTable } from '../../shared/recordKinds.ts';
import type { RecordHistory } from '../../shared/sync.ts';
import { Pouch, syncOnce } from './replication.ts';
import { type PouchDoc, receivedHistories } from './sherpaAdapter.ts';
import { startTestServer } from './testServer.ts';

// A desk's first pull writes the records new to it set-based, a kind of record
// at a time (db/sync/newRecords.ts), and merges the rest one by one: it must
// leave the store exactly as merging the same records one at a time does,
// tombstones, conflicting leaves, deleted parents brought back, markings and
// the search index included, whatever order the records come in.

const meetings = 30;

/** A summit with enough records that a first pull is merged in several slices. */
function busyDesk(): Db {
  const db = openScratchDatabase();
  db.exec(`
    CREATE TEMP TABLE numbers (value INTEGER PRIMARY KEY);
    WITH RECURSIVE counted (value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM counted WHERE value < ${meetings * 2})
      INSERT INTO numbers SELECT value FROM counted;
    INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES (1, 'Washington Summit', '2024-07-09', '2024-07-11', 'America/New_York');
    INSERT INTO person (id, name)
      SELECT value, 'Delegate ' || value FROM numbers;
    INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone)
      SELECT value, 1, 'Bilateral ' || value, 'bilateral', '2024-07-09T14:00:00Z', 'America/New_York' FROM numbers WHERE value <= ${meetings};
    INSERT INTO meeting_participant (meeting_id, person_id, side)
      SELECT value, value * 2 - 1, 'theirs' FROM numbers WHERE value <= ${meetings};
    INSERT INTO meeting_participant (meeting_id, person_id, side)
      SELECT value, value * 2, 'ours' FROM numbers WHERE value <= ${meetings};
    INSERT INTO note (id, meeting_id, title, body)
      SELECT value, value, 'Ask ' || value, 'Raise the export licences, point ' || value FROM numbers WHERE value <= ${meetings};
    DROP TABLE numbers;
  `);
  return db;
}

const tableOfKind = new Map<SearchKind, string>([
  ...Object.entries(recordKindOfTable).map(([table, kind]) => [kind as SearchKind, table] as const),
  ['annotation', 'note'],
]);

/** What a user finds, each hit named by its record's id (local row ids differ between desks). */
function findings(db: Db, text: string): string[] {
  return search(db, { text, limit: 500 })
    .map((hit) => {
      const docId = syncPrepare(db, 'SELECT doc_id FROM sync_doc WHERE entity = ? AND row_key = ?')
        .pluck()
        .get(tableOfKind.get(hit.kind), String(hit.id)) as string | undefined;
      return `${hit.kind} ${docId ?? 'unknown'} ${hit.title}`;
    })
    .sort();
}

/** Every record on the server as replication receives it (its leaves, earlier revisions by id), in the feed's order. */
async function receivedFromServer(url: string): Promise<RecordHistory[]> {
  const remote = new Pouch(url, { adapter: 'http' });
  try {
    const feed = await remote.changes({ style: 'all_docs' });
    const leavesById = await Promise.all(
      feed.results.map(({ id }) => remote.get(id, { open_revs: 'all', revs: true }) as Promise<unknown> as Promise<{ ok?: PouchDoc }[]>),
    );
    return leavesById.flatMap((leaves) => receivedHistories(leaves.flatMap((leaf) => (leaf.ok ? [leaf.ok] : []))));
  } finally {
    await remote.close();
  }
}

/** The record-by-record path: each record merged alone, in the feed's order, never set-based. */
async function mergeOneAtATime(db: Db, url: string): Promise<number> {
  const histories = await receivedFromServer(url);
  for (const history of histories) applyMerge(db, [history], { setBased: false });
  return histories.length;
}

describe("an empty desk's first pull", () => {
  it('ends exactly as merging the same records one at a time: rows, histories, conflicts, tombstones, feeds and search', async () => {
    const server = await startTestServer();
    try {
      const account = { url: server.database('summit-washington') };
      const a = busyDesk();
      const colleague = openScratchDatabase();
      await syncOnce(a, account);
      await syncOnce(colleague, account);
      // Offline on both desks: the same note and the same person edited differently (two leaves each),
      // a note deleted on one desk and edited on the other, tombstones (a note, a participant, a whole
      // meeting with what cascades from it).
      // (Named by title: the colleague's desk gave the rows its own ids.)
      a.exec(`UPDATE note SET body = 'Typed on A' WHERE title = 'Ask 1'`);
      colleague.exec(`UPDATE note SET body = 'Typed by the colleague' WHERE title = 'Ask 1'`);
      a.exec(`UPDATE person SET name = 'Envoy (A)' WHERE name = 'Delegate 1'`);
      colleague.exec(`UPDATE person SET name = 'Envoy (colleague)' WHERE name = 'Delegate 1'`);
      a.exec(`DELETE FROM note WHERE title = 'Ask 3'`);
      colleague.exec(`UPDATE note SET body = 'Kept by the colleague' WHERE title = 'Ask 3'`);
      a.exec(`DELETE FROM note WHERE title = 'Ask 2'`);
      a.exec(`DELETE FROM meeting_participant WHERE person_id = (SELECT id FROM person WHERE name = 'Delegate 7')`);
      colleague.exec(`DELETE FROM meeting WHERE title = 'Bilateral ${meetings}'`);
      // A meeting deleted on A while the colleague added a follow-up to it: it comes back (restoringRevision).
      a.exec(`DELETE FROM meeting WHERE title = 'Bilateral ${meetings - 1}'`);
      colleague.exec(
        `INSERT INTO follow_up (meeting_id, description) SELECT id, 'Send the licence list' FROM meeting WHERE title = 'Bilateral ${meetings - 1}'`,
      );
      // Markings raised on each desk: the pulled rows carry the winner's.
      a.exec(`UPDATE note SET classification = 'NATO RESTRICTED' WHERE title IN ('Ask 5', 'Ask 6')`);
      colleague.exec(`UPDATE note SET classification = 'NATO CONFIDENTIAL' WHERE title = 'Ask 6'`);
      await syncOnce(a, account);
      await syncOnce(colleague, account);
      await syncOnce(a, account);
      await syncOnce(colleague, account);

      const bulk = openScratchDatabase();
      const pulled = await syncOnce(bulk, account);
      const oneAtATime = openScratchDatabase();
      const records = await mergeOneAtATime(oneAtATime, account.url);
      // Slices whose records come before what they refer to (the set-based path leaves those to the slow one),
      // merged both ways: a record linked late bumps its note's counter, so the order must be the same.
      const histories = await receivedFromServer(account.url);
      const reversedSlices = (setBased: boolean) => {
        const db = openScratchDatabase();
        for (let end = histories.length; end > 0; end -= 40)
          applyMerge(db, histories.slice(Math.max(0, end - 40), end).reverse(), { setBased });
        return db;
      };

      // The same slices with the search catch-up run between them as a round runs it while it merges: rows of
      // records waiting for a link are left for the link (3250), so fewer rows go through the index, and once the
      // round's own catch-up has run, search finds what the record-by-record merge's store finds.
      const caughtUpBetween = (leaveWaiting: boolean) => {
        const db = openScratchDatabase();
        let indexed = 0;
        for (let end = histories.length; end > 0; end -= 40) {
          applyMerge(db, histories.slice(Math.max(0, end - 40), end).reverse(), { setBased: true });
          indexed += indexPendingSearch(db, 25, leaveWaiting);
        }
        for (let slice = indexPendingSearch(db, 25); slice > 0; slice = indexPendingSearch(db, 25)) indexed += slice;
        return { db, indexed };
      };
      const leftWaiting = caughtUpBetween(true);
      const indexedAtOnce = caughtUpBetween(false);
      expect(leftWaiting.indexed).toBeLessThan(indexedAtOnce.indexed);
      expect(storeByRecordIds(leftWaiting.db)).toEqual(storeByRecordIds(indexedAtOnce.db));

      // More records than a first slice holds, every one of them written.
      expect(records).toBeGreaterThan(150);
      expect(pulled.pull.docs_written).toBeGreaterThanOrEqual(records);
      const conflicted = syncPrepare(bulk, 'SELECT count(*) FROM sync_doc WHERE doc_id IN (SELECT doc_id FROM sync_branched)')
        .pluck()
        .get();
      expect(conflicted).toBeGreaterThanOrEqual(2);
      expect(syncPrepare(bulk, 'SELECT count(*) FROM sync_doc WHERE deleted = 1').pluck().get()).toBeGreaterThanOrEqual(4);
      expect(bulk.prepare('SELECT body FROM note WHERE title = ?').pluck().get('Ask 3')).toBe('Kept by the colleague');
      expect(storeByRecordIds(bulk)).toEqual(storeByRecordIds(oneAtATime));
      const reversed = storeByRecordIds(reversedSlices(true));
      expect(reversed).toEqual(storeByRecordIds(reversedSlices(false)));
      // Nothing written of its own either: a conflicting note that came before its meeting was once taken for an
      // edit unlinking it (its history's counter bumped outside the merge), a revision that would have replicated.
      expect(reversed.sync_doc).toEqual(storeByRecordIds(a).sync_doc);
      expect(bulk.prepare(`SELECT count(*) FROM follow_up WHERE description = 'Send the licence list'`).pluck().get()).toBe(1);
      expect(
        bulk
          .prepare('SELECT title FROM meeting WHERE title = ?')
          .pluck()
          .get(`Bilateral ${meetings - 1}`),
      ).toBeDefined();
      expect(bulk.prepare('SELECT classification FROM note WHERE title = ?').pluck().get('Ask 5')).toBe('NATO RESTRICTED');
      expect(bulk.prepare('SELECT classification FROM note WHERE title = ?').pluck().get('Ask 6')).toBe(
        a.prepare('SELECT classification FROM note WHERE title = ?').pluck().get('Ask 6'),
      );
      // The same winners as the desks that wrote them.
      expect(storeByRecordIds(bulk).sync_doc).toEqual(storeByRecordIds(a).sync_doc);
      for (const text of ['export licences', 'Typed', 'Kept', 'Delegate', 'Envoy', 'Bilateral']) {
        expect(findings(bulk, text)).toEqual(findings(oneAtATime, text));
        expect(findings(leftWaiting.db, text)).toEqual(findings(indexedAtOnce.db, text));
      }
      // Found: the live notes; not found: the deleted one.
      const licences = findings(bulk, 'export licences');
      expect(licences.length).toBeGreaterThan(meetings / 2);
      expect(licences.filter((hit) => hit.endsWith(' Ask 2'))).toEqual([]);
      expect(licences.filter((hit) => hit.endsWith(' Ask 4'))).toHaveLength(1);
    } finally {
      await server.stop();
    }
  });
});
