import type { Migration } from './index.ts';

// Indexes found by the benchmark (npm run bench) on a desk-sized store:
// - a sector's annotation counts read only live notes' index entries, not the
//   notes themselves (700 entries cost 400 ms from a cold cache without it);
// - a meeting brief's annotations come in order from the index;
// - a summit's timeline is found by summit, not filtered from every event;
// - a summit's meeting list (500 meetings) is read from the index alone,
//   never touching the long brief text stored in each meeting row.
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
    `);
  },
};
