import type { Db } from '../open.ts';
import { syncStatement } from './pendingNotes.ts';

/**
 * For each shared summit, how many of this desk's records changed after its database's mark have not reached the
 * server: the account's mark, or its own where the server refused it at the last exchange (2960). A record counts
 * for a summit when it is the summit's own record, lives in its database, or left it with its closing deletion
 * not sent yet, as countRecordsToSendAfter counts them. Unticking a summit stops counting its records; the Sync
 * panel says how many first. No account, no count.
 */
export function waitingBySharedSummit(db: Db): Map<string, number> {
  // Each record changed since the earliest mark is looked at once, with its latest change, and then matched to
  // the summit whose database it lives in (or left): matched the other way round, every shared summit read every
  // changed record, 1.3 s on the quick store's 30 summits before a first push, and about a hundred times that on
  // 300 summits, each time the panel asked.
  const rows = syncStatement(
    db,
    `WITH marks AS (
        SELECT S.summit_doc_id AS summit, coalesce(B.pushed_through, A.pushed_through) AS mark
          FROM sync_account AS A
          JOIN sync_shared_summit AS S
          LEFT JOIN sync_database_behind AS B ON B.partition = S.summit_doc_id
         WHERE A.id = 1),
      changed AS (
        SELECT +R.doc_id AS doc_id, max(R.seq) AS last FROM sync_rev AS R
         WHERE R.seq > (SELECT min(mark) FROM marks) GROUP BY +R.doc_id),
      counted AS (
        SELECT M.summit, C.doc_id FROM changed AS C JOIN sync_home AS H ON H.doc_id = C.doc_id
          JOIN marks AS M ON M.summit = H.home WHERE C.last > M.mark
        UNION
        SELECT M.summit, C.doc_id FROM changed AS C JOIN marks AS M ON M.summit = C.doc_id WHERE C.last > M.mark
        UNION
        SELECT M.summit, C.doc_id FROM changed AS C JOIN sync_moved_out AS O ON O.doc_id = C.doc_id
          JOIN marks AS M ON M.summit = O.home
         WHERE C.last > M.mark
           AND (O.tombstone IS NULL OR (SELECT T.seq FROM sync_rev AS T WHERE T.doc_id = O.doc_id AND T.rev = O.tombstone) > M.mark))
    SELECT K.summit AS summitDocId, count(*) AS waiting FROM counted AS K
     WHERE NOT EXISTS (SELECT 1 FROM sync_home AS H WHERE H.doc_id = K.doc_id AND H.from_server_seq IS H.seq)
     GROUP BY K.summit`,
  ).all() as { summitDocId: string; waiting: number }[];
  return new Map(rows.map((row) => [row.summitDocId, row.waiting]));
}
