import type { Settings } from '../../../shared/contract.ts';
import type { DatePrecision, Meeting } from '../../../shared/domain.ts';
import { isCalendarDate, isKnownTimeZone } from '../../../shared/fieldRules.ts';
import { sameTimeZone, showsSummitTime, wallTimeInZone, zoneAbbreviation } from '../../../shared/time.ts';
import { keptWhole } from './keptWhole.ts';

/** The language a pack prints its own words in: the desk's interface language, so a Korean desk's principal reads Korean. */
export type PackLanguage = Settings['language'];

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "11 July 2023": day-month-year reads the same to every English-reading principal; "2023년 7월 11일" in Korean,
 * year first, as Korean documents date. Kept whole on its line (keptWhole.ts).
 */
export function formatDate(isoDate: string, precision: DatePrecision = 'day', language: PackLanguage = 'en'): string {
  return keptWhole(dateWords(isoDate, precision, language));
}

function dateWords(isoDate: string, precision: DatePrecision, language: PackLanguage): string {
  // Outside years 1–9999 (year 0 from an older version, a damaged row) the pack prints what is stored.
  if (!isCalendarDate(isoDate)) return isoDate;
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  if (language === 'ko') {
    if (precision === 'year') return `${year}년`;
    if (precision === 'month') return `${year}년 ${month}월`;
    return `${year}년 ${month}월 ${day}일`;
  }
  const monthName = months[month - 1] ?? '';
  if (precision === 'year') return String(year);
  if (precision === 'month') return `${monthName} ${year}`;
  return `${day} ${monthName} ${year}`;
}

export function formatDateRange(start: string, end: string, language: PackLanguage = 'en'): string {
  return start === end ? formatDate(start, 'day', language) : `${formatDate(start, 'day', language)} – ${formatDate(end, 'day', language)}`;
}

/** The words of a meeting's time and length, beside the dates they go with. */
const timeWords = {
  en: {
    venue: '(venue)',
    summit: '(summit)',
    home: '(home)',
    timeNotSet: '(time not set)',
    timeZone: (zone: string) => `(time zone ${zone})`,
    notSet: 'Not set',
    hours: (hours: number) => `${hours} h`,
    minutes: (minutes: number) => `${minutes} min`,
  },
  ko: {
    venue: '(현지)',
    summit: '(정상회의)',
    home: '(본국)',
    timeNotSet: '(시각 미정)',
    timeZone: (zone: string) => `(시간대 ${zone})`,
    notSet: '미정',
    hours: (hours: number) => `${hours}시간`,
    minutes: (minutes: number) => `${minutes}분`,
  },
} as const satisfies Record<PackLanguage, unknown>;

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
  language: PackLanguage = 'en',
): string {
  const words = timeWords[language];
  const date = (isoDate: string) => formatDate(isoDate, 'day', language);
  // Printed as stored, naming the zone, when it cannot be converted (see partsIn).
  if (Number.isNaN(Date.parse(meeting.startsAt)) || !isKnownTimeZone(meeting.timeZone)) {
    return `${meeting.startsAt} ${words.timeZone(meeting.timeZone)}`;
  }
  const venue = partsIn(meeting.startsAt, meeting.timeZone);
  if (!meeting.startTimeKnown) return `${date(venue.date)} ${words.timeNotSet}`;
  const minutes = meeting.durationMinutes ?? null;
  const endsAt = minutes === null ? null : new Date(Date.parse(meeting.startsAt) + minutes * 60_000).toISOString();
  const span = (timeZone: string, showDate: boolean) => {
    const start = partsIn(meeting.startsAt, timeZone);
    // A time whole with its zone, "14:30 EDT" or "10:00 IST (GMT+5:30)": the line may break after the date's comma.
    const startText = `${showDate ? `${date(start.date)}, ` : ''}${keptWhole(`${start.time} ${start.zone}`)}`;
    if (endsAt === null) return startText;
    const end = partsIn(endsAt, timeZone);
    return `${startText} – ${end.date === start.date ? '' : `${date(end.date)}, `}${keptWhole(`${end.time} ${end.zone}`)}`;
  };
  // After a venue span that ends on another day, times without a date would read as that later day.
  const venueEndsAnotherDay = endsAt !== null && partsIn(endsAt, meeting.timeZone).date !== venue.date;
  const datedIn = (timeZone: string) => partsIn(meeting.startsAt, timeZone).date !== venue.date || venueEndsAnotherDay;
  const venueText = `${span(meeting.timeZone, true)} ${words.venue}`;
  const summitText =
    summitTimeZone !== null && showsSummitTime(meeting, summitTimeZone, homeTimeZone)
      ? `; ${span(summitTimeZone, datedIn(summitTimeZone))} ${words.summit}`
      : '';
  if (sameTimeZone(homeTimeZone, meeting.timeZone)) return `${venueText}${summitText}`;
  return `${venueText}${summitText}; ${span(homeTimeZone, datedIn(homeTimeZone))} ${words.home}`;
}

export function formatDuration(minutes: number | null, language: PackLanguage = 'en'): string {
  const words = timeWords[language];
  if (minutes === null) return words.notSet;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  // Whole on its line (keptWhole.ts): "1 h" at a line's end and "30 min" below reads as an hour.
  return keptWhole([hours ? words.hours(hours) : '', rest ? words.minutes(rest) : ''].filter(Boolean).join(' '));
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
