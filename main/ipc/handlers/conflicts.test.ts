import { describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open.ts';
import { syncedEntities } from '../../../db/sync/history.ts';
import { rowsMatchWinners, storeSnapshot } from '../../../db/sync/testing.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import type { ConflictResolved, ConflictSummary, RecordConflict } from '../../../shared/conflicts.ts';
import type { ChangeEvent, Result } from '../../../shared/contract.ts';
import { syncOnce } from '../../sync/replication.ts';
import { startTestServer } from '../../sync/testServer.ts';
import { createDispatch, type Dispatch } from '../dispatch.ts';
import { createHandlers } from './index.ts';

interface Desk {
  db: Db;
  dispatch: Dispatch;
  changes: ChangeEvent[];
}

function desk(): Desk {
  const db = openScratchDatabase(':memory:');
  const changes: ChangeEvent[] = [];
  const clock = () => new Date('2026-12-01T10:00:00Z');
  return {
    db,
    changes,
    dispatch: createDispatch({ db, handlers: createHandlers({ db, clock }), onChange: (event) => changes.push(event) }),
  };
}

const value = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
};
const meetingTitle = (db: Db) => db.prepare('SELECT title FROM meeting').pluck().get();

describe('conflict channels, between two desks replicating through a CouchDB-protocol server', () => {
  it('lists the meeting, shows both titles, takes the other desk’s title, and the other desk converges with no conflict', async () => {
    const server = await startTestServer();
    try {
      const account = { url: server.database('summit-conflicts') };
      const a = desk();
      const b = desk();
      a.db.exec(`INSERT INTO meeting (id, title, format, starts_at, time_zone, classification)
        VALUES (1, 'Bilateral', 'bilateral', '2023-07-11T08:00:00Z', 'Europe/Vilnius', 'NATO UNCLASSIFIED')`);
      await syncOnce(a.db, account);
      await syncOnce(b.db, account);
      a.db.exec(`UPDATE meeting SET title = 'Bilateral as titled on A'`);
      b.db.exec(`UPDATE meeting SET title = 'Bilateral as titled on B', classification = 'NATO RESTRICTED'`);
      await syncOnce(a.db, account);
      await syncOnce(b.db, account);
      await syncOnce(a.db, account);

      const [summary] = value<ConflictSummary[]>(await a.dispatch('conflict.list', {}));
      expect(summary).toMatchObject({ kind: 'meeting', rowId: 1, others: 1, title: meetingTitle(a.db) });
      const conflict = value<RecordConflict>(await a.dispatch('conflict.get', { id: summary?.id ?? '' }));
      expect(conflict.mergeMarking).toBe('NATO RESTRICTED');
      const other = conflict.losers[0];
      expect([conflict.winner.values.title, other?.values.title].sort()).toEqual(['Bilateral as titled on A', 'Bilateral as titled on B']);

      a.changes.length = 0;
      const resolved = value<ConflictResolved>(
        // B's version is marked higher; whichever is shown, taking the other may lower it: confirmed here.
        await a.dispatch('conflict.resolve', {
          id: summary?.id,
          winnerRev: summary?.winnerRev,
          action: 'take',
          rev: other?.rev,
          lowersMarkingTo: other?.classification,
        }),
      );
      expect(resolved).toMatchObject({ kind: 'meeting', rowId: 1, others: 0 });
      expect(meetingTitle(a.db)).toBe(other?.values.title);
      // Windows refetch the meeting and the list of conflicts.
      expect(a.changes).toEqual([
        {
          channel: 'conflict.resolve',
          scope: 'touched',
          touched: [
            { entity: 'conflict', how: 'deleted', ids: [] },
            { entity: 'meeting', how: 'updated', ids: [1] },
          ],
        },
      ]);

      await syncOnce(a.db, account);
      await syncOnce(b.db, account);
      expect(value<ConflictSummary[]>(await b.dispatch('conflict.list', {}))).toEqual([]);
      expect(meetingTitle(b.db)).toBe(meetingTitle(a.db));
      expect(rowsMatchWinners(a.db, syncedEntities) && rowsMatchWinners(b.db, syncedEntities)).toBe(true);
      const gone = await b.dispatch('conflict.get', { id: summary?.id ?? '' });
      expect(gone).toMatchObject({ ok: false, error: { code: 'not_found' } });
    } finally {
      await server.stop();
    }
  });

  it('refuses a decision on a version that moved on, naming the field, and a malformed one, changing nothing', async () => {
    const a = desk();
    const b = desk();
    a.db.exec(`INSERT INTO note (id, title, body) VALUES (1, 'Line', 'Original')`);
    const { allRecordIds, historiesOf } = await import('../../../db/sync/history.ts');
    const { applyMerge } = await import('../../../db/sync/merge.ts');
    applyMerge(b.db, historiesOf(a.db, allRecordIds(a.db)));
    a.db.exec(`UPDATE note SET body = 'From A'`);
    b.db.exec(`UPDATE note SET body = 'From B'`);
    applyMerge(a.db, historiesOf(b.db, allRecordIds(b.db)));
    const [summary] = value<ConflictSummary[]>(await a.dispatch('conflict.list', {}));
    expect(summary).toMatchObject({ kind: 'note', page: { view: 'notes', id: 1 } });
    const before = storeSnapshot(a.db);
    a.changes.length = 0;
    const stale = await a.dispatch('conflict.resolve', { id: summary?.id, winnerRev: '1-abc', action: 'keep' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', field: 'winnerRev' } });
    const badTags = await a.dispatch('conflict.resolve', {
      id: summary?.id,
      winnerRev: summary?.winnerRev,
      action: 'merge',
      choices: {},
      texts: { tags: 'not a list' },
    });
    expect(badTags).toMatchObject({ ok: false, error: { code: 'invalid_request', field: 'texts.tags' } });
    expect(await a.dispatch('conflict.get', { id: 'meeting:nothing' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', field: 'id' },
    });
    expect(storeSnapshot(a.db)).toEqual(before);
    expect(a.changes).toEqual([]);

    // Keeping the version shown changes no row: only the list of conflicts is news.
    value(await a.dispatch('conflict.resolve', { id: summary?.id, winnerRev: summary?.winnerRev, action: 'keep' }));
    expect(a.changes.at(-1)).toMatchObject({ touched: [{ entity: 'conflict', how: 'deleted', ids: [] }] });
    expect(value<ConflictSummary[]>(await a.dispatch('conflict.list', {}))).toEqual([]);
  });

  it('shows normally, with no conflict, a meeting deleted on one desk while edited on the other: the edit is kept everywhere', async () => {
    const { allRecordIds, historiesOf } = await import('../../../db/sync/history.ts');
    const { applyMerge } = await import('../../../db/sync/merge.ts');
    const a = desk();
    const b = desk();
    a.db.exec(
      `INSERT INTO meeting (id, title, format, starts_at, time_zone) VALUES (1, 'Pull-aside', 'pull-aside', '2023-07-11T08:00:00Z', 'UTC')`,
    );
    applyMerge(b.db, historiesOf(a.db, allRecordIds(a.db)));
    value(await a.dispatch('meeting.update', { id: 1, patch: { title: 'Pull-aside with Finland' }, expected: {} }));
    const onB = b.db.prepare('SELECT id FROM meeting').pluck().get() as number;
    value(await b.dispatch('meeting.delete', { id: onB }));
    applyMerge(a.db, historiesOf(b.db, allRecordIds(b.db)));
    applyMerge(b.db, historiesOf(a.db, allRecordIds(a.db)));
    for (const each of [a, b]) {
      const id = each.db.prepare('SELECT id FROM meeting').pluck().get() as number;
      expect(value<{ meeting: { title: string } }>(await each.dispatch('meeting.brief', { id })).meeting.title).toBe(
        'Pull-aside with Finland',
      );
      expect(value<ConflictSummary[]>(await each.dispatch('conflict.list', {}))).toEqual([]);
    }
  });
});
