import { compareNames } from '../../shared/sortKey.ts';
import type { ContactCard } from '../../shared/sync.ts';
import type { Db } from '../open.ts';
import { statement } from '../sql.ts';

export interface DeskKeyRow {
  desk_name: string;
  signing_private: Buffer;
  signing_public: string;
  encryption_private: Buffer;
  encryption_public: string;
}

export function readDeskKey(db: Db): DeskKeyRow | undefined {
  return statement(
    db,
    'SELECT desk_name, signing_private, signing_public, encryption_private, encryption_public FROM desk_key WHERE id = 1',
  ).get() as DeskKeyRow | undefined;
}

/** `fingerprint` is the card's: every revision written here records it as its author's (0750). */
export function writeDeskKey(db: Db, key: DeskKeyRow, fingerprint: string): void {
  statement(
    db,
    `INSERT INTO desk_key (id, desk_name, signing_private, signing_public, encryption_private, encryption_public, fingerprint)
     VALUES (1, ?, ?, ?, ?, ?, ?)`,
  ).run(key.desk_name, key.signing_private, key.signing_public, key.encryption_private, key.encryption_public, fingerprint);
}

export function contactBySigningKey(db: Db, signingKey: string): ContactCard | undefined {
  return statement(
    db,
    'SELECT desk_name AS deskName, signing_key AS signingKey, encryption_key AS encryptionKey, fingerprint FROM desk_contact WHERE signing_key = ?',
  ).get(signingKey) as ContactCard | undefined;
}

export function listContacts(db: Db): ContactCard[] {
  return statement(
    db,
    'SELECT desk_name AS deskName, signing_key AS signingKey, encryption_key AS encryptionKey, fingerprint FROM desk_contact',
  )
    .all()
    .sort((a, b) => compareNames((a as ContactCard).deskName, (b as ContactCard).deskName)) as ContactCard[];
}

export function saveContact(db: Db, card: ContactCard): void {
  statement(
    db,
    `INSERT INTO desk_contact (fingerprint, desk_name, signing_key, encryption_key) VALUES (?, ?, ?, ?)
     ON CONFLICT (fingerprint) DO UPDATE SET desk_name = excluded.desk_name`,
  ).run(card.fingerprint, card.deskName, card.signingKey, card.encryptionKey);
}

export function bundleReceivedAt(db: Db, bundleId: string): string | undefined {
  return statement(db, 'SELECT imported_at FROM sync_bundle_received WHERE bundle_id = ?').pluck().get(bundleId) as string | undefined;
}

export function recordBundleReceived(db: Db, bundleId: string, signerFingerprint: string, createdAt: string): void {
  statement(db, 'INSERT INTO sync_bundle_received (bundle_id, signer_fingerprint, created_at) VALUES (?, ?, ?)').run(
    bundleId,
    signerFingerprint,
    createdAt,
  );
}
