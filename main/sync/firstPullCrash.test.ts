import { describe, expect, it } from 'vitest';
import { createNote, saveNote } from '../../db/notes.ts';
import type { Db } from '../../db/open.ts';
import { search } from '../../db/search.ts';
import { setSharedSummitDocs, writeSyncAccount } from '../../db/sync/account.ts';
import { storeByRecordIds } from '../../db/sync/testing.ts';
import { openScratchCopy, openScratchDatabase } from '../../db/testing.ts';
import { deskWithHullOrders, indexedRowsAgainstStore } from './pulledSearch.testing.ts';
import { DeskReplicator } from './replicator.ts';
import { startTestServer } from './testServer.ts';

// An empty desk's first pull is the longest thing a desk does, and the app may die in it (a laptop's battery, a
// forced quit). What it had committed then is what the next start finds: the records merged so far, the search
// index as far as it got, and the notes the officer typed meanwhile. The next start's round must end with the
// whole store, every row of it found by search (none missing, none twice), and the typed notes saved and found.

const entries = 700;

const deskWithEntries = () => deskWithHullOrders(entries, ['Yard report', 'Ministry note'], ['Kaja Tamm']);

const hits = (db: Db, text: string) =>
  search(db, { text, limit: 5_000 })
    .map((hit) => `${hit.kind} ${hit.title}`)
    .sort();

describe("an empty desk's first pull cut short by a crash", () => {
  it('ends at the next start with the whole store indexed for search, and the notes typed meanwhile saved and found', async () => {
    const server = await startTestServer();
    const a = deskWithEntries();
    const b = openScratchDatabase();
    for (const desk of [a, b]) {
      writeSyncAccount(desk, { url: server.url, username: '', passwordSealed: '', databasePrefix: `crash${process.pid}` });
      setSharedSummitDocs(desk, []);
    }
    const deskA = new DeskReplicator(a, { intervalMs: 3_600_000 });
    let crashed: Buffer | undefined;
    const typed = createNote(
      b,
      { meetingId: null, sectorEntryId: null },
      { title: 'Typed before the crash', body: '', tags: [], classification: '' },
    );
    let merged = 0;
    let version = typed.version;
    const deskB = new DeskReplicator(b, {
      intervalMs: 3_600_000,
      onPulled: () => {
        merged += 1;
        // The officer types between merged slices, as the replicator lets saves in.
        version = saveNote(b, typed.id, version, {
          title: typed.title,
          body: `trawler manifest ${merged}`,
          tags: [],
          classification: '',
        }).version;
        // What a crash leaves is what was committed: the store's image between two transactions, half-way through.
        if (merged === 4) crashed = b.serialize();
      },
    });
    try {
      await deskA.start();
      await deskB.start();
    } finally {
      await deskA.stop();
      await deskB.stop();
    }
    expect(crashed).toBeDefined();
    const restarted = openScratchCopy(crashed);
    const afterCrash = new DeskReplicator(restarted, { intervalMs: 3_600_000 });
    try {
      // Half the store is there, and the pull's checkpoint with it: the next round goes on from there.
      expect(restarted.prepare('SELECT count(*) FROM sector_entry').pluck().get()).toBeLessThan(entries);
      expect(await afterCrash.start()).toMatchObject({ state: 'up-to-date', lastError: null });
    } finally {
      await afterCrash.stop();
      await server.stop();
    }
    const typedLast = restarted.prepare('SELECT body FROM note WHERE id = ?').pluck().get(typed.id) as string;
    expect(typedLast).toMatch(/^trawler manifest \d+$/);
    // Every row of the store is in the index once, as it is now; nothing waits to be indexed.
    expect(indexedRowsAgainstStore(restarted)).toEqual({ missing: [], stale: [], extra: [] });
    // The same records as the desk whose pull was not cut short (its own typed note aside: it stays on the desk).
    const typedDoc =
      (restarted.prepare(`SELECT doc_id FROM sync_doc WHERE entity = 'note' AND row_key = ?`).pluck().get(String(typed.id)) as
        | string
        | undefined) ?? `unknown note row ${typed.id}`;
    const pulledRecords = (db: Db) =>
      Object.fromEntries(
        Object.entries(storeByRecordIds(db)).map(([table, rows]) => [table, rows.filter((row) => !row.includes(typedDoc))]),
      );
    expect(pulledRecords(restarted)).toEqual(pulledRecords(b));
    for (const text of ['hull', 'frigate', 'Kaja', 'Estonia', 'Yard']) expect(hits(restarted, text), text).toEqual(hits(a, text));
    expect(hits(restarted, 'trawler manifest')).toEqual(['note Typed before the crash']);
  }, 120_000);
});
