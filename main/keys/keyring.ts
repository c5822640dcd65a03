import { randomBytes } from 'node:crypto';
import { minPassphrase, newPassphraseProblem } from '../../shared/passphrase.ts';
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

export const minPassphraseLength = minPassphrase;
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
  // Too long is the request schema's to refuse (main/session/schemas.ts), with the field.
  const problem = newPassphraseProblem(passphrase);
  if (problem === 'empty' || problem === 'too_short') throw new PassphraseTooShortError();
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
export async function setUpKeys(dataDir: string, passphrase: string, cost: Cost = defaultScrypt): Promise<NewKeys> {
  checkPassphrase(passphrase);
  if (readKeyFile(dataDir)) throw new KeysAlreadySetError();
  const dataKey = randomBytes(dataKeyBytes);
  const recoveryKey = newRecoveryKey();
  const [byPassphrase, byRecoveryKey] = await Promise.all([wrapKey(dataKey, passphrase, cost), wrapKey(dataKey, recoveryKey, cost)]);
  // Checked again after the wait: a second setup racing this one must not overwrite its key file.
  if (readKeyFile(dataDir)) throw new KeysAlreadySetError();
  writeKeyFile(dataDir, { format: 'sherpa-keys', version: 1, cipher: 'chacha20', passphrase: byPassphrase, recovery: byRecoveryKey });
  return { dataKey, recoveryKey };
}

/** The data key, if the passphrase is right; writes nothing either way. */
export async function unlockWithPassphrase(dataDir: string, passphrase: string): Promise<Buffer> {
  return unwrapKey(existing(dataDir).passphrase, passphrase);
}

/** Opens with the recovery key (another machine, a forgotten passphrase) and sets a new passphrase. */
export async function recoverWithKey(
  dataDir: string,
  recoveryKey: string,
  newPassphrase: string,
  cost: Cost = defaultScrypt,
): Promise<Buffer> {
  checkPassphrase(newPassphrase);
  const keyFile = existing(dataDir);
  const dataKey = await unwrapKey(keyFile.recovery, normalizeRecoveryKey(recoveryKey));
  const { keychain: _stale, ...rest } = keyFile;
  writeKeyFile(dataDir, { ...rest, passphrase: await wrapKey(dataKey, newPassphrase, cost) });
  return dataKey;
}

/** Re-wraps the same data key: the store itself is not rewritten. */
export async function changePassphrase(dataDir: string, current: string, next: string, cost: Cost = defaultScrypt): Promise<void> {
  checkPassphrase(next);
  const keyFile = existing(dataDir);
  const dataKey = await unwrapKey(keyFile.passphrase, current);
  writeKeyFile(dataDir, { ...keyFile, passphrase: await wrapKey(dataKey, next, cost) });
}

/**
 * A new recovery key, after the passphrase is re-entered. The old one stops
 * working: Sherpa never kept it, only a wrapping by it, so it cannot be shown
 * again, and a key that may have been seen on paper is retired, not reissued.
 */
export async function replaceRecoveryKey(dataDir: string, passphrase: string, cost: Cost = defaultScrypt): Promise<string> {
  const keyFile = existing(dataDir);
  const dataKey = await unwrapKey(keyFile.passphrase, passphrase);
  const recoveryKey = newRecoveryKey();
  writeKeyFile(dataDir, { ...keyFile, recovery: await wrapKey(dataKey, recoveryKey, cost) });
  return recoveryKey;
}

/**
 * The user's choice to type the passphrase at every start even where the
 * keychain protects: the keychain's copy of the data key is removed now and
 * never written again while the choice stands. Asks for nothing, since it only
 * takes a way in away.
 */
export function askPassphraseAtStart(dataDir: string): void {
  const { keychain: _dropped, ...rest } = existing(dataDir);
  writeKeyFile(dataDir, { ...rest, askAtStart: true });
}

/**
 * Lets the keychain open Sherpa at start again, once the passphrase proved the
 * user: gives the data key back for the keychain provider to seal.
 */
export async function stopAskingAtStart(dataDir: string, passphrase: string): Promise<Buffer> {
  const keyFile = existing(dataDir);
  const dataKey = await unwrapKey(keyFile.passphrase, passphrase);
  const { askAtStart: _choice, ...rest } = keyFile;
  writeKeyFile(dataDir, rest);
  return dataKey;
}

/**
 * One way to obtain the data key. The passphrase provider asks the user; the
 * keychain provider needs nothing typed but works only where the operating
 * system's keychain really protects it (never Linux's `basic_text`) and the
 * user has not asked for the passphrase at every start.
 */
export interface KeyProvider {
  readonly kind: 'passphrase' | 'keychain';
  /** Whether this provider can give the key at all on this computer (a keychain that really protects). */
  available(): boolean;
  /** The data key, or null when this provider cannot give it (then the user is asked). */
  unlock(secret?: string): Promise<Buffer | null>;
  /** Keeps the data key for this provider after the user proved who they are. */
  enrol(dataKey: Buffer): void;
}

export function passphraseProvider(dataDir: string): KeyProvider {
  return {
    kind: 'passphrase',
    available: () => true,
    unlock: async (secret) => (secret === undefined ? null : unlockWithPassphrase(dataDir, secret)),
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
    available: () => keychain.protects(),
    async unlock() {
      const keyFile = readKeyFile(dataDir);
      const sealed = keyFile?.keychain;
      if (!sealed || keyFile.askAtStart || !keychain.protects() || sealed.backend !== keychain.backend()) return null;
      try {
        const dataKey = Buffer.from(keychain.open(sealed.sealed), 'hex');
        return dataKey.length === dataKeyBytes ? dataKey : null;
      } catch {
        return null;
      }
    },
    enrol(dataKey) {
      const keyFile = readKeyFile(dataDir);
      if (!keyFile) return;
      if (keyFile.askAtStart || !keychain.protects()) {
        // A copy left by an older Sherpa or a crash between the two writes: the user's choice wins.
        if (keyFile.askAtStart && keyFile.keychain) askPassphraseAtStart(dataDir);
        return;
      }
      writeKeyFile(dataDir, { ...keyFile, keychain: { backend: keychain.backend(), sealed: keychain.seal(dataKey.toString('hex')) } });
    },
  };
}

export { WrongSecretError };
