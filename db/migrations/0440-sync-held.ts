import type { Migration } from './index.ts';

// A received record whose row would break a rule of this store (a second
// country named "France", a programme code already used here) is held back
// rather than failing the whole exchange: its history is kept, the reason is
// shown, and writing it is tried again at the next exchange.
export const syncHeld: Migration = {
  version: 440,
  name: 'received records held back by a rule of this store; waiting records found by record',
  up(db) {
    db.exec(`
      CREATE TABLE sync_held (
        doc_id TEXT PRIMARY KEY REFERENCES sync_doc(doc_id),
        reason TEXT NOT NULL,
        held_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
      ) WITHOUT ROWID;
      -- Each write of a received record clears what it waited for: by record, not by what it waits for.
      CREATE INDEX sync_waiting_by_doc ON sync_waiting(doc_id);
    `);
  },
};
