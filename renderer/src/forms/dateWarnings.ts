import { isCalendarDate, isKnownTimeZone, isWallTime } from '../../../shared/fieldRules.ts';
import { repeatedWallTime, zoneAbbreviation } from '../../../shared/time.ts';
import type { FormEntity } from '../router.ts';
import type { FormSpec, FormValues } from './specs.ts';

// Dates the store accepts (any real day of years 1–9999) but that are most
// likely a slip: a year typed 2203 for 2023, or a meeting put on a day far from
// its summit. The form warns at the field and still saves what was typed: a
// desk may well record a 1949 treaty or a meeting weeks before the summit.

/** Years a briefing plausibly speaks of: from the post-war order to the end of the century. */
export const plausibleYears = { from: 1945, to: 2100 } as const;
/**
 * Thailand counts years in the Buddhist Era, 543 ahead of the Gregorian: an officer working from Thai papers types
 * 2567 for 2024. A year that lands in the plausible span once 543 is taken off is named as such in its warning.
 */
export const buddhistEraOffset = 543;
/** Days a meeting may fall before or after its summit (arrival, side meetings) before the form asks. */
export const summitSlackDays = 3;

export interface DateWarning {
  key: string;
  options: Record<string, string | number>;
}

const dayNumber = (isoDate: string) =>
  Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / 86_400_000;

/** Each date field's warning, if any; `summitDates` finds the chosen summit's span by its id in the form. */
export function dateWarnings(
  entity: FormEntity,
  spec: FormSpec,
  values: FormValues,
  summitDates: (summitId: string) => { startDate: string; endDate: string } | undefined,
): Record<string, DateWarning> {
  const warnings: Record<string, DateWarning> = {};
  for (const field of spec.fields) {
    const value = values[field.name];
    if (field.kind !== 'date' || typeof value !== 'string' || !isCalendarDate(value)) continue;
    const year = Number(value.slice(0, 4));
    if (year < plausibleYears.from || year > plausibleYears.to) {
      const gregorian = year - buddhistEraOffset;
      warnings[field.name] =
        gregorian >= plausibleYears.from && gregorian <= plausibleYears.to
          ? { key: 'records.dateWarning.buddhistEraYear', options: { year, gregorian } }
          : { key: 'records.dateWarning.year', options: { year, ...plausibleYears } };
      continue;
    }
    const summit = entity === 'meeting' && field.name === 'date' ? summitDates(String(values.summitId ?? '')) : undefined;
    if (!summit || !isCalendarDate(summit.startDate) || !isCalendarDate(summit.endDate)) continue;
    const day = dayNumber(value);
    const outside = Math.max(dayNumber(summit.startDate) - day, day - dayNumber(summit.endDate), 0);
    if (outside > summitSlackDays) {
      warnings[field.name] = {
        key: 'records.dateWarning.outsideSummit',
        options: { count: outside, start: summit.startDate, end: summit.endDate },
      };
    }
  }
  const repeated = repeatedTimeWarning(entity, values);
  if (repeated) warnings.time = repeated;
  return warnings;
}

/** A wall time the clocks pass twice at the venue, as the form offers its two instants to choose from. */
export interface RepeatedTime {
  time: string;
  /** Each instant with the zone's label there ("01:45 GMT+11"), earlier first. */
  earlier: { instant: string; label: string };
  later: { instant: string; label: string };
  /** How far the clocks go back: an hour in most zones, 30 minutes on Lord Howe Island. */
  minutes: number;
}

/** The meeting form's date and time when the clocks pass them twice in its zone; null for any other time. */
export function repeatedTimeOf(entity: FormEntity, values: FormValues): RepeatedTime | null {
  const [date, time, timeZone] = [String(values.date ?? ''), String(values.time ?? ''), String(values.timeZone ?? '').trim()];
  if (entity !== 'meeting' || values.startTimeKnown !== true) return null;
  if (!isCalendarDate(date) || !isWallTime(time) || !isKnownTimeZone(timeZone)) return null;
  const twice = repeatedWallTime(date, time, timeZone);
  if (!twice) return null;
  return {
    time,
    earlier: { instant: twice.earlier, label: `${time} ${zoneAbbreviation(twice.earlier, timeZone)}` },
    later: { instant: twice.later, label: `${time} ${zoneAbbreviation(twice.later, timeZone)}` },
    minutes: Math.round((Date.parse(twice.later) - Date.parse(twice.earlier)) / 60_000),
  };
}

/**
 * A meeting at a wall time the clocks pass twice (01:30 in London the night
 * they go back, 23:30 in Santiago, 01:45 on Lord Howe Island, where they go
 * back half an hour) is said at the field, with both and the true gap, and the
 * form offers the choice, so the desk takes the one the venue means instead of
 * finding out in the pack that the meeting prints an hour late.
 */
function repeatedTimeWarning(entity: FormEntity, values: FormValues): DateWarning | null {
  const twice = repeatedTimeOf(entity, values);
  if (!twice) return null;
  const options = { time: twice.time, earlier: twice.earlier.label, later: twice.later.label };
  return twice.minutes === 60
    ? { key: 'records.dateWarning.repeatedTime', options }
    : { key: 'records.dateWarning.repeatedTimeMinutes', options: { ...options, minutes: twice.minutes } };
}
