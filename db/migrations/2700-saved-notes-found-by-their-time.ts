import type { Migration } from './index.ts';

// A note save wrote three trees: the note's row, its entry in `note_by_updated`
// (the lists' order, two pages: its old place and its new one) and its mark in
// `sync_note_pending` (1650, 2100), one page of the 4.2 a save wrote, synced at
// its commit and, in an encrypted store, encrypted.
//
// A note saved here since its replication revision and its search entry were
// last written is now found by its time instead, in `note_by_updated`, which
// the save writes anyway: `note_saves_after` keeps, for each, the latest
// change already taken, and every note changed after it waits. Those notes are
// moved to marks when the revisions are written (db/sync/pendingNotes.ts) and
// to `note_search_pending` when the index catches up (db/search.ts), which then
// advance the time to the latest change taken.
//
// A change the time cannot show is marked as before: one that leaves
// `updated_at` as it was (trash, restore, a link) or dates it no later than the
// time taken (the clock set back, or a merge that took a colleague's later
// time). Writes that replication makes (sync_applying) mark nothing, as
// before, but a received note dated later moves the saves waiting before it to
// marks and then advances the replication time past it, so it is never taken
// for a save made here.

/** The author of a save's revision, as the save's trigger has written it since 0750, dated `at`. */
const authorAt = (at: string) => `coalesce(
  (SELECT json_object('desk', desk_name, 'fingerprint', fingerprint, 'at', ${at}) FROM desk_key WHERE id = 1 AND fingerprint <> ''),
  json_object('at', ${at}))`;

/** Marks the notes waiting by their time (but `except`), keeping a mark's later author. */
const markWaiting = (except: string, at: string) => `
  INSERT INTO sync_note_pending (note_id, author, search_pending)
    SELECT id, ${authorAt(at)}, 0 FROM note
    WHERE updated_at > (SELECT revision FROM note_saves_after) AND ${except}
    ON CONFLICT (note_id) DO UPDATE SET author = excluded.author
      WHERE json_extract(excluded.author, '$.at') > json_extract(sync_note_pending.author, '$.at');`;

export const savedNotesFoundByTheirTime: Migration = {
  version: 2700,
  name: 'a note saved here waits for its revision and search entry by its time, not by a mark',
  up(db) {
    db.exec(`
      CREATE TABLE note_saves_after (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        -- Notes changed after this wait for their replication revision.
        revision TEXT NOT NULL,
        -- Notes changed after this wait for their search entry.
        search TEXT NOT NULL
      );
      INSERT INTO note_saves_after (id, revision, search)
        SELECT 1, coalesce(max(updated_at), ''), coalesce(max(updated_at), '') FROM note;

      DROP TRIGGER sync_note_update;
      CREATE TRIGGER sync_note_update AFTER UPDATE ON note
        WHEN NOT EXISTS (SELECT 1 FROM sync_applying WHERE entity = 'note' AND row_key = CAST(NEW.id AS TEXT))
          AND NOT (NEW.updated_at > OLD.updated_at
            AND NEW.updated_at > (SELECT revision FROM note_saves_after)
            AND NEW.updated_at > (SELECT search FROM note_saves_after)) BEGIN
        INSERT INTO sync_note_pending (note_id, author, search_pending)
          VALUES (NEW.id, ${authorAt(`strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`)}, 1)
          ON CONFLICT (note_id) DO UPDATE SET author = excluded.author, search_pending = 1;
      END;

      CREATE TRIGGER note_saves_kept_before_received_update AFTER UPDATE ON note
        WHEN NEW.updated_at > (SELECT revision FROM note_saves_after)
          AND EXISTS (SELECT 1 FROM sync_applying WHERE entity = 'note' AND row_key = CAST(NEW.id AS TEXT)) BEGIN
        ${markWaiting('(id <> NEW.id OR OLD.updated_at > (SELECT revision FROM note_saves_after))', 'CASE WHEN id = NEW.id THEN OLD.updated_at ELSE updated_at END')}
        UPDATE note_saves_after SET revision = NEW.updated_at;
      END;

      CREATE TRIGGER note_saves_kept_before_received_insert AFTER INSERT ON note
        WHEN NEW.updated_at > (SELECT revision FROM note_saves_after)
          AND EXISTS (SELECT 1 FROM sync_applying WHERE entity = 'note' AND row_key = CAST(NEW.id AS TEXT)) BEGIN
        ${markWaiting('id <> NEW.id', 'updated_at')}
        UPDATE note_saves_after SET revision = NEW.updated_at;
      END;
    `);
  },
};
