import fs from 'node:fs';
import { cipherOf, newStoreCipher, rewriteSealed, type StoreCipher } from '../db/cipher.ts';
import { openConnection } from '../db/open.ts';
import { type BackupInfo, createBackupSync, defaultBackupsToKeep } from './backups.ts';

// A store sealed with an earlier cipher (ChaCha20-Poly1305) is moved to the cipher of new stores (AEGIS) at
// start, before anything else opens it, the way an older store was encrypted (main/encryptStore.ts): a checked
// backup first, then a copy of it is rewritten under the new cipher and checked, and only then renamed over the
// store in one step. A crash or failure before the rename leaves the old store as it was (it opens as before,
// and the next start tries again); after it, the new one, whole. Its -wal is empty by then (the store was
// checkpointed and closed), so no frame sealed under the old cipher is ever applied to the new file.

export type CipherChangeStep = 'backup' | 'copy' | 'rekey' | 'check' | 'swap' | 'tidy';

export interface CipherChangeOptions {
  now?: Date;
  keep?: number;
  /** Tests stop the change at a step (by throwing, or by killing the process) to prove a store survives. */
  beforeStep?: (step: CipherChangeStep) => void;
}

/** What the change did: the backup of the store as it was, or null when the store already had the new cipher. */
export interface CipherChanged {
  backup: BackupInfo;
  from: StoreCipher;
  ms: number;
}

const sidecars = ['', '-wal', '-shm', '-journal'];

/** The working copy's name: one per store, so a copy left by a crash is simply made again. */
export const workingCopyOf = (file: string) => `${file}.changing-cipher`;

/**
 * Moves the store at `file` to the cipher of new stores; null when it has it already. Throws with the store
 * untouched when anything fails (the caller opens it as it is).
 */
export function changeToNewCipher(
  file: string,
  key: Buffer,
  backupFolder: string,
  options: CipherChangeOptions = {},
): CipherChanged | null {
  const step = options.beforeStep ?? (() => {});
  const working = workingCopyOf(file);
  const started = performance.now();
  let backup: BackupInfo;
  let from: StoreCipher | null;
  const store = openConnection(file, { fileMustExist: true }, key);
  try {
    from = cipherOf(store);
    if (from === newStoreCipher || from === null) return null;
    // Everything in the -wal goes into the file, and the -wal is emptied: the copy and the swap see it all.
    store.pragma('wal_checkpoint(TRUNCATE)');
    step('backup');
    backup = createBackupSync(store, backupFolder, {
      reason: 'before-migration',
      keep: options.keep ?? defaultBackupsToKeep,
      key,
      ...(options.now ? { now: options.now } : {}),
    });
  } finally {
    store.close();
  }
  try {
    step('copy');
    for (const suffix of sidecars) fs.rmSync(working + suffix, { force: true });
    // The backup is the store's checked snapshot in one self-contained file: its copy is what is rewritten.
    fs.copyFileSync(backup.file, working);
    step('rekey');
    const copy = openConnection(working, { fileMustExist: true }, key);
    try {
      rewriteSealed(copy, key, newStoreCipher);
    } finally {
      copy.close();
    }
    step('check');
    checkSealed(working, key);
    step('swap');
    // Closed above, so SQLite removed the store's -wal; a -wal with frames belongs to another program writing to it.
    if (fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0) throw new Error('another program has the data file open');
    fs.renameSync(working, file);
    step('tidy');
    // The old store's index of its (empty) -wal: SQLite rebuilds one when it finds none, or an outdated one.
    fs.rmSync(`${file}-shm`, { force: true });
    return { backup, from, ms: performance.now() - started };
  } finally {
    for (const suffix of sidecars) fs.rmSync(working + suffix, { force: true });
  }
}

function checkSealed(file: string, key: Buffer): void {
  const db = openConnection(file, { readonly: true, fileMustExist: true }, key);
  try {
    // Opened as any store is: it must be found under the new cipher, not merely readable.
    if (cipherOf(db) !== newStoreCipher) throw new Error('the copy is not under the new cipher');
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`integrity_check: ${String(result).slice(0, 200)}`);
  } finally {
    db.close();
  }
}
