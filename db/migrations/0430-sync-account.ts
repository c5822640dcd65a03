import type { Migration } from './index.ts';

// The replication server this desk uses. The password is kept in the store,
// so it is encrypted with it and never written anywhere else in plaintext.
export const syncAccount: Migration = {
  version: 430,
  name: 'replication server account',
  up(db) {
    db.exec(`
      CREATE TABLE sync_account (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        url TEXT NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
        username TEXT NOT NULL DEFAULT '',
        password TEXT NOT NULL DEFAULT '',
        -- Pushed through this place in the local changes feed: what is after it is waiting.
        pushed_through INTEGER NOT NULL DEFAULT 0,
        last_synced_at TEXT,
        last_error TEXT
      );
    `);
  },
};
