import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import { applyMerge } from '../../db/sync/merge.ts';
import { storeByRecordIds } from '../../db/sync/testing.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { Pouch, syncOnce } from './replication.ts';
import { exposeStore, type PouchDoc, receivedHistories, withdrawStore, writtenAtOnce } from './sherpaAdapter.ts';
import { startTestServer } from './testServer.ts';

// A source edited after the sector entries citing it is sent after them: on a
// first pull the entries wait for it, and are written in the transaction that
// brings it. Three such sources in one slice wrote all their entries in one
// transaction, which a save typed meanwhile waited for (13 s on the benchmark
// store). A slice now stops before the records waiting for it pass a bound,
// unless one record alone brings more.

const perSource = 150;

function deskCitingSources(): Db {
  const db = openScratchDatabase();
  db.exec(`
    CREATE TEMP TABLE numbers (value INTEGER PRIMARY KEY);
    WITH RECURSIVE counted (value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM counted WHERE value < ${perSource * 3})
      INSERT INTO numbers SELECT value FROM counted;
    INSERT INTO programme (id, code, name) VALUES (1, 'EDF', 'Defence Fund');
    INSERT INTO sector (id, programme_id, name) VALUES (1, 1, 'Shipbuilding');
    INSERT INTO source (id, title) VALUES (1, 'Yard report'), (2, 'Ministry note'), (3, 'Press briefing');
    INSERT INTO sector_entry (sector_id, occurred_on, title, source_id)
      SELECT 1, '2026-03-01', 'Hull order ' || value, 1 + value % 3 FROM numbers;
    DROP TABLE numbers;
    UPDATE source SET publisher = 'Desk A';
  `);
  return db;
}

describe('a first pull where many records wait for a few', () => {
  it('writes them a source at a time, and ends as merging one record at a time does', async () => {
    const server = await startTestServer();
    try {
      const account = { url: server.database('reference-many-waiting') };
      const a = deskCitingSources();
      await syncOnce(a, account);

      // Small batches, so the entries come (and wait) before the sources edited after them.
      const pulled = openScratchDatabase();
      // Entries written by each merged slice's transaction (told after each one that changed the tables).
      const entriesPerSlice: number[] = [];
      const entries = () => pulled.prepare('SELECT count(*) FROM sector_entry').pluck().get() as number;
      let seen = 0;
      exposeStore('many-waiting', pulled, {
        onMerged: () => {
          entriesPerSlice.push(entries() - seen);
          seen = entries();
        },
      });
      const local = new Pouch('many-waiting', { adapter: 'sherpa' });
      const remote = new Pouch(account.url, { adapter: 'http' });
      try {
        await Pouch.replicate(remote, local, { batch_size: 100 });
      } finally {
        await Promise.all([local.close(), remote.close()]);
        withdrawStore('many-waiting');
      }

      expect(pulled.prepare('SELECT count(*) FROM sector_entry').pluck().get()).toBe(perSource * 3);
      expect(entriesPerSlice.reduce((sum, count) => sum + count, 0)).toBe(perSource * 3);
      // A source's entries in a transaction of their own, or beside a few others, never the three sources' at once.
      expect(Math.max(...entriesPerSlice)).toBeLessThanOrEqual(writtenAtOnce);
      expect(entriesPerSlice.filter((count) => count >= perSource / 2)).toHaveLength(3);

      const oneAtATime = openScratchDatabase();
      const again = new Pouch(account.url, { adapter: 'http' });
      try {
        const { results } = await again.changes({ style: 'all_docs' });
        for (const { id } of results) {
          const leaves = (await again.get(id, { open_revs: 'all', revs: true })) as unknown as { ok?: PouchDoc }[];
          applyMerge(oneAtATime, receivedHistories(leaves.flatMap((leaf) => (leaf.ok ? [leaf.ok] : []))), { setBased: false });
        }
      } finally {
        await again.close();
      }
      expect(storeByRecordIds(pulled)).toEqual(storeByRecordIds(oneAtATime));
    } finally {
      await server.stop();
    }
  });
});
