import type { Migration } from './index.ts';

// A meeting's notes, follow-ups and participants replicate to the database of
// the meeting's summit (db/sync/partition.ts). When the meeting moves to
// another summit they belong to that summit's database too, but their own
// revisions did not change, so replication (which reads revisions in order
// of arrival, `seq`) had already passed them and never sent them there. Now a
// revision that changes a meeting's summit moves each such record's latest
// revision to the end of the order, where the next replication reads it and
// sends it to its new database. No revision is added: nothing changed in the
// records themselves, and no other desk sees a new version.
export const movedMeetingResends: Migration = {
  version: 760,
  name: 'a meeting moved to another summit re-sends its notes, follow-ups and participants',
  up(db) {
    db.exec(`
      CREATE TRIGGER sync_rev_meeting_moved AFTER INSERT ON sync_rev
        WHEN NEW.doc_id LIKE 'meeting:%' AND NEW.deleted = 0 AND NEW.parent IS NOT NULL
          AND json_extract(NEW.body, '$.summit_id') IS NOT
            (SELECT json_extract(P.body, '$.summit_id') FROM sync_rev AS P WHERE P.doc_id = NEW.doc_id AND P.rev = NEW.parent)
      BEGIN
        UPDATE sync_rev SET seq = moved.new_seq
          FROM (
            SELECT L.seq AS old_seq, (SELECT max(seq) FROM sync_rev) + row_number() OVER (ORDER BY L.seq) AS new_seq
            FROM sync_rev AS L
            WHERE L.seq IN (
              SELECT max(C.seq) FROM sync_rev AS C
              WHERE C.doc_id IN (
                -- A participant's id names its meeting: meeting_participant:<meeting>.<person>.
                SELECT doc_id FROM sync_doc
                  WHERE doc_id > 'meeting_participant:' || substr(NEW.doc_id, 9) || '.'
                    AND doc_id < 'meeting_participant:' || substr(NEW.doc_id, 9) || '/'
                UNION
                SELECT D.doc_id FROM sync_doc AS D JOIN sync_rev AS R ON R.doc_id = D.doc_id AND R.rev = D.rev
                  WHERE D.entity IN ('note', 'follow_up') AND D.deleted = 0 AND json_extract(R.body, '$.meeting_id') = NEW.doc_id)
              GROUP BY C.doc_id)
          ) AS moved
          WHERE sync_rev.seq = moved.old_seq;
        UPDATE sqlite_sequence SET seq = (SELECT max(seq) FROM sync_rev) WHERE name = 'sync_rev';
      END;
    `);
  },
};
