import type { TimelineEvent } from '../../../shared/domain.ts';
import { formatDate } from '../../../shared/time.ts';

/** A date shown only as precisely as the source gives it: "2006", "November 2022", "11 July 2023". */
export function formatEventDate(event: Pick<TimelineEvent, 'occurredOn' | 'precision'>, locale: string): string {
  const options: Intl.DateTimeFormatOptions =
    event.precision === 'year'
      ? { year: 'numeric' }
      : event.precision === 'month'
        ? { month: 'long', year: 'numeric' }
        : { day: 'numeric', month: 'long', year: 'numeric' };
  return formatDate(event.occurredOn, locale, options);
}
