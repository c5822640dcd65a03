import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { attachSealed, cipherOf, type StoreCipher } from '../db/cipher.ts';
import { latestVersion, migrate, schemaVersion } from '../db/migrations/index.ts';
import { type Db, openConnection } from '../db/open.ts';
import type { RefusalParams, RefusalReason } from '../shared/refusals.ts';
import { keepPrivate, makePrivateFolder } from './privateFiles.ts';

/** A backup or restore the user can act on (choose another backup): its reason is worded by the page. */
export class BackupError extends Error {
  readonly reason: RefusalReason;
  readonly params: RefusalParams | undefined;
  constructor(message: string, reason: RefusalReason, params?: RefusalParams) {
    super(message);
    this.name = 'BackupError';
    this.reason = reason;
    this.params = params;
  }
}

// Backups of the store, taken with SQLite's online backup API (or a
// serialized snapshot where start-up must stay synchronous), each checked
// with integrity_check before it counts. An encrypted store is copied with
// `VACUUM INTO`, which writes the copy encrypted with the same key: the
// backup API refuses keyed databases and a serialized snapshot is plaintext.
// Plain Node: no Electron here.

export const backupFolderName = 'backups';
export const defaultBackupsToKeep = 10;
const dayMs = 24 * 60 * 60 * 1000;

export type BackupReason = 'daily' | 'before-migration' | 'before-restore' | 'manual';
const reasons: readonly BackupReason[] = ['daily', 'before-migration', 'before-restore', 'manual'];

export interface BackupInfo {
  file: string;
  name: string;
  createdAt: string;
  reason: BackupReason;
  bytes: number;
}

export interface BackupOptions {
  reason: BackupReason;
  now?: Date;
  /** How many backups to keep; older ones are deleted after a good new one exists. */
  keep?: number;
  /** The store's data key when it is encrypted: the backup is encrypted with it too. */
  key?: Buffer;
}

export function backupFolder(dataDir: string): string {
  return path.join(dataDir, backupFolderName);
}

/** A timestamp that sorts and is valid in a file name on every platform. */
export function fileStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

const namePattern = /^sherpa-(\d{8}T\d{6}Z)(?:-(\d+))?-([a-z-]+)\.sqlite$/;

function stampToIso(stamp: string): string {
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
}

/** Backups in `folder`, newest first (by time, then by the counter of backups taken in the same second). */
export function listBackups(folder: string): BackupInfo[] {
  if (!fs.existsSync(folder)) return [];
  const backups: (BackupInfo & { order: string })[] = [];
  for (const name of fs.readdirSync(folder)) {
    const match = namePattern.exec(name);
    const reason = match?.[3] as BackupReason | undefined;
    if (!match?.[1] || !reason || !reasons.includes(reason)) continue;
    const file = path.join(folder, name);
    const order = `${match[1]}-${(match[2] ?? '1').padStart(6, '0')}`;
    backups.push({ file, name, createdAt: stampToIso(match[1]), reason, bytes: fs.statSync(file).size, order });
  }
  return backups.sort((a, b) => (a.order < b.order ? 1 : a.order > b.order ? -1 : 0)).map(({ order: _order, ...backup }) => backup);
}

/** Whether `file` is a readable SQLite database that passes integrity_check. */
export function isIntact(file: string, key?: Buffer): boolean {
  let db: Db | null = null;
  try {
    db = openConnection(file, { readonly: true, fileMustExist: true }, key);
    return db.pragma('integrity_check', { simple: true }) === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

// Tables every Sherpa store has had since its first schema: what tells a backup from another program's SQLite file.
const sherpaTables = ['summit', 'meeting', 'briefing_pack', 'setting'];

/**
 * The schema of an intact backup, or why it cannot replace the store: a file named like a backup that holds
 * another program's database (or none), or one written by a newer Sherpa, would leave the running app on
 * tables it does not know. Read-only: the backup is never changed.
 */
function backupSchema(backup: BackupInfo, key?: Buffer): number {
  const db = openConnection(backup.file, { readonly: true, fileMustExist: true }, key);
  try {
    const version = schemaVersion(db);
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    if (version === 0 || !sherpaTables.every((table) => tables.has(table)))
      throw new BackupError(
        `The backup ${backup.name} is not a Sherpa store; choose another one. Nothing was changed.`,
        'backup_not_sherpa',
        {
          name: backup.name,
        },
      );
    if (version > latestVersion)
      throw new BackupError(
        `The backup ${backup.name} was written by a newer version of Sherpa (schema ${version}; this one knows up to ${latestVersion}); update Sherpa to restore it. Nothing was changed.`,
        'backup_newer',
        { name: backup.name },
      );
    return version;
  } finally {
    db.close();
  }
}

/**
 * Whether `file` is a store sealed with a key this store does not hold, rather than a damaged one: a backup
 * an encrypted Sherpa made on another computer (or before this data folder was set up again), copied into
 * this one's backups. Its first page is ciphertext: no plain SQLite header, and its bytes as even as
 * random ones (a zero about once in 256), where a plain page, even with its header scribbled over, holds
 * runs of zeros; and no key here opens it. A backup this store's key opens but whose pages fail is damaged.
 */
export function sealedWithAnotherKey(file: string, key?: Buffer): boolean {
  const page = Buffer.alloc(4096);
  const handle = fs.openSync(file, 'r');
  let read = 0;
  try {
    read = fs.readSync(handle, page, 0, page.length, 0);
  } finally {
    fs.closeSync(handle);
  }
  if (read < page.length || page.subarray(0, 16).toString('latin1') === 'SQLite format 3\0') return false;
  const zeros = page.reduce((count, byte) => count + (byte === 0 ? 1 : 0), 0);
  if (zeros > 64) return false;
  let db: Db | null = null;
  try {
    db = openConnection(file, { readonly: true, fileMustExist: true }, key);
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return false;
  } catch (error) {
    return (error as { code?: string }).code === 'SQLITE_NOTADB';
  } finally {
    db?.close();
  }
}

/** The newest backup that passes integrity_check and this version can restore, or null. */
export function latestGoodBackup(folder: string, key?: Buffer): BackupInfo | null {
  return listBackups(folder).find((backup) => isIntact(backup.file, key) && isRestorable(backup, key)) ?? null;
}

/** Whether an intact backup is a Sherpa store this version can open (not another program's file, not from a newer Sherpa). */
function isRestorable(backup: BackupInfo, key?: Buffer): boolean {
  try {
    backupSchema(backup, key);
    return true;
  } catch {
    return false;
  }
}

/** A new name that sorts after every backup taken in the same second, even pruned ones' successors. */
function targetName(folder: string, options: BackupOptions): string {
  const stamp = fileStamp(options.now ?? new Date());
  let counter = 0;
  for (const name of fs.existsSync(folder) ? fs.readdirSync(folder) : []) {
    const match = namePattern.exec(name.replace(/\.partial$/, ''));
    if (match?.[1] === stamp) counter = Math.max(counter, Number(match[2] ?? 1));
  }
  return counter === 0 ? `sherpa-${stamp}-${options.reason}.sqlite` : `sherpa-${stamp}-${counter + 1}-${options.reason}.sqlite`;
}

/** A backup stands alone: one file, no -wal or -shm beside it, so it opens anywhere, even read-only. */
function makeSelfContained(file: string, key?: Buffer): void {
  const copy = openConnection(file, { fileMustExist: true }, key);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** Checks a freshly written copy, then gives it its final name and prunes old ones. */
function finish(folder: string, partial: string, name: string, keep: number, key?: Buffer): BackupInfo {
  makeSelfContained(partial, key);
  if (!isIntact(partial, key)) {
    fs.rmSync(partial, { force: true });
    throw new BackupError('The backup failed its integrity check and was discarded; the store itself is unchanged.', 'backup_failed_check');
  }
  const file = path.join(folder, name);
  keepPrivate(partial);
  fs.renameSync(partial, file);
  prune(folder, keep);
  const info = listBackups(folder).find((backup) => backup.file === file);
  if (!info) throw new Error(`The backup ${file} disappeared after it was written.`);
  return info;
}

/** Keeps the newest `keep` backups; a backup taken before a migration or a restore is never the only one deleted first. */
export function prune(folder: string, keep: number): void {
  for (const old of listBackups(folder).slice(Math.max(1, keep))) fs.rmSync(old.file, { force: true });
}

/** A backup with the online backup API: the app keeps working while it runs. */
export async function createBackup(db: Db, folder: string, options: BackupOptions): Promise<BackupInfo> {
  makePrivateFolder(folder);
  const name = targetName(folder, options);
  const partial = path.join(folder, `${name}.partial`);
  try {
    if (options.key) vacuumInto(db, partial);
    else await db.backup(partial);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return finish(folder, partial, name, options.keep ?? defaultBackupsToKeep, options.key);
}

/**
 * An encrypted copy with the same key. The target is a bound plain path:
 * this SQLite is built without URI file names, so `file:…?key=…` would
 * silently become a plaintext file of that literal name.
 */
export function vacuumInto(db: Db, target: string): void {
  if (!path.isAbsolute(target)) throw new Error(`A backup target must be an absolute path, not ${target}.`);
  fs.rmSync(target, { force: true });
  db.prepare('VACUUM INTO ?').run(target);
}

/**
 * The same, synchronously, for start-up (before a migration), where nothing
 * else uses the store yet: a serialized snapshot written and flushed to disk.
 */
export function createBackupSync(db: Db, folder: string, options: BackupOptions): BackupInfo {
  makePrivateFolder(folder);
  const name = targetName(folder, options);
  const partial = path.join(folder, `${name}.partial`);
  if (options.key) {
    try {
      vacuumInto(db, partial);
    } catch (error) {
      fs.rmSync(partial, { force: true });
      throw error;
    }
    return finish(folder, partial, name, options.keep ?? defaultBackupsToKeep, options.key);
  }
  const handle = fs.openSync(partial, 'w');
  try {
    fs.writeSync(handle, db.serialize());
    fs.fsyncSync(handle);
  } catch (error) {
    fs.closeSync(handle);
    fs.rmSync(partial, { force: true });
    throw error;
  }
  fs.closeSync(handle);
  return finish(folder, partial, name, options.keep ?? defaultBackupsToKeep);
}

/** Whether the newest backup is at least a day old (or there is none). */
export function isDailyBackupDue(folder: string, now: Date): boolean {
  const newest = listBackups(folder)[0];
  return !newest || now.getTime() - Date.parse(newest.createdAt) >= dayMs;
}

export interface DailyBackupOptions {
  keep: () => number;
  key?: Buffer;
  now?: () => Date;
  /** How often to look whether a day has passed; an hour by default. */
  checkEveryMs?: number;
  onBackup?: (backup: BackupInfo) => void;
  onError?: (error: unknown) => void;
}

/**
 * While the app runs, takes a backup whenever the newest is a day old. Returns
 * a stop function that resolves once a backup already under way has finished,
 * so the caller can close the store after it.
 */
export function scheduleDailyBackups(db: Db, folder: string, options: DailyBackupOptions): () => Promise<void> {
  const now = options.now ?? (() => new Date());
  let running: Promise<void> | null = null;
  let stopped = false;
  const check = () => {
    if (stopped || running || !db.open) return;
    try {
      if (!isDailyBackupDue(folder, now())) return;
    } catch (error) {
      options.onError?.(error);
      return;
    }
    running = (async () => {
      try {
        // Not inside `onBackup?.(…)`: an optional call skips evaluating its arguments when there is no listener.
        const backup = await createBackup(db, folder, {
          reason: 'daily',
          now: now(),
          keep: options.keep(),
          ...(options.key ? { key: options.key } : {}),
        });
        options.onBackup?.(backup);
      } catch (error) {
        options.onError?.(error);
      } finally {
        running = null;
      }
    })();
  };
  check();
  const timer = setInterval(check, options.checkEveryMs ?? 60 * 60 * 1000);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}

/**
 * Replaces the store's content with a backup, in place, through the online
 * backup API: the open connection sees the restored data at once. The
 * current state is backed up first, so a restore can itself be undone.
 */
export async function restoreBackup(
  db: Db,
  folder: string,
  backupName: string,
  options: { keep?: number; now?: Date; key?: Buffer } = {},
): Promise<{ restored: BackupInfo; before: BackupInfo }> {
  const chosen = listBackups(folder).find((backup) => backup.name === backupName);
  if (!chosen) throw new BackupError(`There is no backup named ${backupName}.`, 'backup_missing', { name: backupName });
  const intact = isIntact(chosen.file, options.key);
  if (!intact && sealedWithAnotherKey(chosen.file, options.key))
    throw new BackupError(
      `The backup ${chosen.name} is encrypted with another store's key; copy the whole data folder and use the recovery key. Nothing was changed.`,
      'backup_other_key',
      { name: chosen.name },
    );
  if (!intact)
    throw new BackupError(`The backup ${chosen.name} is damaged; choose another one. Nothing was changed.`, 'backup_damaged', {
      name: chosen.name,
    });
  const version = backupSchema(chosen, options.key);
  const keep = Math.max(options.keep ?? defaultBackupsToKeep, 2);
  const safety = await createBackup(db, folder, {
    reason: 'before-restore',
    keep,
    ...(options.now ? { now: options.now } : {}),
    ...(options.key ? { key: options.key } : {}),
  });
  if (options.key) {
    copyRowsFrom(db, chosen.file, options.key);
  } else if (version < latestVersion) {
    // A backup from before an upgrade (one taken before a migration, say): brought to this version on a copy
    // first, as the app does at start, so the running app never reads tables it does not know. The backup stays as it was.
    const working = `${chosen.file}.restoring`;
    fs.copyFileSync(chosen.file, working);
    try {
      const copy = new Database(working);
      try {
        copy.pragma('foreign_keys = ON');
        migrate(copy);
      } finally {
        copy.close();
      }
      await copyWholeStore(db, working);
    } finally {
      fs.rmSync(working, { force: true });
    }
  } else {
    await copyWholeStore(db, chosen.file);
  }
  if (db.pragma('quick_check', { simple: true }) !== 'ok') {
    throw new BackupError(`The restore did not complete cleanly; the state before it is kept in ${safety.file}.`, 'restore_incomplete', {
      file: safety.file,
    });
  }
  return { restored: chosen, before: safety };
}

/** Replaces the open store's content with the file's, through the online backup API; the file is opened read-only. */
async function copyWholeStore(db: Db, file: string): Promise<void> {
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(db.name);
  } finally {
    source.close();
  }
}

/**
 * Restore into an open encrypted store, which the backup API refuses: the
 * backup is copied (still encrypted), brought to the current data format,
 * attached, and every table's rows replaced in one transaction, with the
 * triggers set aside so the copy is taken as it is (search index included).
 */
function copyRowsFrom(db: Db, backupFile: string, key: Buffer): void {
  const working = `${backupFile}.restoring`;
  fs.copyFileSync(backupFile, working);
  try {
    const copy = openConnection(working, {}, key);
    // A backup from before the store changed cipher is still ChaCha20: attached under its own.
    let cipher: StoreCipher | null;
    try {
      cipher = cipherOf(copy);
      migrate(copy);
    } finally {
      copy.close();
    }
    if (!cipher) throw new Error(`The backup copy ${working} was opened without a key.`);
    attachSealed(db, working, 'restore_source', key, cipher);
    try {
      db.pragma('foreign_keys = OFF');
      db.transaction(() => {
        const triggers = db.prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger'").all() as {
          name: string;
          sql: string;
        }[];
        for (const trigger of triggers) db.exec(`DROP TRIGGER main."${trigger.name}"`);
        const tables = db
          .prepare(
            "SELECT name, sql LIKE 'CREATE VIRTUAL TABLE%' AS virtual FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
          )
          .all() as { name: string; virtual: number }[];
        // A full-text table is copied through itself: its shadow tables refuse direct writes (defensive mode).
        const virtual = tables.filter((table) => table.virtual).map((table) => table.name);
        const isShadow = (name: string) => virtual.some((owner) => name.startsWith(`${owner}_`));
        for (const { name, virtual: isVirtual } of tables.filter((table) => !isShadow(table.name))) {
          const columns = (db.pragma(`main.table_info("${name}")`) as { name: string }[]).map((column) => `"${column.name}"`);
          // The index's rows are found by rowid; a table's own id columns are among its columns.
          const list = (isVirtual ? ['rowid', ...columns] : columns).join(', ');
          db.exec(`DELETE FROM main."${name}"`);
          db.exec(`INSERT INTO main."${name}" (${list}) SELECT ${list} FROM restore_source."${name}"`);
        }
        for (const trigger of triggers) db.exec(trigger.sql);
        if ((db.pragma('foreign_key_check') as unknown[]).length > 0)
          throw new BackupError('The backup breaks a reference between records; nothing was restored.', 'backup_breaks_reference');
      })();
    } finally {
      db.pragma('foreign_keys = ON');
      db.exec('DETACH restore_source');
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(working + suffix, { force: true });
  }
}
