import type { Migration } from './index.ts';

// Indexes found by the benchmark (npm run bench) on a desk-sized store:
// - a sector's annotation counts read only live notes' index entries, not the
//   notes themselves (700 entries cost 400 ms from a cold cache without it);
// - a meeting brief's annotations come in order from the index;
// - a summit's timeline is found by summit, not filtered from every event;
// - a summit's meeting list (500 meetings) is read from the index alone,
//   never touching the long brief text stored in each meeting row;
// - search keeps prefixes of up to 6 letters (was 3): a word typed so far
//   ("minis", "exper") is then one index entry, where FTS5 otherwise merges
//   the postings of every word it begins (~50 ms on 100,000 notes, ~1 ms
//   with it) for about 45% more index. FTS5 cannot change the prefixes of a
//   table, so the index is rebuilt from its own content; the triggers that
//   keep it in step write to it by name and need no change.
export const viewIndexes: Migration = {
  version: 70,
  name: 'indexes for the views at a desk’s scale',
  up(db) {
    db.exec(`
      CREATE INDEX note_live_by_entry ON note(sector_entry_id, deleted_at) WHERE deleted_at IS NULL AND sector_entry_id IS NOT NULL;
      CREATE INDEX note_live_by_meeting ON note(meeting_id, created_at) WHERE deleted_at IS NULL AND meeting_id IS NOT NULL;
      CREATE INDEX timeline_by_summit ON timeline_event(summit_id, occurred_on) WHERE summit_id IS NOT NULL;
      CREATE INDEX meeting_summary_by_summit
        ON meeting(summit_id, starts_at, id, title, format, start_time_known, time_zone, venue, status);

      CREATE VIRTUAL TABLE search_index_rebuilt USING fts5(
        title, body,
        kind UNINDEXED, ref_id UNINDEXED, summit_id UNINDEXED, sector_id UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3 4 5 6'
      );
      INSERT INTO search_index_rebuilt (rowid, title, body, kind, ref_id, summit_id, sector_id)
        SELECT rowid, title, body, kind, ref_id, summit_id, sector_id FROM search_index;
      DROP TABLE search_index;
    `);
    // Between the drop and the rename the triggers name a missing table; the
    // legacy rename does not re-check them, and they are whole again after it.
    db.pragma('legacy_alter_table = ON');
    try {
      db.exec('ALTER TABLE search_index_rebuilt RENAME TO search_index');
    } finally {
      db.pragma('legacy_alter_table = OFF');
    }
  },
};
