import type { TimelineEvent } from '../shared/domain.ts';
import type { Db } from './open.ts';
import { table } from './sql.ts';

export const timelineEvents = table<TimelineEvent>({
  table: 'timeline_event',
  kind: 'timeline event',
  touch: false,
  columns: {
    id: 'id',
    occurredOn: 'occurred_on',
    precision: 'precision',
    title: 'title',
    description: 'description',
    summitId: 'summit_id',
    sourceId: 'source_id',
    sourceExcerpt: 'source_excerpt',
    classification: 'classification',
  },
});

export function listTimeline(db: Db): TimelineEvent[] {
  return timelineEvents.all(db, 'ORDER BY occurred_on, id');
}

/** One summit's events, found through its index rather than filtered from every event. */
export function listTimelineOfSummit(db: Db, summitId: number): TimelineEvent[] {
  return timelineEvents.all(db, 'WHERE summit_id = ? ORDER BY occurred_on, id', summitId);
}
