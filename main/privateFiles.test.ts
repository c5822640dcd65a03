import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFolder, createBackup, createBackupSync } from './backups.ts';
import { createDispatch } from './ipc/dispatch.ts';
import { createHandlers } from './ipc/handlers/index.ts';
import { createChromiumEngine } from './pdf/chromiumEngine.ts';
import { createLockedCore } from './session/lockedCore.ts';
import { openStore, storeFileName } from './store.ts';
import { tempDataDir } from './storeFaults.helpers.ts';

// The store and its backups hold classified text: on a shared machine no other
// account may read them, as none may read an exported pack or bundle.

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});
function newFolder(): string {
  const folder = tempDataDir();
  folders.push(folder);
  return folder;
}
const permissionsOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('who may read the store', () => {
  it('creates a new store, its write-ahead log and its data folder for the owner only', () => {
    const dataDir = path.join(newFolder(), 'new-desk');
    const store = openStore(dataDir);
    try {
      store.db.prepare("UPDATE setting SET value = value WHERE key = 'homeZone'").run();
      expect(permissionsOf(path.join(dataDir, storeFileName))).toBe(0o600);
      expect(permissionsOf(path.join(dataDir, `${storeFileName}-wal`))).toBe(0o600);
      expect(permissionsOf(dataDir)).toBe(0o700);
    } finally {
      store.db.close();
    }
  });

  it('takes other accounts’ access away from a store made readable by an earlier version', () => {
    const dataDir = newFolder();
    openStore(dataDir).db.close();
    const file = path.join(dataDir, storeFileName);
    fs.chmodSync(file, 0o644);
    const store = openStore(dataDir);
    store.db.close();
    expect(permissionsOf(file)).toBe(0o600);
  });

  it('writes backups, made while working or at start-up, for the owner only', async () => {
    const dataDir = newFolder();
    const store = openStore(dataDir);
    try {
      const folder = backupFolder(dataDir);
      const online = await createBackup(store.db, folder, { reason: 'manual', now: new Date('2026-12-02T05:00:00Z') });
      const atStart = createBackupSync(store.db, folder, { reason: 'before-migration', now: new Date('2026-12-02T05:01:00Z') });
      expect(permissionsOf(online.file)).toBe(0o600);
      expect(permissionsOf(atStart.file)).toBe(0o600);
      expect(permissionsOf(folder)).toBe(0o700);
    } finally {
      store.db.close();
    }
  });
});

describe('who may list the data folder and the exports', () => {
  it('an encrypted store set up on a first run makes its data folder for the owner only', async () => {
    const dataDir = path.join(newFolder(), 'new-encrypted-desk');
    const session = createLockedCore({
      dataDir,
      allowUnencrypted: false,
      cost: { N: 2 ** 12, r: 8, p: 1 },
      core: () => ({ dataDir, engine: createChromiumEngine(), dailyBackups: false, logError: () => undefined }),
    });
    try {
      expect(await session.dispatch('session.setup', { passphrase: 'correct horse battery' })).toMatchObject({ ok: true });
      expect(permissionsOf(dataDir)).toBe(0o700);
    } finally {
      await session.close();
    }
  });

  it('keeps the exports folder, whose file names are pack names and summit titles, for the owner only', async () => {
    const dataDir = newFolder();
    const { db } = openStore(dataDir);
    try {
      const exportsDir = path.join(dataDir, 'exports');
      const dispatch = createDispatch({ db, handlers: createHandlers({ db, clock: () => new Date(), exchange: { exportsDir } }) });
      const saved = await dispatch('desk.saveCard', {});
      expect(saved).toMatchObject({ ok: true });
      expect(permissionsOf(exportsDir)).toBe(0o700);
    } finally {
      db.close();
    }
  });
});
