import type { Migration } from './index.ts';

// Each note save made SQLite build and throw away eight temporary tables
// (measured with callgrind: 1,600 opened for 200 saves, about a third of the
// save's own work in SQLite), none of them needed for a save:
//  - a list of kinds written `e IN (…7 names…)` is built as a temporary index
//    each time it is read; the same rule is written as a CASE;
//  - an INSERT … SELECT that reads its own table copies its rows to a
//    temporary table first, even when it inserts nothing: the search queue's
//    "add this note unless queued" and a record's first place in the feeds
//    are now triggers woken only when there is something to insert (not
//    INSERT OR IGNORE, which SQLite does not honour under a foreign key's
//    action: see 0150);
//  - the winner's text was read through a subquery SQLite materialised; it is
//    now read from sync_rev directly (a deleted record's last text, rare,
//    keeps 1040's way).
// The rules are 0700's and 1040's, unchanged: the same place, the same seq.
// A record seen for the first time gets its place whichever of the two
// revision triggers SQLite runs first: the place is taken before the row
// exists or given to it after.

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

/** As `placeColumns`, the kinds that are reference data written out, so SQLite builds no temporary index for the list. */
const placeOfText = (d: string, b: string) => {
  const e = kindOf(d);
  const via = `CASE ${e}
      WHEN 'meeting_participant' THEN 'meeting:' || substr(${d}, instr(${d}, ':') + 1, instr(${d}, '.') - instr(${d}, ':') - 1)
      WHEN 'follow_up' THEN ${linked(b, 'meeting_id')}
      WHEN 'note' THEN ${linked(b, 'meeting_id')}
    END`;
  const own = `CASE ${e}
      WHEN 'source' THEN 'reference' WHEN 'country' THEN 'reference' WHEN 'person' THEN 'reference'
      WHEN 'programme' THEN 'reference' WHEN 'sector' THEN 'reference' WHEN 'sector_entry' THEN 'reference'
      WHEN 'summit' THEN 'reference'
      WHEN 'meeting' THEN ${linked(b, 'summit_id')}
      WHEN 'timeline_event' THEN coalesce(${linked(b, 'summit_id')}, 'reference')
      WHEN 'note' THEN coalesce(${linked(b, 'summit_id')},
        CASE WHEN ${linked(b, 'sector_entry_id')} IS NOT NULL OR ${linked(b, 'sector_id')} IS NOT NULL THEN 'reference' END)
    END`;
  return { via, home: `CASE WHEN (${via}) IS NULL THEN ${own} ELSE (SELECT M.home FROM sync_home AS M WHERE M.doc_id = (${via})) END` };
};

const winner = placeOfText('NEW.doc_id', 'R.body');
const first = placeOfText('NEW.doc_id', 'NEW.body');

export const savesBuildNoTemporaryTables: Migration = {
  version: 1120,
  name: 'a save builds no temporary tables',
  up(db) {
    db.exec(`
      DROP TRIGGER note_search_insert;
      DROP TRIGGER note_search_update;
      CREATE TRIGGER note_search_insert AFTER INSERT ON note
        WHEN NOT EXISTS (SELECT 1 FROM note_search_pending WHERE note_id = NEW.id) BEGIN
        INSERT INTO note_search_pending (note_id) VALUES (NEW.id);
      END;
      CREATE TRIGGER note_search_update AFTER UPDATE ON note
        WHEN NOT EXISTS (SELECT 1 FROM note_search_pending WHERE note_id = NEW.id) BEGIN
        INSERT INTO note_search_pending (note_id) VALUES (NEW.id);
      END;

      DROP TRIGGER sync_home_revision;
      CREATE TRIGGER sync_home_revision AFTER INSERT ON sync_rev BEGIN
        UPDATE sync_feed_clock SET seq = seq + 1;
        UPDATE sync_home SET seq = (SELECT seq FROM sync_feed_clock) WHERE doc_id = NEW.doc_id;
      END;
      CREATE TRIGGER sync_home_first_revision AFTER INSERT ON sync_rev
        WHEN NOT EXISTS (SELECT 1 FROM sync_home WHERE doc_id = NEW.doc_id) BEGIN
        INSERT INTO sync_home (doc_id, via, home, seq)
          VALUES (NEW.doc_id, ${first.via}, ${first.home}, (SELECT seq FROM sync_feed_clock));
      END;

      DROP TRIGGER sync_home_winner;
      CREATE TRIGGER sync_home_winner AFTER UPDATE OF rev, deleted ON sync_doc
        WHEN NEW.deleted = 0 AND (NEW.rev IS NOT OLD.rev OR NEW.deleted IS NOT OLD.deleted) BEGIN
        UPDATE sync_home SET (via, home) = (
          SELECT ${winner.via}, ${winner.home}
          FROM sync_doc AS W LEFT JOIN sync_rev AS R ON R.doc_id = W.doc_id AND R.rev = NEW.rev
          WHERE W.doc_id = NEW.doc_id)
          WHERE doc_id = NEW.doc_id;
      END;
      CREATE TRIGGER sync_home_winner_deleted AFTER UPDATE OF rev, deleted ON sync_doc
        WHEN NEW.deleted <> 0 AND (NEW.rev IS NOT OLD.rev OR NEW.deleted IS NOT OLD.deleted) BEGIN
        UPDATE sync_home SET (via, home) = (SELECT via, home FROM ${placeOf('NEW.doc_id', winnerText('NEW.doc_id', 'NEW.deleted', 'NEW.rev'))})
          WHERE doc_id = NEW.doc_id;
      END;
    `);
  },
};
