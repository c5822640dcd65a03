import type { Migration } from './index.ts';

// Live replication is set up from the Settings screen: which summits this
// desk shares, and the password sealed (AES-256-GCM under a key derived from
// the desk's own secret), so the password is never readable in the file, even
// in a store that is not encrypted. A password an earlier version kept in
// clear is dropped: the officer types it again once.
export const syncSharing: Migration = {
  version: 530,
  name: 'summits shared by replication; the server password sealed',
  up(db) {
    db.exec(`
      ALTER TABLE sync_account ADD COLUMN password_sealed TEXT NOT NULL DEFAULT '';
      -- The server's databases are named from it: <prefix>-reference, <prefix>-summit-<id>.
      ALTER TABLE sync_account ADD COLUMN database_prefix TEXT NOT NULL DEFAULT 'sherpa'
        CHECK (database_prefix GLOB '[a-z]*' AND NOT database_prefix GLOB '*[^a-z0-9_-]*' AND length(database_prefix) <= 60);
      -- What went wrong last, as a kind the screen words in the user's language.
      ALTER TABLE sync_account ADD COLUMN last_error_kind TEXT;
      UPDATE sync_account SET password = '';
      CREATE TABLE sync_shared_summit (
        -- The summit's replication id: the same on every desk.
        summit_doc_id TEXT PRIMARY KEY
      ) WITHOUT ROWID;
    `);
  },
};
