import type { Migration } from './index.ts';

// A save grew slower with every save of the same record: migration 0710's
// trigger found the winner's text with one condition over all of a record's
// revisions (`CASE WHEN deleted … THEN rev = … ELSE …`), which SQLite cannot
// answer from the (doc_id, rev) index, so it read and sorted every revision
// the record ever had. A note autosaved a few thousand times took 5 ms a save
// against 0.2 ms. The winner's text is now looked up by its revision, and only
// a deleted record (rare) reads back for its last text. The rules are 0710's,
// copied here as a migration keeps what it ran.

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

export const winnerTextByRevision: Migration = {
  version: 1040,
  name: "a save finds its winner's text by revision, not by reading every revision",
  up(db) {
    db.exec(`
      DROP TRIGGER sync_home_winner;
      CREATE TRIGGER sync_home_winner AFTER UPDATE OF rev, deleted ON sync_doc
        WHEN NEW.rev IS NOT OLD.rev OR NEW.deleted IS NOT OLD.deleted BEGIN
        UPDATE sync_home SET (via, home) = (SELECT via, home FROM ${placeOf('NEW.doc_id', winnerText('NEW.doc_id', 'NEW.deleted', 'NEW.rev'))})
          WHERE doc_id = NEW.doc_id;
      END;
    `);
  },
};
