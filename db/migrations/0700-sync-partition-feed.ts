import type { Db } from '../open.ts';
import type { Migration } from './index.ts';

// Each server database's changes feed (the reference data's, each shared
// summit's) read the whole store's history and worked out, record by record,
// where each one belongs: a cost of summits × records, hours for a busy desk
// sharing every summit. This keeps, per record, where it replicates to
// (`home`: 'reference', a summit's replication id, or NULL: this desk only)
// and its place in the feeds (`seq`), indexed by (home, seq), so a summit's
// feed reads its own rows and nothing else.
//
// The rules are db/sync/partition.ts's, taken from the record's last text
// (its winner's, or for a deletion the last text before it, so a deletion
// goes where the record went). Participants, follow-ups and a meeting's notes
// follow their meeting (`via`) into its summit's database. Whether a summit
// is shared is not stored: summit records are all 'reference', and the feed
// passes over the ones this desk does not share.
//
// A record's place is taken from a clock that every new revision and every
// move advances. A record that moves to another database without a revision
// of its own (the notes of a meeting moved to another summit, a note that
// arrived before its meeting) so comes after every checkpoint already written,
// and the new database's feed offers it. Existing records keep their latest
// revision's seq, the place the feeds gave them until now, so checkpoints
// already written stay right; the clock starts above them. (sync_rev's own
// AUTOINCREMENT counter cannot serve: SQLite writes it back at the end of the
// inserting statement, over any number a trigger took from it meanwhile.)

const referenceEntities = "('source', 'country', 'person', 'programme', 'sector', 'sector_entry', 'summit')";

/** A field of the body that names a record: text, never empty. */
const linked = (body: string, field: string) =>
  `(CASE json_type(${body}, '$.${field}') WHEN 'text' THEN nullif(json_extract(${body}, '$.${field}'), '') END)`;

/** The record's last text: its winner's, or for a deletion the last text it had. */
const lastBody = (doc: string) => `coalesce(
    (SELECT R.body FROM sync_doc AS D JOIN sync_rev AS R ON R.doc_id = D.doc_id AND R.rev = D.rev WHERE D.doc_id = ${doc}),
    (SELECT body FROM sync_rev WHERE doc_id = ${doc} AND body IS NOT NULL ORDER BY seq DESC LIMIT 1))`;

/** Over a row (d: the record, e: its kind, b: its last text), the meeting it follows, or where it goes by itself. */
const placeColumns = `
    CASE e
      WHEN 'meeting_participant' THEN 'meeting:' || substr(d, instr(d, ':') + 1, instr(d, '.') - instr(d, ':') - 1)
      WHEN 'follow_up' THEN ${linked('b', 'meeting_id')}
      WHEN 'note' THEN ${linked('b', 'meeting_id')}
    END AS via,
    CASE
      WHEN e IN ${referenceEntities} THEN 'reference'
      WHEN e = 'meeting' THEN ${linked('b', 'summit_id')}
      WHEN e = 'timeline_event' THEN coalesce(${linked('b', 'summit_id')}, 'reference')
      WHEN e = 'note' THEN coalesce(${linked('b', 'summit_id')},
        CASE WHEN ${linked('b', 'sector_entry_id')} IS NOT NULL OR ${linked('b', 'sector_id')} IS NOT NULL THEN 'reference' END)
    END AS own`;

const kindOf = (doc: string) => `substr(${doc}, 1, instr(${doc}, ':') - 1)`;

/** `doc` as a row (d, via, own). */
const placeOf = (doc: string) => `(SELECT d, ${placeColumns} FROM (SELECT ${doc} AS d, ${kindOf(doc)} AS e, ${lastBody(doc)} AS b))`;

const homeOf = (via: string, own: string) =>
  `CASE WHEN ${via} IS NULL THEN ${own} ELSE (SELECT M.home FROM sync_home AS M WHERE M.doc_id = ${via}) END`;

const takeNextPlace = 'UPDATE sync_feed_clock SET seq = seq + 1';
const lastPlaceTaken = '(SELECT seq FROM sync_feed_clock)';

/** Every record's place, worked out afresh; what follows a meeting goes to the summit the meeting's last text names. */
export function fillPartitionFeed(db: Db): void {
  db.exec(`
    INSERT INTO sync_feed_clock (id, seq) VALUES (1, (SELECT coalesce(max(seq), 0) FROM sync_rev))
      ON CONFLICT (id) DO UPDATE SET seq = max(seq, excluded.seq);
    DELETE FROM sync_home;
    INSERT INTO sync_home (doc_id, via, home, seq)
      SELECT d, via, CASE WHEN via IS NULL THEN own ELSE ${linked(lastBody('via'), 'summit_id')} END, seq FROM (
        SELECT d, seq, ${placeColumns} FROM (
          SELECT S.doc_id AS d, ${kindOf('S.doc_id')} AS e, ${lastBody('S.doc_id')} AS b, S.seq
          FROM (SELECT doc_id, max(seq) AS seq FROM sync_rev GROUP BY doc_id) AS S));
  `);
}

export const syncPartitionFeed: Migration = {
  version: 700,
  name: "each server database's changes read from an index of where each record replicates",
  up(db) {
    db.exec(`
      CREATE TABLE sync_home (
        doc_id TEXT PRIMARY KEY,
        -- The meeting whose summit this record follows (participants, follow-ups, a meeting's notes).
        via TEXT,
        -- 'reference', a summit's replication id, or NULL: kept on this desk.
        home TEXT,
        -- Its place in the changes feeds (sync_feed_clock), given anew with each revision and each move.
        seq INTEGER NOT NULL
      ) WITHOUT ROWID;
      -- The last place given in the feeds.
      CREATE TABLE sync_feed_clock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL
      );
    `);
    fillPartitionFeed(db);
    db.exec(`
      CREATE INDEX sync_home_feed ON sync_home(home, seq);
      CREATE INDEX sync_home_by_seq ON sync_home(seq);
      CREATE INDEX sync_home_followers ON sync_home(via) WHERE via IS NOT NULL;

      -- A new revision: the record's new place, and where it now goes (for a conflict's losing branch, unchanged).
      CREATE TRIGGER sync_home_revision AFTER INSERT ON sync_rev BEGIN
        ${takeNextPlace};
        INSERT INTO sync_home (doc_id, via, home, seq)
          SELECT P.d, P.via, ${homeOf('P.via', 'P.own')}, ${lastPlaceTaken} FROM ${placeOf('NEW.doc_id')} AS P WHERE true
          ON CONFLICT (doc_id) DO UPDATE SET via = excluded.via, home = excluded.home, seq = excluded.seq;
      END;
      -- The winner changed (a local edit, a merge, a conflict resolved): its text may name another summit or meeting.
      CREATE TRIGGER sync_home_winner AFTER UPDATE OF rev, deleted ON sync_doc BEGIN
        UPDATE sync_home SET (via, home) = (SELECT P.via, ${homeOf('P.via', 'P.own')} FROM ${placeOf('NEW.doc_id')} AS P)
          WHERE doc_id = NEW.doc_id;
      END;
      -- A revision known by id only received its text: a deleted record's last text may be that one.
      CREATE TRIGGER sync_home_filled AFTER UPDATE OF body ON sync_rev BEGIN
        UPDATE sync_home SET (via, home) = (SELECT P.via, ${homeOf('P.via', 'P.own')} FROM ${placeOf('NEW.doc_id')} AS P)
          WHERE doc_id = NEW.doc_id;
      END;
      -- Moved without a revision of its own: a new place, after every checkpoint written so far.
      CREATE TRIGGER sync_home_moved AFTER UPDATE OF home ON sync_home
        WHEN NEW.home IS NOT OLD.home AND NEW.seq = OLD.seq BEGIN
        ${takeNextPlace};
        UPDATE sync_home SET seq = ${lastPlaceTaken} WHERE doc_id = NEW.doc_id;
      END;
      -- A meeting that moved, or arrived after its notes: what follows it goes with it.
      CREATE TRIGGER sync_home_meeting_moved AFTER UPDATE OF home ON sync_home
        WHEN NEW.home IS NOT OLD.home AND NEW.doc_id LIKE 'meeting:%' BEGIN
        UPDATE sync_home SET home = NEW.home WHERE via = NEW.doc_id AND home IS NOT NEW.home;
      END;
      CREATE TRIGGER sync_home_meeting_arrived AFTER INSERT ON sync_home
        WHEN NEW.home IS NOT NULL AND NEW.doc_id LIKE 'meeting:%' BEGIN
        UPDATE sync_home SET home = NEW.home WHERE via = NEW.doc_id AND home IS NOT NEW.home;
      END;
    `);
  },
};
