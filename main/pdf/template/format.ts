import type { DatePrecision, Meeting } from '../../../shared/domain.ts';
import { isCalendarDate, isKnownTimeZone } from '../../../shared/fieldRules.ts';
import { sameTimeZone, showsSummitTime, wallTimeInZone, zoneAbbreviation } from '../../../shared/time.ts';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "11 July 2023": day-month-year reads the same to every English-reading principal. */
export function formatDate(isoDate: string, precision: DatePrecision = 'day'): string {
  // Outside years 1–9999 (year 0 from an older version, a damaged row) the pack prints what is stored.
  if (!isCalendarDate(isoDate)) return isoDate;
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const monthName = months[month - 1] ?? '';
  if (precision === 'year') return String(year);
  if (precision === 'month') return `${monthName} ${year}`;
  return `${day} ${monthName} ${year}`;
}

export function formatDateRange(start: string, end: string): string {
  return start === end ? formatDate(start) : `${formatDate(start)} – ${formatDate(end)}`;
}

/** Wall date, time and zone abbreviation; an unreadable stored time is printed as stored, not thrown. */
function partsIn(instant: string, timeZone: string) {
  if (Number.isNaN(Date.parse(instant)) || !isKnownTimeZone(timeZone)) return { date: instant, time: '', zone: '' };
  return { ...wallTimeInZone(instant, timeZone), zone: zoneAbbreviation(instant, timeZone) };
}

/**
 * The meeting's date and time at the venue, at its summit when that is in
 * another zone and reads otherwise (a call with Honolulu during a summit in
 * Nukuʻalofa), and in the home capital when that differs; with a duration,
 * also when it ends, with the date again when that is another day (a working
 * dinner from 22:30 to 00:30 ends tomorrow).
 */
export function meetingWhen(
  meeting: Pick<Meeting, 'startsAt' | 'startTimeKnown' | 'timeZone'> & { durationMinutes?: number | null },
  homeTimeZone: string,
  summitTimeZone: string | null = null,
): string {
  // Printed as stored, naming the zone, when it cannot be converted (see partsIn).
  if (Number.isNaN(Date.parse(meeting.startsAt)) || !isKnownTimeZone(meeting.timeZone)) {
    return `${meeting.startsAt} (time zone ${meeting.timeZone})`;
  }
  const venue = partsIn(meeting.startsAt, meeting.timeZone);
  if (!meeting.startTimeKnown) return `${formatDate(venue.date)} (time not set)`;
  const minutes = meeting.durationMinutes ?? null;
  const endsAt = minutes === null ? null : new Date(Date.parse(meeting.startsAt) + minutes * 60_000).toISOString();
  const span = (timeZone: string, showDate: boolean) => {
    const start = partsIn(meeting.startsAt, timeZone);
    const startText = `${showDate ? `${formatDate(start.date)}, ` : ''}${start.time} ${start.zone}`;
    if (endsAt === null) return startText;
    const end = partsIn(endsAt, timeZone);
    return `${startText} – ${end.date === start.date ? '' : `${formatDate(end.date)}, `}${end.time} ${end.zone}`;
  };
  // After a venue span that ends on another day, times without a date would read as that later day.
  const venueEndsAnotherDay = endsAt !== null && partsIn(endsAt, meeting.timeZone).date !== venue.date;
  const datedIn = (timeZone: string) => partsIn(meeting.startsAt, timeZone).date !== venue.date || venueEndsAnotherDay;
  const venueText = `${span(meeting.timeZone, true)} (venue)`;
  const summitText =
    summitTimeZone !== null && showsSummitTime(meeting, summitTimeZone, homeTimeZone)
      ? `; ${span(summitTimeZone, datedIn(summitTimeZone))} (summit)`
      : '';
  if (sameTimeZone(homeTimeZone, meeting.timeZone)) return `${venueText}${summitText}`;
  return `${venueText}${summitText}; ${span(homeTimeZone, datedIn(homeTimeZone))} (home)`;
}

export function formatDuration(minutes: number | null): string {
  if (minutes === null) return 'Not set';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [hours ? `${hours} h` : '', rest ? `${rest} min` : ''].filter(Boolean).join(' ');
}

/** Opening and closing marks an officer may paste round a quotation, pair by pair. */
const quotationPairs = [
  ['“', '”'],
  ['"', '"'],
  ['«', '»'],
  ['„', '“'],
  ['‘', '’'],
] as const;

/**
 * A source excerpt as the pack prints it, inside one pair of quotation marks:
 * an excerpt pasted with its own marks would otherwise print them twice.
 */
export function quotedExcerpt(excerpt: string): string {
  const text = excerpt.trim();
  const pair = quotationPairs.find(([open, close]) => text.length > 1 && text.startsWith(open) && text.endsWith(close));
  const inner = pair ? text.slice(pair[0].length, text.length - pair[1].length).trim() : text;
  return `“${inner}”`;
}
