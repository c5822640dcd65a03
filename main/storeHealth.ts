import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { registerSqlFunctions } from '../db/functions.ts';
import { latestVersion, migrate, NewerDatabaseError, schemaVersion } from '../db/migrations/index.ts';
import { type Db, openConnection, openDatabase } from '../db/open.ts';
import { loadSampleIfEmpty } from '../db/sample/vilnius-2023.ts';
import { fillText } from '../shared/fillText.ts';
import type { ReadOnlyRefusal, RefusalParams, StoreRefusalReason } from '../shared/refusals.ts';
import { refusalsEn } from '../shared/refusalTexts.ts';
import { type BackupInfo, backupFolder, createBackupSync, defaultBackupsToKeep, fileStamp, latestGoodBackup } from './backups.ts';
import { changeToNewCipher } from './changeCipher.ts';
import { cipherChangeDue, forgetCipherChangeFailure, recordCipherChangeFailure } from './cipherChangeRetry.ts';
import { recordCleanClose, takeCleanClose } from './cleanClose.ts';
import { keepStorePrivate, makePrivateFolder } from './privateFiles.ts';
import { type StoreNoticeFacts, withMessage } from './storeNoticeTexts.ts';

// Start-up checks of the store file, before anything writes to it: a damaged
// file is kept and replaced by the newest good backup, a pending migration is
// preceded by a backup, and a store that cannot be written is opened for
// reading. What happened is returned as notices for the user.

/** What happened, as facts the app words in the user's language (main/storeNoticeTexts.ts), and in English for logs. */
export type StoreNotice = StoreNoticeFacts & { message: string };

export interface StoreOptions {
  now?: () => Date;
  /** How many backups to keep. */
  keep?: number;
  /** Whether the data folder accepts writes; probed with a real file unless a test injects the answer. */
  canWrite?: (dataDir: string) => boolean;
  /** 'read': open an existing store as it is, or refuse it; nothing is created, recovered, migrated or written. */
  access?: 'write' | 'read';
  /** The store's data key: the store, its backups and the damaged-file copy are all encrypted with it. */
  key?: Buffer;
  /**
   * When a store without a clean-close record is read through (quick_check): 'before-opening' (the default), or
   * 'after-opening', left to the opener (main/core.ts runs it on a worker once the page is shown, every write refused
   * until it passes). A migration due, a read-only folder and the export command are still checked before opening.
   */
  fullCheck?: 'before-opening' | 'after-opening';
}

export interface OpenedStore {
  db: Db;
  file: string;
  /** True when the store is open for reading only: every write is refused with a clear message. */
  readOnly: boolean;
  /** Why it is read-only, in words for the user (for the dispatch to give when it refuses a write). */
  readOnlyReason?: string;
  /** The same reason for the page to word in the user's language (shared/refusals.ts). */
  readOnlyRefusal?: ReadOnlyRefusal;
  notices: StoreNotice[];
  /**
   * Whether this start read every page (quick_check), skipped it after a clean close (main/cleanClose.ts), or left it
   * to the opener ('pending': options.fullCheck 'after-opening'), who says when it passed (fullCheckPassed).
   */
  fullCheck: 'checked' | 'skipped-after-clean-close' | 'pending';
  /** For the one who closes the store, once it is closed: records the clean close. Absent for a store opened read-only. */
  closedCleanly?: () => void;
  /** A pending full check passed: the clean close records it as the last full check. */
  fullCheckPassed?: () => void;
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
export function openForReading(file: string, key?: Buffer): Db {
  try {
    const db = openConnection(file, { readonly: true, fileMustExist: true }, key);
    try {
      db.pragma('schema_version');
      // A write refused as read-only must be refused for that reason, not for a missing trigger function.
      registerSqlFunctions(db);
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'SQLITE_CANTOPEN') throw error;
    // A -wal with no -shm in a folder that cannot take one: the snapshot would read the store without its -wal.
    return key || fs.existsSync(`${file}-wal`) ? openPrivateCopy(file, key) : openSnapshot(file);
  }
}

/** The file read into memory as a rollback-journal database, every write refused: the folder is never touched. */
export function openSnapshot(file: string): Db {
  const image = fs.readFileSync(file);
  if (image.length > 19 && image[18] === 2 && image[19] === 2) image.fill(1, 18, 20);
  const db = new Database(image);
  db.pragma('query_only = ON');
  registerSqlFunctions(db);
  return db;
}

/**
 * An encrypted image cannot be keyed once in memory, so a read-only folder's
 * encrypted store is read from a copy in a private temp folder. The copy is
 * the file's encrypted bytes, removed when the process exits. So is a store
 * with a -wal and no -shm beside it (copied from a running Sherpa, or left by
 * a crash): SQLite reads such a -wal only by creating the -shm beside it, which
 * changes the folder it was handed in, or fails where the folder is read-only,
 * and a snapshot of the store alone silently leaves out every edit the -wal
 * holds. The copy takes the -wal with it, and SQLite applies it there.
 */
function openPrivateCopy(file: string, key?: Buffer): Db {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-readonly-'));
  const copy = path.join(folder, path.basename(file));
  fs.copyFileSync(file, copy);
  if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
  process.once('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
  const db = openConnection(copy, {}, key);
  db.pragma('query_only = ON');
  registerSqlFunctions(db);
  return db;
}

/** An unencrypted SQLite file starts with this header; an encrypted one starts with its cipher's salt. */
const plainHeader = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether `file` is a store in plaintext (an empty or missing file is not). */
export function isPlainStore(file: string): boolean {
  let handle: number | null = null;
  try {
    handle = fs.openSync(file, 'r');
    const header = Buffer.alloc(plainHeader.length);
    return fs.readSync(handle, header, 0, header.length, 0) === header.length && header.equals(plainHeader);
  } catch {
    return false;
  } finally {
    if (handle !== null) fs.closeSync(handle);
  }
}

/** A key was given for a store still in plaintext: it must be upgraded (main/encryptStore.ts), never taken for damage. */
export class StoreNotEncryptedError extends Error {
  constructor(file: string) {
    super(`Sherpa's data file ${file} is not encrypted yet. Nothing was changed.`);
    this.name = 'StoreNotEncryptedError';
  }
}

/** `ok`, or what is wrong with the file: quick_check's first complaint or the error opening it. */
export function quickCheck(file: string, key?: Buffer): string {
  let db: Db | null = null;
  try {
    db = openForReading(file, key);
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

function openReadOnly(file: string, key?: Buffer): Db {
  const db = openForReading(file, key);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A refused write must fail as read-only, not on a function the search index's triggers call.
  registerSqlFunctions(db);
  return db;
}

function readOnlyStore(file: string, notices: StoreNotice[], facts: StoreNoticeFacts & { kind: 'read-only' }, key?: Buffer): OpenedStore {
  const { message, refusal } = withMessage(facts);
  if (!fs.existsSync(file)) {
    throw new Error(`${message} There is no Sherpa data in ${path.dirname(file)} yet, so there is nothing to show.`);
  }
  notices.push(withMessage(facts));
  return {
    db: openReadOnly(file, key),
    file,
    readOnly: true,
    readOnlyReason: message,
    readOnlyRefusal: refusal,
    notices,
    fullCheck: 'checked',
  };
}

/** Opens the store at `file` after checking it, as described above. */
export function openCheckedStore(file: string, options: StoreOptions = {}): OpenedStore {
  if (options.access === 'read') return openStoreAsItIs(file, options.key);
  try {
    return openForWriting(file, options);
  } catch (error) {
    // Damage that came without a write (the disk itself) shows only once SQLite reads the page. Its
    // clean-close record is gone by now, so the second attempt runs the full check and restores a backup.
    const code = (error as { code?: unknown }).code;
    if (code !== 'SQLITE_CORRUPT' && code !== 'SQLITE_NOTADB') throw error;
    return openForWriting(file, { ...options, fullCheck: 'before-opening' });
  }
}

function openForWriting(file: string, options: StoreOptions): OpenedStore {
  const now = options.now ?? (() => new Date());
  const dataDir = path.dirname(file);
  const folder = backupFolder(dataDir);
  const notices: StoreNotice[] = [];
  const key = options.key;
  try {
    makePrivateFolder(dataDir);
  } catch {
    // A read-only parent: the writability probe below reports it.
  }
  const writable = (options.canWrite ?? probeWritable)(dataDir);

  if (key && isPlainStore(file)) throw new StoreNotEncryptedError(file);
  // A folder that cannot be written keeps its record; its store is opened read-only and always checked.
  const lastChecked = writable ? takeCleanClose(file, now()) : null;
  // Null while a check left to the opener has not passed: a clean close then records nothing, and the next start checks.
  let checkedAt: Date | null = lastChecked ?? now();
  const checkLater = options.fullCheck === 'after-opening' && writable && !lastChecked && fs.existsSync(file) && !migrationDue(file, key);
  if (checkLater) checkedAt = null;
  else if (fs.existsSync(file) && !lastChecked) {
    const health = quickCheck(file, key);
    if (health !== 'ok') {
      if (!writable) throw new StoreDamagedError(file, health.slice(0, 200));
      notices.push(restoreNewestGoodBackup(file, health, { ...options, now }));
    }
  }

  if (!writable) {
    return readOnlyStore(file, notices, { kind: 'read-only', refusal: 'folder_read_only', dataDir }, key);
  }

  // Left for the next start while the store is unchecked: the change rewrites the whole file.
  if (key && !checkLater && fs.existsSync(file) && cipherChangeDue(file, now())) {
    try {
      const changed = changeToNewCipher(file, key, folder, { now: now(), keep: options.keep ?? defaultBackupsToKeep });
      forgetCipherChangeFailure(file);
      if (changed) notices.push(withMessage({ kind: 'backed-up', backup: changed.backup.file, why: 'cipher' }));
    } catch (error) {
      // The store was left as it was, under its old cipher, which opens as before. Tried again in a day, not at the
      // next start: each try takes a backup, and tries at every start would push the older backups out.
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 200);
      recordCipherChangeFailure(file, now(), reason);
      notices.push(withMessage({ kind: 'cipher-kept', reason }));
    }
  }

  keepStorePrivate(file);
  let db: Db;
  try {
    db = openDatabase(file, { migrate: false, ...(key ? { key } : {}) });
  } catch (error) {
    if (error instanceof NewerDatabaseError) {
      return {
        ...readOnlyStore(file, notices, { kind: 'read-only', refusal: 'store_newer', found: error.found }, key),
        ...fullCheckOf(lastChecked),
      };
    }
    throw error;
  }
  try {
    const version = schemaVersion(db);
    if (version > 0 && version < latestVersion) {
      const backup: BackupInfo = createBackupSync(db, folder, {
        reason: 'before-migration',
        now: now(),
        keep: options.keep ?? defaultBackupsToKeep,
        ...(key ? { key } : {}),
      });
      notices.push(withMessage({ kind: 'backed-up', backup: backup.file, why: 'migration' }));
    }
    migrate(db);
    loadSampleIfEmpty(db);
    // The WAL's full length (db/open.ts reserveWal) is written by the composition root once the start's first
    // answers are out (main/core.ts), not here: 16 MB of zeros held up every start by 5-17 ms of CPU and up to
    // 190 ms of a busy disk, before anything could be shown.
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    db,
    file,
    readOnly: false,
    notices,
    ...(checkLater ? { fullCheck: 'pending' as const } : fullCheckOf(lastChecked)),
    closedCleanly: () => {
      if (checkedAt) recordCleanClose(file, checkedAt);
    },
    fullCheckPassed: () => {
      checkedAt = now();
    },
  };
}

function fullCheckOf(lastChecked: Date | null): Pick<OpenedStore, 'fullCheck'> {
  return { fullCheck: lastChecked ? 'skipped-after-clean-close' : 'checked' };
}

/**
 * Whether opening `file` would migrate it: then it is checked first, since migrating a damaged file would make it
 * worse. A file that cannot even say its version is checked first too (and restored, if damaged).
 */
function migrationDue(file: string, key?: Buffer): boolean {
  let db: Db | null = null;
  try {
    db = openForReading(file, key);
    const version = schemaVersion(db);
    return version > 0 && version < latestVersion;
  } catch {
    return true;
  } finally {
    db?.close();
  }
}

/**
 * A store found damaged: moves it aside (with its -wal and -shm) and copies the newest good backup in its place;
 * returns the notice telling the user so. Throws StoreDamagedError, changing nothing, when there is no good backup.
 */
function restoreNewestGoodBackup(file: string, damage: string, options: Pick<StoreOptions, 'key'> & { now: () => Date }): StoreNotice {
  const backup = latestGoodBackup(backupFolder(path.dirname(file)), options.key);
  if (!backup) throw new StoreDamagedError(file, damage.slice(0, 200));
  return restoreBackup(file, backup, damage, options.now);
}

/** Moves the damaged store at `file` aside and copies `backup` in its place; returns the notice telling the user so. */
export function restoreBackup(file: string, backup: BackupInfo, damage: string, now: () => Date): StoreNotice {
  const damagedFile = moveAside(file, now());
  fs.copyFileSync(backup.file, file);
  return withMessage({
    kind: 'recovered',
    damagedFile,
    restoredFrom: backup.file,
    damage: damage.slice(0, 200),
    backupCreatedAt: backup.createdAt,
  });
}

/**
 * A file that the read-only opener will not read, with one sentence saying why; the file was not changed.
 * The reason and its values travel with it, so the export command says it in the user's language.
 */
export class StoreRefusedError extends Error {
  override name = 'StoreRefusedError';
  readonly reason: StoreRefusalReason;
  readonly params: RefusalParams;
  constructor(reason: StoreRefusalReason, params: RefusalParams) {
    super(fillText(refusalsEn.reasons[reason], params));
    this.reason = reason;
    this.params = params;
  }
}

// Tables every Sherpa store has had since its first schema: what tells it from another program's SQLite file.
const sherpaTables = ['summit', 'meeting', 'briefing_pack', 'setting'];

/**
 * For tools that must not change what they are given (the export command):
 * the same checks as at start-up, but a store that is damaged, not Sherpa's,
 * older or newer than this version is refused instead of repaired or upgraded.
 */
function openStoreAsItIs(file: string, key?: Buffer): OpenedStore {
  if (!fs.existsSync(file)) throw new StoreRefusedError('store_missing', { file });
  const kind = fs.statSync(file);
  if (kind.isDirectory()) throw new StoreRefusedError('store_is_folder', { file });
  // A pipe would hold the command forever and a device would be read without end: neither is opened.
  if (!kind.isFile()) throw new StoreRefusedError('store_not_a_file', { file });
  if (fs.statSync(file).size === 0) throw new StoreRefusedError('store_empty', { file });
  if (key && isPlainStore(file)) {
    throw new StoreRefusedError('store_not_encrypted_yet', { file });
  }
  // Opening a WAL store in place, even read-only, creates -wal and -shm files beside it. Closed
  // cleanly, the file holds everything, so a snapshot reads it all; with a -wal beside it (Sherpa
  // running, or stopped by a crash) the store is read in place so recent edits are not missed.
  // An encrypted image cannot be keyed in memory: it is read from a copy of its encrypted bytes.
  // A -wal with no -shm has no Sherpa writing to it: read from a copy, which creates nothing beside the store.
  const wal = fs.existsSync(`${file}-wal`);
  const inPlace = wal && fs.existsSync(`${file}-shm`);
  let db: Db;
  try {
    db = inPlace ? openReadOnly(file, key) : key || wal ? openPrivateCopy(file, key) : openSnapshot(file);
  } catch (error) {
    throw new StoreRefusedError('store_unreadable', { file, detail: error instanceof Error ? error.message : String(error) });
  }
  try {
    let health: string;
    try {
      health = String(db.pragma('quick_check', { simple: true }));
    } catch (error) {
      health = error instanceof Error ? error.message : String(error);
    }
    if (health !== 'ok') {
      throw /not a database/i.test(health)
        ? new StoreRefusedError('store_not_a_database', { file })
        : new StoreRefusedError('store_damaged', { file, detail: health.slice(0, 120) });
    }
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name),
    );
    const version = schemaVersion(db);
    // A live store's data sits in its -wal file until a checkpoint: a copy of sherpa.sqlite alone is an empty database.
    if (tables.size === 0 && version === 0) {
      throw new StoreRefusedError('store_no_tables', { file });
    }
    if (version === 0 || !sherpaTables.every((table) => tables.has(table))) {
      throw new StoreRefusedError('store_of_other_program', { file });
    }
    if (version > latestVersion) {
      throw new StoreRefusedError('store_from_newer', { file, version, latest: latestVersion });
    }
    if (version < latestVersion) {
      throw new StoreRefusedError('store_from_older', { file, version });
    }
    if (!inPlace) db.pragma('foreign_keys = ON');
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    db,
    file,
    readOnly: true,
    readOnlyReason: 'This store is open for reading only.',
    readOnlyRefusal: 'store_read_only',
    notices: [],
    fullCheck: 'checked',
  };
}
