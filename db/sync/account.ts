import type { Statement } from 'better-sqlite3';
import type { SyncNotice } from '../../shared/syncSettings.ts';
import type { Db } from '../open.ts';
import { statement } from '../sql.ts';
import { forgetReceivedFromServer, offerNewlyShared, referencePartition } from './partition.ts';
import { syncStatement } from './pendingNotes.ts';

export interface SyncAccountRow {
  url: string;
  username: string;
  /** The password sealed with the desk's key (main/sync/credentials.ts); '' when none was given. */
  passwordSealed: string;
  databasePrefix: string;
  pushedThrough: number;
  lastSyncedAt: string | null;
  lastError: string | null;
  lastErrorKind: string | null;
  lastErrorAt: string | null;
}

export function readSyncAccount(db: Db): SyncAccountRow | undefined {
  return statement(
    db,
    `SELECT url, username, password_sealed AS passwordSealed, database_prefix AS databasePrefix, pushed_through AS pushedThrough,
       last_synced_at AS lastSyncedAt, last_error AS lastError, last_error_kind AS lastErrorKind, last_error_at AS lastErrorAt
     FROM sync_account WHERE id = 1`,
  ).get() as SyncAccountRow | undefined;
}

/** A new server starts its waiting count from the beginning: it has had nothing of this desk yet. */
export function writeSyncAccount(
  db: Db,
  account: { url: string; username: string; passwordSealed: string; databasePrefix?: string },
): void {
  // A new server counts everything from the beginning; no database of the old one is behind it.
  const before = readSyncAccount(db);
  const anotherServer = !before || before.url !== account.url || before.databasePrefix !== (account.databasePrefix ?? 'sherpa');
  if (before && anotherServer) statement(db, 'DELETE FROM sync_database_behind').run();
  // Nor has it what this desk received from the old one (or from one before a Disconnect): it is offered again.
  if (anotherServer) forgetReceivedFromServer(db);
  statement(
    db,
    `INSERT INTO sync_account (id, url, username, password, password_sealed, database_prefix) VALUES (1, ?, ?, '', ?, ?)
     ON CONFLICT (id) DO UPDATE SET url = excluded.url, username = excluded.username, password_sealed = excluded.password_sealed,
       database_prefix = excluded.database_prefix, last_error = NULL, last_error_kind = NULL, last_error_at = NULL,
       pushed_through = CASE WHEN sync_account.url = excluded.url AND sync_account.database_prefix = excluded.database_prefix
         THEN sync_account.pushed_through ELSE 0 END`,
  ).run(account.url, account.username, account.passwordSealed, account.databasePrefix ?? 'sherpa');
}

/** Disconnecting forgets the server and its credentials; the records and their histories stay. */
export function deleteSyncAccount(db: Db): void {
  statement(db, 'DELETE FROM sync_account WHERE id = 1').run();
  statement(db, 'DELETE FROM sync_database_behind').run();
  statement(db, 'DELETE FROM sync_notice').run();
}

/** Counts records left out of an exchange (2550), added to those already counted for that database and reason. */
export function addSyncNotices(db: Db, notices: readonly Omit<SyncNotice, 'at'>[], at: string): void {
  const add = statement(
    db,
    `INSERT INTO sync_notice (database, direction, reason, count, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (database, direction, reason) DO UPDATE SET count = count + excluded.count, at = excluded.at`,
  );
  for (const notice of notices) if (notice.count > 0) add.run(notice.database, notice.direction, notice.reason, notice.count, at);
}

export function readSyncNotices(db: Db): SyncNotice[] {
  return statement(
    db,
    'SELECT database, direction, reason, count, at FROM sync_notice ORDER BY database, direction, reason',
  ).all() as SyncNotice[];
}

export function recordSyncOutcome(
  db: Db,
  outcome: {
    pushedThrough?: number;
    /** The databases still behind the account's mark, replacing those recorded; unchanged when not given. */
    behind?: ReadonlyMap<string, number>;
    at: string;
    error: { kind: string; detail: string } | null;
  },
): void {
  // The account's mark and the databases behind it change together: a count read between them would be wrong.
  db.transaction(() => {
    const { behind } = outcome;
    if (behind) {
      statement(db, 'DELETE FROM sync_database_behind').run();
      const keep = statement(db, 'INSERT INTO sync_database_behind (partition, pushed_through) VALUES (?, ?)');
      for (const [partition, pushedThrough] of behind) keep.run(partition, pushedThrough);
    }
    statement(
      db,
      `UPDATE sync_account SET pushed_through = coalesce(?, pushed_through), last_synced_at = CASE WHEN ? IS NULL THEN ? ELSE last_synced_at END,
         last_error = ?, last_error_kind = ?, last_error_at = ? WHERE id = 1`,
    ).run(
      outcome.pushedThrough ?? null,
      outcome.error?.detail ?? null,
      outcome.at,
      outcome.error?.detail ?? null,
      outcome.error?.kind ?? null,
      // The state line says when the error happened, not when the last good round was.
      outcome.error ? outcome.at : null,
    );
  })();
}

export function latestSeq(db: Db): number {
  return syncStatement(db, 'SELECT coalesce(max(seq), 0) FROM sync_rev').pluck().get() as number;
}

/**
 * Records changed here after `seq`: what the server may not have had yet. A record just pulled from its own
 * server database and unchanged since (1300) is the server's already: during a first pull it is not
 * "waiting to be sent".
 */
export function recordsChangedAfter(db: Db, seq: number): string[] {
  return changedAfter(db).pluck().all({ seq }) as string[];
}

/**
 * The records with a revision after `@seq`, read by the revisions' arrival order. DISTINCT over the bare column
 * made SQLite read the whole (doc_id, rev) index instead, however few revisions came after: 40 ms a call on the
 * benchmark's store, after every merged slice of a first pull. The unary `+` keeps the column off that index
 * (countRecordsToSendAfter's too).
 */
export function changedAfter(db: Db): Statement {
  return syncStatement(
    db,
    `SELECT DISTINCT +R.doc_id AS doc_id FROM sync_rev AS R WHERE R.seq > @seq
        AND NOT EXISTS (SELECT 1 FROM sync_home AS H WHERE H.doc_id = R.doc_id AND H.from_server_seq IS H.seq)`,
  );
}

/**
 * How many of the records changed after `seq` go to a server database (partition.ts's partitionOf, in one
 * statement): a shared summit's own record, and records whose home is the reference database or a shared
 * summit's. A summit not shared, a meeting of no summit, a free-standing note stay here and are not counted;
 * a record that left a shared database for one of those is, until its closing deletion there is sent (movedOut.ts).
 * A database the server refused at the last exchange (2960) adds its own records changed after its own mark.
 */
export function countRecordsToSendAfter(db: Db, seq: number): number {
  // The refused databases' own marks are read only when there are any: the union costs a first push of the whole
  // store half as much again (40,000 records: 180-221 ms of CPU against 118-139 ms).
  const anyBehind = statement(db, 'SELECT EXISTS (SELECT 1 FROM sync_database_behind)').pluck().get() === 1;
  if (!anyBehind)
    return syncStatement(
      db,
      `SELECT count(*) FROM (SELECT DISTINCT +R.doc_id AS doc_id FROM sync_rev AS R WHERE R.seq > @seq
          AND NOT EXISTS (SELECT 1 FROM sync_home AS H WHERE H.doc_id = R.doc_id AND H.from_server_seq IS H.seq)) AS C
        WHERE CASE WHEN C.doc_id LIKE 'summit:%'
          THEN C.doc_id IN (SELECT summit_doc_id FROM sync_shared_summit)
          ELSE (SELECT home FROM sync_home AS H WHERE H.doc_id = C.doc_id) IN (SELECT '${referencePartition}' UNION ALL SELECT summit_doc_id FROM sync_shared_summit)
            OR EXISTS (SELECT 1 FROM sync_moved_out AS M WHERE M.doc_id = C.doc_id
                  AND M.home IN (SELECT '${referencePartition}' UNION ALL SELECT summit_doc_id FROM sync_shared_summit)
                  AND (M.tombstone IS NULL OR (SELECT R.seq FROM sync_rev AS R WHERE R.doc_id = M.doc_id AND R.rev = M.tombstone) > @seq))
        END`,
    )
      .pluck()
      .get({ seq }) as number;
  return syncStatement(
    db,
    `SELECT count(DISTINCT C.doc_id) FROM (
        SELECT DISTINCT +R.doc_id AS doc_id, NULL AS partition, @seq AS since FROM sync_rev AS R WHERE R.seq > @seq
          AND NOT EXISTS (SELECT 1 FROM sync_home AS H WHERE H.doc_id = R.doc_id AND H.from_server_seq IS H.seq)
        UNION ALL
        SELECT DISTINCT +R.doc_id, B.partition, B.pushed_through FROM sync_database_behind AS B JOIN sync_rev AS R ON R.seq > B.pushed_through
          WHERE B.partition IN (SELECT '${referencePartition}' UNION ALL SELECT summit_doc_id FROM sync_shared_summit)
          AND NOT EXISTS (SELECT 1 FROM sync_home AS H WHERE H.doc_id = R.doc_id AND H.from_server_seq IS H.seq)) AS C
      WHERE CASE WHEN C.partition IS NOT NULL
        THEN C.doc_id = C.partition OR (SELECT home FROM sync_home AS H WHERE H.doc_id = C.doc_id) = C.partition
          OR EXISTS (SELECT 1 FROM sync_moved_out AS M WHERE M.doc_id = C.doc_id AND M.home = C.partition
                AND (M.tombstone IS NULL OR (SELECT R.seq FROM sync_rev AS R WHERE R.doc_id = M.doc_id AND R.rev = M.tombstone) > C.since))
        WHEN C.doc_id LIKE 'summit:%'
        THEN C.doc_id IN (SELECT summit_doc_id FROM sync_shared_summit)
        ELSE (SELECT home FROM sync_home AS H WHERE H.doc_id = C.doc_id) IN (SELECT '${referencePartition}' UNION ALL SELECT summit_doc_id FROM sync_shared_summit)
          OR EXISTS (SELECT 1 FROM sync_moved_out AS M WHERE M.doc_id = C.doc_id
                AND M.home IN (SELECT '${referencePartition}' UNION ALL SELECT summit_doc_id FROM sync_shared_summit)
                AND (M.tombstone IS NULL OR (SELECT R.seq FROM sync_rev AS R WHERE R.doc_id = M.doc_id AND R.rev = M.tombstone) > @seq))
      END`,
  )
    .pluck()
    .get({ seq }) as number;
}

/**
 * The databases the server refused at the last exchange while this desk had records for them (2960), each with the
 * point after which its records wait: the account's mark moved on for the others.
 */
export function readDatabasesBehind(db: Db): Map<string, number> {
  const rows = statement(db, 'SELECT partition, pushed_through AS pushedThrough FROM sync_database_behind').all() as {
    partition: string;
    pushedThrough: number;
  }[];
  return new Map(rows.map((row) => [row.partition, row.pushedThrough]));
}

export function sharedSummitDocs(db: Db): Set<string> {
  return new Set(statement(db, 'SELECT summit_doc_id FROM sync_shared_summit').pluck().all() as string[]);
}

export function setSharedSummitDocs(db: Db, summitDocIds: readonly string[]): void {
  const before = sharedSummitDocs(db);
  offerNewlyShared(
    db,
    summitDocIds.filter((docId) => !before.has(docId)),
  );
  statement(db, 'DELETE FROM sync_shared_summit').run();
  const insert = statement(db, 'INSERT OR IGNORE INTO sync_shared_summit (summit_doc_id) VALUES (?)');
  for (const docId of summitDocIds) insert.run(docId);
}
