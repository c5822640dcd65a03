import type { Migration } from './index.ts';

// A first pull writes many rows before what they link to has come: a sector entry's annotations before the entry
// (itself waiting for its source, which its feed sends last), a summit's meetings before the summit. Each is written
// with the link empty, indexed for search by the catch-up that runs while the desk waits for the server, then
// written again, linked, and indexed again: its entry dropped and added, twice FTS5's work for one row (on the
// quick benchmark store, 6,700 rows of 17,755 went through the index twice). The rows of records still waiting
// are set aside here instead: the catch-up while a round merges leaves them for the link to bring; any other
// catch-up (a search, the round's end, a bundle's import) indexes them as before.
export const searchLeavesRowsWaitingForLinks: Migration = {
  version: 3250,
  name: 'rows of records waiting for a link are indexed for search once linked',
  up(db) {
    // The search index's row ids (a row's id * 16 + its kind's code, as search_pending keeps them).
    db.exec('CREATE TABLE search_deferred (rowid INTEGER PRIMARY KEY)');
  },
};
