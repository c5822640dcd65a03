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
  const rows = syncStatement(
    db,
    `SELECT S.summit_doc_id AS summitDocId, count(DISTINCT R.doc_id) AS waiting
       FROM sync_account AS A
       JOIN sync_shared_summit AS S
       LEFT JOIN sync_database_behind AS B ON B.partition = S.summit_doc_id
       JOIN sync_rev AS R ON R.seq > coalesce(B.pushed_through, A.pushed_through)
      WHERE A.id = 1
        AND NOT EXISTS (SELECT 1 FROM sync_home AS H WHERE H.doc_id = R.doc_id AND H.from_server_seq IS H.seq)
        AND (R.doc_id = S.summit_doc_id
          OR (SELECT home FROM sync_home AS H WHERE H.doc_id = R.doc_id) = S.summit_doc_id
          OR EXISTS (SELECT 1 FROM sync_moved_out AS M WHERE M.doc_id = R.doc_id AND M.home = S.summit_doc_id
                AND (M.tombstone IS NULL OR (SELECT T.seq FROM sync_rev AS T WHERE T.doc_id = M.doc_id AND T.rev = M.tombstone)
                  > coalesce(B.pushed_through, A.pushed_through))))
      GROUP BY S.summit_doc_id`,
  ).all() as { summitDocId: string; waiting: number }[];
  return new Map(rows.map((row) => [row.summitDocId, row.waiting]));
}
