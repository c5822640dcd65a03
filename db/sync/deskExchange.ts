import type { ContactCard, RevokedContact } from '../../shared/sync.ts';
import type { Db } from '../open.ts';
import { statement } from '../sql.ts';
import type { SyncedEntity } from './history.ts';
import { syncStatement } from './pendingNotes.ts';

// What the Exchange screen changes about desks beyond db/sync/desk.ts: the
// desk's own name, and forgetting a colleague's card.

export function renameDesk(db: Db, deskName: string): void {
  statement(db, 'UPDATE desk_key SET desk_name = ? WHERE id = 1').run(deskName);
}

export function contactByFingerprint(db: Db, fingerprint: string): ContactCard | undefined {
  return statement(
    db,
    'SELECT desk_name AS deskName, signing_key AS signingKey, encryption_key AS encryptionKey, fingerprint FROM desk_contact WHERE fingerprint = ?',
  ).get(fingerprint) as ContactCard | undefined;
}

/** Bundles it signed stay imported; a later bundle from it asks for its fingerprint again. */
export function removeContact(db: Db, fingerprint: string): boolean {
  return statement(db, 'DELETE FROM desk_contact WHERE fingerprint = ?').run(fingerprint).changes > 0;
}

/**
 * Stops trusting a colleague's key: its card leaves the accepted desks and is kept among the revoked, so a
 * bundle it signs and its card offered again are refused. Bundles it signed before stay imported.
 */
export function revokeContact(db: Db, card: ContactCard, revokedAt: string): void {
  db.transaction(() => {
    statement(
      db,
      `INSERT INTO desk_contact_revoked (fingerprint, desk_name, signing_key, encryption_key, revoked_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (fingerprint) DO NOTHING`,
    ).run(card.fingerprint, card.deskName, card.signingKey, card.encryptionKey, revokedAt);
    removeContact(db, card.fingerprint);
  })();
}

const revokedColumns =
  'desk_name AS deskName, signing_key AS signingKey, encryption_key AS encryptionKey, fingerprint, revoked_at AS revokedAt';

export function revokedBySigningKey(db: Db, signingKey: string): RevokedContact | undefined {
  return statement(db, `SELECT ${revokedColumns} FROM desk_contact_revoked WHERE signing_key = ?`).get(signingKey) as
    | RevokedContact
    | undefined;
}

export function listRevoked(db: Db): RevokedContact[] {
  return statement(db, `SELECT ${revokedColumns} FROM desk_contact_revoked ORDER BY revoked_at DESC`).all() as RevokedContact[];
}

/** The global id of a live record, from its table and row id. */
export function docIdOfRow(db: Db, entity: SyncedEntity, rowId: number): string | undefined {
  return syncStatement(db, 'SELECT doc_id FROM sync_doc WHERE entity = ? AND row_key = ? AND deleted = 0')
    .pluck()
    .get(entity, String(rowId)) as string | undefined;
}

/** A bundle opened for review and not imported (yet): shown after a restart, so its file is asked for again. */
export interface BundleUnderReview {
  bundleId: string;
  signerDesk: string;
  signerFingerprint: string;
  createdAt: string;
  openedAt: string;
}

export function rememberReview(db: Db, review: Omit<BundleUnderReview, 'openedAt'>, openedAt: string): void {
  statement(
    db,
    `INSERT INTO sync_bundle_reviewing (bundle_id, signer_desk, signer_fingerprint, created_at, opened_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (bundle_id) DO NOTHING`,
  ).run(review.bundleId, review.signerDesk, review.signerFingerprint, review.createdAt, openedAt);
}

export function forgetReview(db: Db, bundleId: string): boolean {
  return statement(db, 'DELETE FROM sync_bundle_reviewing WHERE bundle_id = ?').run(bundleId).changes > 0;
}

export function reviewsNotImported(db: Db): BundleUnderReview[] {
  return statement(
    db,
    `SELECT bundle_id AS bundleId, signer_desk AS signerDesk, signer_fingerprint AS signerFingerprint, created_at AS createdAt,
       opened_at AS openedAt FROM sync_bundle_reviewing ORDER BY opened_at`,
  ).all() as BundleUnderReview[];
}
