import type { Db } from '../open.ts';
import { statement } from '../sql.ts';

// Need-to-know on the server: each record replicates to one database, whose
// CouchDB permissions say who may read it. Reference data every officer uses
// (sources, countries, people, programmes, sectors and their entries, undated
// chronology) goes to the reference database; what belongs to a summit (its
// meetings, participants, follow-ups, timeline, notes) goes to that summit's
// own database, and only when this desk shares the summit. The summit record
// itself, its title and dates, is in the reference database once shared, so
// colleagues can see it exists and choose to share it too. Everything else
// (a meeting of no summit, a free-standing note) stays on this desk.

export const referencePartition = 'reference';
/** 'reference', a summit's replication id, or null: kept on this desk. */
export type Partition = string | null;

/**
 * Which database a record replicates to, given the summits this desk shares:
 * read from the index migration 0700 keeps with every revision (`sync_home`),
 * so each summit's changes feed reads its own records only.
 */
export function partitionOf(db: Db, docId: string, shared: ReadonlySet<string>): Partition {
  // A summit's own record goes to the reference database once shared, so colleagues see it exists.
  if (docId.startsWith('summit:')) return shared.has(docId) ? referencePartition : null;
  const home = statement(db, 'SELECT home FROM sync_home WHERE doc_id = ?').pluck().get(docId) as string | null | undefined;
  if (home === undefined || home === null) return null;
  return home === referencePartition || shared.has(home) ? home : null;
}

/** A record at its place in the changes feeds. */
export interface FeedEntry {
  doc_id: string;
  seq: number;
}

/**
 * The next page of a changes feed after `since`, each record once at its latest place: with a partition,
 * the records whose home it is (the reference database's summits include those this desk does not share:
 * `partitionOf` tells them apart), without one, every record.
 */
export function feedPage(db: Db, since: number, pageSize: number, partition?: NonNullable<Partition>): FeedEntry[] {
  return (
    partition === undefined
      ? statement(db, 'SELECT doc_id, seq FROM sync_home WHERE seq > ? ORDER BY seq LIMIT ?').all(since, pageSize)
      : statement(db, 'SELECT doc_id, seq FROM sync_home WHERE home = ? AND seq > ? ORDER BY seq LIMIT ?').all(partition, since, pageSize)
  ) as FeedEntry[];
}

/**
 * Summits this desk starts sharing: their records were written before the
 * reference database's last checkpoint, so each takes a new place in the
 * feeds (migration 0700's clock) and is offered to it.
 */
export function offerNewlyShared(db: Db, summitDocIds: readonly string[]): void {
  for (const docId of summitDocIds) {
    statement(db, 'UPDATE sync_feed_clock SET seq = seq + 1').run();
    statement(db, 'UPDATE sync_home SET seq = (SELECT seq FROM sync_feed_clock) WHERE doc_id = ?').run(docId);
  }
}
