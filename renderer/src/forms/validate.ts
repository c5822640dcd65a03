import {
  asAsciiDigit,
  asStoredLine,
  etcZoneOffset,
  fitsLength,
  hasBrokenCharacter,
  hasControlCharacter,
  hasDirectionOverride,
  hasHiddenFormatCharacter,
  isBlank,
  isCalendarDate,
  isSingleLine,
  isTimeZoneName,
  isWallTime,
  isZoneAbbreviation,
  maxProse,
  textLength,
  typedOffset,
  zoneOfCapital,
} from '../../../shared/fieldRules.ts';
import { controlDateOrder, hasOverflowingYear } from './dateReading.ts';
import type { FieldSpec, FormSpec, FormValues } from './specs.ts';

// The rules themselves are shared/fieldRules.ts, the ones the store's schemas
// apply; here they only become message keys in the interface language.

export interface FieldProblem {
  key: string;
  options?: Record<string, unknown>;
}

function checkField(
  field: FieldSpec,
  values: FormValues,
  unreadable: ReadonlySet<string>,
  dropped: ReadonlyMap<string, string>,
): FieldProblem | null {
  // Digits of another script typed into a date, time or number control, which dropped them without a sign: the
  // field still holds what it held (the summit's first day, or nothing), which is not what was typed.
  const droppedDigits = dropped.get(field.name);
  if (droppedDigits) return { key: 'forms.digitsOfAnotherScript', options: droppedDigitsOptions(droppedDigits) };
  const value = values[field.name];
  const textValue = typeof value === 'string' ? value : '';
  switch (field.kind) {
    case 'text':
      if (field.required && isBlank(textValue)) return { key: 'forms.required' };
      // Counted as the store counts it: trimmed, in characters (shared/fieldRules.ts fitsLength).
      if (!fitsLength(asStoredLine(textValue), field.max))
        return { key: 'forms.tooLong', options: { max: field.max, length: textLength(asStoredLine(textValue)) } };
      if (!isSingleLine(textValue)) return { key: 'fieldRules.notSingleLine' };
      if (hasHiddenFormatCharacter(textValue)) return { key: 'fieldRules.hiddenFormatCharacter' };
      return hasBrokenCharacter(textValue) ? { key: 'fieldRules.brokenCharacter' } : null;
    case 'textarea':
      return proseProblem(textValue, field.max);
    case 'date':
      // Chromium's date control holds a typed day that does not exist (30 February) as an empty value, silently.
      if (unreadable.has(field.name)) return { key: 'forms.impossibleDate' };
      if (textValue === '') return field.optional ? null : { key: 'forms.required' };
      if (hasOverflowingYear(textValue)) return { key: 'forms.yearOverflow', options: { order: controlDateOrder() } };
      return isCalendarDate(textValue) ? null : { key: 'forms.notADate' };
    case 'time':
      // Likewise a time the control cannot read (24:00, or an hour typed without its minutes): it reports no
      // value, which reads as "time of day not known", and the meeting was saved without its time.
      if (unreadable.has(field.name)) return { key: 'forms.notATime' };
      if (values.startTimeKnown !== true) return null;
      return isWallTime(textValue) ? null : { key: 'forms.notATime' };
    case 'timezone':
      return typedZoneProblem(textValue);
    case 'number': {
      // "1e" or "--5" typed into the control: it reports no value, which read as blank, and an optional duration
      // was saved as none.
      if (unreadable.has(field.name)) return { key: 'forms.outOfRange', options: field };
      if (textValue.trim() === '') return field.optional ? null : { key: 'forms.required' };
      const number = asWholeNumber(textValue);
      return Number.isInteger(number) && number >= field.min && number <= field.max ? null : { key: 'forms.outOfRange', options: field };
    }
    case 'ref':
      return !field.optional && textValue === '' ? { key: 'forms.required' } : null;
    default:
      return null;
  }
}

/**
 * A whole number typed into a number control, or NaN: digits only, since the control takes "1e3", "+90" and "90.0",
 * which Number reads as 1000, 90 and 90.
 */
export const asWholeNumber = (typed: string): number => (/^\d+$/.test(typed.trim()) ? Number(typed) : Number.NaN);

/** What a refusal of dropped digits names: the digits as typed, and as the control takes them (۱۰۳۰ as 1030). */
export function droppedDigitsOptions(typed: string): Record<string, unknown> {
  const digits = [...typed].map((digit) => asAsciiDigit(digit) ?? '').join('');
  return { typed, digits, interpolation: { escapeValue: false } };
}

/**
 * What is wrong with a zone as typed, in a form or in Settings: an abbreviation, an Etc/GMT±N zone (whose sign is the
 * other way round from what the desk meant), a fixed offset ("UTC-3", which keeps no summer time), or a name no zone has. Null for a zone to take.
 */
export function typedZoneProblem(typed: string): FieldProblem | null {
  if (isZoneAbbreviation(typed)) return { key: 'forms.timeZoneAbbreviation' };
  const offset = etcZoneOffset(typed);
  if (offset !== null) return { key: 'forms.etcZoneSign', options: { typed: typed.trim(), offset, interpolation: { escapeValue: false } } };
  const fixed = typedOffset(typed);
  if (fixed !== null)
    return { key: 'forms.offsetNotZone', options: { typed: typed.trim(), offset: fixed, interpolation: { escapeValue: false } } };
  return isTimeZoneName(typed.trim()) ? null : unknownZoneProblem(typed);
}

/** An unknown zone, naming the zone to type where a capital with none of its own was typed ("Asia/Astana"). */
export function unknownZoneProblem(typed: string): FieldProblem {
  const capital = zoneOfCapital(typed);
  // React escapes the text it shows: i18next's own escaping would show "Asia&#x2F;Almaty".
  const options = { typed: typed.trim(), ...capital, interpolation: { escapeValue: false } };
  return capital ? { key: 'forms.zoneOfCapital', options } : { key: 'forms.unknownTimeZone' };
}

/**
 * What is wrong with a long text (a brief section) before it is sent: the same
 * rules the store applies, worded for the user instead of refused by the store
 * with only "was not accepted".
 */
export function proseProblem(text: string, max: number = maxProse): FieldProblem | null {
  if (!fitsLength(text, max)) return { key: 'forms.tooLong', options: { max, length: textLength(text) } };
  if (hasControlCharacter(text)) return { key: 'fieldRules.controlCharacter' };
  if (hasDirectionOverride(text)) return { key: 'fieldRules.directionOverride' };
  return hasBrokenCharacter(text) ? { key: 'fieldRules.brokenCharacter' } : null;
}

/**
 * Every field's problem, found before anything is sent, so the store sees only whole records.
 * `unreadable` names the date, time and number fields whose control holds what it cannot read (see `unreadableFields`);
 * `dropped`, those whose control dropped digits of another script typed into it, with the digits (see `asAsciiDigit`).
 */
export function validate(
  spec: FormSpec,
  values: FormValues,
  unreadable: ReadonlySet<string> = new Set(),
  dropped: ReadonlyMap<string, string> = new Map(),
): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const field of spec.fields) {
    const problem = checkField(field, values, unreadable, dropped);
    if (problem) problems[field.name] = problem;
  }
  const crossField = spec.check?.(values);
  if (crossField && !problems[crossField.field]) problems[crossField.field] = { key: crossField.messageKey };
  return problems;
}

/**
 * The date, time and number controls of a form holding what they cannot read: a complete but impossible day (30
 * February, 31 April), a time of 24:00 or one typed in part, a number such as "1e". The control reports no value and fires no event, so only its
 * validity tells them from an empty field.
 */
export function unreadableFields(form: ParentNode | null): Set<string> {
  const controls = form ? [...form.querySelectorAll<HTMLInputElement>('input[type="date"], input[type="time"], input[type="number"]')] : [];
  return new Set(controls.filter((control) => control.validity.badInput).map((control) => control.name));
}
