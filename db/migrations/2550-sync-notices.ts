import type { Migration } from './index.ts';

// One record a server database would not take (too large, refused by its
// rules) or that this desk would not take from it (more branches than a merge
// may hold, a history no desk writes, a record of a summit this desk does not
// share) used to end the whole round with the server's English words, or was
// left out without a trace. Each is now left out alone and counted here, by
// database, direction and reason, with no content: the Sync panel shows them
// until the desk disconnects.
export const syncNotices: Migration = {
  version: 2550,
  name: 'records left out of an exchange are counted, by database and reason',
  up(db) {
    db.exec(`
      CREATE TABLE sync_notice (
        database TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('received', 'sent')),
        reason TEXT NOT NULL,
        count INTEGER NOT NULL CHECK (count > 0),
        at TEXT NOT NULL,
        PRIMARY KEY (database, direction, reason)
      ) WITHOUT ROWID;
    `);
  },
};
