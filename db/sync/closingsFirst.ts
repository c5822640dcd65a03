import type { Db } from '../open.ts';
import { settleMoves } from './merge.ts';
import { takeFeedPlace } from './partition.ts';
import { syncStatement } from './pendingNotes.ts';

// Deleting a meeting takes its notes out of the summit's database (unlinked, or in the trash): each leaves it
// by a closing (movedOut.ts), written before an exchange. A round already under way when the officer deleted
// (started by a save just before) had written its closings, and pushed the meeting's deletion alone: a
// colleague's desk still holding the note, filed under the meeting, brought the meeting back for it on every
// desk (rows.ts), though the deleting desk had seen that note (issue #13). The closings are now written with
// the deletion, in its transaction, and placed in the feed before it: a push carrying the deletion carries
// them too, in the same batch or an earlier one, and a desk reading the server meets them first.

/** Runs a user's `deletion` (in the caller's transaction) and closes what it moved out of a database, ahead of it in the feed. */
export function withClosingsFirst<T>(db: Db, deletion: () => T): T {
  // A place taken before the deletion's own: nothing has read it, nor will before this transaction ends.
  const ahead = takeFeedPlace(db);
  const result = deletion();
  settleMoves(db);
  syncStatement(db, 'UPDATE sync_moved_out SET seq = ? WHERE tombstone IS NOT NULL AND seq > ?').run(ahead, ahead);
  return result;
}
