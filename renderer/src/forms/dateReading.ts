import { isCalendarDate } from '../../../shared/fieldRules.ts';
import { dateTimeFormat } from '../../../shared/time.ts';

// A date control reads typed digits in the order of the browser's language, not the desk's habit: "24/10/2026"
// typed day first into a month-first control holds 4 February of the year 102026, and "05/11/2026" 11 May.
// The form says how the control read a date, in words, and names the control's order when a typed year overflows.

/** The day a stored date names, in words ("Saturday, 24 October 2026"); null when it is no calendar date. */
export function spelledDate(date: string, locale: string): string | null {
  if (!isCalendarDate(date)) return null;
  const options = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
  return dateTimeFormat(locale, options).format(new Date(`${date}T00:00:00Z`));
}

/** A year of five digits or more: what a date typed day first leaves in a month-first control (or the reverse). */
export const hasOverflowingYear = (date: string): boolean => /^\+?\d{5,}-\d\d-\d\d$/.test(date);

/** The order the date control takes digits in, as "MM/DD/YYYY" or "DD.MM.YYYY", from the browser's language. */
export function controlDateOrder(language: string = globalThis.navigator?.language ?? 'en-US'): string {
  const letters: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = { day: 'DD', month: 'MM', year: 'YYYY' };
  return new Intl.DateTimeFormat(language, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })
    .formatToParts(new Date(Date.UTC(2026, 9, 24)))
    .map((part) => (part.type === 'literal' ? part.value : (letters[part.type] ?? part.value)))
    .join('');
}
