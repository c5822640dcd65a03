import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { call, joinShared, meeting, summit, teamDesks } from './teamDesks.testing.ts';
import { startTestServer } from './testServer.ts';

// The twelfth round's team trial: the sector expert (park) asks to join the
// Apia summit, whose database the administrator has not opened to her. Every
// other database synced, yet her state line said "27 changes waiting to be
// sent" (the sample's reference records, long on the server) and counted each
// edit she made to the summit she does share, which reached the server, as
// waiting: she could not tell what had gone. A database this desk only joins
// holds nothing of hers, so its refusal keeps nothing waiting.

const { desk, cleanups } = teamDesks();

/** The server with one database (none while `closed` answers '') closed to every user, as CouchDB 3 answers it: 403 forbidden. */
async function withClosedDatabase(port: number, closed: () => string) {
  const proxy = http.createServer((request, response) => {
    const database = decodeURIComponent((request.url ?? '/').split('/')[1]?.split('?')[0] ?? '');
    if (database === closed()) {
      response.writeHead(403, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ error: 'forbidden', reason: 'You are not allowed to access this db.' }));
      return;
    }
    const upstream = http.request(
      { host: '127.0.0.1', port, path: request.url, method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}

describe('a summit joined whose database the server refuses', () => {
  it('is the state line’s error, and leaves nothing waiting: what went to the other databases is counted as sent', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const sherpa = desk();
    const expert = desk();
    const apia = await call(sherpa, 'summit.create', summit('Pacific Islands Forum Leaders, Apia', 'Pacific/Apia'));
    const tonga = await call(sherpa, 'summit.create', summit('Forum Economic Ministers, Nuku’alofa', 'Pacific/Tongatapu'));
    await call(sherpa, 'meeting.create', meeting(apia.id, 'Bilateral with Samoa'));
    let closed = '';
    const url = await withClosedDatabase(server.port, () => closed);
    const shared = await call(sherpa, 'sync.configure', { url, username: 'kim', password: 'Desk-pass-1', summitIds: [apia.id, tonga.id] });
    expect((await call(sherpa, 'sync.now', {})).status.lastError).toBeNull();
    const apiaDatabase = shared.summits.find((choice) => choice.summitId === apia.id)?.database ?? '';
    closed = apiaDatabase;

    const received = await joinShared(expert, sherpa, { url, username: 'park', password: 'Desk-pass-3' }, [tonga.title]);
    const tongaHere = received.get(tonga.title) ?? 0;
    await call(expert, 'sync.configure', { url, username: 'park', summitIds: [tongaHere], joinDatabases: [apiaDatabase] });
    const refused = await call(expert, 'sync.now', {});
    expect(refused.status.lastError).toMatchObject({ kind: 'no-access', detail: apiaDatabase });
    expect(refused.status.waiting).toBe(0);

    // Her edit to the summit she shares reaches the server, and is not counted as waiting once it has.
    await call(expert, 'meeting.create', meeting(tongaHere, 'Bilateral with Tonga, sector brief'));
    const after = await call(expert, 'sync.now', {});
    expect(after.status.lastError).toMatchObject({ kind: 'no-access', detail: apiaDatabase });
    expect(after.status.waiting).toBe(0);
    expect((await call(sherpa, 'sync.now', {})).status.lastError).toMatchObject({ kind: 'no-access' });
    expect((await call(sherpa, 'summit.view', { id: tonga.id })).meetings.map((each) => each.title)).toEqual([
      'Bilateral with Tonga, sector brief',
    ]);
    // Nothing of Apia reached her.
    expect((await call(expert, 'summit.list', {})).map((each) => each.title)).not.toContain(apia.title);

    // The sherpa's own edit to Apia, refused by the same server, is still waiting: it has not gone anywhere.
    await call(sherpa, 'meeting.create', meeting(apia.id, 'Bilateral with Fiji'));
    const held = await call(sherpa, 'sync.now', {});
    expect(held.status.lastError).toMatchObject({ kind: 'no-access', detail: apiaDatabase });
    expect(held.status.waiting).toBe(1);
  });
});
