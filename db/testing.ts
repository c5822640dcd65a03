import Database from 'better-sqlite3';
import { registerSqlFunctions } from './functions.ts';
import { type Db, type OpenOptions, openDatabase, walPagesBeforeCheckpoint } from './open.ts';
import { summits } from './summits.ts';

/**
 * A store that a test or a generator makes for itself: `':memory:'`, or a
 * fresh file it owns. The user's stores are opened by the core
 * (main/core.ts), through the health check; nothing else outside db/ opens one.
 *
 * A fresh `':memory:'` store is a copy of one migrated once per process, set up
 * as openDatabase sets up `':memory:'`: migrating from nothing took 150–400 ms a
 * store on CI's 2 cores (over a hundred tests make one each), copying about one.
 * A migrated empty store holds the same bytes however often it is made (no
 * clock, no random id: those come with rows), so a copy is that store.
 */
export function openScratchDatabase(file = ':memory:', options: OpenOptions = {}): Db {
  if (file === ':memory:' && options.migrate !== false && !options.readonly && !options.key) return openScratchCopy();
  return openDatabase(file, options);
}

let emptyStore: Buffer | undefined;

/**
 * A fresh in-memory store for tests that make many: a copy of `template` (a
 * serialised store, by default one migrated once per process), set up as
 * openDatabase sets up `':memory:'`.
 */
export function openScratchCopy(template?: Buffer): Db {
  if (!template && !emptyStore) {
    const empty = openDatabase(':memory:');
    try {
      emptyStore = empty.serialize();
    } finally {
      empty.close();
    }
  }
  const db = new Database(template ?? (emptyStore as Buffer));
  // The pragmas openDatabase gives `':memory:'` (a connection's own, not kept in the image).
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = FULL');
  db.pragma(`wal_autocheckpoint = ${walPagesBeforeCheckpoint}`);
  db.pragma('busy_timeout = 5000');
  db.pragma('temp_store = MEMORY');
  registerSqlFunctions(db);
  return db;
}

/** The tables and indexes the statement of a note save and the triggers it wakes open for writing. */
export function treesANoteSaveWrites(db: Db): string[] {
  const opcodes = db
    .prepare(
      `EXPLAIN UPDATE note SET title = ?, body = ?, tags = ?, classification = ?, version = version + 1,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ') WHERE id = ? AND version = ?`,
    )
    .all('t', 'b', '[]', '', 1, 1) as { opcode: string; p2: number }[];
  const trees = new Map(
    (db.prepare('SELECT rootpage, name FROM sqlite_schema WHERE rootpage > 0').all() as { rootpage: number; name: string }[]).map((row) => [
      row.rootpage,
      row.name,
    ]),
  );
  return [...new Set(opcodes.filter((op) => op.opcode === 'OpenWrite').map((op) => trees.get(op.p2) ?? String(op.p2)))].sort();
}

/** A one-day summit at a UTC venue with nothing but a title and a marking, for tests that need several. */
export function insertOneDaySummit(db: Db, title: string, day: string, classification: string): number {
  return summits.insert(db, {
    classification,
    title,
    city: '',
    countryId: null,
    startDate: day,
    endDate: day,
    timeZone: 'UTC',
    description: '',
    sourceId: null,
  });
}
