import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import { setSharedSummitDocs, writeSyncAccount } from '../../db/sync/account.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { deskWithASummit } from './pulledSearch.testing.ts';
import { DeskReplicator } from './replicator.ts';
import { startTestServer } from './testServer.ts';

// A desk listens to the server's changes feed of each database it shares, so a colleague's edit is pulled within
// moments. Its own save, pushed, comes back on that feed too: it started a round of its own, which pulled nothing,
// and on the benchmark's store (one process for both desks) held up the colleague's pull of that very edit.

/** Resolves once the note titled `title` reads `body` on this desk, checked after each merged batch. */
function arrival(db: Db, title: string, body: string): { onPulled: () => void; arrived: Promise<void> } {
  let resolve: () => void = () => undefined;
  const arrived = new Promise<void>((done) => {
    resolve = done;
  });
  return {
    onPulled: () => {
      if (db.prepare('SELECT body FROM note WHERE title = ?').pluck().get(title) === body) resolve();
    },
    arrived,
  };
}

describe("a desk's own change heard back from the server", () => {
  it('starts no round: after a save, only a colleague’s change does', async () => {
    const server = await startTestServer();
    const a = deskWithASummit();
    const b = openScratchDatabase();
    const summit = a.prepare(`SELECT doc_id FROM sync_doc WHERE entity = 'summit'`).pluck().get() as string;
    for (const desk of [a, b]) {
      writeSyncAccount(desk, { url: server.url, username: '', passwordSealed: '', databasePrefix: `echo${process.pid}` });
      setSharedSummitDocs(desk, [summit]);
    }
    let roundsOnA = 0;
    const onA = arrival(a, 'Vilnius ask', 'Answered from desk B');
    const onB = arrival(b, 'Vilnius ask', 'Edited on desk A');
    const deskA = new DeskReplicator(a, {
      intervalMs: 3_600_000,
      onStatus: (status) => {
        if (status.state === 'syncing') roundsOnA += 1;
      },
      onPulled: onA.onPulled,
    });
    const deskB = new DeskReplicator(b, { intervalMs: 3_600_000, onPulled: onB.onPulled });
    try {
      await deskA.start();
      await deskB.start();
      roundsOnA = 0;
      // Desk A saves: its round pushes the edit, desk B hears of it and pulls it.
      a.exec(`UPDATE note SET body = 'Edited on desk A', version = version + 1 WHERE title = 'Vilnius ask'`);
      await deskA.nudge('changes');
      await onB.arrived;
      // Desk B answers: desk A hears that and pulls it, its feed telling of its own edit first.
      b.exec(`UPDATE note SET body = 'Answered from desk B', version = version + 1 WHERE title = 'Vilnius ask'`);
      await deskB.nudge('changes');
      await onA.arrived;
      await deskA.nudge('changes');
      // The save's round, the round for desk B's answer and the one just asked for: none for its own edit heard back.
      expect(roundsOnA).toBe(3);
    } finally {
      await deskA.stop();
      await deskB.stop();
      await server.stop();
    }
  }, 60_000);
});
