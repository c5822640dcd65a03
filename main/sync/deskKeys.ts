import crypto from 'node:crypto';
import type { Db } from '../../db/open.ts';
import { type DeskKeyRow, readDeskKey, writeDeskKey } from '../../db/sync/desk.ts';
import { cardNameStatement } from '../../shared/bundles.ts';
import type { ContactCard } from '../../shared/sync.ts';

// Each desk signs what it sends with Ed25519 and receives with X25519 (both in
// Node's own crypto). The key pair is made once, at set-up, and kept in the
// store; colleagues get the public half as a contact card.

export interface DeskKeys {
  card: ContactCard;
  signingPrivate: crypto.KeyObject;
  encryptionPrivate: crypto.KeyObject;
}

const rawPublic = (key: crypto.KeyObject) => key.export({ format: 'jwk' }).x as string;

export function publicKeyFrom(raw: string, curve: 'Ed25519' | 'X25519'): crypto.KeyObject {
  return crypto.createPublicKey({ key: { kty: 'OKP', crv: curve, x: raw }, format: 'jwk' });
}

/** Four groups of four: short enough to read over the phone, 80 bits so no one can forge a look-alike. */
export function fingerprintOf(signingKey: string, encryptionKey: string): string {
  const digest = crypto
    .createHash('sha256')
    .update(Buffer.from(signingKey, 'base64url'))
    .update(Buffer.from(encryptionKey, 'base64url'))
    .digest('hex')
    .slice(0, 20)
    .toUpperCase();
  return digest.match(/.{4}/g)?.join(' ') ?? digest;
}

/** This desk's signature over its card's name and keys: a colleague can tell a card whose name was changed on the way. */
export function signCardName(keys: DeskKeys): string {
  return crypto.sign(null, Buffer.from(cardNameStatement(keys.card), 'utf8'), keys.signingPrivate).toString('base64url');
}

/** Whether a pasted card's name is the one its own signing key signed. */
export function cardNameSigned(card: Pick<ContactCard, 'deskName' | 'signingKey' | 'encryptionKey'>, nameSignature: string): boolean {
  try {
    const signature = Buffer.from(nameSignature, 'base64url');
    return crypto.verify(null, Buffer.from(cardNameStatement(card), 'utf8'), publicKeyFrom(card.signingKey, 'Ed25519'), signature);
  } catch {
    return false;
  }
}

function fromRow(row: DeskKeyRow): DeskKeys {
  return {
    card: {
      deskName: row.desk_name,
      signingKey: row.signing_public,
      encryptionKey: row.encryption_public,
      fingerprint: fingerprintOf(row.signing_public, row.encryption_public),
    },
    signingPrivate: crypto.createPrivateKey({ key: row.signing_private, format: 'der', type: 'pkcs8' }),
    encryptionPrivate: crypto.createPrivateKey({ key: row.encryption_private, format: 'der', type: 'pkcs8' }),
  };
}

/**
 * The name a new desk starts with: the computer's, and the first group of its
 * fingerprint, so two desks set up on one machine (or two machines of one
 * name) do not sign their work with the same name. The officer may rename it.
 */
export function defaultDeskName(hostname: string, fingerprint: string): string {
  const mark = ` (${fingerprint.slice(0, 4)})`;
  return `Sherpa on ${hostname}`.slice(0, 200 - mark.length) + mark;
}

/**
 * This desk's keys, made on first use and kept from then on. `deskName` may be
 * a function of the new keys' fingerprint; an existing desk keeps its name.
 */
export function ensureDeskKeys(db: Db, deskName: string | ((fingerprint: string) => string)): DeskKeys {
  const existing = readDeskKey(db);
  if (existing) return fromRow(existing);
  const signing = crypto.generateKeyPairSync('ed25519');
  const encryption = crypto.generateKeyPairSync('x25519');
  const signingPublic = rawPublic(signing.publicKey);
  const encryptionPublic = rawPublic(encryption.publicKey);
  const fingerprint = fingerprintOf(signingPublic, encryptionPublic);
  const row: DeskKeyRow = {
    desk_name: typeof deskName === 'string' ? deskName : deskName(fingerprint),
    signing_private: signing.privateKey.export({ format: 'der', type: 'pkcs8' }),
    signing_public: signingPublic,
    encryption_private: encryption.privateKey.export({ format: 'der', type: 'pkcs8' }),
    encryption_public: encryptionPublic,
  };
  writeDeskKey(db, row, fingerprint);
  return fromRow(row);
}

export function deskKeys(db: Db): DeskKeys | undefined {
  const row = readDeskKey(db);
  return row && fromRow(row);
}
