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
