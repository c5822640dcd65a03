import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { rewriteSealed } from '../db/cipher.ts';
import { openConnection } from '../db/open.ts';
import { backupFolder, fileStamp, vacuumInto } from './backups.ts';
import { storeFileName } from './store.ts';
import { isPlainStore } from './storeHealth.ts';

// Upgrading a store written before encryption. The original is never
// modified: a plain copy is taken first (the pre-upgrade copy), a second copy
// is encrypted with `PRAGMA rekey` and checked, and only then renamed over
// the store in one step. A failure at any point leaves the plain store as it
// was. Plaintext files left behind (the pre-upgrade copy, old backups,
// damaged copies) are listed, and encrypted or removed only when the user says so.

export type UpgradeStep = 'copy' | 'rekey' | 'check' | 'swap';

export interface UpgradeOptions {
  now?: Date;
  /** Tests break the upgrade at a step to prove the plain store survives. */
  failAt?: UpgradeStep;
}

export interface UpgradeResult {
  /** The plain copy taken before anything changed; a plaintext leftover until the user decides. */
  preUpgradeCopy: string;
  /** Milliseconds spent encrypting (rekey and check), for the benchmark. */
  encryptMs: number;
}

export class UpgradeFailedError extends Error {
  constructor(detail: string) {
    super(`Sherpa could not encrypt its data file (${detail}). The data file was left as it was, unencrypted.`);
    this.name = 'UpgradeFailedError';
  }
}

function injected(step: UpgradeStep, options: UpgradeOptions): void {
  if (options.failAt === step) throw new Error(`failure injected at ${step}`);
}

const sidecars = ['', '-wal', '-shm', '-journal'];

/** Encrypts a plain file in place, with the cipher of new stores; the caller switches it back to WAL when it opens the store. */
export function encryptFile(file: string, key: Buffer): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    rewriteSealed(db, key);
  } finally {
    db.close();
  }
}

function checkEncrypted(file: string, key: Buffer): void {
  if (isPlainStore(file)) throw new Error('the copy is still plaintext after rekey');
  const db = openConnection(file, { readonly: true, fileMustExist: true }, key);
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`integrity_check: ${String(result).slice(0, 200)}`);
  } finally {
    db.close();
  }
}

/** Encrypts the plain store of `dataDir` with `key`; throws UpgradeFailedError with the store untouched on failure. */
export function upgradeToEncrypted(dataDir: string, key: Buffer, options: UpgradeOptions = {}): UpgradeResult {
  const file = path.join(dataDir, storeFileName);
  if (!isPlainStore(file)) throw new UpgradeFailedError('it is not a plain Sherpa store');
  const stamp = fileStamp(options.now ?? new Date());
  const preUpgradeCopy = `${file}.before-encryption-${stamp}`;
  const working = `${file}.encrypting`;
  try {
    const plain = new Database(file, { fileMustExist: true });
    try {
      const health = plain.pragma('quick_check', { simple: true });
      if (health !== 'ok') throw new Error(`quick_check: ${String(health).slice(0, 200)}`);
      // Two copies of the same snapshot: one kept as it is, one to encrypt.
      vacuumInto(plain, preUpgradeCopy);
      injected('copy', options);
    } finally {
      plain.close();
    }
    fs.copyFileSync(preUpgradeCopy, working);
    const started = performance.now();
    injected('rekey', options);
    encryptFile(working, key);
    injected('check', options);
    checkEncrypted(working, key);
    const encryptMs = performance.now() - started;
    injected('swap', options);
    // The store was closed above, so its WAL is checkpointed; a WAL still here belongs to another process.
    if (fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0) throw new Error('another program has the data file open');
    fs.renameSync(working, file);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    return { preUpgradeCopy, encryptMs };
  } catch (error) {
    for (const suffix of sidecars) fs.rmSync(working + suffix, { force: true });
    for (const suffix of sidecars) fs.rmSync(preUpgradeCopy + suffix, { force: true });
    throw new UpgradeFailedError(error instanceof Error ? error.message : String(error));
  }
}

/** Plaintext Sherpa files in the data folder and its backups: pre-upgrade copies, old backups, damaged copies. */
export function plaintextLeftovers(dataDir: string): string[] {
  const candidates = [dataDir, backupFolder(dataDir)].flatMap((folder) => {
    try {
      return fs.readdirSync(folder).map((name) => path.join(folder, name));
    } catch {
      return [];
    }
  });
  const store = path.join(dataDir, storeFileName);
  return candidates.filter((file) => file !== store && /\.sqlite/.test(path.basename(file)) && isPlainStore(file)).sort();
}

export interface Settled {
  settled: string[];
  /** Files that could not be encrypted (a damaged copy): still plaintext, offered for removal. */
  failed: string[];
}

/**
 * What the user chose for the plaintext leftovers: each is encrypted in place
 * (copied, rekeyed, checked, renamed over) or removed.
 */
export function settleLeftovers(dataDir: string, key: Buffer, action: 'encrypt' | 'remove'): Settled {
  const settled: string[] = [];
  const failed: string[] = [];
  for (const file of plaintextLeftovers(dataDir)) {
    if (action === 'remove') {
      for (const suffix of sidecars) fs.rmSync(file + suffix, { force: true });
    } else {
      const working = `${file}.encrypting`;
      try {
        fs.copyFileSync(file, working);
        encryptFile(working, key);
        checkEncrypted(working, key);
        fs.renameSync(working, file);
        for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
      } catch {
        failed.push(file);
        continue;
      } finally {
        for (const suffix of sidecars) fs.rmSync(working + suffix, { force: true });
      }
    }
    settled.push(file);
  }
  return { settled, failed };
}
