import type { Migration } from './index.ts';

// After every save, migration 1040's trigger worked out again where the note
// replicates (its summit, the reference data, or this desk only) from the
// new text, and wrote that place back over the record's row in the
// changes-feed index even when it was the same: the row and two of its
// indexes rewritten, and the triggers that watch a move woken, on every
// autosave. A save that keeps the note's links keeps its place, so the place
// is now written only when it changed. The rules are 1040's (copied, as a
// migration keeps what it ran); a place that changes is written as before.

const referenceEntities = "('source', 'country', 'person', 'programme', 'sector', 'sector_entry', 'summit')";

const linked = (body: string, field: string) =>
  `(CASE json_type(${body}, '$.${field}') WHEN 'text' THEN nullif(json_extract(${body}, '$.${field}'), '') END)`;

/** Over a row (d: the record, e: its kind, b: its last text), the meeting it follows, or where it goes by itself (as 0700). */
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

/**
 * `doc` as a row (via, home), its text `b` read once from `textSource` (a query of at most one
 * row with a column `body`; none: no text). Left to itself SQLite would copy a subquery into
 * every place that names its column, and read the text again each time.
 */
const placeOf = (doc: string, textSource: string) => `(
  SELECT Q.via AS via, CASE WHEN Q.via IS NULL THEN Q.own ELSE (SELECT M.home FROM sync_home AS M WHERE M.doc_id = Q.via) END AS home
  FROM (SELECT d, ${placeColumns} FROM (
    SELECT X.d AS d, ${kindOf('X.d')} AS e, T.body AS b
    FROM (SELECT ${doc} AS d) AS X LEFT JOIN (${textSource}) AS T ON 1)) AS Q)`;

/** The winner's text by its revision (one index lookup), or for a deleted record the last text it had. */
const winnerText = (doc: string, deleted: string, rev: string) =>
  `SELECT CASE WHEN ${deleted} = 0
     THEN (SELECT body FROM sync_rev WHERE doc_id = ${doc} AND rev = ${rev})
     ELSE (SELECT body FROM sync_rev WHERE doc_id = ${doc} AND body IS NOT NULL ORDER BY seq DESC LIMIT 1) END AS body`;

export const placeWrittenWhenItChanges: Migration = {
  version: 1110,
  name: 'a save rewrites where its record replicates only when that changed',
  up(db) {
    // LIMIT 1: worked out once, not once per column that names it.
    db.exec(`
      DROP TRIGGER sync_home_winner;
      CREATE TRIGGER sync_home_winner AFTER UPDATE OF rev, deleted ON sync_doc
        WHEN NEW.rev IS NOT OLD.rev OR NEW.deleted IS NOT OLD.deleted BEGIN
        UPDATE sync_home SET via = P.via, home = P.home
          FROM (SELECT via, home FROM ${placeOf('NEW.doc_id', winnerText('NEW.doc_id', 'NEW.deleted', 'NEW.rev'))} LIMIT 1) AS P
          WHERE sync_home.doc_id = NEW.doc_id AND (sync_home.via IS NOT P.via OR sync_home.home IS NOT P.home);
      END;
    `);
  },
};
