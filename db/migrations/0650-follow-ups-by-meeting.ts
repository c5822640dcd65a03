import type { Migration } from './index.ts';

// Found by the growth benchmark (npm run bench -- --growth): a meeting brief
// read its follow-up actions by scanning every follow-up in the store, since
// the only index on them was by status and due date. The brief's own work
// does not grow with the store, but the scan did: 0.3 ms at 100,000
// annotations, ten times that at 1,000,000. By meeting, in the brief's order,
// it reads only its own. Deleting a meeting (ON DELETE CASCADE) finds them
// the same way.
export const followUpsByMeeting: Migration = {
  version: 650,
  name: 'follow-up actions found by meeting',
  up(db) {
    db.exec(`CREATE INDEX follow_up_by_meeting ON follow_up(meeting_id, due_on IS NULL, due_on, id) WHERE meeting_id IS NOT NULL;`);
  },
};
