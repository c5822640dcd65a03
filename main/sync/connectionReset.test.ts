import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import { setSharedSummitDocs, writeSyncAccount } from '../../db/sync/account.ts';
import { syncPrepare } from '../../db/sync/pendingNotes.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { pulledAtOnce } from './replication.ts';
import { DeskReplicator, type SyncStatus } from './replicator.ts';
import { startTestServer } from './testServer.ts';

// A server that drops connections in the middle of a desk's first pull (as a
// loaded desk server, or a keep-alive connection closed under the client, does)
// must show as the sync state's last error and be retried; nothing may escape
// the replicator as an unhandled rejection, which would end the app.

interface ResettingProxy {
  url: string;
  /** While true, every request is answered with a TCP reset. */
  resetting: boolean;
  /** The proxy started resetting once; it does not start again by itself. */
  tripped: boolean;
  requests: string[];
  stop(): Promise<void>;
}

/** A loopback proxy in front of the test server; `resetFrom` decides, per request, when it starts resetting connections (once). */
async function startResettingProxy(target: string, resetFrom: (request: IncomingMessage, seen: readonly string[]) => boolean) {
  const upstream = new URL(target);
  const proxy: ResettingProxy = { url: '', resetting: false, tripped: false, requests: [], stop: async () => undefined };
  const server = http.createServer((request, response) => {
    const line = `${request.method} ${request.url}`;
    if (!proxy.tripped && resetFrom(request, proxy.requests)) {
      proxy.tripped = true;
      proxy.resetting = true;
    }
    proxy.requests.push(line);
    if (proxy.resetting) {
      request.socket.resetAndDestroy();
      return;
    }
    const forwarded = http.request(
      { host: upstream.hostname, port: upstream.port, path: request.url, method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on('error', () => request.socket.resetAndDestroy());
    request.pipe(forwarded);
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}

/** A desk sharing one summit whose meeting has enough notes for a pull of several batches. */
function deskWithManyNotes(count: number): Db {
  const db = openScratchDatabase();
  db.exec(`
    INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES (1, 'Vilnius Summit', '2023-07-11', '2023-07-12', 'Europe/Vilnius');
    INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone)
      VALUES (1, 1, 'Stoltenberg–Yoon', 'bilateral', '2023-07-11T09:00:00Z', 'Europe/Vilnius');
  `);
  const insert = db.prepare(`INSERT INTO note (meeting_id, title, body) VALUES (1, 'Point', ?)`);
  for (let index = 0; index < count; index += 1) insert.run(`Point to make ${index}`);
  return db;
}

const summitDoc = (db: Db) => syncPrepare(db, `SELECT doc_id FROM sync_doc WHERE entity = 'summit'`).pluck().get() as string;
const noteCount = (db: Db) => db.prepare('SELECT count(*) FROM note').pluck().get() as number;

/** Resolves with the first state the replicator reports that satisfies `wanted`. */
function statusWhere(statuses: ((status: SyncStatus) => void)[], wanted: (status: SyncStatus) => boolean): Promise<SyncStatus> {
  return new Promise((resolve) => {
    statuses.push((status) => {
      if (wanted(status)) resolve(status);
    });
  });
}

const unhandled: unknown[] = [];
const collect = (reason: unknown) => unhandled.push(reason);
afterEach(() => {
  process.off('unhandledRejection', collect);
});

describe('a server that resets connections during the first pull', () => {
  it('shows the error, retries with backoff, catches up, and lets no rejection escape', async () => {
    process.on('unhandledRejection', collect);
    unhandled.length = 0;
    const server = await startTestServer();
    const databasePrefix = `reset${process.pid}`;
    // Enough notes for a pull of several batches.
    const notes = 2 * pulledAtOnce + 200;
    const a = deskWithManyNotes(notes);
    const b = openScratchDatabase();
    writeSyncAccount(a, { url: server.url, username: '', passwordSealed: '', databasePrefix });
    setSharedSummitDocs(a, [summitDoc(a)]);
    // Once desk B has fetched its first batch of the summit's records, the server drops every connection: the
    // batch's checkpoint, the next changes and records. (The replicator's progress count after a batch, a request
    // whose failure PouchDB's replicator leaves unhandled, is now answered from the replication's first info.)
    const proxy = await startResettingProxy(
      server.url,
      (request, seen) =>
        seen.some((line) => line.startsWith('POST') && line.includes('-summit-') && line.includes('_bulk_get')) &&
        (request.url ?? '').includes('-summit-'),
    );
    writeSyncAccount(b, { url: proxy.url, username: '', passwordSealed: '', databasePrefix });
    setSharedSummitDocs(b, [summitDoc(a)]);
    const listeners: ((status: SyncStatus) => void)[] = [];
    const deskA = new DeskReplicator(a, { intervalMs: 3_600_000 });
    const deskB = new DeskReplicator(b, {
      intervalMs: 3_600_000,
      retryMs: 20,
      onStatus: (status) => {
        for (const listener of listeners) listener(status);
      },
    });
    try {
      deskA.start();
      expect(await deskA.nudge()).toMatchObject({ state: 'up-to-date', lastError: null });

      const failed = statusWhere(listeners, (status) => status.state === 'error');
      deskB.start();
      expect(await failed).toMatchObject({ lastError: { kind: 'unreachable' } });
      const partly = noteCount(b);
      expect(partly).toBeLessThan(notes);

      // The server answers again: the replicator's own retry, not a save or a nudge, finishes the pull.
      const caughtUp = statusWhere(listeners, (status) => status.state === 'up-to-date');
      proxy.resetting = false;
      expect(await caughtUp).toMatchObject({ lastError: null, waiting: 0 });
      expect(noteCount(b)).toBe(notes);
      expect(unhandled).toEqual([]);
    } finally {
      await deskA.stop();
      await deskB.stop();
      await proxy.stop();
      await server.stop();
    }
  });
});
