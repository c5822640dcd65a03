import type { Migration } from './index.ts';

// A note save wrote its replication revision in its own commit: the revision,
// its (record, rev) index, the record's place in the feeds and its index, the
// feed clock and the winner, about 8 of the 14.8 pages a save wrote (each
// synced and, in an encrypted store, encrypted). Autosave saves a note every
// pause in typing, and nothing reads those revisions until replication, a
// bundle or a history view does.
//
// A save now only marks the note (`sync_note_pending`, one row a note, with the
// author of its last change: this desk, as named then, and the time). The revisions are
// written when something reads revisions: `DELETE FROM sync_note_pending`
// (db/sync/pendingNotes.ts, which every statement on the replication tables
// runs first), whose trigger writes each marked note's revision exactly as the
// save's trigger did, from the note as it now reads, with the author of its
// last change. A typing session between two reads makes one revision, not one
// a save. A marked note deleted writes its revision first, so its deletion
// follows its last text. Writes that replication makes (sync_applying) mark
// nothing, as they wrote no revision before. Nothing is marked on upgrade.

const docIdOf = (entity: string, column: string) =>
  `(SELECT doc_id FROM sync_doc WHERE entity = '${entity}' AND row_key = CAST(N.${column} AS TEXT))`;

/** The note's replicated text as 0400's trigger builds it, from the note row `N`. */
const noteText = `json_object('sector_entry_id', ${docIdOf('sector_entry', 'sector_entry_id')}, 'meeting_id', ${docIdOf('meeting', 'meeting_id')},
  'title', N.title, 'body', N.body, 'tags', N.tags, 'classification', N.classification, 'created_at', N.created_at,
  'updated_at', N.updated_at, 'deleted_at', N.deleted_at, 'summit_id', ${docIdOf('summit', 'summit_id')}, 'sector_id', ${docIdOf('sector', 'sector_id')})`;

/** The revision just written, as 1450 finds it: by its number, and a child of the old winner of the same record. */
const justWritten = "R.seq = last_insert_rowid() AND R.doc_id = sync_doc.doc_id AND R.parent IS nullif(sync_doc.rev, '')";

export const noteRevisionWrittenWhenRead: Migration = {
  version: 1650,
  name: 'a note save marks the note; its replication revision is written before anything reads revisions',
  up(db) {
    db.exec(`
      CREATE TABLE sync_note_pending (
        note_id INTEGER PRIMARY KEY,
        -- Who changed the note last and when (0750's author, as the save's trigger wrote it): its revision's author.
        author TEXT NOT NULL
      );

      DROP TRIGGER sync_note_update;
      CREATE TRIGGER sync_note_update AFTER UPDATE ON note
        WHEN NOT EXISTS (SELECT 1 FROM sync_applying WHERE entity = 'note' AND row_key = CAST(NEW.id AS TEXT)) BEGIN
        INSERT INTO sync_note_pending (note_id, author) VALUES (NEW.id, coalesce(
            (SELECT json_object('desk', desk_name, 'fingerprint', fingerprint, 'at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
               FROM desk_key WHERE id = 1 AND fingerprint <> ''),
            json_object('at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))))
          ON CONFLICT (note_id) DO UPDATE SET author = excluded.author;
      END;

      CREATE TRIGGER sync_note_revision_written AFTER DELETE ON sync_note_pending BEGIN
        INSERT INTO sync_rev (doc_id, rev, parent, deleted, body, author)
          SELECT D.doc_id, (CASE WHEN D.rev = '' THEN 1 ELSE CAST(substr(D.rev, 1, instr(D.rev, '-') - 1) AS INTEGER) + 1 END)
              || '-' || lower(hex(randomblob(16))), D.rev, 0, T.body, OLD.author
          FROM sync_doc AS D, (SELECT ${noteText} AS body FROM note AS N WHERE N.id = OLD.note_id) AS T
          WHERE D.entity = 'note' AND D.row_key = CAST(OLD.note_id AS TEXT)
            AND T.body IS NOT (SELECT R.body FROM sync_rev AS R WHERE R.doc_id = D.doc_id AND R.rev = D.rev);
        UPDATE sync_doc SET rev = (SELECT R.rev FROM sync_rev AS R WHERE ${justWritten}), deleted = 0
          WHERE entity = 'note' AND row_key = CAST(OLD.note_id AS TEXT)
            AND EXISTS (SELECT 1 FROM sync_rev AS R WHERE ${justWritten});
      END;

      CREATE TRIGGER sync_note_pending_deleted BEFORE DELETE ON note
        WHEN EXISTS (SELECT 1 FROM sync_note_pending WHERE note_id = OLD.id) BEGIN
        DELETE FROM sync_note_pending WHERE note_id = OLD.id;
      END;
    `);
  },
};
