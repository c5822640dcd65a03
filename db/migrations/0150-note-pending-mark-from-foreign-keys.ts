import type { Migration } from './index.ts';

// 0080's triggers marked a note for re-indexing with INSERT OR IGNORE. When
// the update comes from a foreign key action (deleting the sector entry or
// meeting a note annotates sets its link to NULL), SQLite does not honour the
// trigger's OR IGNORE, so a note already marked made the delete fail with a
// primary key error: an annotated entry could not be deleted at all. The mark
// is now added only where it is missing, which needs no conflict clause.
export const notePendingMarkFromForeignKeys: Migration = {
  version: 150,
  name: 'note search mark survives deleting what a note annotates',
  up(db) {
    db.exec(`
      DROP TRIGGER note_search_insert;
      DROP TRIGGER note_search_update;
      CREATE TRIGGER note_search_insert AFTER INSERT ON note BEGIN
        INSERT INTO note_search_pending (note_id)
          SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM note_search_pending WHERE note_id = NEW.id);
      END;
      CREATE TRIGGER note_search_update AFTER UPDATE ON note BEGIN
        INSERT INTO note_search_pending (note_id)
          SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM note_search_pending WHERE note_id = NEW.id);
      END;
    `);
  },
};
