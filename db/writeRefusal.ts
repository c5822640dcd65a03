import type { Db } from './open.ts';

// Whether a connection refuses every write: opened read-only, or told to with
// `query_only` (a snapshot read into memory; a store still being checked after
// an unexpected stop, main/core.ts). Reads that catch up on their own (search's
// index, the replication revisions of notes saved) read the store as it stands
// then instead of failing. Asked once per connection and kept, since a note
// save asks it; a connection whose answer changes says so through setRefusingWrites.

const refusingWrites = new WeakMap<Db, boolean>();

export function refusesWrites(db: Db): boolean {
  let refuses = refusingWrites.get(db);
  if (refuses === undefined) {
    refuses = db.readonly || db.pragma('query_only', { simple: true }) === 1;
    refusingWrites.set(db, refuses);
  }
  return refuses;
}

/** Makes a writable connection refuse every write (`query_only`), or write again. */
export function setRefusingWrites(db: Db, refuse: boolean): void {
  db.pragma(`query_only = ${refuse ? 'ON' : 'OFF'}`);
  refusingWrites.set(db, db.readonly || refuse);
}

/**
 * Throws what SQLite throws on a write (SQLITE_READONLY) where the connection refuses writes: for work that hands
 * something over before its write (a numbered copy of a pack, registered once its file is written), refused before.
 */
export function assertTakesWrites(db: Db): void {
  if (refusesWrites(db)) throw Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' });
}
