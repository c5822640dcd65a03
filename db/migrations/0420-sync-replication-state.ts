import type { Migration } from './index.ts';

// Live replication keeps its checkpoints where CouchDB keeps them, in local
// (never replicated) documents. Records arrive in the server's order, so one
// may come before a record it refers to: `sync_waiting` remembers the link
// (or the whole row, when the reference is required) until that record
// arrives, and the row is written again then.
export const syncReplicationState: Migration = {
  version: 420,
  name: 'replication checkpoints and records waiting for what they refer to',
  up(db) {
    db.exec(`
      CREATE TABLE sync_local (
        id TEXT PRIMARY KEY,
        rev TEXT NOT NULL,
        body TEXT NOT NULL CHECK (json_valid(body))
      ) WITHOUT ROWID;
      CREATE TABLE sync_waiting (
        doc_id TEXT NOT NULL REFERENCES sync_doc(doc_id),
        waits_for TEXT NOT NULL,
        PRIMARY KEY (waits_for, doc_id)
      ) WITHOUT ROWID;
    `);
  },
};
