import type { Migration } from './index.ts';

// A record made here was given a random id ('meeting:' and 32 random hex digits), and every store keeps
// its records in indexes ordered by that id. A desk pulling a colleague's records writes them in the
// order they were made, so each one landed on a random page of each index: the benchmark's full
// store's first 60,000 records, merged alone as a first pull merges them, wrote 2,036 MB and took 10.1 s
// of CPU with random ids, 583 MB and 5.6 s with the same records keyed in the order they arrived (the
// whole pull gains less: README, "Measure it", seventeenth round). CouchDB gives its own ids in order
// ("sequential") for the same reason. An id made here now starts with the time it was made
// (milliseconds since 1970, 12 hex digits) and ends with 20 random ones: still 32 hex digits, as every
// check of an id expects, and unique across desks by its random part. Ids already given never change:
// they are the records' identity on every desk and server that holds them.
//
// The replication triggers of every table write the id; each is put back with only that part changed.
// A later migration that writes these triggers again must use `orderedHex` too.
export const orderedHex =
  "printf('%012x', min(max(CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), 0), 281474976710655)) || lower(hex(randomblob(10)))";

const randomId = /'([a-z_]+):' \|\| lower\(hex\(randomblob\(16\)\)\)/g;

export const recordsMadeHereGetIdsInOrder: Migration = {
  version: 2980,
  name: 'records made here get ids in the order they are made',
  up(db) {
    const triggers = db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%:'' || lower(hex(randomblob(16)))%'`)
      .all() as { name: string; sql: string }[];
    for (const trigger of triggers) {
      db.exec(`DROP TRIGGER "${trigger.name}"`);
      db.exec(trigger.sql.replace(randomId, (_, entity: string) => `'${entity}:' || ${orderedHex}`));
    }
  },
};
