import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { latestVersion, migrations, schemaVersion } from '../db/migrations/index.ts';
import { type Db, walPagesBeforeCheckpoint } from '../db/open.ts';
import { openScratchDatabase } from '../db/testing.ts';
import { backupFolder, createBackupSync, isIntact, listBackups } from './backups.ts';
import { createDispatch } from './ipc/dispatch.ts';
import { createHandlers } from './ipc/handlers/index.ts';
import { openStore, storeFileName } from './store.ts';
import { bytesLost, isRoot, rowDump, rowDumpOfFile, scribble, sha256, tempDataDir } from './storeFaults.helpers.ts';
import { openCheckedStore, StoreDamagedError } from './storeHealth.ts';

// Storage faults on real files: a damaged store, a store from a newer Sherpa,
// a read-only folder, a full disk. Each ends with the same question: is
// every row saved before the fault still there (bytes lost = 0)?

const folders: string[] = [];
const openDbs: Db[] = [];
afterEach(() => {
  for (const db of openDbs.splice(0)) if (db.open) db.close();
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function newFolder(): string {
  const folder = tempDataDir();
  folders.push(folder);
  return folder;
}

function open(dataDir: string, options: Parameters<typeof openStore>[1] = {}) {
  const store = openStore(dataDir, options);
  openDbs.push(store.db);
  return store;
}

function dispatchFor(db: Db, readOnlyReason?: string) {
  const handlers = createHandlers({ db, clock: () => new Date('2023-07-11T08:00:00Z') });
  return createDispatch({ db, handlers, ...(readOnlyReason ? { readOnlyReason } : {}) });
}

/** A store with the sample plus a note a user wrote, closed cleanly. */
async function storeWithNote(dataDir: string): Promise<Map<string, string>> {
  const { db } = open(dataDir);
  const created = await dispatchFor(db)('note.create', {
    meetingId: 1,
    title: 'Readout',
    body: 'Agreed to follow up on cyber defence.',
    tags: ['ITPP'],
    classification: 'NATO UNCLASSIFIED',
  });
  expect(created.ok).toBe(true);
  const rows = rowDump(db);
  db.close();
  return rows;
}

describe('start-up check of a damaged store', () => {
  it('a clean store opens with no notice', async () => {
    const dataDir = newFolder();
    await storeWithNote(dataDir);
    const store = open(dataDir);
    expect(store.notices).toEqual([]);
    expect(store.readOnly).toBe(false);
    // Its WAL is given its full length later, once the start's first answers are out (main/core.test.ts).
    const pageSize = store.db.pragma('page_size', { simple: true }) as number;
    const wal = `${store.file}-wal`;
    expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBeLessThan(32 + walPagesBeforeCheckpoint * (pageSize + 24));
  });

  for (const [fault, damage] of [
    ['an overwritten header', (file: string) => scribble(file, 0, 100)],
    ['scribbled pages in the middle', (file: string) => scribble(file, 4096 * 3, 4096 * 4)],
    ['a file cut short', (file: string) => fs.truncateSync(file, 4096 * 2 + 100)],
  ] as const) {
    it(`${fault}: moves the file aside, restores the newest good backup and says so`, async () => {
      const dataDir = newFolder();
      const saved = await storeWithNote(dataDir);
      const file = path.join(dataDir, storeFileName);
      const probe = open(dataDir);
      createBackupSync(probe.db, backupFolder(dataDir), { reason: 'manual' });
      probe.db.close();

      damage(file);
      const damagedHash = sha256(file);
      const store = open(dataDir, { now: () => new Date('2026-11-30T10:00:00Z') });

      expect(store.notices).toHaveLength(1);
      const notice = store.notices[0];
      if (notice?.kind !== 'recovered') throw new Error('expected a recovery notice');
      expect(notice.damagedFile).toBe(`${file}.damaged-20261130T100000Z`);
      expect(notice.message).toContain(notice.damagedFile);
      expect(notice.message).toContain('was restored');
      // The damaged file is kept byte for byte; the restored store has every row saved before.
      expect(sha256(notice.damagedFile)).toBe(damagedHash);
      expect(bytesLost(saved, rowDump(store.db))).toBe(0);
      expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    });
  }

  it('skips a damaged backup and restores the newest good one', async () => {
    const dataDir = newFolder();
    const saved = await storeWithNote(dataDir);
    const folder = backupFolder(dataDir);
    const store = open(dataDir);
    createBackupSync(store.db, folder, { reason: 'manual', now: new Date('2026-11-29T10:00:00Z') });
    const newest = createBackupSync(store.db, folder, { reason: 'daily', now: new Date('2026-11-30T09:00:00Z') });
    store.db.close();
    scribble(newest.file, 0, 100);
    scribble(path.join(dataDir, storeFileName), 0, 100);

    const reopened = open(dataDir);
    expect(reopened.notices[0]).toMatchObject({ kind: 'recovered', restoredFrom: expect.stringContaining('20261129T100000Z') });
    expect(bytesLost(saved, rowDump(reopened.db))).toBe(0);
  });

  it('with no good backup, refuses to start and leaves the damaged file exactly as it was', async () => {
    const dataDir = newFolder();
    await storeWithNote(dataDir);
    const file = path.join(dataDir, storeFileName);
    scribble(file, 0, 100);
    const hash = sha256(file);
    const listing = fs.readdirSync(dataDir).sort();

    expect(() => openStore(dataDir)).toThrow(StoreDamagedError);
    expect(() => openStore(dataDir)).toThrow(/has not been changed or replaced/);
    expect(sha256(file)).toBe(hash);
    // No empty store was created over it or beside it.
    expect(fs.readdirSync(dataDir).sort()).toEqual(listing);
  });
});

describe('backup before a migration', () => {
  it('an older store is backed up, checked, then migrated; the backup holds the data as it was', () => {
    const dataDir = newFolder();
    const file = path.join(dataDir, storeFileName);
    const first = migrations[0];
    if (!first || migrations.length < 2) throw new Error('needs at least two migrations');
    const old = openScratchDatabase(file, { migrate: false });
    old.transaction(() => {
      first.up(old);
      old.pragma(`user_version = ${first.version}`);
    })();
    old
      .prepare("INSERT INTO country (name, native_name, kind, note) VALUES ('Japan', '日本', 'country', 'written by an older Sherpa')")
      .run();
    const saved = rowDump(old);
    old.close();

    const store = open(dataDir, { now: () => new Date('2026-11-30T10:00:00Z') });
    expect(schemaVersion(store.db)).toBe(latestVersion);
    expect(store.notices).toEqual([
      {
        kind: 'backed-up',
        why: 'migration',
        backup: expect.stringContaining('before-migration'),
        message: expect.stringContaining('kept in'),
      },
    ]);
    const [backup] = listBackups(backupFolder(dataDir));
    if (!backup) throw new Error('no backup');
    expect(backup.reason).toBe('before-migration');
    expect(isIntact(backup.file)).toBe(true);
    expect(bytesLost(saved, rowDumpOfFile(backup.file))).toBe(0);
    expect(store.db.prepare("SELECT note FROM country WHERE name = 'Japan'").pluck().get()).toBe('written by an older Sherpa');
  });

  it('a store already up to date is not backed up at start', () => {
    const dataDir = newFolder();
    open(dataDir).db.close();
    open(dataDir);
    expect(listBackups(backupFolder(dataDir))).toEqual([]);
  });
});

describe('a store from a newer Sherpa', () => {
  it('is shown read-only with a clear message; writes are refused; the file is untouched', async () => {
    const dataDir = newFolder();
    const saved = await storeWithNote(dataDir);
    const file = path.join(dataDir, storeFileName);
    const newer = openScratchDatabase(file, { migrate: false });
    newer.pragma(`user_version = ${latestVersion + 10}`);
    newer.close();
    const hash = sha256(file);

    const store = open(dataDir);
    expect(store.readOnly).toBe(true);
    expect(store.notices).toEqual([
      {
        kind: 'read-only',
        refusal: 'store_newer',
        found: expect.any(Number),
        message: expect.stringMatching(/newer version of Sherpa.*read-only/s),
      },
    ]);
    const dispatch = dispatchFor(store.db, store.readOnlyReason);
    expect(await dispatch('summit.list', {})).toMatchObject({ ok: true, value: [{ title: 'NATO Summit, Vilnius 2023' }] });
    const write = await dispatch('person.create', {
      name: 'Jane Doe',
      nativeName: '',
      title: '',
      countryId: null,
      biography: '',
      classification: '',
      sourceId: null,
    });
    // The refusal says why: not a folder problem, a newer Sherpa's file.
    expect(write).toMatchObject({ ok: false, error: { code: 'read_only', message: expect.stringContaining('newer version of Sherpa') } });
    store.db.close();
    expect(sha256(file)).toBe(hash);
    expect(bytesLost(saved, rowDumpOfFile(file))).toBe(0);
  });
});

describe('a read-only data folder', () => {
  async function expectReadable(dataDir: string, saved: Map<string, string>, canWrite?: () => boolean) {
    const file = path.join(dataDir, storeFileName);
    const hash = sha256(file);
    const store = open(dataDir, canWrite ? { canWrite } : {});
    expect(store.readOnly).toBe(true);
    expect(store.notices).toEqual([
      {
        kind: 'read-only',
        refusal: 'folder_read_only',
        dataDir: expect.any(String),
        message: expect.stringContaining('cannot write to its data folder'),
      },
    ]);
    const dispatch = dispatchFor(store.db);
    expect(await dispatch('meeting.brief', { id: 1 })).toMatchObject({ ok: true });
    const listed = await dispatch('note.listFor', { meetingId: 1 });
    expect(listed).toMatchObject({ ok: true, value: [{ title: 'Readout' }] });
    const write = await dispatch('note.create', { meetingId: 1, title: 'New', body: '', tags: [], classification: '' });
    expect(write).toEqual({
      ok: false,
      error: {
        code: 'read_only',
        message: 'The data folder cannot be written to. Your data is unchanged; Sherpa can still show it.',
        reason: 'folder_read_only',
      },
    });
    store.db.close();
    expect(sha256(file)).toBe(hash);
    expect(bytesLost(saved, rowDumpOfFile(file))).toBe(0);
  }

  it('(probe answers "not writable") opens for reading, refuses writes with a clear message, loses nothing', async () => {
    const dataDir = newFolder();
    const saved = await storeWithNote(dataDir);
    await expectReadable(dataDir, saved, () => false);
  });

  it('(real chmod 555) the same, detected by the write probe', async (context) => {
    if (isRoot) {
      context.skip('running as root: chmod does not stop root from writing (the injected probe test covers this case)');
      return;
    }
    const dataDir = newFolder();
    const saved = await storeWithNote(dataDir);
    fs.chmodSync(dataDir, 0o555);
    try {
      await expectReadable(dataDir, saved);
    } finally {
      fs.chmodSync(dataDir, 0o755);
    }
  });

  it('(a real read-only mount) the same, detected by the write probe', async (context) => {
    const mountPoint = newFolder();
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    } catch {
      context.skip('cannot mount a tmpfs here (needs root); the injected probe test covers this case');
      return;
    }
    try {
      const saved = await storeWithNote(mountPoint);
      execFileSync('mount', ['-o', 'remount,ro', mountPoint], { stdio: 'ignore' });
      await expectReadable(mountPoint, saved);
    } finally {
      execFileSync('umount', [mountPoint], { stdio: 'ignore' });
    }
  });

  it('with no store in it yet, says there is nothing to show instead of creating one', () => {
    const dataDir = newFolder();
    expect(() => openStore(dataDir, { canWrite: () => false })).toThrow(/cannot write to its data folder.*nothing to show/s);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});

describe('a store handed over with its -wal and without its -shm (copied while Sherpa ran, or after a crash)', () => {
  /**
   * A copy of a store whose last edit sits only in its -wal, as a desk copying sherpa.sqlite and sherpa.sqlite-wal
   * from a running Sherpa (or after a crash) hands it over: no -shm beside it, so no Sherpa writes to it.
   */
  async function copyWithEditInWal(into: string): Promise<string> {
    const dataDir = newFolder();
    await storeWithNote(dataDir);
    const db = open(dataDir).db;
    db.pragma('wal_autocheckpoint = 0');
    db.prepare("UPDATE note SET body = body || ' Then agreed on counter-narcotics too.' WHERE title = 'Readout'").run();
    const copy = path.join(into, storeFileName);
    fs.copyFileSync(path.join(dataDir, storeFileName), copy);
    fs.copyFileSync(path.join(dataDir, `${storeFileName}-wal`), `${copy}-wal`);
    db.close();
    return copy;
  }

  const readBody = (file: string) => {
    const opened = openCheckedStore(file, { access: 'read' });
    openDbs.push(opened.db);
    return opened.db.prepare("SELECT body FROM note WHERE title = 'Readout'").pluck().get();
  };

  it('is read with what its -wal holds, and nothing is created beside it', async () => {
    const folder = newFolder();
    const copy = await copyWithEditInWal(folder);
    const before = sha256(copy);
    expect(readBody(copy)).toBe('Agreed to follow up on cyber defence. Then agreed on counter-narcotics too.');
    for (const db of openDbs.splice(0)) db.close();
    expect(fs.readdirSync(folder).sort()).toEqual([storeFileName, `${storeFileName}-wal`]);
    expect(sha256(copy)).toBe(before);
  });

  // Room for the store's WAL at its full length (16 MB, reserved once a start's first answers are out).
  it('(on a real read-only mount) is read with what its -wal holds, not without it', async (context) => {
    const mountPoint = newFolder();
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=40m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    } catch {
      context.skip('cannot mount a tmpfs here (needs root); the writable-folder test covers the reading');
      return;
    }
    try {
      const copy = await copyWithEditInWal(mountPoint);
      execFileSync('mount', ['-o', 'remount,ro', mountPoint], { stdio: 'ignore' });
      expect(readBody(copy)).toBe('Agreed to follow up on cyber defence. Then agreed on counter-narcotics too.');
      // Sherpa itself, started on that folder, opens it for reading only, with the same text.
      const app = open(mountPoint);
      expect(app.readOnly).toBe(true);
      expect(app.db.prepare("SELECT body FROM note WHERE title = 'Readout'").pluck().get()).toBe(
        'Agreed to follow up on cyber defence. Then agreed on counter-narcotics too.',
      );
    } finally {
      for (const db of openDbs.splice(0)) db.close();
      execFileSync('umount', [mountPoint], { stdio: 'ignore' });
    }
  });
});

describe('a full disk', () => {
  const bigNote = { meetingId: 1, title: 'Long readout', body: 'x'.repeat(90_000), tags: [], classification: '' };

  it('(SQLite page limit) a write fails with a clear message, reads go on, nothing saved is lost', async () => {
    const dataDir = newFolder();
    const saved = await storeWithNote(dataDir);
    const store = open(dataDir);
    // max_page_count makes SQLite answer SQLITE_FULL exactly as a full disk does.
    store.db.pragma(`max_page_count = ${store.db.pragma('page_count', { simple: true })}`);
    const dispatch = dispatchFor(store.db);
    expect(await dispatch('note.create', bigNote)).toEqual({
      ok: false,
      error: {
        code: 'read_only',
        message: 'The disk is full. Nothing was saved; what was saved before is unchanged.',
        reason: 'disk_full',
      },
    });
    expect(await dispatch('note.listFor', { meetingId: 1 })).toMatchObject({ ok: true, value: [{ title: 'Readout' }] });
    expect(bytesLost(saved, rowDump(store.db))).toBe(0);
    store.db.close();
    const reopened = open(dataDir);
    expect(bytesLost(saved, rowDump(reopened.db))).toBe(0);
  });

  it('(a real 1 MB tmpfs filled up) the same', async (context) => {
    const mountPoint = newFolder();
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    } catch {
      context.skip('cannot mount a tmpfs here (needs root); the page-limit test covers this case');
      return;
    }
    try {
      const saved = await storeWithNote(mountPoint);
      const store = open(mountPoint);
      // Fill what is left of the disk.
      const filler = path.join(mountPoint, 'filler');
      try {
        for (;;) fs.appendFileSync(filler, Buffer.alloc(16 * 1024));
      } catch {
        // ENOSPC: the disk is full now.
      }
      const dispatch = dispatchFor(store.db);
      const write = await dispatch('note.create', bigNote);
      expect(write).toMatchObject({
        ok: false,
        error: { code: 'read_only', message: expect.stringMatching(/disk is full|cannot be written/) },
      });
      expect(await dispatch('note.listFor', { meetingId: 1 })).toMatchObject({ ok: true, value: [{ title: 'Readout' }] });
      store.db.close();
      fs.rmSync(filler);
      const reopened = open(mountPoint);
      expect(bytesLost(saved, rowDump(reopened.db))).toBe(0);
      reopened.db.close();
    } finally {
      execFileSync('umount', [mountPoint], { stdio: 'ignore' });
    }
  });
});
