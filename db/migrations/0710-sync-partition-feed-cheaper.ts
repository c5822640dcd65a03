import type { Migration } from './index.ts';

// Migration 0700's triggers worked out where a record replicates from its last
// text twice per merged record, and read that text again for every field they
// looked at: a quarter of the time a merge took. The same rules, cheaper:
//  - a new revision gives its record a new place; a record seen for the first
//    time is placed from that revision's own text, and the place of any other
//    is worked out again only when its winner changes (or, for a deleted
//    record, when a text it had arrives), which a merge and a save always do;
//  - the text is read once, by the one revision that holds it.

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

/** The winner's text, or for a deleted record the last text it had (by arrival), as 0700's. */
const lastText = (doc: string, deleted: string, rev: string) =>
  `SELECT body FROM sync_rev WHERE doc_id = ${doc}
     AND CASE WHEN ${deleted} = 0 THEN rev = ${rev} ELSE body IS NOT NULL END ORDER BY seq DESC LIMIT 1`;
const deletedRecordText = (doc: string) => `SELECT body FROM sync_rev WHERE doc_id = ${doc} AND body IS NOT NULL ORDER BY seq DESC LIMIT 1`;

export const syncPartitionFeedCheaper: Migration = {
  version: 710,
  name: 'where each record replicates, worked out once per change',
  up(db) {
    db.exec(`
      DROP TRIGGER sync_home_revision;
      DROP TRIGGER sync_home_winner;
      DROP TRIGGER sync_home_filled;

      CREATE TRIGGER sync_home_revision AFTER INSERT ON sync_rev BEGIN
        UPDATE sync_feed_clock SET seq = seq + 1;
        UPDATE sync_home SET seq = (SELECT seq FROM sync_feed_clock) WHERE doc_id = NEW.doc_id;
        INSERT INTO sync_home (doc_id, via, home, seq)
          SELECT NEW.doc_id, P.via, P.home, (SELECT seq FROM sync_feed_clock)
          FROM ${placeOf('NEW.doc_id', 'SELECT NEW.body AS body')} AS P
          WHERE NOT EXISTS (SELECT 1 FROM sync_home WHERE doc_id = NEW.doc_id);
      END;
      CREATE TRIGGER sync_home_deleted_text AFTER INSERT ON sync_rev
        WHEN NEW.body IS NOT NULL AND EXISTS (SELECT 1 FROM sync_doc WHERE doc_id = NEW.doc_id AND deleted = 1 AND rev <> '') BEGIN
        UPDATE sync_home SET (via, home) = (SELECT via, home FROM ${placeOf('NEW.doc_id', deletedRecordText('NEW.doc_id'))})
          WHERE doc_id = NEW.doc_id;
      END;
      CREATE TRIGGER sync_home_winner AFTER UPDATE OF rev, deleted ON sync_doc
        WHEN NEW.rev IS NOT OLD.rev OR NEW.deleted IS NOT OLD.deleted BEGIN
        UPDATE sync_home SET (via, home) = (SELECT via, home FROM ${placeOf('NEW.doc_id', lastText('NEW.doc_id', 'NEW.deleted', 'NEW.rev'))})
          WHERE doc_id = NEW.doc_id;
      END;
      CREATE TRIGGER sync_home_filled AFTER UPDATE OF body ON sync_rev
        WHEN EXISTS (SELECT 1 FROM sync_doc WHERE doc_id = NEW.doc_id AND deleted = 1) BEGIN
        UPDATE sync_home SET (via, home) = (SELECT via, home FROM ${placeOf('NEW.doc_id', deletedRecordText('NEW.doc_id'))})
          WHERE doc_id = NEW.doc_id;
      END;
    `);
  },
};
