import type { Migration } from './index.ts';

// 0080 marks a saved note for the search index with INSERT OR IGNORE. When the
// update comes from a foreign key action (deleting a meeting sets its
// annotations' meeting_id to NULL; since 0110 a summit or sector does the same
// to its linked notes), SQLite applies the outer DELETE's conflict policy, not
// the trigger's OR IGNORE, so a note already waiting for the index made the
// whole delete fail with "UNIQUE constraint failed: note_search_pending". The
// triggers now check first instead of relying on the conflict clause.
export const notePendingMarkOnce: Migration = {
  version: 120,
  name: 'note search marks survive deletes that unlink notes',
  up(db) {
    db.exec(`
      DROP TRIGGER note_search_insert;
      DROP TRIGGER note_search_update;
      CREATE TRIGGER note_search_insert AFTER INSERT ON note
        WHEN NOT EXISTS (SELECT 1 FROM note_search_pending WHERE note_id = NEW.id) BEGIN
        INSERT INTO note_search_pending (note_id) VALUES (NEW.id);
      END;
      CREATE TRIGGER note_search_update AFTER UPDATE ON note
        WHEN NOT EXISTS (SELECT 1 FROM note_search_pending WHERE note_id = NEW.id) BEGIN
        INSERT INTO note_search_pending (note_id) VALUES (NEW.id);
      END;
    `);
  },
};
