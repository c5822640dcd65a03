import type { MeetingSummary } from '../../../shared/domain.ts';
import { isKnownTimeZone } from '../../../shared/fieldRules.ts';
import { dayInZone } from '../../../shared/time.ts';

/** `outside`: the summit's dates the whole day lies before or after, at the summit (null when within them). */
export type ProgrammeRow =
  | { kind: 'day'; day: string; count: number; outside: 'before' | 'after' | null }
  | { kind: 'meeting'; meeting: MeetingSummary };

/** The summit's dates, in its own time zone. */
export interface SummitDays {
  startDate: string;
  endDate: string;
  timeZone: string;
}

/**
 * The day a meeting falls on at the summit: a side meeting in Dhaka at 00:10 on 11 September is 23:40 on the
 * 10th in New Delhi, within a summit ending on the 10th. A meeting whose time of day is not known has only its
 * venue's date.
 */
function dayAtSummit(meeting: MeetingSummary, summit: SummitDays): string {
  if (!meeting.startTimeKnown || !isKnownTimeZone(summit.timeZone)) return dayInZone(meeting.startsAt, meeting.timeZone);
  return dayInZone(meeting.startsAt, summit.timeZone);
}

/**
 * Whether the meetings of one venue day (`day`) all fall before or after the summit's dates, at the summit. Each
 * meeting's day there is worked out only as far as the answer needs it (most days lie within the dates and are
 * settled by their first meeting), and not at all for a meeting held in the summit's own zone, whose day there is
 * its venue's: a date conversion is a call into the runtime's calendar, and a 500-meeting summit made 1,000 of
 * them on each first render where 500 are needed.
 */
function outsideSummit(day: string, meetings: readonly MeetingSummary[], summit: SummitDays | undefined): 'before' | 'after' | null {
  if (!summit || meetings.length === 0) return null;
  const atSummit = (meeting: MeetingSummary) => (meeting.timeZone === summit.timeZone ? day : dayAtSummit(meeting, summit));
  if (meetings.every((meeting) => atSummit(meeting) < summit.startDate)) return 'before';
  if (meetings.every((meeting) => atSummit(meeting) > summit.endDate)) return 'after';
  return null;
}

/**
 * Meetings grouped under the venue's calendar day they fall on, one heading a
 * day, days in calendar order. The store orders meetings by instant, and a
 * call across the date line (Kiritimati's Sunday morning is Saturday in Addis
 * Ababa) would otherwise open a second heading for a day already shown.
 * Within a day the meetings keep the store's order, by instant. A day is said
 * to lie before or after the summit's dates only when its meetings do at the
 * summit, not merely at their own venues.
 */
export function programmeRows(meetings: readonly MeetingSummary[], summit?: SummitDays): ProgrammeRow[] {
  const byDay = new Map<string, MeetingSummary[]>();
  for (const meeting of meetings) {
    const day = dayInZone(meeting.startsAt, meeting.timeZone);
    const sameDay = byDay.get(day);
    if (sameDay) sameDay.push(meeting);
    else byDay.set(day, [meeting]);
  }
  const days = [...byDay.keys()].sort();
  return days.flatMap((day) => {
    const dayMeetings = byDay.get(day) ?? [];
    return [
      { kind: 'day', day, count: dayMeetings.length, outside: outsideSummit(day, dayMeetings, summit) } as const,
      ...dayMeetings.map((meeting) => ({ kind: 'meeting', meeting }) as const),
    ];
  });
}
