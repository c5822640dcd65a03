import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/open.ts';
import { backupFolder, createBackup, isIntact, listBackups } from './backups.ts';
import { createDispatch } from './ipc/dispatch.ts';
import { createHandlers } from './ipc/handlers/index.ts';
import { findPlaintext } from './plaintextScan.ts';
import { openStore, storeFileName } from './store.ts';
import { scribble, tempDataDir } from './storeFaults.helpers.ts';
import { quickCheck, StoreDamagedError } from './storeHealth.ts';

// The encrypted store on real files: whatever Sherpa writes to the data
// folder (store, WAL, backups, the damaged-file copy) holds no record text.

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
function open(dataDir: string, key: Buffer) {
  const store = openStore(dataDir, { key });
  openDbs.push(store.db);
  return store;
}

const filesContaining = (folder: string, word: string) => findPlaintext([folder], [word]).map((hit) => hit.file);

async function writeNote(db: Db, key: Buffer, body: string) {
  const dataDir = path.dirname(db.name);
  const dispatch = createDispatch({
    db,
    handlers: createHandlers({ db, clock: () => new Date(), backups: { folder: backupFolder(dataDir), key } }),
  });
  const created = await dispatch('note.create', { meetingId: 1, title: 'Readout', body, tags: [], classification: 'NATO RESTRICTED' });
  expect(created.ok).toBe(true);
  return dispatch;
}

describe('an encrypted store', () => {
  it('keeps no record text in the store, its WAL or any backup', async () => {
    const dataDir = newFolder();
    const key = randomBytes(32);
    const { db } = open(dataDir, key);
    const dispatch = await writeNote(db, key, 'Canary-Ostrich 타조 agreed quietly');
    expect(fs.existsSync(path.join(dataDir, `${storeFileName}-wal`))).toBe(true);
    const backup = await dispatch('backup.create', {});
    expect(backup.ok).toBe(true);
    expect(filesContaining(dataDir, 'Canary-Ostrich')).toEqual([]);
    expect(filesContaining(dataDir, '타조')).toEqual([]);
    expect(filesContaining(dataDir, 'Stoltenberg')).toEqual([]);
    const [made] = listBackups(backupFolder(dataDir));
    expect(made && isIntact(made.file, key)).toBe(true);
    expect(made && isIntact(made.file)).toBe(false);
    expect(made && isIntact(made.file, randomBytes(32))).toBe(false);
  });

  it('opens again only with its key; a wrong key changes nothing', async () => {
    const dataDir = newFolder();
    const key = randomBytes(32);
    const first = open(dataDir, key);
    await writeNote(first.db, key, 'Canary-Heron');
    first.db.close();
    const file = path.join(dataDir, storeFileName);
    const before = fs.readFileSync(file);
    expect(() => openStore(dataDir, { key: randomBytes(32) })).toThrow(StoreDamagedError);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dataDir).filter((name) => name.includes('damaged'))).toEqual([]);
    const again = open(dataDir, key);
    expect(again.db.prepare("SELECT count(*) FROM note WHERE body = 'Canary-Heron'").pluck().get()).toBe(1);
  });

  it('a damaged encrypted store is set aside still encrypted and the encrypted backup restored', async () => {
    const dataDir = newFolder();
    const key = randomBytes(32);
    const first = open(dataDir, key);
    await writeNote(first.db, key, 'Canary-Falcon');
    await createBackup(first.db, backupFolder(dataDir), { reason: 'manual', key });
    first.db.close();
    const file = path.join(dataDir, storeFileName);
    scribble(file, 4096, 4096 * 3);
    expect(quickCheck(file, key)).not.toBe('ok');
    const reopened = open(dataDir, key);
    expect(reopened.notices.map((notice) => notice.kind)).toEqual(['recovered']);
    expect(reopened.db.prepare("SELECT count(*) FROM note WHERE body = 'Canary-Falcon'").pluck().get()).toBe(1);
    expect(fs.readdirSync(dataDir).some((name) => name.includes('.damaged-'))).toBe(true);
    expect(filesContaining(dataDir, 'Canary-Falcon')).toEqual([]);
  });

  it('restores a backup in place: the open connection sees it, search included', async () => {
    const dataDir = newFolder();
    const key = randomBytes(32);
    const { db } = open(dataDir, key);
    const dispatch = await writeNote(db, key, 'Canary-Swallow before the backup');
    const backup = await dispatch('backup.create', {});
    if (!backup.ok) throw new Error(backup.error.message);
    await dispatch('note.create', {
      meetingId: 1,
      title: 'Later',
      body: 'Canary-Magpie after',
      tags: [],
      classification: 'NATO RESTRICTED',
    });
    const restored = await dispatch('backup.restore', { name: (backup.value as { name: string }).name });
    expect(restored.ok).toBe(true);
    expect(db.prepare("SELECT count(*) FROM note WHERE body LIKE 'Canary-Magpie%'").pluck().get()).toBe(0);
    const hits = await dispatch('search.query', { text: 'Swallow' });
    expect(hits.ok && (hits.value as unknown[]).length).toBeGreaterThan(0);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(filesContaining(dataDir, 'Canary-')).toEqual([]);
  });
});
