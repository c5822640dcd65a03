import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { latestVersion } from '../db/migrations/index.ts';
import type { Db } from '../db/open.ts';
import {
  backupFolder,
  createBackup,
  createBackupSync,
  isDailyBackupDue,
  isIntact,
  latestGoodBackup,
  listBackups,
  restoreBackup,
  scheduleDailyBackups,
} from './backups.ts';
import { openStore } from './store.ts';
import { bytesLost, rowDump, rowDumpOfFile, scribble, tempDataDir } from './storeFaults.helpers.ts';

const folders: string[] = [];
const openDbs: Db[] = [];
afterEach(() => {
  for (const db of openDbs.splice(0)) if (db.open) db.close();
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function store() {
  const dataDir = tempDataDir();
  folders.push(dataDir);
  const opened = openStore(dataDir);
  openDbs.push(opened.db);
  return { ...opened, dataDir, folder: backupFolder(dataDir) };
}

const at = (iso: string) => new Date(iso);

describe('backups', () => {
  it('an online backup taken while the app writes is a complete, intact, self-contained copy', async () => {
    const { db, folder } = store();
    const insert = db.prepare("INSERT INTO country (name, native_name, kind, note) VALUES (?, '', 'country', '')");
    const taking = createBackup(db, folder, { reason: 'manual', now: at('2026-11-30T10:00:00Z') });
    for (let n = 0; n < 50; n += 1) insert.run(`Country ${n}`);
    const backup = await taking;
    expect(backup).toMatchObject({ reason: 'manual', createdAt: '2026-11-30T10:00:00Z', name: 'sherpa-20261130T100000Z-manual.sqlite' });
    expect(isIntact(backup.file)).toBe(true);
    expect(fs.readdirSync(folder)).toEqual([backup.name]);
    expect(rowDumpOfFile(backup.file).get('summit')).toBe(rowDump(db).get('summit'));
  });

  it('keeps only the newest N', async () => {
    const { db, folder } = store();
    for (const day of ['25', '26', '27', '28', '29']) {
      await createBackup(db, folder, { reason: 'daily', now: at(`2026-11-${day}T10:00:00Z`), keep: 3 });
    }
    expect(listBackups(folder).map((backup) => backup.createdAt)).toEqual([
      '2026-11-29T10:00:00Z',
      '2026-11-28T10:00:00Z',
      '2026-11-27T10:00:00Z',
    ]);
  });

  it('two backups in the same second both survive', () => {
    const { db, folder } = store();
    const now = at('2026-11-30T10:00:00Z');
    createBackupSync(db, folder, { reason: 'manual', now });
    createBackupSync(db, folder, { reason: 'manual', now });
    expect(listBackups(folder)).toHaveLength(2);
  });

  it('the newest good backup skips damaged ones', () => {
    const { db, folder } = store();
    const good = createBackupSync(db, folder, { reason: 'daily', now: at('2026-11-29T10:00:00Z') });
    const damaged = createBackupSync(db, folder, { reason: 'daily', now: at('2026-11-30T10:00:00Z') });
    scribble(damaged.file, 4096, 8192);
    expect(isIntact(damaged.file)).toBe(false);
    expect(latestGoodBackup(folder)?.name).toBe(good.name);
  });

  it('the newest good backup skips another program’s database and one from a newer Sherpa, named as backups', () => {
    const { db, folder } = store();
    const good = createBackupSync(db, folder, { reason: 'daily', now: at('2026-11-29T10:00:00Z') });
    const newer = createBackupSync(db, folder, { reason: 'daily', now: at('2026-11-30T10:00:00Z') });
    const stamped = new Database(newer.file);
    stamped.pragma(`user_version = ${latestVersion + 10}`);
    stamped.close();
    const foreign = new Database(path.join(folder, 'sherpa-20261201T100000Z-manual.sqlite'));
    foreign.exec('CREATE TABLE photo (id INTEGER PRIMARY KEY)');
    foreign.close();
    expect(latestGoodBackup(folder)?.name).toBe(good.name);
  });

  it('a daily backup is due a day after the newest one', () => {
    const { db, folder } = store();
    expect(isDailyBackupDue(folder, at('2026-11-30T10:00:00Z'))).toBe(true);
    createBackupSync(db, folder, { reason: 'daily', now: at('2026-11-30T10:00:00Z') });
    expect(isDailyBackupDue(folder, at('2026-12-01T09:59:59Z'))).toBe(false);
    expect(isDailyBackupDue(folder, at('2026-12-01T10:00:00Z'))).toBe(true);
  });

  it('the daily schedule backs up at start, not again the same day, and again the next day', async () => {
    const { db, folder } = store();
    let now = at('2026-11-30T10:00:00Z');
    // Each check reads the clock: counting reads is how the test knows checks ran, without sleeping.
    let clockReads = 0;
    const taken: string[] = [];
    const stop = scheduleDailyBackups(db, folder, {
      keep: () => 5,
      now: () => {
        clockReads += 1;
        return now;
      },
      checkEveryMs: 10,
      onBackup: (backup) => taken.push(backup.createdAt),
    });
    try {
      await vi.waitFor(() => expect(taken).toEqual(['2026-11-30T10:00:00Z']));
      now = at('2026-11-30T22:00:00Z');
      const readsBefore = clockReads;
      await vi.waitFor(() => expect(clockReads).toBeGreaterThanOrEqual(readsBefore + 3));
      expect(taken).toHaveLength(1);
      now = at('2026-12-01T10:30:00Z');
      await vi.waitFor(() => expect(taken).toEqual(['2026-11-30T10:00:00Z', '2026-12-01T10:30:00Z']));
    } finally {
      stop();
    }
    expect(listBackups(folder).every((backup) => isIntact(backup.file))).toBe(true);
  });

  it('restores a backup in place, keeping the state before the restore as a backup of its own', async () => {
    const { db, folder, file } = store();
    const saved = rowDump(db);
    const backup = await createBackup(db, folder, { reason: 'manual', now: at('2026-11-29T10:00:00Z') });
    db.prepare("UPDATE person SET title = 'Changed after the backup' WHERE id = 1").run();
    const changed = rowDump(db);

    const { restored, before: safety } = await restoreBackup(db, folder, backup.name, { now: at('2026-11-30T10:00:00Z') });
    expect(restored.name).toBe(backup.name);
    // The open connection sees the restored data at once; so does a new one.
    expect(bytesLost(saved, rowDump(db))).toBe(0);
    expect(bytesLost(saved, rowDumpOfFile(file))).toBe(0);
    expect(safety.reason).toBe('before-restore');
    expect(bytesLost(changed, rowDumpOfFile(safety.file))).toBe(0);
  });

  it('refuses to restore an unknown or damaged backup, changing nothing', async () => {
    const { db, folder } = store();
    const backup = createBackupSync(db, folder, { reason: 'manual', now: at('2026-11-29T10:00:00Z') });
    scribble(backup.file, 0, 100);
    const before = rowDump(db);
    await expect(restoreBackup(db, folder, 'sherpa-nope.sqlite')).rejects.toThrow('There is no backup named sherpa-nope.sqlite.');
    await expect(restoreBackup(db, folder, backup.name)).rejects.toThrow(/is damaged; choose another one/);
    await expect(restoreBackup(db, folder, `../${path.basename(folder)}/${backup.name}`)).rejects.toThrow(/There is no backup named/);
    expect(rowDump(db)).toEqual(before);
    expect(listBackups(folder)).toHaveLength(1);
  });
});
