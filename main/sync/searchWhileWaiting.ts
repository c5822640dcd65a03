import type { Db } from '../../db/open.ts';
import { indexPendingSearch } from '../../db/search.ts';

// A round's merged rows wait to be indexed for search (migration 1600). Left
// all to the end of the round, that catch-up was about a quarter of a first
// pull, with the server idle. Between batches the desk mostly waits for the
// server (its next batch, a checkpoint): the catch-up runs then, a slice at a
// time, and pauses whenever one of the round's replications is merging.

/**
 * Rows a round merged are indexed for search this many at a time (of each of notes and other records), each
 * slice one transaction, yielding between slices, so a save waits for one at most: on the full benchmark store
 * slices of 2,000 took up to 1.1 s (load 9), a merged slice of 100 records up to 0.84 s.
 */
export const searchCatchUpSlice = 500;

/**
 * While the round still merges, slices of this many: a save typed meanwhile may wait behind one, and 500 of
 * each kind (a transaction about three times a merged slice's) raised the full store's p99 save wait from
 * 267 to 403 ms; per row the catch-up costs the same in slices of 250 as of 2,000.
 */
export const indexedWhileWaiting = 200;

/** What a round's replications tell of their merges, so the catch-up keeps out of their way. */
export interface MergeActivity {
  begins(): void;
  ends(): void;
}

export interface SearchWhileWaiting extends MergeActivity {
  /** No slice runs after this; what is left is the round's own catch-up at its end. */
  stop(): void;
}

/**
 * Indexes merged rows, `slice` of each kind a transaction, whenever no merge is
 * under way; a merge ending starts it again. Each slice lets the thread go
 * (I/O first: an answer from the server is handed on before the next slice).
 */
export function searchWhileWaiting(db: Db, slice = indexedWhileWaiting): SearchWhileWaiting {
  let merging = 0;
  let scheduled = false;
  let stopped = false;
  const step = () => {
    scheduled = false;
    if (stopped || merging > 0 || !db.open) return;
    // Rows of records waiting for a link are left for it: it writes them again (db/search.ts, deferSearchOf).
    if (indexPendingSearch(db, slice, true) > 0) schedule();
  };
  const schedule = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    setImmediate(step);
  };
  return {
    begins: () => {
      merging += 1;
    },
    ends: () => {
      merging = Math.max(0, merging - 1);
      schedule();
    },
    stop: () => {
      stopped = true;
    },
  };
}
