import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { writeSyncAccount } from '../../db/sync/account.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { sealPassword } from './credentials.ts';
import { ensureDeskKeys } from './deskKeys.ts';
import { DeskReplicator } from './replicator.ts';
import { startTestServer, type TestServer } from './testServer.ts';

// A server that answers the desk with a redirect to another address: a misconfigured proxy, or one taken over. Before,
// fetch followed it: the round synced with a server the user never typed, sending it the desk's records (a 307 repeats
// the body), and merged what it answered as the desk's own server's. A redirect on the same server is still followed.

let desks = 0;
const prefix = () => `redirected${process.pid}-${++desks}`;

interface Heard {
  path: string;
  authorization: string | undefined;
}

/** A server on 127.0.0.1 that passes every request on to `upstream` and notes each one. */
async function startRecordingProxy(upstream: TestServer, heard: Heard[]) {
  const proxy = http.createServer((request, response) => {
    heard.push({ path: request.url ?? '', authorization: request.headers.authorization });
    const onward = http.request(
      { host: '127.0.0.1', port: upstream.port, path: request.url, method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    onward.on('error', () => response.destroy());
    request.pipe(onward);
  });
  return listening(proxy);
}

/** A server answering each request with `status`, to `where(path)`. */
async function startRedirecting(status: number, where: (path: string) => string) {
  return listening(
    http.createServer((request, response) => {
      request.resume();
      response.writeHead(status, { Location: where(request.url ?? '/') });
      response.end();
    }),
  );
}

async function listening(server: http.Server) {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function deskWithNote(url: string) {
  const db = openScratchDatabase();
  ensureDeskKeys(db, 'Vilnius desk');
  db.exec(`INSERT INTO note (title, body) VALUES ('Line to take', 'Not for a server the officer did not choose')`);
  writeSyncAccount(db, { url, username: 'kim', passwordSealed: sealPassword(db, 'Desk-pass-2'), databasePrefix: prefix() });
  return db;
}

describe('a server that redirects the desk', () => {
  for (const status of [307, 302]) {
    it(`to another port is not followed (${status}): nothing reaches it, and the state line names where it sent the desk`, async () => {
      const server = await startTestServer();
      const heard: Heard[] = [];
      const elsewhere = await startRecordingProxy(server, heard);
      const redirecting = await startRedirecting(status, (path) => `${elsewhere.url}${path}`);
      const db = deskWithNote(redirecting.url);
      const desk = new DeskReplicator(db, { intervalMs: 3_600_000 });
      try {
        const status = await desk.start();
        expect(status).toMatchObject({ state: 'error', lastError: { kind: 'redirected', detail: elsewhere.url } });
        expect(heard).toEqual([]);
      } finally {
        await desk.stop();
        db.close();
        await redirecting.stop();
        await elsewhere.stop();
        await server.stop();
      }
    });
  }

  it('to another scheme on the same host and port is not followed either', async () => {
    const server = await startTestServer();
    const redirecting = await startRedirecting(308, (path) => `https://127.0.0.1:${server.port}${path}`);
    const db = deskWithNote(redirecting.url);
    const desk = new DeskReplicator(db, { intervalMs: 3_600_000 });
    try {
      expect(await desk.start()).toMatchObject({
        state: 'error',
        lastError: { kind: 'redirected', detail: `https://127.0.0.1:${server.port}` },
      });
    } finally {
      await desk.stop();
      db.close();
      await redirecting.stop();
      await server.stop();
    }
  });

  it('on the same server (a proxy moving its path) is followed, and the desk syncs', async () => {
    const server = await startTestServer();
    const heard: Heard[] = [];
    // One address: requests under /old/ are sent to the same path without it, the rest go on to the server.
    const proxy = http.createServer((request, response) => {
      const path = request.url ?? '/';
      if (path.startsWith('/old/')) {
        request.resume();
        response.writeHead(307, { Location: path.slice('/old'.length) });
        response.end();
        return;
      }
      heard.push({ path, authorization: request.headers.authorization });
      const onward = http.request(
        { host: '127.0.0.1', port: server.port, path, method: request.method, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      onward.on('error', () => response.destroy());
      request.pipe(onward);
    });
    const moving = await listening(proxy);
    const db = deskWithNote(`${moving.url}/old`);
    const desk = new DeskReplicator(db, { intervalMs: 3_600_000 });
    try {
      expect(await desk.start()).toMatchObject({ state: 'up-to-date', lastError: null });
      expect(heard.length).toBeGreaterThan(0);
    } finally {
      await desk.stop();
      db.close();
      await moving.stop();
      await server.stop();
    }
  });
});
