import { z } from 'zod';
import {
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
  isUtcInstant,
  isZoneAbbreviation,
  maxProse,
  textLength,
  timeZoneAsSpelled,
  typedOffset,
} from '../../shared/fieldRules.ts';
import { isRefusalReason, type Refusal, type RefusalReason } from '../../shared/refusals.ts';

// Zod wrappers round the shared field rules (shared/fieldRules.ts), which the
// renderer's forms read too; only the wording of the store's refusals lives here.
const brokenCharacterMessage = 'has a broken character (half of an emoji or symbol); paste the text again';

/** A refinement's English message with the reason the page words (shared/refusals.ts), carried on the issue. */
export const because = (reason: RefusalReason, message: string) => ({ message, params: { reason } });

/**
 * Characters counted as the form counts them (shared/fieldRules.ts textLength), worded as zod's own limit, with the
 * text's length for the page to say ("Too long: 280 characters, at most 200."), as the form's own check says it.
 */
const tooLong =
  (max: number) =>
  (text: string, context: z.RefinementCtx): void => {
    if (fitsLength(text, max)) return;
    context.addIssue({
      code: 'custom',
      message: `must be at most ${max} characters`,
      params: { reason: 'too_long', max, length: textLength(text) },
    });
  };

export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const optionalId = id.nullable();

export const line = (max: number) =>
  z
    .string()
    .overwrite(asStoredLine)
    .superRefine(tooLong(max))
    .refine(isSingleLine, because('not_single_line', 'must be a single line of text without control characters'))
    .refine((text) => !hasBrokenCharacter(text), because('broken_character', brokenCharacterMessage))
    .refine(
      (text) => !hasHiddenFormatCharacter(text),
      because(
        'hidden_character',
        'has an invisible character that reorders or hides text (a direction override or isolate, or a zero-width space)',
      ),
    );
/**
 * What a person types or pastes into the search box: a line, whose zero-width spaces and joiners (Thai, Lao and Khmer
 * prose holds them where a line may break) search reads through (shared/searchFold.ts), so text copied from a note
 * finds the note. A direction override is still refused: it would turn round what the box and the results show.
 */
export const searchLine = (max: number) =>
  z
    .string()
    .overwrite(asStoredLine)
    .superRefine(tooLong(max))
    .refine(isSingleLine, because('not_single_line', 'must be a single line of text without control characters'))
    .refine((text) => !hasBrokenCharacter(text), because('broken_character', brokenCharacterMessage))
    .refine(
      (text) => !hasDirectionOverride(text),
      because('direction_override', 'has a direction override, embedding or isolate character (U+202A–U+202E, U+2066–U+2069)'),
    );
export const requiredLine = (max: number) => line(max).refine((text) => !isBlank(text), because('empty', 'must not be empty'));
/** Prose of at most `max` characters, where a table holds less than the generous maxProse. */
export const proseUpTo = (max: number) =>
  z
    .string()
    .superRefine(tooLong(max))
    .refine((text) => !hasControlCharacter(text), because('control_character', 'must not contain control characters'))
    .refine((text) => !hasBrokenCharacter(text), because('broken_character', brokenCharacterMessage))
    .refine(
      (text) => !hasDirectionOverride(text),
      because(
        'direction_override',
        'has a direction override, embedding or isolate character (U+202A–U+202E, U+2066–U+2069), which can make the printed text read differently from what was typed',
      ),
    );
export const prose = proseUpTo(maxProse);

export const isoDate = z
  .string()
  .refine(isCalendarDate, because('not_a_date', 'must be a real date written YYYY-MM-DD, in the years 1 to 9999'));
export const isoInstant = z
  .string()
  .refine(isUtcInstant, because('not_an_instant', 'must be a real UTC date and time written YYYY-MM-DDTHH:MM:SSZ, in the years 1 to 9999'))
  .transform((text) => new Date(text).toISOString());
/**
 * A fixed offset ("UTC-3", "+03:00") or an Etc/GMT±N zone, refused with the offset it keeps: the form refuses both, and
 * the store took Etc/GMT-3 from anything else that sent it, as UTC+3 for a venue at UTC−3.
 */
function offsetsAreNoZone(text: string, context: z.RefinementCtx): void {
  const etcOffset = etcZoneOffset(text);
  if (etcOffset !== null)
    context.addIssue({
      code: 'custom',
      message: `keeps the time of ${etcOffset}: the tz database writes the sign of Etc/GMT zones the other way round`,
      params: { reason: 'etc_zone_sign', offset: etcOffset },
    });
  const offset = typedOffset(text);
  if (offset !== null)
    context.addIssue({
      code: 'custom',
      message: `is a fixed offset (${offset}) that keeps no summer time; give the place's zone, such as America/Sao_Paulo`,
      params: { reason: 'offset_not_zone', offset },
    });
}

// Spaces round a pasted zone are never meant: kept, they made " Pacific/Apia" an unknown zone. A zone typed in
// lower case is kept as the tz database spells it.
export const timeZone = z
  .string()
  .transform((text) => text.trim())
  .refine(
    (text) => !isZoneAbbreviation(text),
    because(
      'time_zone_abbreviation',
      'is an abbreviation that names different zones in different places; give the zone’s name, such as Asia/Kolkata',
    ),
  )
  .superRefine(offsetsAreNoZone)
  .refine(
    (text) => typedOffset(text) !== null || etcZoneOffset(text) !== null || isTimeZoneName(text),
    because('unknown_time_zone', 'must be a time zone such as Europe/Vilnius or Asia/Seoul'),
  )
  .transform(timeZoneAsSpelled);

// A refusal names a few offending keys and never repeats a long value back: a
// request with 200,000 unknown keys is answered in a line, not a megabyte.
const keysNamed = 3;
const longestName = 40;
const shortName = (name: string) => (name.length > longestName ? `${name.slice(0, longestName)}…` : name);

/** The first problem in a failed parse: an English sentence naming the field, and its reason for the page to word. */
export function describeIssue(error: z.ZodError): { message: string; field?: string } & Refusal {
  const issue = error.issues[0];
  if (!issue) return { message: 'The request is not valid.', reason: 'invalid' };
  // An update's form fields sit under `patch`; forms know them by their own names.
  const path = issue.path[0] === 'patch' ? issue.path.slice(1) : issue.path;
  const field = path.map((segment) => shortName(String(segment))).join('.');
  const text = issue.code === 'unrecognized_keys' ? unknownKeys(issue.keys) : shortMessage(issue.message);
  const refusal = refusalOf(issue);
  return field ? { message: `${field}: ${text}`, field, ...refusal } : { message: `Request ${text}`, ...refusal };
}

/** The reason behind a validator's issue, from its kind and bounds: never its text. */
function refusalOf(issue: z.core.$ZodIssue): Refusal {
  switch (issue.code) {
    case 'custom': {
      const { reason, ...values } = (issue.params ?? {}) as Record<string, unknown>;
      const params = Object.fromEntries(
        Object.entries(values).filter((entry): entry is [string, string | number] => ['string', 'number'].includes(typeof entry[1])),
      );
      if (!isRefusalReason(reason)) return { reason: 'invalid' };
      return Object.keys(params).length > 0 ? { reason, params } : { reason };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { reason: 'too_long', params: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { reason: 'too_many', params: { max } };
      return { reason: 'number_too_big', params: { max } };
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? { reason: 'empty' } : { reason: 'too_short', params: { min } };
      if (issue.origin === 'array' || issue.origin === 'set') return { reason: 'too_few', params: { min } };
      return { reason: 'number_too_small', params: { min } };
    }
    case 'unrecognized_keys':
      return { reason: 'unknown_fields', params: { names: issue.keys.slice(0, keysNamed).map(shortName).join(', ') } };
    case 'invalid_value':
    case 'invalid_union':
      return { reason: 'not_a_choice' };
    case 'invalid_type':
      return { reason: 'wrong_type' };
    default:
      return { reason: 'invalid' };
  }
}

function unknownKeys(keys: readonly string[]): string {
  const named = keys.slice(0, keysNamed).map(shortName).join(', ');
  const more = keys.length - keysNamed;
  return `has unknown field(s): ${named}${more > 0 ? ` and ${more.toLocaleString('en')} more` : ''}`;
}

/** Our own messages are short; a validator's that quotes a value is cut. */
function shortMessage(message: string): string {
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}
