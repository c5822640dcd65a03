import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Db } from '../../db/open.ts';
import { readDeskKey } from '../../db/sync/desk.ts';

// The replication server's password is sealed with AES-256-GCM under a key
// derived (HKDF) from this desk's own secret, which lives in the store: in an
// encrypted store it is protected by the store's key, and in a plain one the
// password is at least never readable in the file (grep, a hex dump, a
// copied backup). The user's passphrase can change without touching it.

const label = Buffer.from('sync-credentials v1');

function sealingKey(db: Db): Buffer {
  const desk = readDeskKey(db);
  if (!desk) throw new Error('This desk has no key yet; it is made when the store is first opened.');
  return Buffer.from(hkdfSync('sha256', desk.signing_private, Buffer.from('sherpa'), label, 32));
}

/** `v1.<iv>.<tag>.<sealed>`, base64url each; '' stays '' (no password). */
export function sealPassword(db: Db, password: string): string {
  if (password === '') return '';
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(db), iv);
  const sealed = Buffer.concat([cipher.update(password, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), sealed].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/** The password back, or null when it cannot be opened (another desk's store, a damaged value): the user types it again. */
export function openPassword(db: Db, sealed: string): string | null {
  if (sealed === '') return '';
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || iv === undefined || tag === undefined || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(db), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
