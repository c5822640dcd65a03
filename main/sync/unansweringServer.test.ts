import { describe, expect, it } from 'vitest';
import { readSyncAccount, writeSyncAccount } from '../../db/sync/account.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { answerDeadlineMs, answerWithinMs } from './replication.ts';
import { DeskReplicator } from './replicator.ts';
import { startSilentServer, startTestServer } from './testServer.ts';

// A desk's server that takes the connection and then says nothing: the machine
// lost its power or its network mid-round (no reset ever reaches the desk), or
// a hotel's proxy holds the request. Before, the round waited for Node's own
// five-minute limit: the state line said "Syncing…" all that while, and Lock,
// Disconnect and a new address waited for that round to end, the briefs still
// on screen.

let desks = 0;
const prefix = () => `silent${process.pid}-${++desks}`;

describe('a server that takes the connection and never answers', () => {
  it('is reported as not reachable once a request has waited its time, and found again when it answers', async () => {
    const silent = await startSilentServer();
    const db = openScratchDatabase();
    db.exec(`INSERT INTO note (title, body) VALUES ('Sawubona', 'A brief written while the server is silent')`);
    writeSyncAccount(db, { url: silent.url, username: '', passwordSealed: '', databasePrefix: prefix() });
    // Two seconds, not less: the same wait applies once the server is back, and a
    // pouchdb-server creating its database on a loaded machine took over 300 ms.
    const desk = new DeskReplicator(db, { intervalMs: 3_600_000, answerWithinMs: 2_000 });
    try {
      const status = await desk.start();
      expect(status).toMatchObject({ state: 'error', lastError: { kind: 'unreachable' } });
      await silent.stop();
      // The server comes back where it was: the next round finds it.
      const server = await startTestServer(silent.port);
      try {
        expect(await desk.nudge()).toMatchObject({ state: 'up-to-date', lastError: null });
      } finally {
        await desk.stop();
        await server.stop();
      }
    } finally {
      await desk.stop();
      await silent.stop();
      db.close();
    }
  });

  it('does not hold Lock, Disconnect or a new address: stopping ends the round under way at once', async () => {
    const silent = await startSilentServer();
    const db = openScratchDatabase();
    writeSyncAccount(db, { url: silent.url, username: '', passwordSealed: '', databasePrefix: prefix() });
    const desk = new DeskReplicator(db, { intervalMs: 3_600_000 });
    try {
      const round = desk.start();
      expect(desk.status().state).toBe('syncing');
      const stopping = Date.now();
      await desk.stop();
      expect(Date.now() - stopping).toBeLessThan(5_000);
      await round;
      // The round was stopped by the desk, not failed by the server: no error is left to show after an unlock.
      expect(readSyncAccount(db)?.lastError).toBeNull();
      db.close();
    } finally {
      await silent.stop();
    }
  }, 20_000);

  it('waits longer for the answer to a large batch, the time it takes to send at a slow link’s pace', () => {
    // 500 briefs of 10 kB from a hotel's link: the server cannot answer before it has them all.
    expect(answerDeadlineMs(0)).toBe(answerWithinMs);
    expect(answerDeadlineMs(5_000_000)).toBe(answerWithinMs + 625_000);
  });
});
