import type { Migration } from './index.ts';

// A round in which the server refused one database (an officer's access to a
// summit revoked) while this desk had records for it kept the whole desk's
// "sent up to" mark where it was: every later edit, to any summit, counted as
// waiting although it reached the server, so "3 changes waiting" told the
// officer nothing of what had gone. The mark now moves on for the databases
// that took their records; each refused one that still has records of this
// desk waiting keeps its own mark here until an exchange with it succeeds.
export const syncDatabaseBehind: Migration = {
  version: 2960,
  name: 'a database the server refused keeps its own mark of what this desk sent it',
  up(db) {
    db.exec(`
      CREATE TABLE sync_database_behind (
        partition TEXT PRIMARY KEY,
        pushed_through INTEGER NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
