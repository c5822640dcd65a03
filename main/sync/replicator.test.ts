import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import { writeSyncAccount } from '../../db/sync/account.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { DeskReplicator } from './replicator.ts';
import { startTestServer } from './testServer.ts';

const notes = (db: Db) => db.prepare('SELECT body FROM note ORDER BY body').pluck().all();

describe('background replication', () => {
  it('shows its state, survives the server going away, and catches up when it comes back', async () => {
    let server = await startTestServer();
    const a = openScratchDatabase();
    const b = openScratchDatabase();
    const url = server.database('desk');
    writeSyncAccount(a, { url, username: '', password: '' });
    writeSyncAccount(b, { url, username: '', password: '' });
    const deskA = new DeskReplicator(a, { intervalMs: 3_600_000 });
    const deskB = new DeskReplicator(b, { intervalMs: 3_600_000 });
    try {
      expect(deskA.status().state).toBe('off');
      deskA.start();
      deskB.start();
      a.exec(`INSERT INTO note (title, body) VALUES ('Ask', 'Typed while online')`);
      expect(deskA.status()).toMatchObject({ waiting: 1 });
      expect(await deskA.nudge()).toMatchObject({ state: 'up-to-date', waiting: 0, lastError: null });
      await deskB.nudge();
      expect(notes(b)).toEqual(['Typed while online']);

      await server.stop();
      a.exec(`INSERT INTO note (title, body) VALUES ('Ask', 'Typed while the server was away')`);
      const offline = await deskA.nudge();
      expect(offline.state).toBe('error');
      expect(offline.waiting).toBe(1);
      expect(offline.lastError).toMatch(/not reachable|fetch failed|ECONNREFUSED/i);

      server = await startTestServer(server.port, server.serverNumber);
      expect(await deskA.nudge()).toMatchObject({ state: 'up-to-date', waiting: 0, lastError: null });
      await deskB.nudge();
      expect(notes(b)).toEqual(['Typed while online', 'Typed while the server was away']);
      expect(deskB.status()).toMatchObject({ state: 'up-to-date', waiting: 0 });
    } finally {
      await deskA.stop();
      await deskB.stop();
      await server.stop();
    }
  });

  it('refuses a server that is not on this machine and not over TLS, and says why', async () => {
    const a = openScratchDatabase();
    writeSyncAccount(a, { url: 'http://couch.desk.example/summit', username: 'officer', password: 'secret' });
    const desk = new DeskReplicator(a, { intervalMs: 3_600_000 });
    desk.start();
    try {
      expect(await desk.nudge()).toMatchObject({ state: 'error', lastError: expect.stringMatching(/https/) });
    } finally {
      await desk.stop();
    }
  });
});
