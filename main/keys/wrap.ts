import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';

// The data key that encrypts the store is random and never changes; what the
// user types only unlocks a wrapped copy of it. So changing the passphrase
// rewrites a few hundred bytes, not the store, and a recovery key is just a
// second wrapping of the same data key.

export const dataKeyBytes = 32;

/** scrypt's cost, stored beside the store so a later Sherpa can raise it for new key files and still open old ones. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  /** Base64. */
  salt: string;
}

/** A data key sealed with AES-256-GCM: the tag proves the right secret, so a wrong one is told apart from damage. */
export interface WrappedKey {
  kdf: ScryptParams;
  /** Base64 each. */
  iv: string;
  tag: string;
  sealed: string;
}

/** 2^17 with r=8 costs 128 MiB and about half a second: slow for a guesser, tolerable once per unlock. */
export const defaultScrypt = { N: 2 ** 17, r: 8, p: 1 } as const;

export class WrongSecretError extends Error {
  constructor() {
    super('The passphrase or recovery key is not right.');
    this.name = 'WrongSecretError';
  }
}

/** On libuv's thread pool, not the main thread: the half second of stretching leaves the windows and other calls answering. */
function derive(secret: string, kdf: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const options = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 };
    scrypt(secret.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, options, (error, derived) =>
      error ? reject(error) : resolve(derived),
    );
  });
}

export async function wrapKey(dataKey: Buffer, secret: string, cost: Omit<ScryptParams, 'salt'> = defaultScrypt): Promise<WrappedKey> {
  const kdf: ScryptParams = { ...cost, salt: randomBytes(16).toString('base64') };
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await derive(secret, kdf), iv);
  const sealed = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { kdf, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), sealed: sealed.toString('base64') };
}

export async function unwrapKey(wrapped: WrappedKey, secret: string): Promise<Buffer> {
  const decipher = createDecipheriv('aes-256-gcm', await derive(secret, wrapped.kdf), Buffer.from(wrapped.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
  try {
    const dataKey = Buffer.concat([decipher.update(Buffer.from(wrapped.sealed, 'base64')), decipher.final()]);
    if (dataKey.length !== dataKeyBytes) throw new WrongSecretError();
    return dataKey;
  } catch {
    throw new WrongSecretError();
  }
}

/** Groups of five from an alphabet with no look-alikes (no 0/O, 1/I/L): read off paper, typed on another machine. */
const recoveryAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function newRecoveryKey(): string {
  const bytes = randomBytes(30);
  const symbols = [...bytes].map((byte) => recoveryAlphabet[byte % recoveryAlphabet.length]).join('');
  return symbols.match(/.{5}/g)?.join('-') ?? symbols;
}

/** What the user typed, as the key was shown: case, spaces and dashes do not matter. */
export function normalizeRecoveryKey(typed: string): string {
  const symbols = typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return symbols.match(/.{1,5}/g)?.join('-') ?? symbols;
}
