import type { Db } from '../open.ts';

// A first pull writes most of a store into B-trees keyed by random record ids
// (the states, the revisions, the feeds' homes, the rows' own indexes) and
// into the search index, each slice touching pages all over a file that grows
// to 700 MB. With SQLite's 16 MB page cache nearly every one of those pages
// was read again from the file for every slice: desk B's full pull read
// 11 GB through the kernel. While a round replicates, the cache may grow to
// this size; the pages are let go when the round ends, so the store's memory
// the rest of the day is what it was.

/** The page cache a replication round may fill, in KiB: about a third of the full benchmark store. */
export const roundCacheKib = 256 * 1024;

/** SQLite's cache_size: negative is KiB, positive is pages. */
const cacheKib = (db: Db, size: number) => (size < 0 ? -size : (size * (db.pragma('page_size', { simple: true }) as number)) / 1024);

/**
 * Lets the connection's page cache grow to roundCacheKib while a round runs (never shrinks a larger one);
 * returns how to put it back, which frees the pages beyond the usual size.
 */
export function widenCacheForRound(db: Db): () => void {
  const before = db.pragma('cache_size', { simple: true }) as number;
  if (cacheKib(db, before) >= roundCacheKib) return () => undefined;
  db.pragma(`cache_size = -${roundCacheKib}`);
  return () => {
    if (db.open) db.pragma(`cache_size = ${before}`);
  };
}
