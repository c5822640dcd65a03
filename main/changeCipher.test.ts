import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cipherOf } from '../db/cipher.ts';
import { createNote } from '../db/notes.ts';
import { type Db, openConnection, openDatabase } from '../db/open.ts';
import { loadSampleIfEmpty } from '../db/sample/vilnius-2023.ts';
import { search } from '../db/search.ts';
import { backupFolder, createBackup, isIntact, listBackups, restoreBackup } from './backups.ts';
import { type CipherChangeStep, changeToNewCipher, workingCopyOf } from './changeCipher.ts';
import { cipherChangeFailureFile } from './cipherChangeRetry.ts';
import { openStore, storeFileName } from './store.ts';
import { rowDump, sha256, tempDataDir } from './storeFaults.helpers.ts';

// A store an earlier Sherpa sealed with ChaCha20 is moved to AEGIS at start, on real files: every row and
// search result kept, a backup first, and a failure or a crash at any step leaves a store that opens whole.

const folders: string[] = [];
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

interface EarlierStore {
  dataDir: string;
  file: string;
  key: Buffer;
  rows: Map<string, string>;
  hits: string[];
}

const hitsOf = (db: Db) => search(db, { text: 'Stoltenberg', limit: 50 }).map((hit) => `${hit.kind}:${hit.id}`);

/** A store as an earlier Sherpa left it: ChaCha20, the sample and a note of the user's, closed cleanly. */
function earlierStore(): EarlierStore {
  const dataDir = tempDataDir();
  folders.push(dataDir);
  const file = path.join(dataDir, storeFileName);
  const key = randomBytes(32);
  const db = openDatabase(file, { key, cipherOfNewFile: 'chacha20' });
  try {
    loadSampleIfEmpty(db);
    createNote(
      db,
      { meetingId: 1, sectorEntryId: null },
      { title: 'Readout', body: 'Stoltenberg agreed, quietly', tags: [], classification: '' },
    );
    expect(cipherOf(db)).toBe('chacha20');
    // Searched first: a search indexes the notes waiting for it, which changes the index's tables.
    const hits = hitsOf(db);
    return { dataDir, file, key, rows: rowDump(db), hits };
  } finally {
    db.close();
  }
}

function reopened(store: EarlierStore): Db {
  const db = openDatabase(store.file, { key: store.key, migrate: false });
  open.push(db);
  return db;
}

describe('moving a ChaCha20 store to AEGIS', () => {
  it('happens at start, after a backup, keeping every row and search result', async () => {
    const store = earlierStore();
    expect(store.hits.length).toBeGreaterThan(1);
    const opened = openStore(store.dataDir, { key: store.key });
    open.push(opened.db);
    expect(cipherOf(opened.db)).toBe('aegis');
    expect(rowDump(opened.db)).toEqual(store.rows);
    expect(hitsOf(opened.db)).toEqual(store.hits);
    const notice = opened.notices.find((each) => each.kind === 'backed-up');
    expect(notice?.message).toMatch(/faster encryption.*kept in/);
    // The backup is the store as it was, ChaCha20, and it restores into the AEGIS store.
    const [backup] = listBackups(backupFolder(store.dataDir));
    expect(backup && isIntact(backup.file, store.key)).toBe(true);
    opened.db.prepare('DELETE FROM note').run();
    await restoreBackup(opened.db, backupFolder(store.dataDir), backup?.name ?? '', { key: store.key });
    expect(rowDump(opened.db).get('note')).toEqual(store.rows.get('note'));
    expect(hitsOf(opened.db)).toEqual(store.hits);
    expect(cipherOf(opened.db)).toBe('aegis');
    // A backup of the AEGIS store is AEGIS.
    const made = await createBackup(opened.db, backupFolder(store.dataDir), { reason: 'manual', key: store.key });
    const backupDb = openConnection(made.file, { readonly: true, fileMustExist: true }, store.key);
    open.push(backupDb);
    expect(cipherOf(backupDb)).toBe('aegis');
    expect(rowDump(backupDb).get('note')).toEqual(store.rows.get('note'));
    backupDb.close();
    // Nothing is left to change at the next start.
    opened.db.close();
    expect(changeToNewCipher(store.file, store.key, backupFolder(store.dataDir))).toBeNull();
  });

  it.each<CipherChangeStep>(['backup', 'copy', 'rekey', 'check', 'swap'])(
    'a failure at %s leaves the store exactly as it was',
    (failAt) => {
      const store = earlierStore();
      const before = sha256(store.file);
      const fail = (step: CipherChangeStep) => {
        if (step === failAt) throw new Error(`failure injected at ${step}`);
      };
      expect(() => changeToNewCipher(store.file, store.key, backupFolder(store.dataDir), { beforeStep: fail })).toThrow(failAt);
      expect(sha256(store.file)).toBe(before);
      expect(fs.existsSync(workingCopyOf(store.file))).toBe(false);
      const db = reopened(store);
      expect(cipherOf(db)).toBe('chacha20');
      expect(rowDump(db)).toEqual(store.rows);
    },
  );

  it.each<CipherChangeStep>(['backup', 'copy', 'rekey', 'check', 'swap', 'tidy'])(
    'a crash (the process killed) at %s leaves a store that opens whole, and the next start finishes the change',
    (killAt) => {
      const store = earlierStore();
      const child = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { changeToNewCipher } from ${JSON.stringify(path.resolve('main/changeCipher.ts'))};
           const [file, key, folder, killAt] = process.argv.slice(1);
           changeToNewCipher(file, Buffer.from(key, 'hex'), folder, {
             beforeStep: (step) => { if (step === killAt) process.kill(process.pid, 'SIGKILL'); },
           });`,
          store.file,
          store.key.toString('hex'),
          backupFolder(store.dataDir),
          killAt,
        ],
        { encoding: 'utf8' },
      );
      expect(child.signal, child.stderr).toBe('SIGKILL');
      const afterCrash = reopened(store);
      expect(cipherOf(afterCrash)).toBe(killAt === 'tidy' ? 'aegis' : 'chacha20');
      expect(rowDump(afterCrash)).toEqual(store.rows);
      afterCrash.close();
      const opened = openStore(store.dataDir, { key: store.key });
      open.push(opened.db);
      expect(cipherOf(opened.db)).toBe('aegis');
      expect(rowDump(opened.db)).toEqual(store.rows);
      expect(hitsOf(opened.db)).toEqual(store.hits);
      expect(fs.existsSync(workingCopyOf(store.file))).toBe(false);
    },
  );

  it('that fails is tried again a day later, not at every start, so its backups do not push the older ones out', () => {
    const store = earlierStore();
    // Something in the way of the working copy (a folder of that name, which the change does not remove): every
    // try fails after its backup, as a copy that does not fit on the disk would.
    fs.mkdirSync(workingCopyOf(store.file));
    const startAt = (hours: number) => {
      const opened = openStore(store.dataDir, { key: store.key, now: () => new Date(Date.UTC(2026, 11, 5, 8) + hours * 3_600_000) });
      const cipher = cipherOf(opened.db);
      const rows = rowDump(opened.db);
      opened.db.close();
      return { cipher, rows, notices: opened.notices, backups: listBackups(backupFolder(store.dataDir)).length };
    };
    const first = startAt(0);
    expect(first.cipher).toBe('chacha20');
    expect(first.rows).toEqual(store.rows);
    expect(first.backups).toBe(1);
    expect(first.notices.find((notice) => notice.kind === 'cipher-kept')?.message).toMatch(
      /could not move its data file.*Nothing was changed.*try again in a day/,
    );
    // Eleven more starts that day: no try, so no backup and no message; the store opens as before.
    for (const hours of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 23]) {
      const again = startAt(hours);
      expect(again.cipher).toBe('chacha20');
      expect(again.backups).toBe(1);
      expect(again.notices).toEqual([]);
    }
    // A day after the failure, with the way clear, the change is made and its record removed.
    fs.rmdirSync(workingCopyOf(store.file));
    const dayLater = startAt(24);
    expect(dayLater.cipher).toBe('aegis');
    expect(dayLater.rows).toEqual(store.rows);
    expect(dayLater.notices.map((notice) => notice.kind)).toEqual(['backed-up']);
    expect(fs.existsSync(cipherChangeFailureFile(store.file))).toBe(false);
  });
});
