import fs from 'node:fs';
import path from 'node:path';
import { makePrivateFolder } from '../privateFiles.ts';
import type { WrappedKey } from './wrap.ts';

// The key file sits beside the store and holds the data key wrapped in each
// way the user can unlock it. It holds no secret in the clear: copying it
// with the store gives an attacker only scrypt-hardened guesses.

export const keyFileName = 'sherpa.keys.json';

export interface KeyFile {
  format: 'sherpa-keys';
  version: 1;
  /**
   * Written since the first key file and still checked, so a key file stays readable by every Sherpa; the
   * store's cipher is found from the store itself (db/cipher.ts says why), not from here.
   */
  cipher: 'chacha20';
  passphrase: WrappedKey;
  recovery: WrappedKey;
  /** The data key sealed by the operating system's keychain (Electron safeStorage), where it gives real protection. */
  keychain?: { backend: string; sealed: string };
  /** The user asked for the passphrase at every start: then no keychain copy is kept, even where the keychain protects. */
  askAtStart?: true;
}

/** The key file exists but cannot be read as one: never guessed around, never overwritten. */
export class KeyFileDamagedError extends Error {
  readonly file: string;
  constructor(file: string, detail: string) {
    super(
      `Sherpa's key file ${file} is damaged (${detail}). Nothing was changed. Restore the file from a copy, ` +
        'or move it away and unlock with your recovery key.',
    );
    this.name = 'KeyFileDamagedError';
    this.file = file;
  }
}

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, keyFileName);
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;

function isWrappedKey(value: unknown): value is WrappedKey {
  if (!value || typeof value !== 'object') return false;
  const wrapped = value as Partial<WrappedKey>;
  const kdf = wrapped.kdf;
  return (
    !!kdf &&
    isCount(kdf.N) &&
    isCount(kdf.r) &&
    isCount(kdf.p) &&
    isText(kdf.salt) &&
    isText(wrapped.iv) &&
    isText(wrapped.tag) &&
    isText(wrapped.sealed)
  );
}

/** The key file of `dataDir`, or null when there is none (a store never encrypted). */
export function readKeyFile(dataDir: string): KeyFile | null {
  const file = keyFilePath(dataDir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new KeyFileDamagedError(file, text.length === 0 ? 'it is empty' : 'it is cut short or not JSON');
  }
  const candidate = (parsed ?? {}) as Partial<KeyFile>;
  if (candidate.format !== 'sherpa-keys' || candidate.version !== 1 || candidate.cipher !== 'chacha20') {
    throw new KeyFileDamagedError(file, 'it is not a Sherpa key file of a known version');
  }
  if (!isWrappedKey(candidate.passphrase) || !isWrappedKey(candidate.recovery)) {
    throw new KeyFileDamagedError(file, 'a wrapped key is missing or incomplete');
  }
  if (candidate.askAtStart !== undefined && candidate.askAtStart !== true) {
    throw new KeyFileDamagedError(file, 'the choice to ask for the passphrase at start is unreadable');
  }
  return candidate as KeyFile;
}

/** Written whole to a side file, flushed, then renamed over: a crash leaves the old file or the new one, never half. */
export function writeKeyFile(dataDir: string, keyFile: KeyFile): void {
  const file = keyFilePath(dataDir);
  const partial = `${file}.partial`;
  // A first run may name a data folder that does not exist yet; the plain store creates it the same way.
  makePrivateFolder(dataDir);
  const handle = fs.openSync(partial, 'w', 0o600);
  try {
    fs.writeSync(handle, `${JSON.stringify(keyFile, null, 2)}\n`);
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  fs.renameSync(partial, file);
}
