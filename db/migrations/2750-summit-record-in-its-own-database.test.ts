import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { databaseUrl } from '../../main/sync/replication.ts';
import { DeskReplicator } from '../../main/sync/replicator.ts';
import { startTestServer } from '../../main/sync/testServer.ts';
import type { Db } from '../open.ts';
import { setSharedSummitDocs, writeSyncAccount } from '../sync/account.ts';
import { openScratchCopy, openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

// Desks that shared a summit before 2750 sent its own record to the reference
// database. Upgraded, a desk moves it to the summit's own database and closes
// the copy in the reference one; two desks that shared it write the same
// revisions (no conflict, neither loses the summit); a colleague who never
// shared it and syncs the reference database receives nothing of it.

const before = migrations.filter((migration) => migration.version < 2750);
// Upgraded from before 2750 to the latest: the desks then replicate with this version's code, which reads tables
// later migrations add (2960's databases refused with records waiting).
const through = migrations;

const docOf = (db: Db, entity: string, rowKey: string) =>
  db.prepare('SELECT doc_id FROM sync_doc WHERE entity = ? AND row_key = ?').pluck().get(entity, rowKey) as string;
const winnerOf = (db: Db, docId: string) => db.prepare('SELECT rev, deleted FROM sync_doc WHERE doc_id = ?').get(docId);

/** What a desk before 2750 had sent of a shared summit: its record, at its current revision, in the reference database. */
async function sentToReferenceBefore(db: Db, url: string, docId: string): Promise<void> {
  const { rev, body } = db
    .prepare('SELECT D.rev, R.body FROM sync_doc AS D JOIN sync_rev AS R ON R.doc_id = D.doc_id AND R.rev = D.rev WHERE D.doc_id = ?')
    .get(docId) as { rev: string; body: string };
  await fetch(url, { method: 'PUT' });
  const written = await fetch(`${url}/_bulk_docs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ docs: [{ ...JSON.parse(body), _id: docId, _rev: rev }], new_edits: false }),
  });
  expect(written.ok).toBe(true);
}

async function syncOnce(db: Db): Promise<void> {
  const desk = new DeskReplicator(db, { intervalMs: 3_600_000 });
  desk.start();
  try {
    const status = await desk.nudge();
    expect(status.lastError).toBeNull();
  } finally {
    await desk.stop();
  }
}

describe('migration 2750', () => {
  it('moves a shared summit out of the reference database on every desk that shared it, the same way, and no colleague receives it', async () => {
    const server = await startTestServer();
    const databasePrefix = `upgrade${process.pid}`;
    const database = (partition: string) => databaseUrl({ baseUrl: server.url, databasePrefix }, partition);
    try {
      const sherpa = openScratchDatabase(':memory:', { migrate: false });
      migrate(sherpa, before);
      sherpa.exec(`
        INSERT INTO summit (id, title, city, start_date, end_date, time_zone, description) VALUES
          (1, 'OSCE Ministerial Council, Вена', 'Wien', '2026-12-03', '2026-12-04', 'Europe/Vienna', 'Лавров walkout plan'),
          (2, 'Desk retreat, not shared', '', '2026-12-10', '2026-12-10', 'Europe/Vienna', '');
        INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone) VALUES
          (1, 1, 'Bilateral with Georgia, Hofburg', 'bilateral', '2026-12-03T09:00:00Z', 'Europe/Vienna');
      `);
      const vienna = docOf(sherpa, 'summit', '1');
      const retreat = docOf(sherpa, 'summit', '2');
      writeSyncAccount(sherpa, { url: server.url, username: '', passwordSealed: '', databasePrefix });
      setSharedSummitDocs(sherpa, [vienna]);
      await sentToReferenceBefore(sherpa, database('reference'), vienna);
      // The country desk held the same summit, received from the sherpa before either upgraded.
      const countryDesk = openScratchCopy(sherpa.serialize());
      const versionBefore = winnerOf(sherpa, vienna);

      migrate(sherpa, through);
      expect(sherpa.prepare('SELECT home FROM sync_home WHERE doc_id = ?').pluck().get(vienna)).toBe(vienna);
      expect(sherpa.prepare('SELECT home FROM sync_home WHERE doc_id = ?').pluck().get(retreat)).toBe(retreat);
      expect(sherpa.prepare('SELECT doc_id, home FROM sync_moved_out').all()).toEqual([{ doc_id: vienna, home: 'reference' }]);
      await syncOnce(sherpa);

      // The reference database holds a deletion of the old copy, no text; the summit's own database holds it live.
      const inReference = await (await fetch(`${database('reference')}/${encodeURIComponent(vienna)}?open_revs=all`)).json();
      expect(inReference).toEqual([{ ok: expect.objectContaining({ _id: vienna, _deleted: true }) }]);
      expect(JSON.stringify(inReference)).not.toContain('Ministerial');
      const own = (await (await fetch(`${database(vienna)}/${encodeURIComponent(vienna)}`)).json()) as { title: string };
      expect(own.title).toBe('OSCE Ministerial Council, Вена');
      expect(await (await fetch(`${database(retreat)}`)).json()).toMatchObject({ error: 'not_found' });
      expect(sherpa.prepare('SELECT title FROM summit WHERE id = 1').pluck().get()).toBe('OSCE Ministerial Council, Вена');

      // The country desk upgrades too: the same two revisions, so no conflict, and the summit stays with its meeting.
      migrate(countryDesk, through);
      writeSyncAccount(countryDesk, { url: server.url, username: '', passwordSealed: '', databasePrefix });
      await syncOnce(countryDesk);
      await syncOnce(sherpa);
      expect(winnerOf(countryDesk, vienna)).toEqual(winnerOf(sherpa, vienna));
      expect(winnerOf(sherpa, vienna)).not.toEqual(versionBefore);
      expect(winnerOf(sherpa, vienna)).toMatchObject({ deleted: 0 });
      expect(countryDesk.prepare('SELECT count(*) FROM sync_branched').pluck().get()).toBe(
        sherpa.prepare('SELECT count(*) FROM sync_branched').pluck().get(),
      );
      expect(countryDesk.prepare('SELECT title FROM meeting WHERE summit_id = 1').pluck().all()).toEqual([
        'Bilateral with Georgia, Hofburg',
      ]);
      expect(sherpa.prepare('SELECT count(*) FROM sync_rev WHERE doc_id = ?').pluck().get(vienna)).toBe(
        countryDesk.prepare('SELECT count(*) FROM sync_rev WHERE doc_id = ?').pluck().get(vienna),
      );

      // A colleague on this version who shares nothing syncs the reference database: nothing of the summit, not even its id.
      const expert = openScratchDatabase();
      writeSyncAccount(expert, { url: server.url, username: '', passwordSealed: '', databasePrefix });
      await syncOnce(expert);
      expect(expert.prepare('SELECT count(*) FROM sync_rev WHERE doc_id = ?').pluck().get(vienna)).toBe(0);
      expect(expert.prepare("SELECT count(*) FROM summit WHERE title LIKE 'OSCE%'").pluck().get()).toBe(0);
    } finally {
      await server.stop();
    }
  });

  it('closes the copy in the reference database only once the summit reached its own database: a push refused there keeps it live for earlier-version desks', async () => {
    const server = await startTestServer();
    const databasePrefix = `refused${process.pid}`;
    // The administrator has not opened the summit's own database yet: the server answers 403 for it, as CouchDB 3 does.
    let refuse = '';
    const proxy = http.createServer((request, response) => {
      if (refuse !== '' && (request.url ?? '').startsWith(`/${refuse}`)) {
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
      // A desk's long-polling watch still open when the server stops: its socket ends, not the test.
      upstream.on('error', () => response.destroy());
      request.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const database = (partition: string) => databaseUrl({ baseUrl: server.url, databasePrefix }, partition);
    try {
      const sherpa = openScratchDatabase(':memory:', { migrate: false });
      migrate(sherpa, before);
      sherpa.exec(`
        INSERT INTO summit (id, title, city, start_date, end_date, time_zone, description) VALUES
          (1, 'Pacific Islands Forum, Apia', 'Apia', '2026-09-07', '2026-09-11', 'Pacific/Apia', 'Fisheries line');
      `);
      const apia = docOf(sherpa, 'summit', '1');
      writeSyncAccount(sherpa, { url: baseUrl, username: '', passwordSealed: '', databasePrefix });
      setSharedSummitDocs(sherpa, [apia]);
      await sentToReferenceBefore(sherpa, database('reference'), apia);
      migrate(sherpa, through);

      refuse = `${databasePrefix}-summit-`;
      const desk = new DeskReplicator(sherpa, { intervalMs: 3_600_000 });
      desk.start();
      try {
        expect((await desk.nudge()).lastError).toMatchObject({ kind: 'no-access' });
        // A desk on an earlier version reads the summit from the reference database: it must still be live there.
        const inReference = (await (await fetch(`${database('reference')}/${encodeURIComponent(apia)}?open_revs=all`)).json()) as unknown[];
        expect(inReference).toEqual([{ ok: expect.objectContaining({ _id: apia, title: 'Pacific Islands Forum, Apia' }) }]);
        expect(JSON.stringify(inReference)).not.toContain('_deleted');

        // The administrator opens it: the summit reaches its own database, then the reference copy is closed.
        refuse = '';
        expect((await desk.nudge()).lastError).toBeNull();
        const own = (await (await fetch(`${database(apia)}/${encodeURIComponent(apia)}`)).json()) as { title: string };
        expect(own.title).toBe('Pacific Islands Forum, Apia');
        const closed = await (await fetch(`${database('reference')}/${encodeURIComponent(apia)}?open_revs=all`)).json();
        expect(closed).toEqual([{ ok: expect.objectContaining({ _id: apia, _deleted: true }) }]);
        expect(winnerOf(sherpa, apia)).toMatchObject({ deleted: 0 });
      } finally {
        await desk.stop();
      }
    } finally {
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await server.stop();
    }
  });
});
