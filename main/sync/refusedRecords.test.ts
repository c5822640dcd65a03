import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Core } from '../core.ts';
import { call, joinShared, meeting, summit, teamDesks } from './teamDesks.testing.ts';
import { startTestServer } from './testServer.ts';

// One record refused, by this desk or by the server, used to end the whole round: nothing else of that database
// came or went, and the state line showed the server's English words. Each such record is now left out alone,
// the rest of the exchange goes on, and the panel counts what was left out, by database and reason.

const { desk, cleanups } = teamDesks();

/** A loopback proxy in front of the test server; `refuse` answers a request with a status of its own instead (413: a size limit). */
async function startRefusingProxy(target: string, refuse: (request: http.IncomingMessage, body: Buffer) => number | null): Promise<string> {
  const upstream = new URL(target);
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const status = refuse(request, body);
      if (status !== null) {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: status === 413 ? 'too_large' : 'unknown_error', reason: 'refused by the proxy' }));
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
      forwarded.end(body);
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const titlesIn = async (core: Core, summitId: number) =>
  (await call(core, 'summit.view', { id: summitId })).meetings.map((each) => each.title).sort();

describe('one record refused in an exchange', () => {
  it('received with more branches than a merge may take: left out alone, the rest pulled, the panel counts it', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const sherpa = desk();
    const expert = desk();
    const pacific = await call(sherpa, 'summit.create', summit('Pacific Islands Forum, a record of many branches', 'Pacific/Tongatapu'));
    await call(sherpa, 'meeting.create', meeting(pacific.id, 'Bilateral pulled beside a refused record'));
    await call(sherpa, 'sync.configure', { url: server.url, username: 'kim', password: 'Desk-pass-1', summitIds: [pacific.id] });
    const database = (await call(sherpa, 'sync.now', {})).summits.find((each) => each.summitId === pacific.id)?.database ?? '';

    // A record of 101 branches, written straight into the summit's database (as a careless or hostile client may).
    const docId = `meeting:${crypto.randomBytes(16).toString('hex')}`;
    const branches = Array.from({ length: 101 }, () => ({
      _id: docId,
      _rev: `1-${crypto.randomBytes(16).toString('hex')}`,
      title: 'Branching meeting',
    }));
    const written = await fetch(`${server.url}/${database}/_bulk_docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ docs: branches, new_edits: false }),
    });
    expect(written.ok).toBe(true);

    const joined = await joinShared(expert, sherpa, { url: server.url, username: 'lee', password: 'Desk-pass-2' }, [pacific.title]);
    const offered = { summitId: joined.get(pacific.title) ?? 0 };
    const { status } = await call(expert, 'sync.status', {});

    expect(await titlesIn(expert, offered?.summitId ?? 0)).toEqual(['Bilateral pulled beside a refused record']);
    expect(status.lastError).toBeNull();
    expect(status.notices).toEqual([expect.objectContaining({ database, direction: 'received', reason: 'too-many-branches', count: 1 })]);
  });

  it('sent and refused by the server as too large: left out alone, the rest sent, the panel counts it', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const marker = 'OVERSIZED-BRIEF-0f3a';
    const proxy = await startRefusingProxy(server.url, (request, body) =>
      request.method === 'POST' && request.url?.includes('_bulk_docs') && body.includes(marker) ? 413 : null,
    );
    const sherpa = desk();
    const expert = desk();
    const pacific = await call(sherpa, 'summit.create', summit('Pacific Islands Forum, a brief too large', 'Pacific/Tongatapu'));
    await call(sherpa, 'meeting.create', meeting(pacific.id, 'Bilateral sent beside a refused one'));
    await call(sherpa, 'meeting.create', { ...meeting(pacific.id, 'Bilateral the server refuses'), background: marker });
    await call(sherpa, 'sync.configure', { url: proxy, username: 'kim', password: 'Desk-pass-1', summitIds: [pacific.id] });
    const overview = await call(sherpa, 'sync.now', {});
    const database = overview.summits.find((each) => each.summitId === pacific.id)?.database ?? '';

    expect(overview.status.lastError).toBeNull();
    expect(overview.status.notices).toEqual([expect.objectContaining({ database, direction: 'sent', reason: 'too-large', count: 1 })]);
    const joined = await joinShared(expert, sherpa, { url: server.url, username: 'lee', password: 'Desk-pass-2' }, [pacific.title]);
    const offered = { summitId: joined.get(pacific.title) ?? 0 };
    expect(await titlesIn(expert, offered?.summitId ?? 0)).toEqual(['Bilateral sent beside a refused one']);
  });

  it('one database the server answers with errors: the others sync, and the state line names it', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const sherpa = desk();
    const pacific = await call(sherpa, 'summit.create', summit('Pacific Islands Forum, beside a failing database', 'Pacific/Tongatapu'));
    const nordic = await call(sherpa, 'summit.create', summit('Nordic–Baltic summit, its database failing', 'Atlantic/Reykjavik'));
    await call(sherpa, 'meeting.create', meeting(pacific.id, 'Bilateral synced beside a failing database'));
    await call(sherpa, 'meeting.create', meeting(nordic.id, 'Bilateral in the failing database'));
    await call(sherpa, 'sync.configure', { url: server.url, username: 'kim', password: 'Desk-pass-1', summitIds: [] });
    const databases = new Map((await call(sherpa, 'sync.now', {})).summits.map((each) => [each.summitId, each.database]));
    const failing = databases.get(nordic.id) ?? '';
    const proxy = await startRefusingProxy(server.url, (request) => (request.url?.includes(failing) ? 500 : null));
    await call(sherpa, 'sync.configure', { url: proxy, username: 'kim', password: 'Desk-pass-1', summitIds: [pacific.id, nordic.id] });
    const { status } = await call(sherpa, 'sync.now', {});

    // The database quoted on its own, the server's status after it (the state line once read “sherpa-… (HTTP 500)”).
    expect(status.lastError).toMatchObject({ kind: 'database-failed', detail: `“${failing}” (HTTP 500)` });
    const expert = desk();
    const joined = await joinShared(expert, sherpa, { url: server.url, username: 'lee', password: 'Desk-pass-2' }, [pacific.title]);
    const offered = { summitId: joined.get(pacific.title) ?? 0 };
    expect(await titlesIn(expert, offered?.summitId ?? 0)).toEqual(['Bilateral synced beside a failing database']);
  });
});
