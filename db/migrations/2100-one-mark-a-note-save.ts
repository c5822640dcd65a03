import type { Migration } from './index.ts';

// A note save wrote two marks, each in a table of its own: one for the search
// index (`note_search_pending`, 0080) and one for its replication revision
// (`sync_note_pending`, 1650). Each is a page of the 7.1 a save wrote to the
// WAL, synced at its commit and, in an encrypted store, encrypted.
//
// A save by this desk now writes one: its replication mark also says that the
// note waits for the search index (`search_pending`). Before a search, the
// index's catch-up (db/search.ts) moves those to `note_search_pending` and
// clears the flag, so searches find exactly the notes they found before; a
// revision written before any search moves the note's search mark there
// first, so it is never lost. Writes that replication makes (sync_applying),
// which mark nothing for replication, still mark `note_search_pending`, as do
// new notes. Marks already waiting stay where they are.

export const oneMarkANoteSave: Migration = {
  version: 2100,
  name: 'a note save writes one mark: its replication mark also waits for the search index',
  up(db) {
    db.exec(`
      ALTER TABLE sync_note_pending ADD COLUMN search_pending INTEGER NOT NULL DEFAULT 0;

      DROP TRIGGER note_search_update;
      CREATE TRIGGER note_search_update AFTER UPDATE ON note
        WHEN EXISTS (SELECT 1 FROM sync_applying WHERE entity = 'note' AND row_key = CAST(NEW.id AS TEXT))
          AND NOT EXISTS (SELECT 1 FROM note_search_pending WHERE note_id = NEW.id) BEGIN
        INSERT INTO note_search_pending (note_id) VALUES (NEW.id);
      END;

      DROP TRIGGER sync_note_update;
      CREATE TRIGGER sync_note_update AFTER UPDATE ON note
        WHEN NOT EXISTS (SELECT 1 FROM sync_applying WHERE entity = 'note' AND row_key = CAST(NEW.id AS TEXT)) BEGIN
        INSERT INTO sync_note_pending (note_id, author, search_pending) VALUES (NEW.id, coalesce(
            (SELECT json_object('desk', desk_name, 'fingerprint', fingerprint, 'at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
               FROM desk_key WHERE id = 1 AND fingerprint <> ''),
            json_object('at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))), 1)
          ON CONFLICT (note_id) DO UPDATE SET author = excluded.author, search_pending = 1;
      END;

      CREATE TRIGGER sync_note_pending_search_kept AFTER DELETE ON sync_note_pending
        WHEN OLD.search_pending = 1 AND NOT EXISTS (SELECT 1 FROM note_search_pending WHERE note_id = OLD.note_id) BEGIN
        INSERT INTO note_search_pending (note_id) VALUES (OLD.note_id);
      END;
    `);
  },
};
