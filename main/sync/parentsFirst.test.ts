import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import { indexPendingSearch, search } from '../../db/search.ts';
import { setSharedSummitDocs, writeSyncAccount } from '../../db/sync/account.ts';
import { foreignKeys, type SyncedEntity } from '../../db/sync/history.ts';
import { applyMerge } from '../../db/sync/merge.ts';
import { storeByRecordIds } from '../../db/sync/testing.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { deskWithHullOrders } from './pulledSearch.testing.ts';
import { Pouch, parentsFirst } from './replication.ts';
import { DeskReplicator } from './replicator.ts';
import { type PouchDoc, receivedHistories } from './sherpaAdapter.ts';
import { startTestServer } from './testServer.ts';

// A feed sends a record edited after the records linking to it after them: a
// desk whose sources were marked after the sector entries citing them (the
// benchmark's store) sent every entry before its source, and an empty desk's
// first pull wrote each entry as waiting, then again once its source came, and
// each annotation without its entry, then again. An empty desk now pulls the
// reference database's parents first, kind by kind, so nothing waits.

// More than a pulled batch (2,000 records) before the sources: merged in one batch, they would be sorted parents first.
const entries = 1_100;

function deskEditedParentsLast(): Db {
  const db = deskWithHullOrders(entries, ['Yard report', 'Ministry note', 'Press briefing'], ['Kaja Tamm', 'Mart Kask']);
  db.exec(`
    UPDATE source SET publisher = 'Desk A';
    UPDATE country SET note = 'Edited after its people';
    UPDATE sector SET name = 'Naval shipbuilding';
  `);
  return db;
}

const waiting = (db: Db) => db.prepare('SELECT count(*) FROM sync_waiting').pluck().get() as number;
const hits = (db: Db, text: string) =>
  search(db, { text, limit: 5_000 })
    .map((hit) => `${hit.kind} ${hit.title}`)
    .sort();

describe("an empty desk's first pull", () => {
  it('brings the records others link to first: nothing waits, and the store and search end as merging in that order does', async () => {
    const server = await startTestServer();
    try {
      const a = deskEditedParentsLast();
      const b = openScratchDatabase();
      for (const desk of [a, b]) {
        writeSyncAccount(desk, { url: server.url, username: '', passwordSealed: '', databasePrefix: `parents${process.pid}` });
        setSharedSummitDocs(desk, []);
      }
      const waitingAfterBatches: number[] = [];
      const deskA = new DeskReplicator(a, { intervalMs: 3_600_000 });
      const deskB = new DeskReplicator(b, { intervalMs: 3_600_000, onPulled: () => waitingAfterBatches.push(waiting(b)) });
      try {
        await deskA.start();
        expect(await deskB.start()).toMatchObject({ state: 'up-to-date', lastError: null });
      } finally {
        await deskA.stop();
        await deskB.stop();
      }
      expect(waitingAfterBatches.length).toBeGreaterThan(0);
      // Before, the entries waited for their sources (and the sector, the people for their country) during the pull.
      expect(Math.max(...waitingAfterBatches)).toBe(0);
      expect(b.prepare('SELECT count(*) FROM sector_entry').pluck().get()).toBe(entries);
      expect(b.prepare('SELECT count(*) FROM note WHERE sector_entry_id IS NOT NULL').pluck().get()).toBe(entries);

      // The same records as the server sends them (each a single branch here), merged one at a time, parents first.
      const oneAtATime = openScratchDatabase();
      const levels = parentsFirst(a);
      const order = (id: string) => {
        const level = levels.findIndex((kinds) => kinds.some((kind) => id.startsWith(`${kind}:`)));
        return level === -1 ? levels.length : level;
      };
      const remote = new Pouch(`${server.url}/parents${process.pid}-reference`, { adapter: 'http' });
      try {
        const { results } = await remote.changes({ style: 'all_docs' });
        const { results: sent } = await remote.bulkGet({ docs: results.map(({ id }) => ({ id })), revs: true });
        const docs = sent.flatMap((record) => record.docs.flatMap((doc) => (doc.ok ? [doc.ok as PouchDoc] : [])));
        for (const doc of [...docs].sort((x, y) => order(x._id) - order(y._id)))
          applyMerge(oneAtATime, receivedHistories([doc]), { setBased: false });
      } finally {
        await remote.close();
      }
      // Desk B's round ended by indexing what it merged; the reference's merge leaves that to its first search.
      indexPendingSearch(oneAtATime);
      expect(storeByRecordIds(b)).toEqual(storeByRecordIds(oneAtATime));
      for (const text of ['hull', 'frigate', 'Kaja', 'Estonia', 'Yard']) {
        expect(hits(b, text), text).toEqual(hits(oneAtATime, text));
        expect(hits(b, text), text).toEqual(hits(a, text));
      }
      expect(hits(b, 'hull')).toHaveLength(entries * 2);
    } finally {
      await server.stop();
    }
  }, 180_000);

  it('lists each kind after every kind it links to', () => {
    const db = openScratchDatabase();
    const levels = parentsFirst(db);
    const levelOf = new Map<string, number>(levels.flatMap((kinds, level) => kinds.map((kind): [string, number] => [kind, level])));
    expect(levelOf.get('source')).toBeLessThan(levelOf.get('sector_entry') ?? -1);
    expect(levelOf.get('sector')).toBeLessThan(levelOf.get('sector_entry') ?? -1);
    expect(levelOf.get('country')).toBeLessThan(levelOf.get('person') ?? -1);
    for (const [kind, level] of levelOf)
      for (const target of foreignKeys(db, kind as SyncedEntity).values())
        if (target !== kind && levelOf.has(target)) expect(levelOf.get(target), `${kind} → ${target}`).toBeLessThan(level);
  });
});
