import type { Migration } from './index.ts';

// A note save is the hottest write in Sherpa, and re-indexing a note in FTS5
// (six prefix indexes since 0070) was half its cost (0.41 of 0.88 ms here),
// which kept autosave well under the disk's commit rate. Saving a note now
// only marks it in `note_search_pending`, durably and in the same
// transaction; the search index catches up in one batch before the next
// search (db/search.ts indexPendingNotes), so results are never stale and a
// crash between the two loses nothing: the mark survives it.
export const deferredNoteSearch: Migration = {
  version: 80,
  name: 'note search index updated in batches',
  up(db) {
    db.exec(`
      CREATE TABLE note_search_pending (note_id INTEGER PRIMARY KEY);

      -- Exactly the search row a live note gets (as 0020's trigger wrote it).
      CREATE VIEW note_search_row AS
        SELECT R.id * 16 + 6 AS rowid, R.title AS title,
          R.body || char(10) || (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(R.tags)) AS body,
          CASE WHEN R.sector_entry_id IS NULL AND R.meeting_id IS NULL THEN 'note' ELSE 'annotation' END AS kind,
          R.id AS ref_id,
          (SELECT summit_id FROM meeting WHERE id = R.meeting_id) AS summit_id,
          (SELECT sector_id FROM sector_entry WHERE id = R.sector_entry_id) AS sector_id
        FROM note AS R WHERE R.deleted_at IS NULL;

      DROP TRIGGER note_search_insert;
      DROP TRIGGER note_search_update;
      CREATE TRIGGER note_search_insert AFTER INSERT ON note BEGIN
        INSERT OR IGNORE INTO note_search_pending (note_id) VALUES (NEW.id);
      END;
      CREATE TRIGGER note_search_update AFTER UPDATE ON note BEGIN
        INSERT OR IGNORE INTO note_search_pending (note_id) VALUES (NEW.id);
      END;
    `);
  },
};
