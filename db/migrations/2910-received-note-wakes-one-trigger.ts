import type { Migration } from './index.ts';

// Every update of a note ran four AFTER UPDATE triggers, three of them for a
// note that replication writes (sync_applying) only: a note save set up each
// of the four programs and looked for its note in sync_applying three times
// to do nothing. Those three (0080/2100's search entry, 2350's revision kept
// before a colleague's text, 2700's saves marked before a later received date)
// are one trigger now, asked once; each statement carries the condition its
// own trigger's WHEN held, in the order they fired (the newest first). None of
// them writes what another reads, so each sees the store as it did.

/** The author of a save's revision, as 2700 wrote it, dated `at`. */
const authorAt = (at: string) => `coalesce(
  (SELECT json_object('desk', desk_name, 'fingerprint', fingerprint, 'at', ${at}) FROM desk_key WHERE id = 1 AND fingerprint <> ''),
  json_object('at', ${at}))`;
const takenAt = 'CASE WHEN id = NEW.id THEN OLD.updated_at ELSE updated_at END';

export const receivedNoteWakesOneTrigger: Migration = {
  version: 2910,
  name: 'a note written by replication wakes one trigger, not three, and a save asks once',
  up(db) {
    db.exec(`
      DROP TRIGGER note_saves_kept_before_received_update;
      DROP TRIGGER note_revision_kept_before_received;
      DROP TRIGGER note_search_update;

      CREATE TRIGGER note_received_update AFTER UPDATE ON note
        WHEN EXISTS (SELECT 1 FROM sync_applying WHERE entity = 'note' AND row_key = CAST(NEW.id AS TEXT)) BEGIN
        INSERT INTO sync_note_pending (note_id, author, search_pending)
          SELECT id, ${authorAt(takenAt)}, 0 FROM note
          WHERE NEW.updated_at > (SELECT revision FROM note_saves_after)
            AND updated_at > (SELECT revision FROM note_saves_after)
            AND (id <> NEW.id OR OLD.updated_at > (SELECT revision FROM note_saves_after))
          ON CONFLICT (note_id) DO UPDATE SET author = excluded.author
            WHERE json_extract(excluded.author, '$.at') > json_extract(sync_note_pending.author, '$.at');
        UPDATE note_saves_after SET revision = NEW.updated_at WHERE NEW.updated_at > revision;
        INSERT OR IGNORE INTO note_revision (note_id, version, title, body, tags, classification, saved_at)
          SELECT OLD.id, OLD.version, OLD.title, OLD.body, OLD.tags, OLD.classification, OLD.updated_at
          WHERE OLD.title IS NOT NEW.title OR OLD.body IS NOT NEW.body OR OLD.tags IS NOT NEW.tags
            OR OLD.classification IS NOT NEW.classification;
        INSERT INTO note_search_pending (note_id)
          SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM note_search_pending WHERE note_id = NEW.id);
      END;
    `);
  },
};
