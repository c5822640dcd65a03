import type { Migration } from './index.ts';

// A shared summit's own record (title, city, dates, description, marking)
// replicated to the reference database, which every officer of the desk
// reads: a colleague whose account may not open that summit's database still
// read its description there, and every desk held it. The record's home is
// now its own summit's database, beside its meetings (sync_home.home = the
// summit's own id): the place rules of 1350/1850 still say 'reference' for a
// summit, and these triggers put it back in its own database whenever they do.
//
// A summit this desk already shared was in the reference database: the move
// is noted as any record's move out of a database is (2000), so the next
// exchange writes in its own database a revision of its unchanged text and,
// in the reference database, a deletion closing the version held there
// (db/sync/movedOut.ts). Both revisions' ids derive from what they answer, so
// every desk that shared the summit writes the same ones, and a desk sharing
// it keeps it (the live revision outranks the deletion). Summits this desk
// does not share have no copy on the server to close.
export const summitRecordInItsOwnDatabase: Migration = {
  version: 2750,
  name: "a summit's own record replicates in its own database, not the reference one",
  up(db) {
    db.exec(`
      CREATE TRIGGER sync_home_summit_first AFTER INSERT ON sync_home
        WHEN NEW.doc_id LIKE 'summit:%' AND NEW.home IS NOT NEW.doc_id BEGIN
        UPDATE sync_home SET home = NEW.doc_id WHERE doc_id = NEW.doc_id;
      END;
      CREATE TRIGGER sync_home_summit_own AFTER UPDATE OF home ON sync_home
        WHEN NEW.doc_id LIKE 'summit:%' AND NEW.home IS NOT NEW.doc_id BEGIN
        UPDATE sync_home SET home = NEW.doc_id WHERE doc_id = NEW.doc_id;
      END;

      -- 2000's note of a move, for every record but a summit: a summit's home goes to 'reference' and back
      -- within one write (above), which must not forget the note of its move out of the reference database.
      DROP TRIGGER sync_home_moved_out;
      CREATE TRIGGER sync_home_moved_out AFTER UPDATE OF home ON sync_home
        WHEN NEW.home IS NOT OLD.home AND NEW.doc_id NOT LIKE 'summit:%' BEGIN
        DELETE FROM sync_moved_out WHERE doc_id = NEW.doc_id AND home IS NEW.home;
        INSERT INTO sync_moved_out (doc_id, home, closed)
          SELECT NEW.doc_id, OLD.home, CASE WHEN NEW.via IS NOT NULL AND NEW.via IS OLD.via THEN D.rev ELSE R.parent END
          FROM sync_doc AS D JOIN sync_rev AS R ON R.doc_id = D.doc_id AND R.rev = D.rev
          WHERE D.doc_id = NEW.doc_id AND D.deleted = 0 AND OLD.home IS NOT NULL
            AND (CASE WHEN NEW.via IS NOT NULL AND NEW.via IS OLD.via THEN D.rev ELSE R.parent END) IS NOT NULL
          ON CONFLICT (doc_id, home) DO UPDATE SET closed = excluded.closed, tombstone = NULL, seq = NULL;
      END;

      INSERT INTO sync_moved_out (doc_id, home, closed)
        SELECT D.doc_id, 'reference', D.rev FROM sync_doc AS D
         WHERE D.entity = 'summit' AND D.deleted = 0 AND D.rev <> ''
           AND D.doc_id IN (SELECT summit_doc_id FROM sync_shared_summit)
        ON CONFLICT (doc_id, home) DO UPDATE SET closed = excluded.closed, tombstone = NULL, seq = NULL;
      UPDATE sync_home SET home = doc_id WHERE doc_id LIKE 'summit:%' AND home IS NOT doc_id;
    `);
  },
};
