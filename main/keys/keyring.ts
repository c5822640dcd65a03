import { randomBytes } from 'node:crypto';
import type { OsKeychain } from './keychain.ts';
import { type KeyFile, readKeyFile, writeKeyFile } from './keyFile.ts';
import {
  dataKeyBytes,
  defaultScrypt,
  newRecoveryKey,
  normalizeRecoveryKey,
  type ScryptParams,
  unwrapKey,
  WrongSecretError,
  wrapKey,
} from './wrap.ts';

// Setting up, unlocking, recovering and re-wrapping the store's data key. Each
// function reads the key file, checks the secret, and writes only once the
// secret proved right: a wrong passphrase changes nothing on disk.

export const minPassphraseLength = 8;
export type Cost = Omit<ScryptParams, 'salt'>;

export class PassphraseTooShortError extends Error {
  constructor() {
    super(`The passphrase needs at least ${minPassphraseLength} characters.`);
    this.name = 'PassphraseTooShortError';
  }
}

export class KeysAlreadySetError extends Error {
  constructor() {
    super('Encryption is already set up for this data folder.');
    this.name = 'KeysAlreadySetError';
  }
}

export class NoKeysError extends Error {
  constructor() {
    super('Encryption is not set up for this data folder yet.');
    this.name = 'NoKeysError';
  }
}

function checkPassphrase(passphrase: string): void {
  if ([...passphrase.trim()].length < minPassphraseLength) throw new PassphraseTooShortError();
}

function existing(dataDir: string): KeyFile {
  const keyFile = readKeyFile(dataDir);
  if (!keyFile) throw new NoKeysError();
  return keyFile;
}

export interface NewKeys {
  dataKey: Buffer;
  /** Shown once: Sherpa keeps only a wrapping of the data key by it. */
  recoveryKey: string;
}

/** A new random data key wrapped by the passphrase and by a new recovery key; refuses if keys exist. */
export function setUpKeys(dataDir: string, passphrase: string, cost: Cost = defaultScrypt): NewKeys {
  checkPassphrase(passphrase);
  if (readKeyFile(dataDir)) throw new KeysAlreadySetError();
  const dataKey = randomBytes(dataKeyBytes);
  const recoveryKey = newRecoveryKey();
  writeKeyFile(dataDir, {
    format: 'sherpa-keys',
    version: 1,
    cipher: 'chacha20',
    passphrase: wrapKey(dataKey, passphrase, cost),
    recovery: wrapKey(dataKey, recoveryKey, cost),
  });
  return { dataKey, recoveryKey };
}

/** The data key, if the passphrase is right; writes nothing either way. */
export function unlockWithPassphrase(dataDir: string, passphrase: string): Buffer {
  return unwrapKey(existing(dataDir).passphrase, passphrase);
}

/** Opens with the recovery key (another machine, a forgotten passphrase) and sets a new passphrase. */
export function recoverWithKey(dataDir: string, recoveryKey: string, newPassphrase: string, cost: Cost = defaultScrypt): Buffer {
  checkPassphrase(newPassphrase);
  const keyFile = existing(dataDir);
  const dataKey = unwrapKey(keyFile.recovery, normalizeRecoveryKey(recoveryKey));
  const { keychain: _stale, ...rest } = keyFile;
  writeKeyFile(dataDir, { ...rest, passphrase: wrapKey(dataKey, newPassphrase, cost) });
  return dataKey;
}

/** Re-wraps the same data key: the store itself is not rewritten. */
export function changePassphrase(dataDir: string, current: string, next: string, cost: Cost = defaultScrypt): void {
  checkPassphrase(next);
  const keyFile = existing(dataDir);
  const dataKey = unwrapKey(keyFile.passphrase, current);
  writeKeyFile(dataDir, { ...keyFile, passphrase: wrapKey(dataKey, next, cost) });
}

/** A new recovery key (the old one stops working), after the passphrase is re-entered. */
export function replaceRecoveryKey(dataDir: string, passphrase: string, cost: Cost = defaultScrypt): string {
  const keyFile = existing(dataDir);
  const dataKey = unwrapKey(keyFile.passphrase, passphrase);
  const recoveryKey = newRecoveryKey();
  writeKeyFile(dataDir, { ...keyFile, recovery: wrapKey(dataKey, recoveryKey, cost) });
  return recoveryKey;
}

/**
 * One way to obtain the data key. The passphrase provider asks the user; the
 * keychain provider needs nothing typed but works only where the operating
 * system's keychain really protects it (never Linux's `basic_text`).
 */
export interface KeyProvider {
  readonly kind: 'passphrase' | 'keychain';
  /** The data key, or null when this provider cannot give it (then the user is asked). */
  unlock(secret?: string): Buffer | null;
  /** Keeps the data key for this provider after the user proved who they are. */
  enrol(dataKey: Buffer): void;
}

export function passphraseProvider(dataDir: string): KeyProvider {
  return {
    kind: 'passphrase',
    unlock: (secret) => (secret === undefined ? null : unlockWithPassphrase(dataDir, secret)),
    enrol: () => undefined,
  };
}

/**
 * Like Signal Desktop: the keychain's sealing is used only if the backend is
 * the one it was sealed with; a changed or weak backend falls back to the
 * passphrase instead of going on silently.
 */
export function keychainProvider(dataDir: string, keychain: OsKeychain): KeyProvider {
  return {
    kind: 'keychain',
    unlock() {
      const sealed = readKeyFile(dataDir)?.keychain;
      if (!sealed || !keychain.protects() || sealed.backend !== keychain.backend()) return null;
      try {
        const dataKey = Buffer.from(keychain.open(sealed.sealed), 'hex');
        return dataKey.length === dataKeyBytes ? dataKey : null;
      } catch {
        return null;
      }
    },
    enrol(dataKey) {
      const keyFile = readKeyFile(dataDir);
      if (!keyFile || !keychain.protects()) return;
      writeKeyFile(dataDir, { ...keyFile, keychain: { backend: keychain.backend(), sealed: keychain.seal(dataKey.toString('hex')) } });
    },
  };
}

export { WrongSecretError };
