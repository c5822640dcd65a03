import crypto from 'node:crypto';
import { z } from 'zod';
import { isDeskName } from '../../shared/bundles.ts';
import type { ContactCard } from '../../shared/sync.ts';
import { type DeskKeys, fingerprintOf, publicKeyFrom } from './deskKeys.ts';

// A `.sherpa` file: magic, header length, header (JSON), content sealed with
// AES-256-GCM under a random content key, then an Ed25519 signature over all
// of it. The content key is wrapped once per recipient (ephemeral X25519 →
// HKDF-SHA256 → AES-256-GCM) and/or once for a passphrase (scrypt). The
// header, which names the signer, is the content's associated data, so a
// signature cannot be swapped for another desk's without breaking decryption.

const magic = Buffer.from('SHERPA\u0000\u0001', 'latin1');
const signatureBytes = 64;
const tagBytes = 16;
const maxHeaderBytes = 1 << 20;
const wrapInfo = Buffer.from('sherpa bundle 1: content key for a desk');
/** scrypt cost: about 0.1 s here, 32 MiB of memory. */
const scryptCost = { N: 1 << 15, r: 8, p: 1 } as const;

export type BundleErrorCode = 'not-a-bundle' | 'tampered' | 'not-for-this-desk' | 'wrong-passphrase' | 'signer-name-invalid';

export class BundleError extends Error {
  readonly code: BundleErrorCode;
  constructor(code: BundleErrorCode, message: string) {
    super(message);
    this.name = 'BundleError';
    this.code = code;
  }
}

const b64 = z
  .string()
  .regex(/^[A-Za-z0-9_-]+$/)
  .max(2000);
const wrapped = z.strictObject({ iv: b64, key: b64 });
const headerSchema = z.strictObject({
  format: z.literal(1),
  bundleId: z.string().regex(/^[0-9a-f]{32}$/),
  createdAt: z.iso.datetime(),
  signer: z.strictObject({ deskName: z.string().min(1).max(200), signingKey: b64, encryptionKey: b64 }),
  iv: b64,
  recipients: z.array(wrapped.extend({ fingerprint: z.string().max(40), ephemeralKey: b64 })).max(100),
  passphrase: wrapped.extend({ salt: b64 }).optional(),
});
export type BundleHeader = z.infer<typeof headerSchema>;

export interface SealOptions {
  recipients: readonly ContactCard[];
  passphrase?: string;
  now?: Date;
}

function gcmSeal(key: Buffer, plaintext: Buffer, aad?: Buffer): { iv: Buffer; sealed: Buffer } {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  if (aad) cipher.setAAD(aad);
  const sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { iv, sealed };
}

/** Undefined when the key is wrong or the bytes were changed: GCM cannot tell which. */
function gcmOpen(key: Buffer, iv: Buffer, sealed: Buffer, aad?: Buffer): Buffer | undefined {
  if (sealed.length < tagBytes) return undefined;
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.length - tagBytes));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - tagBytes)), decipher.final()]);
  } catch {
    return undefined;
  }
}

function recipientKek(shared: Buffer, ephemeralKey: string, recipientKey: string): Buffer {
  const salt = Buffer.concat([Buffer.from(ephemeralKey, 'base64url'), Buffer.from(recipientKey, 'base64url')]);
  return Buffer.from(crypto.hkdfSync('sha256', shared, salt, wrapInfo, 32));
}

function passphraseKek(passphrase: string, salt: Buffer): Buffer {
  return crypto.scryptSync(passphrase.normalize('NFC'), salt, 32, { ...scryptCost, maxmem: 64 * 1024 * 1024 });
}

/** The same key as passphraseKek, derived on Node's thread pool: the thread that asked stays free for 0.1 s. */
function passphraseKekApart(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    crypto.scrypt(passphrase.normalize('NFC'), salt, 32, { ...scryptCost, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/**
 * What sealing a bundle needs besides its content: a fresh content key, the
 * header (the content's associated data) naming the signer and carrying that
 * key wrapped for each recipient and the passphrase. Only this bundle's
 * content key is needed to encrypt the content, wherever that runs.
 */
export interface Sealing {
  contentKey: Buffer;
  contentIv: Buffer;
  prefix: Buffer;
}

function sealingWith(card: ContactCard, options: SealOptions, passphraseSeal: { salt: Buffer; kek: Buffer } | undefined): Sealing {
  if (options.recipients.length === 0 && !options.passphrase) throw new Error('A bundle needs at least one recipient or a passphrase.');
  const contentKey = crypto.randomBytes(32);
  const recipients = options.recipients.map((recipient) => {
    const ephemeral = crypto.generateKeyPairSync('x25519');
    const ephemeralKey = ephemeral.publicKey.export({ format: 'jwk' }).x as string;
    const shared = crypto.diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicKeyFrom(recipient.encryptionKey, 'X25519') });
    const { iv, sealed } = gcmSeal(recipientKek(shared, ephemeralKey, recipient.encryptionKey), contentKey);
    return { fingerprint: recipient.fingerprint, ephemeralKey, iv: iv.toString('base64url'), key: sealed.toString('base64url') };
  });
  let passphrase: BundleHeader['passphrase'];
  if (passphraseSeal) {
    const { iv, sealed } = gcmSeal(passphraseSeal.kek, contentKey);
    passphrase = { salt: passphraseSeal.salt.toString('base64url'), iv: iv.toString('base64url'), key: sealed.toString('base64url') };
  }
  const contentIv = crypto.randomBytes(12);
  const header: BundleHeader = {
    format: 1,
    bundleId: crypto.randomBytes(16).toString('hex'),
    createdAt: (options.now ?? new Date()).toISOString(),
    signer: { deskName: card.deskName, signingKey: card.signingKey, encryptionKey: card.encryptionKey },
    iv: contentIv.toString('base64url'),
    recipients,
    ...(passphrase ? { passphrase } : {}),
  };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  return { contentKey, contentIv, prefix: Buffer.concat([magic, length, headerBytes]) };
}

/** A bundle's sealing, its passphrase's key derived on the thread pool. */
export async function sealingOf(card: ContactCard, options: SealOptions): Promise<Sealing> {
  const salt = crypto.randomBytes(16);
  const kek = options.passphrase ? await passphraseKekApart(options.passphrase, salt) : undefined;
  return sealingWith(card, options, kek ? { salt, kek } : undefined);
}

/** The header, then the content encrypted under the content key: everything the signature covers. */
export function encryptContent(sealing: Sealing, content: Buffer): Buffer {
  const cipher = crypto.createCipheriv('aes-256-gcm', sealing.contentKey, sealing.contentIv);
  cipher.setAAD(sealing.prefix);
  return Buffer.concat([sealing.prefix, cipher.update(content), cipher.final(), cipher.getAuthTag()]);
}

/** The signed bundle, signed on Node's thread pool: the signing key stays on the thread that holds it. */
export function signApart(desk: DeskKeys, body: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    crypto.sign(null, body, desk.signingPrivate, (error, signature) => (error ? reject(error) : resolve(Buffer.concat([body, signature])))),
  );
}

/** Encrypts `content` to the recipients (and/or a passphrase) and signs it as this desk. */
export function sealBundle(desk: DeskKeys, content: Buffer, options: SealOptions): Buffer {
  const salt = crypto.randomBytes(16);
  const sealing = sealingWith(desk.card, options, options.passphrase ? { salt, kek: passphraseKek(options.passphrase, salt) } : undefined);
  const body = encryptContent(sealing, content);
  return Buffer.concat([body, crypto.sign(null, body, desk.signingPrivate)]);
}

export interface OpenedBundle {
  header: BundleHeader;
  /** The signer's card, as the bundle states it; the signature proves it holds that key. */
  signer: ContactCard;
  content: Buffer;
}

/** The id in the header of a bundle this desk has just sealed (not checked: for naming its file only). */
export function bundleIdOf(file: Buffer): string {
  const headerLength = file.readUInt32BE(magic.length);
  return headerSchema.parse(JSON.parse(file.subarray(magic.length + 4, magic.length + 4 + headerLength).toString('utf8'))).bundleId;
}

/**
 * A bundle's file name: what it is, the day and a short id, never a title. The
 * name travels in the clear (a mail's attachment, a stick's listing) while the
 * summit's title may itself be classified, and is sealed inside like the rest.
 */
export function bundleFileName(day: string, bundleId: string): string {
  return `sherpa-bundle-${day}-${bundleId.slice(0, 8)}.sherpa`;
}

/** Reads only the header, after checking the signature: who sent it, before asking for a passphrase. */
export function verifyBundle(file: Buffer): { header: BundleHeader; signer: ContactCard; prefixLength: number } {
  const notABundle = () => new BundleError('not-a-bundle', 'This file is not a Sherpa bundle, or it is incomplete.');
  if (file.length < magic.length + 4 + signatureBytes + tagBytes || !file.subarray(0, magic.length).equals(magic)) throw notABundle();
  const headerLength = file.readUInt32BE(magic.length);
  const prefixLength = magic.length + 4 + headerLength;
  if (headerLength > maxHeaderBytes || prefixLength + tagBytes + signatureBytes > file.length) throw notABundle();
  let header: BundleHeader;
  try {
    header = headerSchema.parse(JSON.parse(file.subarray(magic.length + 4, prefixLength).toString('utf8')));
  } catch {
    throw notABundle();
  }
  const body = file.subarray(0, file.length - signatureBytes);
  let valid = false;
  try {
    valid = crypto.verify(null, body, publicKeyFrom(header.signer.signingKey, 'Ed25519'), file.subarray(file.length - signatureBytes));
  } catch {
    valid = false;
  }
  if (!valid) throw new BundleError('tampered', 'This bundle was changed after it was signed, or cut short. Nothing was imported.');
  // Signed by the signer's own key, so any name its maker chose: shown before the passphrase and saved when the
  // signer is accepted, it must be a name this desk's Settings would take (shared/bundles.ts isDeskName).
  if (!isDeskName(header.signer.deskName))
    throw new BundleError(
      'signer-name-invalid',
      'This bundle’s signer names its desk with characters a desk name may not hold (one that turns text round or hides a difference, a control character, half an emoji) or over 200 characters. It was not opened.',
    );
  const signer = { ...header.signer, fingerprint: fingerprintOf(header.signer.signingKey, header.signer.encryptionKey) };
  return { header, signer, prefixLength };
}

/** Whether opening needs the passphrase: the bundle names no key of this desk, and offers a passphrase. */
function opensByPassphrase(header: BundleHeader, desk: DeskKeys): boolean {
  return !header.recipients.some((recipient) => recipient.fingerprint === desk.card.fingerprint) && header.passphrase !== undefined;
}

/** The content key, unwrapped with this desk's private key (it never leaves this thread) or with the passphrase's key. */
function unwrapContentKey(header: BundleHeader, desk: DeskKeys, passphraseKey: (salt: Buffer) => Buffer | undefined): Buffer {
  let contentKey: Buffer | undefined;
  const mine = header.recipients.find((recipient) => recipient.fingerprint === desk.card.fingerprint);
  if (mine) {
    const shared = crypto.diffieHellman({ privateKey: desk.encryptionPrivate, publicKey: publicKeyFrom(mine.ephemeralKey, 'X25519') });
    contentKey = gcmOpen(
      recipientKek(shared, mine.ephemeralKey, desk.card.encryptionKey),
      Buffer.from(mine.iv, 'base64url'),
      Buffer.from(mine.key, 'base64url'),
    );
  }
  const kek = !contentKey && header.passphrase ? passphraseKey(Buffer.from(header.passphrase.salt, 'base64url')) : undefined;
  if (!contentKey && header.passphrase && kek) {
    const { iv, key } = header.passphrase;
    contentKey = gcmOpen(kek, Buffer.from(iv, 'base64url'), Buffer.from(key, 'base64url'));
    if (!contentKey) throw new BundleError('wrong-passphrase', 'The passphrase does not open this bundle.');
  }
  if (!contentKey) {
    throw header.passphrase
      ? new BundleError('wrong-passphrase', 'This bundle was not addressed to this desk; it opens with a passphrase.')
      : new BundleError('not-for-this-desk', 'This bundle was addressed to other desks, not this one.');
  }
  return contentKey;
}

/** The content key of a verified bundle; the passphrase's key is derived on the thread pool, not on this thread. */
export async function contentKeyOf(header: BundleHeader, desk: DeskKeys, passphrase?: string): Promise<Buffer> {
  const salt = header.passphrase?.salt;
  const kek =
    passphrase !== undefined && salt !== undefined && opensByPassphrase(header, desk)
      ? await passphraseKekApart(passphrase, Buffer.from(salt, 'base64url'))
      : undefined;
  return unwrapContentKey(
    header,
    desk,
    (saltBytes) => kek ?? (passphrase === undefined ? undefined : passphraseKek(passphrase, saltBytes)),
  );
}

/** The content of a verified bundle, decrypted with its content key; the header (the prefix) is its associated data. */
export function decryptContent(file: Buffer, header: BundleHeader, prefixLength: number, contentKey: Buffer): Buffer {
  const sealed = file.subarray(prefixLength, file.length - signatureBytes);
  const content = gcmOpen(contentKey, Buffer.from(header.iv, 'base64url'), sealed, file.subarray(0, prefixLength));
  if (!content) throw new BundleError('tampered', 'This bundle was changed after it was signed. Nothing was imported.');
  return content;
}

/** Verifies, then decrypts with this desk's key or the passphrase. */
export function openBundle(file: Buffer, desk: DeskKeys, passphrase?: string): OpenedBundle {
  const { header, signer, prefixLength } = verifyBundle(file);
  const contentKey = unwrapContentKey(header, desk, (salt) => (passphrase === undefined ? undefined : passphraseKek(passphrase, salt)));
  return { header, signer, content: decryptContent(file, header, prefixLength, contentKey) };
}
