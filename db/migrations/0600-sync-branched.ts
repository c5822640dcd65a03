import type { Migration } from './index.ts';

// The conflicts screen and the sidebar's count list the records holding a
// conflict. Finding them from the revisions alone means reading every
// revision of the store (half a second on a busy desk's 192,000 records, on
// every window's first paint); this keeps the short list of records whose
// revision tree ever branched (two children of one revision, or two roots),
// the only ones that can hold a conflict. A trigger adds a record when a
// revision arrives beside another; revisions are never removed, so neither is it.
export const syncBranched: Migration = {
  version: 600,
  name: 'records whose revision tree branched, where conflicts are looked for',
  up(db) {
    db.exec(`
      CREATE TABLE sync_branched (
        doc_id TEXT PRIMARY KEY REFERENCES sync_doc(doc_id)
      ) WITHOUT ROWID;
      INSERT OR IGNORE INTO sync_branched (doc_id)
        SELECT doc_id FROM sync_rev GROUP BY doc_id, parent HAVING count(*) > 1;
      CREATE TRIGGER sync_rev_branched AFTER INSERT ON sync_rev
        WHEN EXISTS (SELECT 1 FROM sync_rev AS R WHERE R.doc_id = NEW.doc_id AND R.parent IS NEW.parent AND R.rev <> NEW.rev)
      BEGIN
        INSERT OR IGNORE INTO sync_branched (doc_id) VALUES (NEW.doc_id);
      END;
    `);
  },
};
