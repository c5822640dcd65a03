import { asAsciiDigit } from '../../../shared/fieldRules.ts';

// A meeting's time is typed into a text field, not Chromium's time control: that control follows the browser's
// language, and in a US-English browser (round 34's keyboard-only trial) it wanted AM or PM, so "0930" stayed
// incomplete and was refused with words asking for the HH:MM just typed. The field now reads a time the same way in
// every browser and in the app: the 24-hour clock as desks write it (09:30, 0930, 930, 9.30, 21h30), AM or PM where
// typed so (9:30 PM), and 오전/오후 in Korean, in any script's digits (١٩٠٠ is 19:00: nothing is dropped).

/** Before or after noon, as typed after the time (AM, p.m.) or, in Korean, before it (오전, 오후). */
const halfOfDay = /^(?:(오전|오후)\s*)?(.*?)\s*(a\.?\s?m\.?|p\.?\s?m\.?|a|p)?$/u;
/** Hours and minutes: 0930 and 930 without a separator, 9:30, 9.30, 21h30 and 9시 30분 with one. */
const hoursAndMinutes = /^(\d{1,2})(?:\s*(?:[:.h]|시)\s*(\d{2})\s*(?:분)?|(\d{2}))?$/u;

/** `typed` as the HH:MM the store keeps, or null when it is not a time of day (24:00, 9:75, an hour alone on the 24-hour clock). */
export function readTypedTime(typed: string): string | null {
  // Full-width digits and colon (０９：３０) as ASCII, then any other script's digits.
  const ascii = Array.from(typed.normalize('NFKC').trim().toLowerCase(), (character) => asAsciiDigit(character) ?? character).join('');
  const halves = halfOfDay.exec(ascii);
  const [, korean, time = '', latin] = halves ?? [];
  const half = korean === '오전' || latin?.startsWith('a') ? 'am' : korean === '오후' || latin?.startsWith('p') ? 'pm' : null;
  const parts = hoursAndMinutes.exec(time.trim());
  if (!parts) return null;
  const [, hourText = '', afterSeparator, joined] = parts;
  const minutesText = afterSeparator ?? joined;
  // An hour alone is a time only with its half of the day ("9 pm"): "9" might be 09:00 or 21:00, or half typed.
  if (minutesText === undefined && half === null) return null;
  let hour = Number(hourText);
  const minutes = Number(minutesText ?? '0');
  if (minutes > 59) return null;
  if (half === null) {
    if (hour > 23) return null;
  } else {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  }
  return `${String(hour).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
