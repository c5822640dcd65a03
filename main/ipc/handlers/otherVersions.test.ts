import { describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open.ts';
import { storeSnapshot } from '../../../db/sync/testing.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import type { RecordReferences, Result } from '../../../shared/contract.ts';
import { exportBundle, importBundle } from '../../sync/bundle.ts';
import { type DeskKeys, ensureDeskKeys } from '../../sync/deskKeys.ts';
import { createDispatch, type Dispatch } from '../dispatch.ts';
import { createHandlers } from './index.ts';

// Deleting a record that holds another desk's version not yet settled: the
// store says so, and deletes only when told to close that version too.

interface Desk {
  db: Db;
  keys: DeskKeys;
  dispatch: Dispatch;
}

function desk(name: string): Desk {
  const db = openScratchDatabase(':memory:');
  const clock = () => new Date('2026-12-02T10:00:00Z');
  return { db, keys: ensureDeskKeys(db, name), dispatch: createDispatch({ db, handlers: createHandlers({ db, clock }) }) };
}
const send = (from: Desk, to: Desk) =>
  importBundle(to.db, to.keys, exportBundle(from.db, from.keys, 'everything', { recipients: [to.keys.card] }), { acceptSigner: true });
const value = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
};
const titles = (db: Db) => db.prepare('SELECT title FROM meeting').pluck().all();

describe('deleting a record with another desk’s version not yet settled', () => {
  it('is refused, saying so, until the officer deletes it with that version; then it stays deleted on both desks', async () => {
    const a = desk('Desk A');
    const b = desk('Desk B');
    a.db.exec(`INSERT INTO meeting (id, title, format, starts_at, time_zone, classification)
      VALUES (1, 'Bilateral', 'bilateral', '2023-07-11T08:00:00Z', 'Europe/Vilnius', 'NATO UNCLASSIFIED')`);
    send(a, b);
    a.db.exec(`UPDATE meeting SET title = 'Bilateral as titled on A'`);
    b.db.exec(`UPDATE meeting SET title = 'Bilateral as titled on B'`);
    send(a, b);
    const id = b.db.prepare('SELECT id FROM meeting').pluck().get() as number;
    expect(value<RecordReferences>(await b.dispatch('meeting.references', { id })).otherVersions).toBe(1);

    const before = storeSnapshot(b.db);
    const refused = await b.dispatch('meeting.delete', { id });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: 'unsettled_conflict', params: { count: 1 } },
    });
    expect(!refused.ok && refused.error.message).toMatch(/1 version\(s\) from another desk not yet settled.*Nothing was deleted/);
    expect(storeSnapshot(b.db)).toEqual(before);

    value(await b.dispatch('meeting.delete', { id, withOtherVersions: true }));
    expect(titles(b.db)).toEqual([]);
    send(b, a);
    send(a, b);
    // Neither desk brings it back with the other text, and both texts stay in the record's history.
    expect(titles(a.db)).toEqual([]);
    expect(titles(b.db)).toEqual([]);
    const kept = b.db.prepare(`SELECT body FROM sync_rev WHERE body IS NOT NULL`).pluck().all() as string[];
    expect(kept.some((body) => body.includes('Bilateral as titled on A'))).toBe(true);
    expect(kept.some((body) => body.includes('Bilateral as titled on B'))).toBe(true);
  });
});
