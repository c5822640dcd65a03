import type { Migration } from './index.ts';

// A desk's own key pair (Ed25519 to sign bundles, X25519 to receive them),
// the colleagues' desks it has accepted, and the bundles it has imported, so
// a bundle replayed later is refused. The private keys live in the store,
// encrypted with it, never in a file of their own.
export const deskKeys: Migration = {
  version: 410,
  name: 'desk keys, accepted desks and received bundles',
  up(db) {
    db.exec(`
      CREATE TABLE desk_key (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        desk_name TEXT NOT NULL CHECK (length(desk_name) BETWEEN 1 AND 200),
        -- PKCS#8 DER private keys; public keys raw, base64url.
        signing_private BLOB NOT NULL,
        signing_public TEXT NOT NULL,
        encryption_private BLOB NOT NULL,
        encryption_public TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
      );
      CREATE TABLE desk_contact (
        fingerprint TEXT PRIMARY KEY,
        desk_name TEXT NOT NULL,
        signing_key TEXT NOT NULL UNIQUE,
        encryption_key TEXT NOT NULL,
        accepted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
      ) WITHOUT ROWID;
      CREATE TABLE sync_bundle_received (
        bundle_id TEXT PRIMARY KEY,
        signer_fingerprint TEXT NOT NULL,
        created_at TEXT NOT NULL,
        imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
      ) WITHOUT ROWID;
    `);
  },
};
