import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import { setSharedSummitDocs, writeSyncAccount } from '../../db/sync/account.ts';
import { syncPrepare } from '../../db/sync/pendingNotes.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { Touched } from '../../shared/contract.ts';
import type { SyncStatus } from '../../shared/syncSettings.ts';
import { databaseName } from './deskServer.ts';
import { DeskReplicator } from './replicator.ts';
import { startAccountsProxy, startTestServer } from './testServer.ts';

// The bilateral officer's desk started while the administrator had taken her
// off one summit: every round failed for that database, so the desk never
// listened to the others, and a colleague's change to the people or to the
// summit she still shares waited for the minute's round (or Sync now), where
// it used to arrive within a second. A refused database no longer deafens the
// desk to the rest.

let desks = 0;
const summitDoc = (db: Db, id: number) =>
  syncPrepare(db, `SELECT doc_id FROM sync_doc WHERE entity = 'summit' AND row_key = ?`).pluck().get(String(id)) as string;

describe('a desk refused one database from its start', () => {
  it('still hears a colleague’s change to the reference data through the live feed, with no round asked for', async () => {
    const server = await startTestServer();
    const sherpa = openScratchDatabase();
    sherpa.exec(`
      INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES
        (1, 'Vilnius Summit', '2027-07-11', '2027-07-12', 'Europe/Vilnius');
      INSERT INTO person (id, name) VALUES (1, 'Gitanas Nausėda');
    `);
    const bilateral = openScratchDatabase();
    const databasePrefix = `t${process.pid}-refused-${++desks}`;
    const vilnius = databaseName(databasePrefix, summitDoc(sherpa, 1));
    let closed = '';
    const proxy = await startAccountsProxy(server, { '': '' }, (_user, database) => database !== closed);
    const heard: Touched[] = [];
    let roundEnded: (status: SyncStatus) => void = () => undefined;
    const sherpaDesk = new DeskReplicator(sherpa, { intervalMs: 3_600_000 });
    const bilateralDesk = new DeskReplicator(bilateral, {
      intervalMs: 3_600_000,
      onPulled: (touched) => heard.push(...touched),
      onStatus: (status) => {
        if (status.state !== 'syncing' && heard.some((each) => each.entity === 'person' && each.how === 'updated')) roundEnded(status);
      },
    });
    try {
      for (const desk of [sherpa, bilateral]) writeSyncAccount(desk, { url: proxy.url, username: '', passwordSealed: '', databasePrefix });
      setSharedSummitDocs(sherpa, [summitDoc(sherpa, 1)]);
      expect(await sherpaDesk.start()).toMatchObject({ state: 'up-to-date' });
      setSharedSummitDocs(bilateral, [summitDoc(sherpa, 1)]);
      expect(await bilateralDesk.start()).toMatchObject({ state: 'up-to-date' });
      expect(bilateral.prepare('SELECT name FROM person').pluck().all()).toEqual(['Gitanas Nausėda']);
      // The desk starts again after the administrator closed Vilnius to her.
      await bilateralDesk.stop();
      closed = vilnius;
      expect(await bilateralDesk.start()).toMatchObject({ state: 'error', lastError: { kind: 'no-access', detail: vilnius } });

      const pulled = new Promise<SyncStatus>((resolve) => {
        roundEnded = resolve;
      });
      sherpa.exec(`UPDATE person SET name = 'Gitanas Nausėda (President)' WHERE id = 1`);
      await sherpaDesk.nudge('changes');
      // Only the live feed can bring it: no round is asked for on her desk, and the timer's is an hour away.
      const after = await pulled;
      expect(bilateral.prepare('SELECT name FROM person').pluck().all()).toEqual(['Gitanas Nausėda (President)']);
      // The round the feed started did not say "up to date" while Vilnius is still refused.
      expect(after).toMatchObject({ state: 'error', lastError: { kind: 'no-access', detail: vilnius } });
    } finally {
      await sherpaDesk.stop();
      await bilateralDesk.stop();
      await proxy.stop();
      await server.stop();
    }
  }, 30_000);
});
