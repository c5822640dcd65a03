import Database from 'better-sqlite3';
import { registerSqlFunctions } from './functions.ts';
import { latestVersion, migrate, NewerDatabaseError, schemaVersion } from './migrations/index.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** Open without running migrations (used to inspect a file before touching it). */
  readonly migrate?: boolean;
  readonly readonly?: boolean;
}

/**
 * Opens (or creates) the store at `path`. Nothing is opened at import time so
 * tests and tools decide where the data lives; `':memory:'` works for tests.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const db = new Database(path, { readonly: options.readonly ?? false });
  try {
    // Checked before anything else: switching to WAL would already rewrite a newer Sherpa's file.
    const found = schemaVersion(db);
    if (found > latestVersion) throw new NewerDatabaseError(found);
    if (path !== ':memory:' && !options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // FULL: a note acknowledged to the user must survive power loss, not just a crash.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    registerSqlFunctions(db);
    if (options.migrate !== false && !options.readonly) migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
