import { describe, expect, it } from 'vitest';
import { withMarkings } from '../../db/markings.ts';
import type { Db } from '../../db/open.ts';
import { search } from '../../db/search.ts';
import { setSharedSummitDocs, writeSyncAccount } from '../../db/sync/account.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { deskWithASummit, indexedTitles } from './pulledSearch.testing.ts';
import { DeskReplicator } from './replicator.ts';
import { startTestServer } from './testServer.ts';

// Rows a merge writes are indexed for search in batches (migration 1600), not
// row by row as they arrive: a desk's first pull must still leave every record
// it pulled findable once the round reports done, before anyone searches.

const waiting = (db: Db) =>
  (db.prepare('SELECT (SELECT count(*) FROM search_pending) + (SELECT count(*) FROM note_search_pending)').pluck().get() as number) ?? 0;
describe('a first pull, then search', () => {
  it('finds every record pulled once the round is done; the rows waited to be indexed during the pull', async () => {
    const server = await startTestServer();
    const a = deskWithASummit();
    const b = openScratchDatabase();
    const summit = a.prepare(`SELECT doc_id FROM sync_doc WHERE entity = 'summit'`).pluck().get() as string;
    for (const desk of [a, b]) {
      writeSyncAccount(desk, { url: server.url, username: '', passwordSealed: '', databasePrefix: `search${process.pid}` });
      setSharedSummitDocs(desk, [summit]);
    }
    const waitingAfterBatches: number[] = [];
    const deskA = new DeskReplicator(a, { intervalMs: 3_600_000 });
    const deskB = new DeskReplicator(b, { intervalMs: 3_600_000, onPulled: () => waitingAfterBatches.push(waiting(b)) });
    try {
      await deskA.start();
      expect(await deskB.start()).toMatchObject({ state: 'up-to-date', lastError: null });
      // During the pull, merged rows were marked, not indexed; once the round reported done none waits.
      expect(Math.max(...waitingAfterBatches)).toBeGreaterThan(0);
      expect(waiting(b)).toBe(0);
      const everyKind = [
        'Vilnius Summit',
        'Vilnius ask',
        'Vilnius bilateral',
        'Vilnius centre membership',
        'Vilnius communiqué',
        'Vilnius cyber defence',
        'Vilnius delegate Vilniaus delegatas',
        'Vilnius follow-up',
        'Vilnius opens',
      ];
      expect(indexedTitles(b, 'vilnius')).toEqual(indexedTitles(a, 'vilnius'));
      expect(indexedTitles(b, 'vilnius')).toEqual(expect.arrayContaining(everyKind));
      expect(
        search(b, { text: 'Vilnius', limit: 50 })
          .map((hit) => hit.title)
          .sort(),
      ).toEqual(
        search(a, { text: 'Vilnius', limit: 50 })
          .map((hit) => hit.title)
          .sort(),
      );

      // A meeting's own biography is a kind of its own, under its own marking (migration 2970).
      expect(
        withMarkings(b, search(b, { text: 'side event', limit: 5 })).map(({ kind, title, classification }) => [
          kind,
          title,
          classification,
        ]),
      ).toEqual([['meetingBiography', 'Vilnius delegate Vilniaus delegatas', 'NATO RESTRICTED']]);

      // An edit received later is found by its new words, and no longer by the old.
      a.exec(`UPDATE sector_entry SET title = 'Riga centre membership' WHERE title = 'Vilnius centre membership'`);
      await deskA.nudge('changes');
      await deskB.nudge('changes');
      expect(waiting(b)).toBe(0);
      expect(indexedTitles(b, 'riga')).toEqual(['Riga centre membership']);
      expect(indexedTitles(b, 'centre')).toEqual(['Riga centre membership']);
      // And so is a biography's, and its person's new name.
      a.exec(`UPDATE meeting_biography SET text = 'Hosted the Riga side event'`);
      a.exec(`UPDATE person SET name = 'Riga delegate' WHERE id = 1`);
      await deskA.nudge('changes');
      await deskB.nudge('changes');
      expect(
        search(b, { text: 'side event', kinds: ['meetingBiography'], limit: 5 }).map(({ title, snippet }) => [title, snippet]),
      ).toEqual([['Riga delegate Vilniaus delegatas', expect.stringContaining('Riga')]]);
    } finally {
      await deskA.stop();
      await deskB.stop();
      await server.stop();
    }
  });
});
