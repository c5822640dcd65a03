import type { Migration } from './index.ts';

// Every save gives its record a new place in the feeds, and every index over
// the place moves the record's entry from wherever it was to the end: two
// pages of each such index written by each save, beside the row. There were
// two: (home, seq), which each server database's feed reads, and (seq)
// alone, which only a feed of the whole store read (a replication without
// partitions: a single server database, as in tests). The second is gone,
// about two pages fewer a save. A page of the whole store's feed now reads
// the places in full and sorts them (each server database's feed still reads
// its index); only a replication without partitions asks for it.

export const feedReadByPartitionOnly: Migration = {
  version: 1360,
  name: 'the feeds are read by partition only',
  up(db) {
    db.exec('DROP INDEX sync_home_by_seq');
  },
};
