import type { Db } from '../../../db/open.ts';
import { conflictOf, dismissConflict } from '../../../db/sync/conflicts.ts';
import { docIdOfRow } from '../../../db/sync/deskExchange.ts';
import { isSyncedEntity } from '../../../db/sync/history.ts';
import { UserError } from './types.ts';

// A record deleted while it holds another desk's versions (a sync conflict)
// is not gone: by CouchDB's rule the other branch wins at the next exchange
// and the record comes back with that text, unseen. So a delete says so first,
// and closes those versions only when the officer chose to (they stay in the
// record's history, as a dismissed version does).

/** The revisions of other desks' versions of a row not yet settled; none for a record that is not shared. */
export function otherVersionsOf(db: Db, table: string, rowId: number): string[] {
  if (!isSyncedEntity(table)) return [];
  const docId = docIdOfRow(db, table, rowId);
  return docId ? (conflictOf(db, docId)?.losers.map((loser) => loser.rev) ?? []) : [];
}

/** Refuses to delete a row with unsettled versions unless told to close them with it; then closes them. */
export function closeOtherVersions(db: Db, table: string, rowId: number, withOtherVersions: boolean): void {
  const others = otherVersionsOf(db, table, rowId);
  if (others.length === 0) return;
  if (!withOtherVersions)
    throw new UserError(
      'conflict',
      `This record has ${others.length} version(s) from another desk not yet settled: look at them in Conflicts first, or delete it with them. Nothing was deleted.`,
      { reason: 'unsettled_conflict', params: { count: others.length } },
    );
  const docId = docIdOfRow(db, table as Parameters<typeof docIdOfRow>[1], rowId) as string;
  for (const rev of others) dismissConflict(db, docId, rev);
}
