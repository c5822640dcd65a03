// Times are stored as UTC instants plus the venue's IANA zone; Intl does the
// conversion so daylight-saving changes are right on both sides.
import { isCalendarDate, isKnownTimeZone, maxYear, minYear, runtimeTimeZoneName } from './fieldRules.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Formatters are cached by locale and options: creating one costs about as
 * much as formatting a hundred dates, and a summit's programme formats
 * hundreds (the benchmark's 500-meeting summit spent ~0.4 s creating them).
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Abbreviations the tz database gives where Intl's English names fall back to
 * "GMT+9": keyed by zone, then by the offset in minutes (a zone with summer
 * time has two). Zones the tz database itself names only by number ("+04")
 * are left out and shown as an offset.
 */
const tzAbbreviations: Record<string, Record<number, string>> = {
  'Asia/Seoul': { 540: 'KST' },
  'Asia/Pyongyang': { 540: 'KST' },
  'Asia/Tokyo': { 540: 'JST' },
  'Asia/Shanghai': { 480: 'CST' },
  'Asia/Taipei': { 480: 'CST' },
  'Asia/Hong_Kong': { 480: 'HKT' },
  'Asia/Manila': { 480: 'PST' },
  'Asia/Kolkata': { 330: 'IST' },
  'Asia/Karachi': { 300: 'PKT' },
  'Asia/Jakarta': { 420: 'WIB' },
  'Asia/Jerusalem': { 120: 'IST', 180: 'IDT' },
  'Europe/Dublin': { 0: 'GMT', 60: 'IST' },
  'Europe/Moscow': { 180: 'MSK' },
  'Africa/Johannesburg': { 120: 'SAST' },
  'Africa/Lagos': { 60: 'WAT' },
  'Africa/Nairobi': { 180: 'EAT' },
  // Zones the tz database links to Nairobi, Maputo and Lagos: the African Union meets in Addis Ababa.
  'Africa/Addis_Ababa': { 180: 'EAT' },
  'Africa/Dar_es_Salaam': { 180: 'EAT' },
  'Africa/Kampala': { 180: 'EAT' },
  'Africa/Mogadishu': { 180: 'EAT' },
  'Africa/Djibouti': { 180: 'EAT' },
  'Africa/Asmara': { 180: 'EAT' },
  'Africa/Maputo': { 120: 'CAT' },
  'Africa/Harare': { 120: 'CAT' },
  'Africa/Lusaka': { 120: 'CAT' },
  'Africa/Kigali': { 120: 'CAT' },
  'Africa/Gaborone': { 120: 'CAT' },
  'Africa/Kinshasa': { 60: 'WAT' },
  'Africa/Luanda': { 60: 'WAT' },
  'Africa/Douala': { 60: 'WAT' },
  'Africa/Niamey': { 60: 'WAT' },
  'Asia/Pontianak': { 420: 'WIB' },
  'Asia/Makassar': { 480: 'WITA' },
  'Asia/Jayapura': { 540: 'WIT' },
  'Australia/Sydney': { 600: 'AEST', 660: 'AEDT' },
  'Australia/Melbourne': { 600: 'AEST', 660: 'AEDT' },
  'Australia/Brisbane': { 600: 'AEST' },
  'Australia/Perth': { 480: 'AWST' },
  'Pacific/Auckland': { 720: 'NZST', 780: 'NZDT' },
  'America/Halifax': { [-240]: 'AST', [-180]: 'ADT' },
  'America/St_Johns': { [-210]: 'NST', [-150]: 'NDT' },
  'Pacific/Honolulu': { [-600]: 'HST' },
};

/*
 * Older names the tz database keeps as links to a zone of the table. The
 * zone list a form offers is the browser's, which spells some of them the old
 * way (Chromium lists Asia/Calcutta and Africa/Asmera), and a name typed in
 * lower case is a zone all the same, so both find their letters.
 */
const zoneLinks: Record<string, string> = {
  'asia/calcutta': 'Asia/Kolkata',
  'africa/asmera': 'Africa/Asmara',
  'asia/tel_aviv': 'Asia/Jerusalem',
  israel: 'Asia/Jerusalem',
  rok: 'Asia/Seoul',
  japan: 'Asia/Tokyo',
  prc: 'Asia/Shanghai',
  roc: 'Asia/Taipei',
  hongkong: 'Asia/Hong_Kong',
  eire: 'Europe/Dublin',
  'w-su': 'Europe/Moscow',
  'australia/act': 'Australia/Sydney',
  'australia/canberra': 'Australia/Sydney',
  'australia/nsw': 'Australia/Sydney',
  'australia/victoria': 'Australia/Melbourne',
  'australia/queensland': 'Australia/Brisbane',
  'australia/west': 'Australia/Perth',
  nz: 'Pacific/Auckland',
  'canada/atlantic': 'America/Halifax',
  'canada/newfoundland': 'America/St_Johns',
  'us/hawaii': 'Pacific/Honolulu',
};

const zonesByLowerName = new Map(Object.keys(tzAbbreviations).map((zone) => [zone.toLowerCase(), zone]));

/** The zone's name as the table above spells it, whatever its case or older name; other zones as given. */
function tableZone(timeZone: string): string {
  const lower = timeZone.toLowerCase();
  return zoneLinks[lower] ?? zonesByLowerName.get(lower) ?? timeZone;
}

/**
 * Whether two zone names are one zone: case aside, and an older name the
 * same as its new one (Asia/Calcutta is Asia/Kolkata). A venue and home in
 * one zone show a single time, however each was written.
 */
export function sameTimeZone(first: string, second: string): boolean {
  if (first === second) return true;
  if (tableZone(first) === tableZone(second)) return true;
  const firstName = runtimeTimeZoneName(first);
  return firstName !== null && firstName === runtimeTimeZoneName(second);
}

/**
 * Abbreviations a desk officer reads without an offset beside them, with the
 * offset (minutes east of UTC) they are read as: the same letters at another
 * offset (Manila's PST, Beijing's and Havana's CST) get theirs beside them.
 */
const wellKnownAbbreviations = new Map([
  ['UTC', 0],
  ['GMT', 0],
  ['BST', 60],
  ['WET', 0],
  ['WEST', 60],
  ['CET', 60],
  ['CEST', 120],
  ['EET', 120],
  ['EEST', 180],
  ['EST', -300],
  ['EDT', -240],
  ['CST', -360],
  ['CDT', -300],
  ['MST', -420],
  ['MDT', -360],
  ['PST', -480],
  ['PDT', -420],
  ['KST', 540],
  ['JST', 540],
]);

/** "GMT+9", "GMT-4", "GMT+5:30": an offset as Intl writes it. */
function offsetLabel(minutes: number): string {
  if (minutes === 0) return 'GMT';
  const sign = minutes < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `GMT${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/** Intl's short name in a locale that knows the zone's letters, or null when it gives only an offset. */
function intlAbbreviation(instant: Date, timeZone: string, locale: string): string | null {
  const name = dateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  return name && /^[A-Z]{2,5}$/.test(name) ? name : null;
}

/**
 * A zone's label at an instant as the tz database abbreviates it ("EDT",
 * "KST", "CEST"), with the offset beside an abbreviation few would know
 * ("AEST (GMT+10)"), or the offset alone where the tz database has no letters.
 * Intl's "short" names alone give "GMT+9" for Seoul in every English locale:
 * en-US knows the Americas' letters, en-GB Europe's, the table the rest.
 */
export function zoneAbbreviation(instant: string | Date, timeZone: string): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  const offset = offsetMinutes(at.getTime(), timeZone);
  const abbreviation =
    tzAbbreviations[tableZone(timeZone)]?.[offset] ?? intlAbbreviation(at, timeZone, 'en-US') ?? intlAbbreviation(at, timeZone, 'en-GB');
  if (!abbreviation) return offsetLabel(offset);
  return wellKnownAbbreviations.get(abbreviation) === offset ? abbreviation : `${abbreviation} (${offsetLabel(offset)})`;
}

const dateOnly: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
const clock: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/**
 * Whether Intl can show a day as the store holds it. Outside years 1–9999 it
 * cannot: year 0 prints as "1" (its era hidden) and an invalid date throws
 * "Invalid time value", so such a value is shown exactly as stored instead.
 */
function showable(instant: string, timeZone: string): boolean {
  // A zone this machine's Intl does not know (a typo written by hand, a zone renamed since) cannot be converted.
  if (Number.isNaN(Date.parse(instant)) || !isKnownTimeZone(timeZone)) return false;
  const year = Number(wallTimeInZone(instant, timeZone).date.slice(0, -6));
  return year >= minYear && year <= maxYear;
}

export function formatInZone(instant: string, timeZone: string, withTime: boolean, locale = 'en-GB'): string {
  if (!showable(instant, timeZone)) return instant;
  const options: Intl.DateTimeFormatOptions = withTime ? { timeZone, ...dateOnly, ...clock } : { timeZone, ...dateOnly };
  const text = dateTimeFormat(locale, options).format(new Date(instant));
  return withTime ? `${text} ${zoneAbbreviation(instant, timeZone)}` : text;
}

const longDate: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/**
 * A date written YYYY-MM-DD, shown as a calendar day (no zone shift). A value
 * that is not a day of years 1–9999 (year 0 written by an older version, a
 * damaged row) is shown as stored rather than as some other day.
 */
export function formatDate(isoDate: string, locale = 'en-GB', options: Intl.DateTimeFormatOptions = longDate): string {
  if (!isCalendarDate(isoDate)) return isoDate;
  return dateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone: meetings are grouped by the venue's day. */
export function dayInZone(instant: string, timeZone: string): string {
  // An unreadable stored time, or one in an unknown zone, groups under its own text, which formatDate then shows as stored.
  if (Number.isNaN(Date.parse(instant)) || !isKnownTimeZone(timeZone)) return instant;
  return wallTimeInZone(instant, timeZone).date;
}

/** A year as ISO 8601 writes it: four digits in 0–9999, otherwise signed six digits (which Date.parse reads back). */
function isoYear(year: number): string {
  if (year >= 0 && year <= 9999) return String(year).padStart(4, '0');
  return `${year < 0 ? '-' : '+'}${String(Math.abs(year)).padStart(6, '0')}`;
}

/** wallTimeInZone's formatter of each zone: a pack or a programme converts thousands of times, and the cache's key costs more than the lookup. */
const wallClocks = new Map<string, Intl.DateTimeFormat>();

/**
 * wallTimeInZone's answers of each zone by instant: a programme's meetings start at a few times, in parallel (the
 * benchmark's 500-meeting summit at 132 instants), and its first render converted each meeting's start, a call
 * into the runtime's calendar each, on the page's critical path. Bounded: emptied once it holds this many.
 */
const wallTimesKept = 4096;
const wallTimes = new Map<string, Map<string, { date: string; time: string }>>();

/**
 * Date and HH:MM an instant shows on a wall clock in `timeZone`, as a form edits them.
 * Intl writes years before AD 1 as "1 BC" and so on, so the era is asked for and
 * folded back into an astronomical year (1 BC = year 0).
 */
export function wallTimeInZone(instant: string, timeZone: string): { date: string; time: string } {
  let known = wallTimes.get(timeZone);
  const kept = known?.get(instant);
  if (kept) return { ...kept };
  const wallTime = convertToWallTime(instant, timeZone);
  if (!known || known.size >= wallTimesKept) {
    known = new Map();
    wallTimes.set(timeZone, known);
  }
  known.set(instant, wallTime);
  return { ...wallTime };
}

function convertToWallTime(instant: string, timeZone: string): { date: string; time: string } {
  let formatter = wallClocks.get(timeZone);
  if (!formatter) {
    formatter = dateTimeFormat('en-US', {
      timeZone,
      era: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    wallClocks.set(timeZone, formatter);
  }
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of formatter.formatToParts(new Date(instant))) part[type] = value;
  const yearOfEra = Number(part.year ?? '00');
  const year = part.era === 'BC' ? 1 - yearOfEra : yearOfEra;
  return {
    date: `${isoYear(year)}-${part.month ?? '00'}-${part.day ?? '00'}`,
    time: `${part.hour ?? '00'}:${part.minute ?? '00'}`,
  };
}

/** Minutes the zone is ahead of UTC at `epochMs`. */
function offsetMinutes(epochMs: number, timeZone: string): number {
  const { date, time } = wallTimeInZone(new Date(epochMs).toISOString(), timeZone);
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  return Math.round((asUtc - Math.floor(epochMs / 60_000) * 60_000) / 60_000);
}

/**
 * The UTC instant of a wall-clock time at the venue. The offset is looked up
 * twice because the first guess can sit on the other side of a
 * daylight-saving change; of the guesses, the latest the clocks show as the
 * time typed is taken (a time passed twice is taken the second time). Only a
 * time skipped by the change, which none shows, moves forward by the gap.
 * Taking the later guess regardless put the hours between the change in UTC and
 * the change at the venue an hour late: 22:30 in Almaty on 29 February 2024
 * (the clocks went from +06 to +05 at midnight), 05:00 in New York on the day
 * it moves to summer time, 18:00 in Sydney the evening before it goes back.
 */
export function wallTimeToInstant(date: string, time: string, timeZone: string): string {
  const naive = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(naive)) throw new RangeError(`Not a date and time: ${date} ${time}`);
  const first = naive - offsetMinutes(naive, timeZone) * 60_000;
  const second = naive - offsetMinutes(first, timeZone) * 60_000;
  const showsTyped = (instant: number) => {
    const wall = wallTimeInZone(new Date(instant).toISOString(), timeZone);
    return wall.date === date && wall.time === time;
  };
  // The offset half a day later is a guess too, so that a time passed twice west of UTC (01:30 in New York in
  // November), which both guesses find the first time, is also taken the second time.
  const halfDayLater = naive - offsetMinutes(naive + 12 * 60 * 60_000, timeZone) * 60_000;
  const shown = [first, second, halfDayLater].filter(showsTyped);
  return new Date(Math.max(...(shown.length > 0 ? shown : [first, second]))).toISOString();
}

/**
 * True when the clocks skip this wall time in the zone (02:30 on the night
 * Europe moves to summer time): `wallTimeToInstant` would move it forward, and
 * a meeting typed for 01:30 in London on 29 March would show as 02:30 BST.
 */
export function isSkippedWallTime(date: string, time: string, timeZone: string): boolean {
  const shown = wallTimeInZone(wallTimeToInstant(date, time, timeZone), timeZone);
  // The date counts too: in a day skipped whole (Apia, 30 December 2011) 10:00 lands at 10:00 the next day.
  return shown.time !== time || shown.date !== date;
}

/**
 * True when the zone's calendar has no such day at all: Samoa and Tokelau
 * crossed the date line at the end of 29 December 2011, so Apia's clocks went
 * from the 29th straight to the 31st. A meeting dated that day, even without
 * a time, would be saved on the next.
 */
export function isSkippedDay(date: string, timeZone: string): boolean {
  const dayStart = wallTimeInZone(wallTimeToInstant(date, '00:00', timeZone), timeZone);
  return dayStart.date !== date && wallTimeInZone(wallTimeToInstant(date, '23:59', timeZone), timeZone).date !== date;
}

/**
 * The two instants of a wall time the clocks pass twice in the zone (01:30 on
 * the night London goes back to GMT), earlier first; null for any other time.
 * `wallTimeToInstant` takes the later one, which a desk may not have meant.
 */
export function repeatedWallTime(date: string, time: string, timeZone: string): { earlier: string; later: string } | null {
  const naive = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(naive)) return null;
  // The offsets in force half a day either side: a change of clocks lies between them, if anywhere.
  const halfDay = 12 * 60 * 60_000;
  const candidates = [offsetMinutes(naive - halfDay, timeZone), offsetMinutes(naive + halfDay, timeZone)].map(
    (offset) => naive - offset * 60_000,
  );
  const [earlier, later] = [...new Set(candidates)]
    .filter((instant) => {
      const wall = wallTimeInZone(new Date(instant).toISOString(), timeZone);
      return wall.date === date && wall.time === time;
    })
    .sort((a, b) => a - b);
  return earlier !== undefined && later !== undefined
    ? { earlier: new Date(earlier).toISOString(), later: new Date(later).toISOString() }
    : null;
}

export interface MeetingTimes {
  /** At the venue, e.g. "Sun, 26 Mar 2023, 02:30 EET – 05:30 EEST". */
  venue: string;
  /** In the user's home zone; null when the time of day is not known or the zones are the same. */
  home: string | null;
  timeKnown: boolean;
}

interface TimedMeeting {
  startsAt: string;
  startTimeKnown: boolean;
  timeZone: string;
  durationMinutes?: number | null;
}

/**
 * When a meeting ends: its duration added to the instant it starts, never to the wall time, so a meeting across a
 * change of clocks ends at the wall time the clocks then show (01:30 CET + 120 minutes is 04:30 CEST). Null without
 * a duration.
 */
function meetingEnd(meeting: TimedMeeting): Date | null {
  return meeting.durationMinutes ? new Date(Date.parse(meeting.startsAt) + meeting.durationMinutes * 60_000) : null;
}

function formatSpan(start: Date, end: Date | null, timeZone: string, locale: string): string {
  const first = `${dateTimeFormat(locale, { timeZone, ...dateOnly, ...clock }).format(start)} ${zoneAbbreviation(start, timeZone)}`;
  if (!end) return first;
  const sameDay = wallTimeInZone(start.toISOString(), timeZone).date === wallTimeInZone(end.toISOString(), timeZone).date;
  const last = `${dateTimeFormat(locale, { timeZone, ...(sameDay ? {} : dateOnly), ...clock }).format(end)} ${zoneAbbreviation(end, timeZone)}`;
  return `${first} – ${last}`;
}

/** A meeting's time at the venue and at home, each with its own zone abbreviation so a DST change shows. */
export function formatMeetingTimes(meeting: TimedMeeting, homeTimeZone: string, locale = 'en-GB'): MeetingTimes {
  const start = new Date(meeting.startsAt);
  if (!showable(meeting.startsAt, meeting.timeZone) || !showable(meeting.startsAt, homeTimeZone)) {
    return { venue: meeting.startsAt, home: null, timeKnown: meeting.startTimeKnown };
  }
  if (!meeting.startTimeKnown) {
    return { venue: formatInZone(meeting.startsAt, meeting.timeZone, false, locale), home: null, timeKnown: false };
  }
  const end = meetingEnd(meeting);
  const venue = formatSpan(start, end, meeting.timeZone, locale);
  const home = sameTimeZone(homeTimeZone, meeting.timeZone) ? null : formatSpan(start, end, homeTimeZone, locale);
  return { venue, home, timeKnown: true };
}

const weekdayAndDay: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };

/**
 * The wall time a meeting ends in a zone, with its abbreviation ("04:30 CEST"), and its day there ("Sun 28 Mar"),
 * the end the brief's span shows; null without a duration or where a time cannot be shown.
 */
export function formatMeetingEnd(meeting: TimedMeeting, timeZone: string, locale = 'en-GB'): { time: string; day: string } | null {
  const end = meetingEnd(meeting);
  if (!end || !meeting.startTimeKnown || !showable(end.toISOString(), timeZone)) return null;
  return {
    time: `${dateTimeFormat(locale, { timeZone, ...clock }).format(end)} ${zoneAbbreviation(end, timeZone)}`,
    day: dateTimeFormat(locale, { timeZone, ...weekdayAndDay }).format(end),
  };
}

/** Whether a meeting's time at its summit says something its venue's and home times do not (formatSummitTime; the pack's key details). */
export function showsSummitTime(meeting: TimedMeeting, summitTimeZone: string, homeTimeZone: string | null): boolean {
  if (!meeting.startTimeKnown || !showable(meeting.startsAt, meeting.timeZone) || !showable(meeting.startsAt, summitTimeZone)) return false;
  if (sameTimeZone(summitTimeZone, meeting.timeZone)) return false;
  if (homeTimeZone !== null && sameTimeZone(summitTimeZone, homeTimeZone)) return false;
  // Auckland keeps Nukuʻalofa's clock in December: the same date and time again would only be noise.
  const atVenue = wallTimeInZone(meeting.startsAt, meeting.timeZone);
  const atSummit = wallTimeInZone(meeting.startsAt, summitTimeZone);
  return atVenue.date !== atSummit.date || atVenue.time !== atSummit.time;
}

/**
 * A meeting's time where its summit is held, for a meeting in another zone (a call with Honolulu during a summit in
 * Nukuʻalofa: 18:00 on Wednesday there is 17:00 on Thursday where the delegation is). Null where the venue's or the
 * home time already gives it (Auckland's clock reads as Nukuʻalofa's in December; `homeTimeZone` null where no
 * home time is shown beside it), where the time of day is not known, or where a zone cannot be read.
 */
export function formatSummitTime(
  meeting: TimedMeeting,
  summitTimeZone: string,
  homeTimeZone: string | null,
  locale = 'en-GB',
): string | null {
  if (!showsSummitTime(meeting, summitTimeZone, homeTimeZone)) return null;
  return formatSpan(new Date(meeting.startsAt), meetingEnd(meeting), summitTimeZone, locale);
}

const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();

/** One "in 3 days" formatter per locale, made once: Today counts down to some hundred dates as it first renders. */
function relativeTimeFormat(locale: string): Intl.RelativeTimeFormat {
  let formatter = relativeFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormatters.set(locale, formatter);
  }
  return formatter;
}

/** "in 3 days", "2 hours ago": how far an instant is from now, in the interface language. */
export function formatCountdown(instant: string, now: Date, locale = 'en-GB', homeTimeZone = 'UTC'): string {
  const minutes = Math.round((Date.parse(instant) - now.getTime()) / 60_000);
  // RelativeTimeFormat throws on NaN; an unreadable stored time has no distance to show.
  if (Number.isNaN(minutes)) return '';
  const format = relativeTimeFormat(locale);
  const abs = Math.abs(minutes);
  // Korean's "0 minutes" in the locale data is 현재 분 ("the current minute"), which no Korean says of a note just
  // saved: 지금 ("now") is its "0 seconds". English keeps "this minute".
  if (minutes === 0 && locale.startsWith('ko')) return format.format(0, 'second');
  if (abs < 60) return format.format(minutes, 'minute');
  if (abs < 48 * 60) return format.format(Math.round(minutes / 60), 'hour');
  // Further out, days on the home calendar: a rounded duration put a meeting at 08:00 on the 13th "in 100 days",
  // the same as the evening before, and the next afternoon's two days later.
  return formatDayCountdown(dayInZone(instant, homeTimeZone), now, locale, homeTimeZone);
}

/**
 * How long ago something was saved ("2 hours ago"), in the interface language. A time ahead of this computer's
 * clock reads as this minute: a colleague's laptop whose clock was set hours ahead by hand (to Johannesburg time,
 * on the plane) stamps its saves in the future, and Today listed such a note "in 7 hours".
 */
export function formatSince(instant: string, now: Date, locale = 'en-GB', homeTimeZone = 'UTC'): string {
  const at = Date.parse(instant);
  if (Number.isNaN(at)) return '';
  return formatCountdown(at > now.getTime() ? now.toISOString() : instant, now, locale, homeTimeZone);
}

/**
 * Days from today to a YYYY-MM-DD date, for summits and due dates. Today is
 * the day it is in the home zone: in UTC it is still yesterday until 09:00 in
 * Seoul, and an action due today read "tomorrow" all morning.
 */
export function formatDayCountdown(isoDate: string, now: Date, locale = 'en-GB', homeTimeZone = 'UTC'): string {
  const today = Date.parse(`${dayInZone(now.toISOString(), homeTimeZone)}T00:00:00Z`);
  const days = Math.round((Date.parse(`${isoDate}T00:00:00Z`) - today) / 86_400_000);
  if (Number.isNaN(days)) return '';
  return relativeTimeFormat(locale).format(days, 'day');
}
