import type { FollowUp } from '../shared/domain.ts';
import type { Db } from './open.ts';
import { table } from './sql.ts';

export const followUps = table<FollowUp>({
  table: 'follow_up',
  kind: 'follow-up action',
  touch: true,
  columns: {
    id: 'id',
    meetingId: 'meeting_id',
    description: 'description',
    owner: 'owner',
    dueOn: 'due_on',
    status: 'status',
    classification: 'classification',
  },
});

export function listFollowUpsOfMeeting(db: Db, meetingId: number): FollowUp[] {
  return followUps.all(db, 'WHERE meeting_id = ? ORDER BY due_on IS NULL, due_on, id', meetingId);
}

/** Open actions, the most urgent first; undated ones last. */
export function listOpenFollowUps(db: Db, limit: number): FollowUp[] {
  return followUps.all(db, `WHERE status = 'open' ORDER BY due_on IS NULL, due_on, id LIMIT ?`, limit);
}
