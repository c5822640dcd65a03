import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { setSharedSummitDocs, writeSyncAccount } from '../../db/sync/account.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { deskWithASummit, indexedTitles } from './pulledSearch.testing.ts';
import { DeskReplicator } from './replicator.ts';
import { startTestServer } from './testServer.ts';

// A first pull used to leave every merged row waiting to be indexed for search
// until its last database was in, then index them all while the server sat
// idle. The rows are indexed while the desk waits for the server instead: the
// reference database's records (sources, people, sectors…) are in the search
// index while the round is still waiting for a summit's records.

interface HoldingProxy {
  url: string;
  /** Resolves once the first request `holds` picks has arrived (and is held). */
  held: Promise<void>;
  /** Sends the held request on to the server (once). */
  release(): void;
  stop(): Promise<void>;
}

/** A loopback proxy in front of the test server that holds back the first request `holds` picks until released. */
async function startHoldingProxy(target: string, holds: (request: IncomingMessage) => boolean): Promise<HoldingProxy> {
  const upstream = new URL(target);
  let arrived: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  let waiting: (() => void) | undefined;
  let holding = true;
  const forward = (request: IncomingMessage, response: ServerResponse) => {
    const forwarded = http.request(
      { host: upstream.hostname, port: upstream.port, path: request.url, method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on('error', () => request.socket.resetAndDestroy());
    request.pipe(forwarded);
  };
  const server = http.createServer((request, response) => {
    if (holding && holds(request)) {
      holding = false;
      request.pause();
      waiting = () => forward(request, response);
      arrived();
      return;
    }
    forward(request, response);
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held,
    release: () => {
      waiting?.();
      waiting = undefined;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('a first pull waiting for the server', () => {
  it('has indexed the records it already merged for search while the round still runs', async () => {
    const server = await startTestServer();
    const databasePrefix = `waiting${process.pid}`;
    const a = deskWithASummit();
    const b = openScratchDatabase();
    const summit = a.prepare(`SELECT doc_id FROM sync_doc WHERE entity = 'summit'`).pluck().get() as string;
    // Desk B's first request for the summit database's records is held: by then the reference database is in.
    const proxy = await startHoldingProxy(
      server.url,
      (request) => request.url?.includes('-summit-') === true && request.url.includes('_bulk_get'),
    );
    writeSyncAccount(a, { url: server.url, username: '', passwordSealed: '', databasePrefix });
    writeSyncAccount(b, { url: proxy.url, username: '', passwordSealed: '', databasePrefix });
    for (const desk of [a, b]) setSharedSummitDocs(desk, [summit]);
    const deskA = new DeskReplicator(a, { intervalMs: 3_600_000 });
    const deskB = new DeskReplicator(b, { intervalMs: 3_600_000 });
    try {
      await deskA.start();
      const round = deskB.start();
      await proxy.held;
      // The summit's own record is in its database (2750), held with the rest of it.
      const reference = [
        'Vilnius centre membership',
        'Vilnius communiqué',
        'Vilnius cyber defence',
        'Vilnius delegate Vilniaus delegatas',
        'ITPP Vilnius partnership programme',
      ];
      await vi.waitFor(() => expect(indexedTitles(b, 'vilnius')).toEqual(expect.arrayContaining(reference)), { timeout: 10_000 });
      expect(deskB.status().state).toBe('syncing');
      expect(indexedTitles(b, 'bilateral')).toEqual([]);
      expect(indexedTitles(b, 'vilnius')).not.toContain('Vilnius Summit');

      proxy.release();
      expect(await round).toMatchObject({ state: 'up-to-date', lastError: null });
      expect(indexedTitles(b, 'vilnius')).toEqual(indexedTitles(a, 'vilnius'));
    } finally {
      proxy.release();
      await deskA.stop();
      await deskB.stop();
      await proxy.stop();
      await server.stop();
    }
  });
});
