import type { Summit } from '../shared/domain.ts';
import type { Db } from './open.ts';
import { table } from './sql.ts';

export const summits = table<Summit>({
  table: 'summit',
  kind: 'summit',
  touch: true,
  columns: {
    id: 'id',
    title: 'title',
    city: 'city',
    countryId: 'country_id',
    startDate: 'start_date',
    endDate: 'end_date',
    timeZone: 'time_zone',
    description: 'description',
    sourceId: 'source_id',
    classification: 'classification',
  },
});

export function listSummits(db: Db): Summit[] {
  return summits.all(db, 'ORDER BY start_date DESC, id');
}

/** Summits that have not ended on `today` (venue dates), soonest first. */
export function listUpcomingSummits(db: Db, today: string, limit: number): Summit[] {
  return summits.all(db, 'WHERE end_date >= ? ORDER BY start_date, id LIMIT ?', today, limit);
}

/** The summits whose days (venue dates) include `day`, earliest first. */
export function listSummitsDuring(db: Db, day: string): Summit[] {
  return summits.all(db, 'WHERE start_date <= ? AND end_date >= ? ORDER BY start_date, id', day, day);
}
