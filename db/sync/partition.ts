import type { RecordBody } from '../../shared/sync.ts';
import type { Db } from '../open.ts';
import { statement } from '../sql.ts';
import { isChildOf } from './children.ts';
import { syncStatement } from './pendingNotes.ts';

// Need-to-know on the server: each record replicates to one database, whose
// CouchDB permissions say who may read it. Reference data every officer uses
// (sources, countries, people, programmes, sectors and their entries, undated
// chronology) goes to the reference database; what belongs to a summit (its
// meetings, participants, follow-ups, timeline, notes) goes to that summit's
// own database, and only when this desk shares the summit. The summit record
// itself (title, dates, description) goes there too (migration 2750): the
// reference database carries nothing of a summit, so a colleague whose account
// may not open its database learns neither its title nor that it exists.
// Everything else (a meeting of no summit, a free-standing note) stays on this desk.

export const referencePartition = 'reference';
/** 'reference', a summit's replication id, or null: kept on this desk. */
export type Partition = string | null;

/**
 * Which database a record replicates to, given the summits this desk shares:
 * read from the index migration 0700 keeps with every revision (`sync_home`),
 * so each summit's changes feed reads its own records only.
 */
export function partitionOf(db: Db, docId: string, shared: ReadonlySet<string>): Partition {
  const home = syncStatement(db, 'SELECT home FROM sync_home WHERE doc_id = ?').pluck().get(docId) as string | null | undefined;
  if (home === undefined || home === null) return null;
  return home === referencePartition || shared.has(home) ? home : null;
}

/** A record at its place in the changes feeds. */
export interface FeedEntry {
  doc_id: string;
  seq: number;
  /** 1 when this place was given by a pull from the record's own server database: it has the record already (1300). */
  from_server: 0 | 1;
  /** The deletion closing it in this database, which it left for another (movedOut.ts): the only revision offered there. */
  moved_out: string | null;
}

/** Connections whose store notes moves out of a database (2000): a migration test may hold an older one. */
const withMoves = new WeakSet<Db>();
function notesMoves(db: Db): boolean {
  if (withMoves.has(db)) return true;
  const exists = statement(db, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'sync_moved_out'`).pluck().get() === 1;
  if (exists) withMoves.add(db);
  return exists;
}

/** The databases a record left for another (movedOut.ts), whose copy of it a round closes. */
export function movedOutHomes(db: Db, docId: string): string[] {
  return notesMoves(db) ? (syncStatement(db, 'SELECT home FROM sync_moved_out WHERE doc_id = ?').pluck().all(docId) as string[]) : [];
}

/**
 * The next page of a changes feed after `since`, each record once at its latest place: with a partition,
 * the records whose home it is (a summit's own record is its database's, 2750) and those that left it (migration 2000), without one, every record (read in
 * full and sorted: since migration 1360 no index keeps the places of the whole store in order, so that a save
 * writes one index of places, not two).
 */
export function feedPage(db: Db, since: number, pageSize: number, partition?: NonNullable<Partition>): FeedEntry[] {
  return (
    partition === undefined || !notesMoves(db)
      ? syncStatement(
          db,
          `SELECT doc_id, seq, from_server_seq IS seq AS from_server, NULL AS moved_out FROM sync_home
            WHERE ${partition === undefined ? '' : 'home = ? AND '}seq > ? ORDER BY seq LIMIT ?`,
        ).all(...(partition === undefined ? [] : [partition]), since, pageSize)
      : syncStatement(
          db,
          `SELECT * FROM (SELECT doc_id, seq, from_server_seq IS seq AS from_server, NULL AS moved_out FROM sync_home
                            WHERE home = @partition AND seq > @since ORDER BY seq LIMIT @pageSize)
           UNION ALL
           SELECT * FROM (SELECT doc_id, seq, 0 AS from_server, tombstone AS moved_out FROM sync_moved_out
                            WHERE home = @partition AND seq > @since ORDER BY seq LIMIT @pageSize)
           ORDER BY seq LIMIT @pageSize`,
        ).all({ partition, since, pageSize })
  ) as FeedEntry[];
}

// The feeds' clock (migration 0700's), kept since 1350 as a row of the table sync_rev's counter is in,
// whose page every revision writes anyway.
const takeNextPlace = "UPDATE sqlite_sequence SET seq = seq + 1 WHERE name = 'sync_feed_clock'";
const lastPlaceTaken = "(SELECT seq FROM sqlite_sequence WHERE name = 'sync_feed_clock')";

/** A record received in a merge, with the revisions the server sent of it. */
export interface ReceivedRecord {
  docId: string;
  revs: readonly string[];
}

/**
 * After a merge from a server database (`partition`; none: a desk replicating
 * its whole store with one database): a record whose every leaf here is one
 * the server just sent, and whose home is that database, is marked as the
 * server's at its current place in the feed, so the push does not offer it
 * back. A leaf of this desk's own (an offline edit, a restored parent) or a
 * move to another database leaves it unmarked, and it is pushed as before.
 * One statement for a merged slice, not one per record.
 */
export function markReceivedFromServer(db: Db, received: readonly ReceivedRecord[], partition?: NonNullable<Partition>): void {
  if (received.length === 0) return;
  syncStatement(
    db,
    // The received revisions are read out of the JSON once (MATERIALIZED): inlined, the slice's whole JSON was
    // parsed again for every record checked, a tenth of a first pull's merge.
    `WITH received (doc_id, rev) AS MATERIALIZED (
       SELECT R.value ->> 0, V.value FROM json_each(@received) AS R, json_each(R.value -> 1) AS V)
     UPDATE sync_home SET from_server_seq = seq
      WHERE doc_id IN (SELECT doc_id FROM received) AND (@partition IS NULL OR home = @partition)
        AND NOT EXISTS (SELECT 1 FROM sync_rev AS L WHERE L.doc_id = sync_home.doc_id
              AND NOT EXISTS (SELECT 1 FROM sync_rev AS C WHERE ${isChildOf('C', 'L.doc_id', 'L.rev')})
              AND NOT EXISTS (SELECT 1 FROM received AS R WHERE R.doc_id = L.doc_id AND R.rev = L.rev))`,
  ).run({ received: JSON.stringify(received.map((record) => [record.docId, record.revs])), partition: partition ?? null });
}

/**
 * Summits this desk starts sharing: their records were written before the
 * reference database's last checkpoint, so each takes a new place in the
 * feeds and is offered to it.
 */
export function offerNewlyShared(db: Db, summitDocIds: readonly string[]): void {
  for (const docId of summitDocIds) {
    statement(db, takeNextPlace).run();
    syncStatement(db, `UPDATE sync_home SET seq = ${lastPlaceTaken} WHERE doc_id = ?`).run(docId);
  }
}

/** Takes the next place in the changes feeds for nothing yet, and answers it: a place ahead of the writes that follow. */
export function takeFeedPlace(db: Db): number {
  statement(db, takeNextPlace).run();
  return lastFeedPlace(db);
}

/** The last place given in the changes feeds, 0 before any. */
export function lastFeedPlace(db: Db): number {
  return (syncStatement(db, `SELECT coalesce(${lastPlaceTaken}, 0)`).pluck().get() as number | undefined) ?? 0;
}

/** The text a record last had: its winner's, or for a deletion the last body before it. */
function lastBody(db: Db, docId: string): RecordBody | undefined {
  const body = syncStatement(
    db,
    `SELECT coalesce(
       (SELECT R.body FROM sync_doc AS D JOIN sync_rev AS R ON R.doc_id = D.doc_id AND R.rev = D.rev WHERE D.doc_id = ?),
       (SELECT body FROM sync_rev WHERE doc_id = ? AND body IS NOT NULL ORDER BY seq DESC LIMIT 1))`,
  )
    .pluck()
    .get(docId, docId) as string | null | undefined;
  return body == null ? undefined : (JSON.parse(body) as RecordBody);
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * The summit a record belonged to at one of its revisions (by that revision's
 * own links; a meeting's by what it is now), or null when that revision was
 * of no summit: a summit's bundle carries no text another summit's record had.
 */
export function summitOfRevision(db: Db, entity: string, body: RecordBody): string | null {
  const ofMeeting = (meetingDocId: string | undefined) => (meetingDocId ? (text(lastBody(db, meetingDocId)?.summit_id) ?? null) : null);
  switch (entity) {
    case 'meeting':
    case 'timeline_event':
      return text(body.summit_id) ?? null;
    case 'follow_up':
    case 'meeting_biography':
      return ofMeeting(text(body.meeting_id));
    case 'note':
      return text(body.meeting_id) ? ofMeeting(text(body.meeting_id)) : (text(body.summit_id) ?? null);
    default:
      return null;
  }
}

/**
 * The server database no longer holds what this desk received from it (wiped and made again empty, or another
 * server now answers at the address): the notes 1300 keeps, that the server has a record already, are no longer
 * true, and a record noted so would never be offered to it again. Cleared for that database (none: every one), so
 * the next push offers every record whose home it is.
 */
export function forgetReceivedFromServer(db: Db, partition?: NonNullable<Partition>): void {
  syncStatement(
    db,
    'UPDATE sync_home SET from_server_seq = NULL WHERE from_server_seq IS NOT NULL AND (@partition IS NULL OR home = @partition)',
  ).run({ partition: partition ?? null });
}

/** The replication checkpoint (`_local/…`) of this id this store holds, written after an exchange that ended. */
export function heldCheckpoint(db: Db, id: string): Record<string, unknown> | undefined {
  const body = statement(db, 'SELECT body FROM sync_local WHERE id = ?').pluck().get(id) as string | undefined;
  return body === undefined ? undefined : (JSON.parse(body) as Record<string, unknown>);
}
