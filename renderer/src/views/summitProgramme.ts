import type { MeetingSummary } from '../../../shared/domain.ts';
import { dayInZone } from '../../../shared/time.ts';

export type ProgrammeRow = { kind: 'day'; day: string; count: number } | { kind: 'meeting'; meeting: MeetingSummary };

/**
 * Meetings grouped under the venue's calendar day they fall on, one heading a
 * day, days in calendar order. The store orders meetings by instant, and a
 * call across the date line (Kiritimati's Sunday morning is Saturday in Addis
 * Ababa) would otherwise open a second heading for a day already shown.
 * Within a day the meetings keep the store's order, by instant.
 */
export function programmeRows(meetings: readonly MeetingSummary[]): ProgrammeRow[] {
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
      { kind: 'day', day, count: dayMeetings.length } as const,
      ...dayMeetings.map((meeting) => ({ kind: 'meeting', meeting }) as const),
    ];
  });
}
