import type { Migration } from './index.ts';

// Each record has one home database (sync_home), so a meeting moved to another
// summit reached the new summit's database only: a colleague sharing only the
// summit it left kept it there, and printed it in that summit's pack, for good.
// A move now leaves a note of the database it left and of the revision that
// database last held of the record (`closed`): the version before the move's
// own revision, or, for what follows a meeting (participants, follow-ups,
// notes, biographies, which move without a revision of their own), the current
// one. db/sync/movedOut.ts writes, before the next exchange, the deletion that
// closes that revision there (`tombstone`, at its own place `seq` in that
// database's feed) and, for a record that moved with its meeting, a revision
// in its new home that outlives that deletion on desks sharing both summits.
// Moving back to a database forgets the note. A record already deleted here
// leaves none: there is no version of it to keep anywhere.

export const movedOutOfADatabase: Migration = {
  version: 2000,
  name: 'a record moved to another database closes its copy in the one it left',
  up(db) {
    db.exec(`
      CREATE TABLE sync_moved_out (
        doc_id TEXT NOT NULL,
        -- The database it left: 'reference' or a summit's replication id.
        home TEXT NOT NULL,
        -- The revision that database last held of it.
        closed TEXT NOT NULL,
        -- The deletion written to close it there, and its place in that database's feed (NULL until written).
        tombstone TEXT,
        seq INTEGER,
        PRIMARY KEY (doc_id, home)
      ) WITHOUT ROWID;
      CREATE INDEX sync_moved_out_feed ON sync_moved_out(home, seq) WHERE seq IS NOT NULL;
      CREATE INDEX sync_moved_out_unwritten ON sync_moved_out(doc_id) WHERE tombstone IS NULL;

      CREATE TRIGGER sync_home_moved_out AFTER UPDATE OF home ON sync_home WHEN NEW.home IS NOT OLD.home BEGIN
        DELETE FROM sync_moved_out WHERE doc_id = NEW.doc_id AND home IS NEW.home;
        INSERT INTO sync_moved_out (doc_id, home, closed)
          SELECT NEW.doc_id, OLD.home, CASE WHEN NEW.via IS NOT NULL AND NEW.via IS OLD.via THEN D.rev ELSE R.parent END
          FROM sync_doc AS D JOIN sync_rev AS R ON R.doc_id = D.doc_id AND R.rev = D.rev
          WHERE D.doc_id = NEW.doc_id AND D.deleted = 0 AND OLD.home IS NOT NULL AND NEW.doc_id NOT LIKE 'summit:%'
            AND (CASE WHEN NEW.via IS NOT NULL AND NEW.via IS OLD.via THEN D.rev ELSE R.parent END) IS NOT NULL
          ON CONFLICT (doc_id, home) DO UPDATE SET closed = excluded.closed, tombstone = NULL, seq = NULL;
      END;
    `);
  },
};
