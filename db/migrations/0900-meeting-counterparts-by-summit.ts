import type { Migration } from './index.ts';

// A summit view counts the people of its meetings and paints the first of
// them, counterparts first. A meeting's counterpart sat only in the meeting's
// own row, beside its whole brief: reading it for a summit's 500 meetings read
// 500 briefs' pages. This index holds it in the summit's meeting order.
export const meetingCounterpartsBySummit: Migration = {
  version: 900,
  name: 'meeting counterparts by summit',
  up(db) {
    db.exec('CREATE INDEX meeting_counterpart_by_summit ON meeting(summit_id, starts_at, id, counterpart_id);');
  },
};
