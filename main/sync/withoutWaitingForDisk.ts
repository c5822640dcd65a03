import type { Db } from '../../db/open.ts';

/**
 * Replication's own writes (merged slices, checkpoints, the search index of what they merged) commit without
 * waiting for the disk (synchronous = NORMAL). In WAL mode commits reach the disk in order, so a power cut can
 * only lose a tail of them: checkpoints with the records before them, which the next round fetches again, and
 * search rows whose marks (search_pending) are lost with them, so they are indexed again. A user's save, made
 * between two of these writes, commits as the store always does, and takes every write before it to the disk.
 */
export function withoutWaitingForDisk<T>(db: Db, write: () => T): T {
  const level = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  try {
    return write();
  } finally {
    db.pragma(`synchronous = ${level}`);
  }
}
