import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { openScratchDatabase } from '../../db/testing.ts';
import { askedOnce, syncOnce } from './replication.ts';
import { teamDesks } from './teamDesks.testing.ts';
import { startTestServer } from './testServer.ts';

const { cleanups } = teamDesks();
const database = 'http://127.0.0.1:5984/sherpa-summit-1';

/** A server answering every request with its own count, and the requests it was asked. */
function countingServer(status = 200) {
  const asked: string[] = [];
  const fetcher = async (url: string, given: RequestInit) => {
    asked.push(`${given.method ?? 'GET'} ${url}`);
    return new Response(JSON.stringify({ answer: asked.length }), { status, headers: { 'content-type': 'application/json' } });
  };
  return { asked, fetcher };
}

describe("a replication's repeated questions", () => {
  it("asks the server's id and the database's info once, even when two ask at the same moment", async () => {
    const server = countingServer();
    const fetch = askedOnce(database, server.fetcher);
    const answers = await Promise.all([fetch('http://127.0.0.1:5984/', {}), fetch('http://127.0.0.1:5984/', { method: 'GET' })]);
    expect(await Promise.all(answers.map((answer) => answer.json()))).toEqual([{ answer: 1 }, { answer: 1 }]);
    expect(await (await fetch(`${database}/`, {})).json()).toEqual({ answer: 2 });
    expect(await (await fetch(`${database}/`, {})).json()).toEqual({ answer: 2 });
    expect(server.asked).toEqual(['GET http://127.0.0.1:5984/', `GET ${database}/`]);
  });

  it('always asks anew for changes, records, checkpoints, writes, and another server', async () => {
    const server = countingServer();
    const fetch = askedOnce(database, server.fetcher);
    const requests: [string, RequestInit][] = [
      [`${database}/_changes?since=0`, {}],
      [`${database}/_local/checkpoint`, {}],
      [`${database}/?x=1`, {}],
      [`${database}/`, { method: 'PUT' }],
      [`${database}/_bulk_get`, { method: 'POST', body: '{}' }],
      ['http://127.0.0.1:5985/', {}],
      ['http://127.0.0.1:5984/sherpa-summit-2/', {}],
    ];
    for (const [url, init] of [...requests, ...requests]) await fetch(url, init);
    expect(server.asked).toHaveLength(requests.length * 2);
  });

  it('keeps no failed answer: a database missing before this replication set it up is asked again', async () => {
    const server = countingServer(404);
    const fetch = askedOnce(database, server.fetcher);
    expect((await fetch(`${database}/`, {})).status).toBe(404);
    expect((await fetch(`${database}/`, {})).status).toBe(404);
    expect(server.asked).toHaveLength(2);
  });

  it("a sync with nothing new asks the database's info and the server's id once each, not twice", async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const identityAsked = new Map<string, number>();
    const proxy = http.createServer((request, response) => {
      const path = request.url ?? '/';
      if (request.method === 'GET' && /^\/[^/?]*\/?$/.test(path)) identityAsked.set(path, (identityAsked.get(path) ?? 0) + 1);
      const upstream = http.request(
        { host: '127.0.0.1', port: server.port, path, method: request.method, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      request.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => proxy.close(() => resolve())));
    const account = { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/summit-wien` };
    const db = openScratchDatabase();
    db.exec(
      `INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES (1, 'Ministerial, Wien', '2026-12-03', '2026-12-04', 'Europe/Vienna')`,
    );
    expect((await syncOnce(db, account)).push.docs_written).toBe(1);
    identityAsked.clear();
    const again = await syncOnce(db, account);
    expect(again.pull.docs_written).toBe(0);
    expect(Object.fromEntries(identityAsked)).toEqual({ '/': 1, '/summit-wien/': 1 });
  });
});
