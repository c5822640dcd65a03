import { describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open.ts';
import { syncedEntities } from '../../../db/sync/history.ts';
import { syncPrepare } from '../../../db/sync/pendingNotes.ts';
import { rowsMatchWinners } from '../../../db/sync/testing.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import type { ConflictSummary, RestorationSettled, RestoredRecord } from '../../../shared/conflicts.ts';
import type { ChangeEvent, Result } from '../../../shared/contract.ts';
import { exportBundle, importBundle } from '../../sync/bundle.ts';
import { ensureDeskKeys } from '../../sync/deskKeys.ts';
import { syncOnce } from '../../sync/replication.ts';
import { startTestServer } from '../../sync/testServer.ts';
import { createDispatch, type Dispatch } from '../dispatch.ts';
import { createHandlers } from './index.ts';

// Desk A deletes a meeting while desk B, offline, adds a follow-up and a note
// to it. The meeting comes back on both desks (rows.ts); both officers are
// told, the same way, and either one's answer reaches the other.

interface Desk {
  db: Db;
  dispatch: Dispatch;
  changes: ChangeEvent[];
}

function desk(name: string): Desk & { keys: ReturnType<typeof ensureDeskKeys> } {
  const db = openScratchDatabase(':memory:');
  const keys = ensureDeskKeys(db, name);
  const changes: ChangeEvent[] = [];
  const clock = () => new Date('2026-12-01T10:00:00Z');
  return {
    db,
    keys,
    changes,
    dispatch: createDispatch({ db, handlers: createHandlers({ db, clock }), onChange: (event) => changes.push(event) }),
  };
}

const value = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
};
const count = (db: Db, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
const restorations = async (on: Desk) => value<RestoredRecord[]>(await on.dispatch('conflict.restorations', {}));

/** Two desks through a fresh server, the meeting deleted on A while B added to it; every desk exchanged twice. */
async function deletedWhileAddedTo(
  run: (a: Desk, b: Desk, exchange: () => Promise<void>) => Promise<void>,
  deleterFirst = true,
): Promise<void> {
  const server = await startTestServer();
  try {
    const account = { url: server.database('summit-washington') };
    const a = desk('Desk A');
    const b = desk('Desk B');
    a.db.exec(`
      INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES (1, 'Washington Summit', '2024-07-09', '2024-07-11', 'America/New_York');
      INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone, classification)
        VALUES (1, 1, 'Bilateral', 'bilateral', '2024-07-09T14:00:00Z', 'America/New_York', 'NATO RESTRICTED');
    `);
    await syncOnce(a.db, account);
    await syncOnce(b.db, account);
    a.db.exec('DELETE FROM meeting');
    const meeting = b.db.prepare('SELECT id FROM meeting').pluck().get() as number;
    b.db
      .prepare(
        `INSERT INTO follow_up (meeting_id, description, classification) VALUES (?, 'Send the export licence list', 'NATO UNCLASSIFIED')`,
      )
      .run(meeting);
    b.db
      .prepare(
        `INSERT INTO note (meeting_id, title, body, classification) VALUES (?, 'Ask', 'Raise the licences first', 'NATO RESTRICTED')`,
      )
      .run(meeting);
    const exchange = async () => {
      for (const each of deleterFirst ? [a, b, a, b] : [b, a, b, a]) await syncOnce(each.db, account);
    };
    await exchange();
    await run(a, b, exchange);
  } finally {
    await server.stop();
  }
}

describe('a record deleted on one desk and kept for what another added to it is announced on both', () => {
  // When the adding desk exchanges first, the deleting desk is the one that brings the meeting back, and the other
  // hears of the deletion only through that: it still knows who deleted it, as a losing leaf travels whole.
  for (const deleterFirst of [true, false])
    it(`both desks list the same notice: who deleted it, when, and the records that kept it, each with its marking (${deleterFirst ? 'deleting' : 'adding'} desk exchanges first)`, async () => {
      await deletedWhileAddedTo(async (a, b) => {
        const onA = await restorations(a);
        expect(onA).toHaveLength(1);
        const [notice] = onA;
        expect(notice).toMatchObject({ kind: 'meeting', title: 'Bilateral', classification: 'NATO RESTRICTED' });
        expect(notice?.deletedBy).toMatchObject({ desk: 'Desk A', at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
        expect(
          notice?.referrers.map(({ kind, title, classification, author }) => ({ kind, title, classification, desk: author?.desk })),
        ).toEqual(
          expect.arrayContaining([
            { kind: 'followUp', title: 'Send the export licence list', classification: 'NATO UNCLASSIFIED', desk: 'Desk B' },
            { kind: 'meetingAnnotation', title: 'Ask', classification: 'NATO RESTRICTED', desk: 'Desk B' },
          ]),
        );
        expect(notice?.referrers).toHaveLength(2);
        // The same notice on B, where only the row ids may differ: each desk numbers its own rows.
        const withoutRows = (list: RestoredRecord[]) => list.map(({ rowId: _rowId, page: _page, ...shared }) => shared);
        expect(withoutRows(await restorations(b))).toEqual(withoutRows(onA));
        // Not a conflict between two versions: the conflicts list stays as it was.
        expect(value<ConflictSummary[]>(await a.dispatch('conflict.list', {}))).toEqual([]);
      }, deleterFirst);
    });

  it('Keep on one desk: the meeting stays and the notice goes on both', async () => {
    await deletedWhileAddedTo(async (a, b, exchange) => {
      const [notice] = await restorations(a);
      a.changes.length = 0;
      const kept = value<RestorationSettled>(
        await a.dispatch('conflict.settleRestoration', { id: notice?.id, deletion: notice?.deletion, action: 'keep' }),
      );
      expect(kept).toEqual({ id: notice?.id, action: 'keep', deleted: 0 });
      expect(a.changes.flatMap((change) => (change.scope === 'touched' ? change.touched : []))).toEqual([
        { entity: 'conflict', how: 'deleted', ids: [] },
      ]);
      expect(await restorations(a)).toEqual([]);
      // A second answer to the same notice (another window) is refused, and writes nothing.
      const revisions = count(a.db, 'sync_rev');
      const again = await a.dispatch('conflict.settleRestoration', { id: notice?.id, deletion: notice?.deletion, action: 'keep' });
      expect(again.ok ? undefined : again.error.code).toBe('conflict');
      expect(count(a.db, 'sync_rev')).toBe(revisions);
      await exchange();
      for (const each of [a, b]) {
        expect(await restorations(each)).toEqual([]);
        expect(each.db.prepare('SELECT title FROM meeting').pluck().all()).toEqual(['Bilateral']);
        expect(count(each.db, 'follow_up')).toBe(1);
        expect(count(each.db, 'note')).toBe(1);
        expect(value<ConflictSummary[]>(await each.dispatch('conflict.list', {}))).toEqual([]);
        expect(rowsMatchWinners(each.db, syncedEntities)).toBe(true);
      }
      // Deleted again on A while B adds another follow-up: it comes back again from that deletion, announced anew.
      a.db.exec('DELETE FROM meeting');
      b.db
        .prepare(`INSERT INTO follow_up (meeting_id, description) VALUES (?, 'Book the interpreter')`)
        .run(b.db.prepare('SELECT id FROM meeting').pluck().get());
      await exchange();
      for (const each of [a, b]) {
        expect(each.db.prepare('SELECT title FROM meeting').pluck().all()).toEqual(['Bilateral']);
        const [again] = await restorations(each);
        expect(again?.deletion).not.toBe(notice?.deletion);
        expect(again?.referrers.map((referrer) => referrer.title)).toEqual(['Book the interpreter']);
      }
    });
  });

  it('Delete it with what refers to it, on the desk that added to it: gone from both desks, and it stays gone', async () => {
    await deletedWhileAddedTo(async (a, b, exchange) => {
      const [notice] = await restorations(b);
      const referrers = notice?.referrers.map((referrer) => referrer.id) ?? [];
      // Confirmed against a list that has since grown: refused, nothing deleted.
      const stale = await b.dispatch('conflict.settleRestoration', {
        id: notice?.id,
        deletion: notice?.deletion,
        action: 'delete',
        referrers: referrers.slice(1),
      });
      expect(stale.ok ? undefined : stale.error.code).toBe('conflict');
      expect(count(b.db, 'meeting')).toBe(1);
      expect(count(b.db, 'follow_up')).toBe(1);

      b.changes.length = 0;
      const settled = value<RestorationSettled>(
        await b.dispatch('conflict.settleRestoration', { id: notice?.id, deletion: notice?.deletion, action: 'delete', referrers }),
      );
      expect(settled).toEqual({ id: notice?.id, action: 'delete', deleted: 3 });
      const touched = b.changes.flatMap((change) => (change.scope === 'touched' ? change.touched : [])).map((each) => each.entity);
      expect(new Set(touched)).toEqual(new Set(['conflict', 'followUp', 'note', 'meeting']));
      await exchange();
      for (const each of [a, b]) {
        expect(count(each.db, 'meeting')).toBe(0);
        expect(count(each.db, 'follow_up')).toBe(0);
        expect(count(each.db, 'note')).toBe(0);
        expect(await restorations(each)).toEqual([]);
        expect(value<ConflictSummary[]>(await each.dispatch('conflict.list', {}))).toEqual([]);
        expect(rowsMatchWinners(each.db, syncedEntities)).toBe(true);
      }
      expect(syncPrepare(a.db, 'SELECT doc_id, rev, deleted FROM sync_doc ORDER BY doc_id').all()).toEqual(
        syncPrepare(b.db, 'SELECT doc_id, rev, deleted FROM sync_doc ORDER BY doc_id').all(),
      );
    });
  });

  it('through bundles too: both desks list the same notice, and Keep on one reaches the other', async () => {
    const a = desk('Desk A');
    const b = desk('Desk B');
    const send = (from: typeof a, to: typeof a) =>
      importBundle(to.db, to.keys, exportBundle(from.db, from.keys, 'everything', { recipients: [to.keys.card] }), { acceptSigner: true });
    a.db.exec(`
      INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES (1, 'Washington Summit', '2024-07-09', '2024-07-11', 'America/New_York');
      INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone) VALUES (1, 1, 'Bilateral', 'bilateral', '2024-07-09T14:00:00Z', 'America/New_York');
    `);
    send(a, b);
    a.db.exec('DELETE FROM meeting');
    b.db
      .prepare(`INSERT INTO follow_up (meeting_id, description) VALUES (?, 'Send the export licence list')`)
      .run(b.db.prepare('SELECT id FROM meeting').pluck().get());
    // B hears of the deletion only with the meeting already back on A.
    send(b, a);
    send(a, b);
    const shared = (list: RestoredRecord[]) => list.map(({ rowId: _rowId, page: _page, ...rest }) => rest);
    const onA = await restorations(a);
    expect(onA.map((notice) => ({ title: notice.title, by: notice.deletedBy?.desk, referrers: notice.referrers.length }))).toEqual([
      { title: 'Bilateral', by: 'Desk A', referrers: 1 },
    ]);
    expect(shared(await restorations(b))).toEqual(shared(onA));
    const [notice] = onA;
    value(await b.dispatch('conflict.settleRestoration', { id: notice?.id, deletion: notice?.deletion, action: 'keep' }));
    send(b, a);
    for (const each of [a, b]) {
      expect(await restorations(each)).toEqual([]);
      expect(each.db.prepare('SELECT title FROM meeting').pluck().all()).toEqual(['Bilateral']);
    }
  });
});

/** Two desks through a fresh server, the meeting deleted on A while B retitled it; every desk exchanged twice. */
async function deletedWhileEdited(run: (a: Desk, b: Desk, exchange: () => Promise<void>) => Promise<void>, deleterFirst = true) {
  const server = await startTestServer();
  try {
    const account = { url: server.database('summit-ottawa') };
    const a = desk('Desk A');
    const b = desk('Desk B');
    a.db.exec(`
      INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES (1, 'Ottawa Summit', '2024-07-09', '2024-07-11', 'America/New_York');
      INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone, classification)
        VALUES (1, 1, 'Bilateral', 'bilateral', '2024-07-09T14:00:00Z', 'America/New_York', 'NATO RESTRICTED');
    `);
    await syncOnce(a.db, account);
    await syncOnce(b.db, account);
    a.db.exec('DELETE FROM meeting');
    b.db.exec(`UPDATE meeting SET title = 'Bilateral with Canada'`);
    const exchange = async () => {
      for (const each of deleterFirst ? [a, b, a, b] : [b, a, b, a]) await syncOnce(each.db, account);
    };
    await exchange();
    await run(a, b, exchange);
  } finally {
    await server.stop();
  }
}

describe('a record deleted on one desk while another edited it is announced on both', () => {
  for (const deleterFirst of [true, false])
    it(`both desks list the same notice: who deleted it and when, who edited it (${deleterFirst ? 'deleting' : 'editing'} desk exchanges first)`, async () => {
      await deletedWhileEdited(async (a, b) => {
        for (const each of [a, b]) expect(each.db.prepare('SELECT title FROM meeting').pluck().all()).toEqual(['Bilateral with Canada']);
        const onA = await restorations(a);
        expect(onA).toHaveLength(1);
        const [notice] = onA;
        expect(notice).toMatchObject({
          kind: 'meeting',
          title: 'Bilateral with Canada',
          classification: 'NATO RESTRICTED',
          keptFor: 'edit',
        });
        expect(notice?.deletedBy).toMatchObject({ desk: 'Desk A', at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
        expect(notice?.editedBy).toMatchObject({ desk: 'Desk B', at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
        expect(notice?.referrers).toEqual([]);
        const withoutRows = (list: RestoredRecord[]) => list.map(({ rowId: _rowId, page: _page, ...shared }) => shared);
        expect(withoutRows(await restorations(b))).toEqual(withoutRows(onA));
        expect(value<ConflictSummary[]>(await a.dispatch('conflict.list', {}))).toEqual([]);
      }, deleterFirst);
    });

  it('Keep on the deleting desk: the edited meeting stays and the notice goes on both, settled once', async () => {
    await deletedWhileEdited(async (a, b, exchange) => {
      const [notice] = await restorations(a);
      value(await a.dispatch('conflict.settleRestoration', { id: notice?.id, deletion: notice?.deletion, action: 'keep' }));
      expect(await restorations(a)).toEqual([]);
      await exchange();
      for (const each of [a, b]) {
        expect(await restorations(each)).toEqual([]);
        expect(each.db.prepare('SELECT title FROM meeting').pluck().all()).toEqual(['Bilateral with Canada']);
        expect(rowsMatchWinners(each.db, syncedEntities)).toBe(true);
      }
      // B, which had not exchanged since, answers the same notice later: refused, as it was settled.
      const late = await b.dispatch('conflict.settleRestoration', { id: notice?.id, deletion: notice?.deletion, action: 'keep' });
      expect(late.ok ? undefined : late.error.code).toBe('conflict');
    });
  });

  it('Delete again on the editing desk: gone from both desks, and it stays gone', async () => {
    await deletedWhileEdited(async (a, b, exchange) => {
      const [notice] = await restorations(b);
      const settled = value<RestorationSettled>(
        await b.dispatch('conflict.settleRestoration', { id: notice?.id, deletion: notice?.deletion, action: 'delete', referrers: [] }),
      );
      expect(settled).toEqual({ id: notice?.id, action: 'delete', deleted: 1 });
      await exchange();
      for (const each of [a, b]) {
        expect(count(each.db, 'meeting')).toBe(0);
        expect(await restorations(each)).toEqual([]);
        expect(rowsMatchWinners(each.db, syncedEntities)).toBe(true);
      }
    });
  });

  it('through bundles too, and a losing version dismissed is not taken for a deletion', async () => {
    const a = desk('Desk A');
    const b = desk('Desk B');
    const send = (from: typeof a, to: typeof a) =>
      importBundle(to.db, to.keys, exportBundle(from.db, from.keys, 'everything', { recipients: [to.keys.card] }), { acceptSigner: true });
    a.db.exec(`
      INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES (1, 'Washington Summit', '2024-07-09', '2024-07-11', 'America/New_York');
      INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone) VALUES (1, 1, 'Bilateral', 'bilateral', '2024-07-09T14:00:00Z', 'America/New_York');
      INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone) VALUES (2, 1, 'Dinner', 'bilateral', '2024-07-09T19:00:00Z', 'America/New_York');
    `);
    send(a, b);
    a.db.exec(`DELETE FROM meeting WHERE title = 'Bilateral'`);
    a.db.exec(`UPDATE meeting SET venue = 'Blair House' WHERE title = 'Dinner'`);
    b.db.exec(`UPDATE meeting SET venue = 'State Department' WHERE title = 'Bilateral'`);
    b.db.exec(`UPDATE meeting SET venue = 'Hay-Adams' WHERE title = 'Dinner'`);
    send(b, a);
    send(a, b);
    // The dinner's two venues are a conflict between versions; the losing one dismissed is closed, not deleted.
    const [dinner] = value<ConflictSummary[]>(await a.dispatch('conflict.list', {}));
    const conflict = value<{ winner: { rev: string }; losers: { rev: string }[] }>(await a.dispatch('conflict.get', { id: dinner?.id }));
    value(await a.dispatch('conflict.resolve', { id: dinner?.id, winnerRev: conflict.winner.rev, action: 'keep' }));
    send(a, b);
    const shared = (list: RestoredRecord[]) => list.map(({ rowId: _rowId, page: _page, ...rest }) => rest);
    const onA = await restorations(a);
    expect(
      onA.map((notice) => ({ title: notice.title, keptFor: notice.keptFor, by: notice.deletedBy?.desk, edited: notice.editedBy?.desk })),
    ).toEqual([{ title: 'Bilateral', keptFor: 'edit', by: 'Desk A', edited: 'Desk B' }]);
    expect(shared(await restorations(b))).toEqual(shared(onA));
    const [notice] = onA;
    value(await b.dispatch('conflict.settleRestoration', { id: notice?.id, deletion: notice?.deletion, action: 'keep' }));
    send(b, a);
    for (const each of [a, b]) {
      expect(await restorations(each)).toEqual([]);
      expect(each.db.prepare('SELECT title FROM meeting ORDER BY title').pluck().all()).toEqual(['Bilateral', 'Dinner']);
    }
  });
});
