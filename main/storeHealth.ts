import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { registerSqlFunctions } from '../db/functions.ts';
import { latestVersion, migrate, NewerDatabaseError, schemaVersion } from '../db/migrations/index.ts';
import { type Db, openDatabase } from '../db/open.ts';
import { loadSampleIfEmpty } from '../db/sample/vilnius-2023.ts';
import { type BackupInfo, backupFolder, createBackupSync, defaultBackupsToKeep, fileStamp, latestGoodBackup } from './backups.ts';

// Start-up checks of the store file, before anything writes to it: a damaged
// file is kept and replaced by the newest good backup, a pending migration is
// preceded by a backup, and a store that cannot be written is opened for
// reading. What happened is returned as notices for the user.

export type StoreNotice =
  | { kind: 'recovered'; message: string; damagedFile: string; restoredFrom: string }
  | { kind: 'backed-up'; message: string; backup: string }
  | { kind: 'read-only'; message: string };

export interface StoreOptions {
  now?: () => Date;
  /** How many backups to keep. */
  keep?: number;
  /** Whether the data folder accepts writes; probed with a real file unless a test injects the answer. */
  canWrite?: (dataDir: string) => boolean;
}

export interface OpenedStore {
  db: Db;
  file: string;
  /** True when the store is open for reading only: every write is refused with a clear message. */
  readOnly: boolean;
  /** Why it is read-only, in words for the user (for the dispatch to give when it refuses a write). */
  readOnlyReason?: string;
  notices: StoreNotice[];
}

/** The store is damaged and there is no good backup: nothing was moved or replaced. */
export class StoreDamagedError extends Error {
  readonly file: string;
  constructor(file: string, detail: string) {
    super(
      `Sherpa's data file ${file} is damaged (${detail}) and there is no good backup to restore. ` +
        'The file has not been changed or replaced. Keep a copy of it and contact support before starting Sherpa again.',
    );
    this.name = 'StoreDamagedError';
    this.file = file;
  }
}

/** Writes and removes a probe file: the only reliable answer (permissions, read-only mounts, full disks). */
export function probeWritable(dataDir: string): boolean {
  const probe = path.join(dataDir, `.sherpa-write-probe-${process.pid}`);
  try {
    fs.writeFileSync(probe, 'probe');
    fs.rmSync(probe);
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens `file` for reading only. A WAL store in a folder where SQLite cannot
 * create its -shm file (a read-only folder) cannot be opened in place, so a
 * snapshot is read into memory, marked as a plain rollback-journal database
 * (header bytes 18-19), with every write refused. After a clean shutdown
 * there is no -wal file, so the snapshot holds everything saved.
 */
export function openForReading(file: string): Db {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      db.pragma('schema_version');
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'SQLITE_CANTOPEN') throw error;
    const image = fs.readFileSync(file);
    if (image.length > 19 && image[18] === 2 && image[19] === 2) image.fill(1, 18, 20);
    const db = new Database(image);
    db.pragma('query_only = ON');
    return db;
  }
}

/** `ok`, or what is wrong with the file: quick_check's first complaint or the error opening it. */
export function quickCheck(file: string): string {
  let db: Db | null = null;
  try {
    db = openForReading(file);
    const result = db.pragma('quick_check', { simple: true });
    return result === 'ok' ? 'ok' : String(result);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return error instanceof Error ? error.message : String(error);
    throw error;
  } finally {
    db?.close();
  }
}

/** Moves the store file and its -wal/-shm companions aside under one timestamped name; returns the new path. */
function moveAside(file: string, now: Date): string {
  const damaged = `${file}.damaged-${fileStamp(now)}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, damaged + suffix);
  }
  return damaged;
}

function openReadOnly(file: string): Db {
  const db = openForReading(file);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A refused write must fail as read-only, not on a function the search index's triggers call.
  registerSqlFunctions(db);
  return db;
}

function readOnlyStore(file: string, notices: StoreNotice[], message: string): OpenedStore {
  if (!fs.existsSync(file)) {
    throw new Error(`${message} There is no Sherpa data in ${path.dirname(file)} yet, so there is nothing to show.`);
  }
  notices.push({ kind: 'read-only', message });
  return { db: openReadOnly(file), file, readOnly: true, readOnlyReason: message, notices };
}

/** Opens the store at `file` after checking it, as described above. */
export function openCheckedStore(file: string, options: StoreOptions = {}): OpenedStore {
  const now = options.now ?? (() => new Date());
  const dataDir = path.dirname(file);
  const folder = backupFolder(dataDir);
  const notices: StoreNotice[] = [];
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch {
    // A read-only parent: the writability probe below reports it.
  }
  const writable = (options.canWrite ?? probeWritable)(dataDir);

  if (fs.existsSync(file)) {
    const health = quickCheck(file);
    if (health !== 'ok') {
      const backup = latestGoodBackup(folder);
      if (!backup || !writable) throw new StoreDamagedError(file, health.slice(0, 200));
      const damagedFile = moveAside(file, now());
      fs.copyFileSync(backup.file, file);
      notices.push({
        kind: 'recovered',
        damagedFile,
        restoredFrom: backup.file,
        message:
          `Sherpa's data file was damaged (${health.slice(0, 200)}). It was kept as ${damagedFile}, and the backup of ` +
          `${backup.createdAt} was restored. Anything changed after that backup is only in the damaged file.`,
      });
    }
  }

  if (!writable) {
    return readOnlyStore(
      file,
      notices,
      `Sherpa cannot write to its data folder ${dataDir}. Your data is shown, but nothing can be changed or saved until the folder can be written to.`,
    );
  }

  let db: Db;
  try {
    db = openDatabase(file, { migrate: false });
  } catch (error) {
    if (error instanceof NewerDatabaseError) return readOnlyStore(file, notices, `${error.message} Until then it is shown read-only.`);
    throw error;
  }
  try {
    const version = schemaVersion(db);
    if (version > 0 && version < latestVersion) {
      const backup: BackupInfo = createBackupSync(db, folder, {
        reason: 'before-migration',
        now: now(),
        keep: options.keep ?? defaultBackupsToKeep,
      });
      notices.push({
        kind: 'backed-up',
        backup: backup.file,
        message: `Sherpa updated its data format; the data as it was is kept in ${backup.file}.`,
      });
    }
    migrate(db);
    loadSampleIfEmpty(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, file, readOnly: false, notices };
}
