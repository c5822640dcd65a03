import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openScratchDatabase } from '../db/testing.ts';
import { backupFolder, createBackupSync, listBackups } from './backups.ts';
import { plaintextLeftovers, settleLeftovers, type UpgradeStep, upgradeToEncrypted } from './encryptStore.ts';
import { findPlaintext } from './plaintextScan.ts';
import { openStore, storeFileName } from './store.ts';
import { rowDump, sha256, tempDataDir } from './storeFaults.helpers.ts';
import { isPlainStore } from './storeHealth.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

/** A store from before encryption: the sample, a note with a canary word, and a plain backup. */
function plainStore(): { dataDir: string; rows: Map<string, string> } {
  const dataDir = tempDataDir();
  folders.push(dataDir);
  const { db } = openStore(dataDir);
  db.prepare(
    "INSERT INTO note (meeting_id, title, body, tags, classification) VALUES (1, 'Readout', 'Canary-Pelican spoke first', '[]', 'NATO RESTRICTED')",
  ).run();
  createBackupSync(db, backupFolder(dataDir), { reason: 'manual' });
  const rows = rowDump(db);
  db.close();
  return { dataDir, rows };
}

describe('upgrading a plain store to an encrypted one', () => {
  it('encrypts the store with every row kept; the plaintext leftovers wait for the user', () => {
    const { dataDir, rows } = plainStore();
    const key = randomBytes(32);
    const result = upgradeToEncrypted(dataDir, key);
    const file = path.join(dataDir, storeFileName);
    expect(isPlainStore(file)).toBe(false);
    const { db } = openStore(dataDir, { key });
    expect(rowDump(db)).toEqual(rows);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const leftovers = plaintextLeftovers(dataDir);
    expect(leftovers).toContain(result.preUpgradeCopy);
    expect(leftovers).toContain(listBackups(backupFolder(dataDir))[0]?.file);
    expect(
      findPlaintext([dataDir], ['Canary-Pelican'])
        .map((hit) => hit.file)
        .sort(),
    ).toEqual(leftovers);
  });

  it('re-encrypts the leftovers when the user says so: backups then open with the key, nothing is plaintext', () => {
    const { dataDir } = plainStore();
    const key = randomBytes(32);
    upgradeToEncrypted(dataDir, key);
    const { settled, failed } = settleLeftovers(dataDir, key, 'encrypt');
    expect(settled.length).toBe(2);
    expect(failed).toEqual([]);
    expect(plaintextLeftovers(dataDir)).toEqual([]);
    expect(findPlaintext([dataDir], ['Canary-Pelican', 'Stoltenberg'])).toEqual([]);
    const backup = listBackups(backupFolder(dataDir))[0];
    const copy = openScratchDatabase(backup?.file ?? '', { key, readonly: true, migrate: false });
    expect(copy.prepare("SELECT count(*) FROM note WHERE body LIKE 'Canary-Pelican%'").pluck().get()).toBe(1);
    copy.close();
  });

  it('removes the leftovers instead when the user prefers', () => {
    const { dataDir } = plainStore();
    const key = randomBytes(32);
    upgradeToEncrypted(dataDir, key);
    settleLeftovers(dataDir, key, 'remove');
    expect(plaintextLeftovers(dataDir)).toEqual([]);
    expect(findPlaintext([dataDir], ['Canary-Pelican'])).toEqual([]);
  });

  it.each<UpgradeStep>(['copy', 'rekey', 'check', 'swap'])('a failure at %s leaves the plain store exactly as it was', (step) => {
    const { dataDir, rows } = plainStore();
    const file = path.join(dataDir, storeFileName);
    const before = sha256(file);
    const filesBefore = fs.readdirSync(dataDir).sort();
    expect(() => upgradeToEncrypted(dataDir, randomBytes(32), { failAt: step })).toThrow(/left as it was, unencrypted/);
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dataDir).sort()).toEqual(filesBefore);
    const { db } = openStore(dataDir);
    expect(rowDump(db)).toEqual(rows);
    db.close();
  });
});
