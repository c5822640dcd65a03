import type { Migration } from './index.ts';

// Two changes written side by side each made a meeting moved to another summit
// re-send its notes, follow-ups and participants there: migration 0700's
// changes-feed index gives them a new place in the feed (sync_home), and
// migration 0760 renumbered their latest revisions in `sync_rev`. The feeds are
// read from the index now, so 0760's trigger only rewrote revision order that
// nothing reads for this any more (and that other code takes as the order of
// arrival). One way is kept: the index's.
export const oneWayToResendMovedRecords: Migration = {
  version: 1030,
  name: 'a moved meeting re-sends its records through the changes-feed index only',
  up(db) {
    db.exec('DROP TRIGGER IF EXISTS sync_rev_meeting_moved');
  },
};
