import fs from 'node:fs';
import Database from 'better-sqlite3';
import { openSealed, type StoreCipher } from './cipher.ts';
import { registerSqlFunctions } from './functions.ts';
import { latestVersion, migrate, NewerDatabaseError, schemaVersion } from './migrations/index.ts';

export type Db = Database.Database;

/** Pages the WAL holds before a commit copies it back into the store (see openDatabase). */
export const walPagesBeforeCheckpoint = 4000;

export interface OpenOptions {
  /** Open without running migrations (used to inspect a file before touching it). */
  readonly migrate?: boolean;
  readonly readonly?: boolean;
  /** The store's 32-byte data key: the file is encrypted (SQLite3MultipleCiphers, AEGIS-256 or, made before it, ChaCha20-Poly1305). */
  readonly key?: Buffer;
  /** The cipher a new file is made with: AEGIS unless a test or a benchmark makes a store as an earlier Sherpa did (db/cipher.ts). */
  readonly cipherOfNewFile?: StoreCipher;
}

/**
 * A connection to `file`, keyed, when there is a key, with the cipher the file
 * was written with (db/cipher.ts): every store, backup and copy is opened
 * through here. Temporary tables and sorts stay in memory, where they cannot
 * leave plaintext in the temp folder.
 */
export function openConnection(
  file: string,
  options: { readonly?: boolean; fileMustExist?: boolean } = {},
  key?: Buffer,
  cipherOfNewFile?: StoreCipher,
): Db {
  if (!key) return new Database(file, options);
  const db = openSealed(file, options, key, cipherOfNewFile);
  try {
    db.pragma('temp_store = MEMORY');
    // Pages in SQLite's cache are already decrypted: a larger cache (32 MB instead of the 16 MB
    // better-sqlite3 builds SQLite with) spares decrypting the search index and busy views again on every query.
    db.pragma('cache_size = -32000');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens (or creates) the store at `path`. Nothing is opened at import time so
 * tests and tools decide where the data lives; `':memory:'` works for tests.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const db = openConnection(path, { readonly: options.readonly ?? false }, options.key, options.cipherOfNewFile);
  try {
    // Checked before anything else: switching to WAL would already rewrite a newer Sherpa's file.
    const found = schemaVersion(db);
    if (found > latestVersion) throw new NewerDatabaseError(found);
    if (path !== ':memory:' && !options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // FULL: a note acknowledged to the user must survive power loss, not just a crash.
    db.pragma('synchronous = FULL');
    // The WAL is copied back into the file (a checkpoint, with its own sync) once it holds this many pages,
    // not SQLite's 1,000: a note save writes about 15, so the copy came every 60-odd saves and cost each
    // save 0.05 ms (10,000 notes) to 0.12 ms (100,000) of its own; every 250-odd it copies each page the
    // saves rewrote (the feed's end, the counters, a note's neighbours) once, not four times, for
    // 0.03 and 0.08 ms. The WAL then grows to 16 MB at most, and a clean close still empties it.
    db.pragma(`wal_autocheckpoint = ${walPagesBeforeCheckpoint}`);
    db.pragma('busy_timeout = 5000');
    // Statement and savepoint journals (a merged slice's groups each roll back alone) in memory, as an encrypted
    // store has always kept them: in files they were half of what a first pull wrote (the full store's first
    // 60,000 records merged alone: 3.5 GB written through the kernel, 2.0 GB in memory, 2.5 s less system time).
    db.pragma('temp_store = MEMORY');
    registerSqlFunctions(db);
    if (options.migrate !== false && !options.readonly) {
      migrate(db);
      reserveWal(db, path);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

// Linux (ext4, since 6.16) caches a file in blocks as large as the write that made them, and every later write into
// such a block, and its write to disk, walks each 4 KB piece of it: a save's three frames written over zeros laid down
// a megabyte at a time cost 0.03–0.05 ms more CPU a commit than over zeros written 64 KB at a time (docs/measurements.md,
// round 29), while writing the zeros that way costs no more.
const walZerosWrittenAtOnce = 64 * 1024;

/**
 * Gives the WAL its full length before the session's first write, in zeros past its end: SQLite deletes it at a
 * clean close, so every session grew it again, frame by frame, up to the copy back at walPagesBeforeCheckpoint
 * pages (16 MB), and a commit that grows the file syncs its new size and blocks too, not only its frames: on this
 * machine's disk such a commit took 0.27–0.42 ms against 0.18–0.32 ms for one into a file already that long. Zeros
 * are no frame (a frame carries its WAL's salt and a checksum), so recovery after a crash stops at them as at the
 * end of the file, and SQLite writes over them as it writes over the frames of a WAL restarted after a copy back.
 * Written under the write lock, so no other connection appends meanwhile; not synced here (the session's first
 * commit syncs them with its own frames). The app and the harness open their store through main/storeHealth.ts,
 * which migrates it itself; their composition root (main/core.ts) calls this once a start's first answers are out.
 */
export function reserveWal(db: Db, path: string): void {
  if (path === ':memory:' || db.pragma('journal_mode', { simple: true }) !== 'wal') return;
  const length = 32 + walPagesBeforeCheckpoint * ((db.pragma('page_size', { simple: true }) as number) + 24);
  // Only a help to later commits: with another program writing to the store just now, the store opens at once and its WAL grows as before.
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch {
    return;
  } finally {
    db.pragma(`busy_timeout = ${busyTimeout}`);
  }
  try {
    const wal = fs.openSync(`${path}-wal`, 'r+');
    try {
      const zeros = Buffer.alloc(walZerosWrittenAtOnce);
      for (let at = fs.fstatSync(wal).size; at < length; at += zeros.length)
        fs.writeSync(wal, zeros, 0, Math.min(zeros.length, length - at), at);
    } finally {
      fs.closeSync(wal);
    }
  } catch {
    // A full disk (or a WAL the system will not let us open) leaves the zeros written so far, no frame among them: the WAL grows as before.
  } finally {
    db.exec('COMMIT');
  }
}
