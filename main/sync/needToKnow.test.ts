import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../core.ts';
import { call, joinShared, meeting, summit, teamDesks } from './teamDesks.testing.ts';
import { startTestServer, type TestServer } from './testServer.ts';

// Need-to-know per summit, as the server's database permissions give it. The
// sherpa (kim) prepares the OSCE Ministerial Council in Vienna and shares it
// with the country desk (lee); the sector expert (park) works on another
// summit and may not open the Ministerial's database. pouchdb-server's
// in-memory mode enforces no `_security` (that needs its full mode, with
// _users and sessions), so a proxy on 127.0.0.1 in front of it answers as
// CouchDB 3 does for a database whose members do not include the user:
// 403 forbidden, "You are not allowed to access this db."

const { desk, cleanups } = teamDesks();

/** The server behind per-database permissions: `members(database)` lists the users allowed in, every user when undefined. */
async function withPermissions(server: TestServer, members: (database: string) => readonly string[] | undefined) {
  const proxy = http.createServer((request, response) => {
    const user = Buffer.from((request.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
      .toString('utf8')
      .split(':')[0];
    const database = decodeURIComponent((request.url ?? '/').split('/')[1]?.split('?')[0] ?? '');
    const allowed = members(database);
    if (allowed !== undefined && !allowed.includes(user ?? '')) {
      response.writeHead(403, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ error: 'forbidden', reason: 'You are not allowed to access this db.' }));
      return;
    }
    const upstream = http.request(
      { host: '127.0.0.1', port: server.port, path: request.url, method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
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

/** Every byte of the desk's store (its search index included), written out first. */
function storeBytes(core: Core): Buffer {
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  const folder = path.dirname(core.db.name);
  return Buffer.concat(
    fs
      .readdirSync(folder)
      .filter((name) => name.includes('.sqlite') || name.includes('.db'))
      .map((name) => fs.readFileSync(path.join(folder, name))),
  );
}

const ministerial = {
  ...summit('OSCE Ministerial Council, Вена', 'Europe/Vienna'),
  city: 'Wien',
  description: 'Closed-door line on Georgia: ქართული პოზიცია, and the Лавров walkout plan.',
  classification: 'NATO RESTRICTED',
};
const secrets = ['OSCE Ministerial Council', 'Вена', 'ქართული პოზიცია', 'Лавров', 'walkout plan', 'Bilateral with Georgia, Hofburg'];

describe('a summit shared with some colleagues only', () => {
  it('leaves no trace of its title, description or records on the desk of a colleague who may not open its database', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const sherpa = desk();
    const countryDesk = desk();
    const expert = desk();
    const vienna = await call(sherpa, 'summit.create', ministerial);
    const other = await call(sherpa, 'summit.create', summit('Nordic–Baltic defence ministers, Reykjavík', 'Atlantic/Reykjavik'));
    await call(sherpa, 'meeting.create', meeting(vienna.id, 'Bilateral with Georgia, Hofburg'));
    await call(sherpa, 'meeting.create', meeting(other.id, 'Bilateral with Iceland'));
    const shared = await call(sherpa, 'sync.configure', {
      url: server.url,
      username: 'kim',
      password: 'Desk-pass-1',
      summitIds: [vienna.id, other.id],
    });
    const viennaDatabase = shared.summits.find((choice) => choice.summitId === vienna.id)?.database ?? '';
    const url = await withPermissions(server, (database) => (database === viennaDatabase ? ['kim', 'lee'] : undefined));
    await call(sherpa, 'sync.configure', { url, username: 'kim', password: 'Desk-pass-1', summitIds: [vienna.id, other.id] });
    expect((await call(sherpa, 'sync.now', {})).status.lastError).toBeNull();

    // The country desk, a member of the Ministerial's database, joins it by name and receives it whole.
    const onCountryDesk = await joinShared(countryDesk, sherpa, { url, username: 'lee', password: 'Desk-pass-2' }, [vienna.title]);
    const viennaThere = onCountryDesk.get(vienna.title) ?? 0;
    expect((await call(countryDesk, 'summit.get', { id: viennaThere })).description).toBe(ministerial.description);
    expect((await call(countryDesk, 'summit.view', { id: viennaThere })).meetings.map((each) => each.title)).toEqual([
      'Bilateral with Georgia, Hofburg',
    ]);

    // The expert shares the other summit; asked to join the Ministerial too, the server refuses the database by name.
    await joinShared(expert, sherpa, { url, username: 'park', password: 'Desk-pass-3' }, [other.title]);
    const refused = await call(expert, 'sync.configure', {
      url,
      username: 'park',
      summitIds: (await call(expert, 'sync.status', {})).summits.map((choice) => choice.summitId),
      joinDatabases: [viennaDatabase],
    });
    expect(refused.joining).toEqual([viennaDatabase]);
    const afterRefusal = await call(expert, 'sync.now', {});
    expect(afterRefusal.status.lastError).toMatchObject({ kind: 'no-access', detail: viennaDatabase });
    // The Sync panel lists the database waiting to be joined by name only: no title is known here.
    expect(afterRefusal.summits.map((choice) => choice.title)).toContain(other.title);
    expect(afterRefusal.summits.map((choice) => choice.title)).not.toContain(vienna.title);
    expect(afterRefusal.joining).toEqual([viennaDatabase]);

    // Nothing of it on the expert's desk: not in a list, not in search, not one byte of the store or its index.
    expect((await call(expert, 'summit.list', {})).map((each) => each.title)).not.toContain(vienna.title);
    for (const word of ['Lavrov', 'Лавров', 'Hofburg', 'walkout', 'ქართული'])
      expect(await call(expert, 'search.query', { text: word }), word).toEqual([]);
    const bytes = storeBytes(expert);
    for (const secret of secrets) expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
    // Nor in the reference database the expert's account reads: it holds nothing of any summit.
    const reference = await fetch(`${url}/${shared.account?.referenceDatabase}/_all_docs?include_docs=true`, {
      headers: { authorization: `Basic ${Buffer.from('park:Desk-pass-3').toString('base64')}` },
    });
    const referenceText = await reference.text();
    expect(reference.ok).toBe(true);
    for (const secret of secrets) expect(referenceText.includes(secret), secret).toBe(false);
    expect(referenceText).not.toContain('"_id":"summit:');
    // The summit it shares arrived whole.
    const otherThere = (await call(expert, 'summit.list', {})).find((each) => each.title === other.title)?.id ?? 0;
    expect((await call(expert, 'summit.view', { id: otherThere })).meetings.map((each) => each.title)).toEqual(['Bilateral with Iceland']);
  });
});
