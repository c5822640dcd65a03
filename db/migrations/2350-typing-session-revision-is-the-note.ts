import type { Migration } from './index.ts';

// A note save wrote its typing session's revision every time: a new row when
// the session started, the same row rewritten on every save after (0.9 of the
// 6.1 pages a save wrote, each synced and, in an encrypted store, encrypted).
//
// The open session's revision is now the note itself: its text, version and
// save time are the session's last state, committed with each save as before.
// It is written to the history (`note_revision`) when the session is over, by
// whatever changes the text next: a save that starts a new session (the first
// after the note was opened, after a pause of a minute, a restore) keeps it
// first (db/notes.ts), and a text replication writes over it, here. The history
// lists the note's current state from the note when it is not written yet.
// Nothing is lost in a crash: what was saved is in the note row, and the next
// session keeps it. Revisions already written stay as they are.

export const typingSessionRevisionIsTheNote: Migration = {
  version: 2350,
  name: "a typing session's revision is the note until the session is over",
  up(db) {
    db.exec(`
      CREATE TRIGGER note_revision_kept_before_received AFTER UPDATE OF title, body, tags, classification ON note
        WHEN (OLD.title IS NOT NEW.title OR OLD.body IS NOT NEW.body OR OLD.tags IS NOT NEW.tags
            OR OLD.classification IS NOT NEW.classification)
          AND EXISTS (SELECT 1 FROM sync_applying WHERE entity = 'note' AND row_key = CAST(NEW.id AS TEXT)) BEGIN
        INSERT OR IGNORE INTO note_revision (note_id, version, title, body, tags, classification, saved_at)
          VALUES (OLD.id, OLD.version, OLD.title, OLD.body, OLD.tags, OLD.classification, OLD.updated_at);
      END;
    `);
  },
};
