import type { Migration } from './index.ts';

// A summit view lists the sectors with an entry during the summit. It asked
// every sector in the store whether it had one (one index probe each), so
// the view grew with the number of sectors, not with what it shows. By date,
// only the entries of those days are read.
export const sectorEntriesByDate: Migration = {
  version: 670,
  name: 'sector entries found by date',
  up(db) {
    db.exec('CREATE INDEX sector_entry_by_date ON sector_entry(occurred_on, sector_id);');
  },
};
