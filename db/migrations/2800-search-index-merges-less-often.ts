import type { Migration } from './index.ts';

// FTS5 writes each indexing transaction's words as a new segment and merges
// segments in the background of later writes once 4 of one size pile up
// (its `automerge`). A first pull indexes 156,000 rows in slices of a few
// hundred: with six prefix indexes, merging was about a fifth of the
// catch-up, itself a third of the pull. Merging once 8 pile up writes each
// word fewer times over (40,000 rows of the benchmark store indexed in slices
// of 200: 6.5 s of CPU before, 5.3 s after, the longest slice shorter, not
// longer), and a search reads at most a few more segments. The setting is
// kept in the index's own config table, so it is written once here.
export const searchIndexMergesLessOften: Migration = {
  version: 2800,
  name: 'the search index merges its segments 8 at a time, not 4',
  up(db) {
    db.exec(`
      INSERT INTO search_text (search_text, rank) VALUES ('automerge', 8);
      INSERT INTO search_title (search_title, rank) VALUES ('automerge', 8);
    `);
  },
};
