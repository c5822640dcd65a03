import { z } from 'zod';
import {
  asStoredLine,
  hasBrokenCharacter,
  hasControlCharacter,
  hasHiddenFormatCharacter,
  isCalendarDate,
  isKnownTimeZone,
  isSingleLine,
  isUtcInstant,
  maxProse,
} from '../../shared/fieldRules.ts';

// Zod wrappers round the shared field rules (shared/fieldRules.ts), which the
// renderer's forms read too; only the wording of the store's refusals lives here.
const brokenCharacterMessage = 'has a broken character (half of an emoji or symbol); paste the text again';

export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const optionalId = id.nullable();

export const line = (max: number) =>
  z
    .string()
    .overwrite(asStoredLine)
    .max(max, `must be at most ${max} characters`)
    .refine(isSingleLine, 'must be a single line of text without control characters')
    .refine((text) => !hasBrokenCharacter(text), brokenCharacterMessage)
    .refine(
      (text) => !hasHiddenFormatCharacter(text),
      'has an invisible character that reorders or hides text (a direction override or isolate, or a zero-width space)',
    );
export const requiredLine = (max: number) => line(max).refine((text) => text.trim().length > 0, 'must not be empty');
export const prose = z
  .string()
  .max(maxProse, `must be at most ${maxProse} characters`)
  .refine((text) => !hasControlCharacter(text), 'must not contain control characters')
  .refine((text) => !hasBrokenCharacter(text), brokenCharacterMessage);

export const isoDate = z.string().refine(isCalendarDate, 'must be a real date written YYYY-MM-DD, in the years 1 to 9999');
export const isoInstant = z
  .string()
  .refine(isUtcInstant, 'must be a real UTC date and time written YYYY-MM-DDTHH:MM:SSZ, in the years 1 to 9999')
  .transform((text) => new Date(text).toISOString());
export const timeZone = z.string().refine(isKnownTimeZone, 'must be a time zone such as Europe/Vilnius or Asia/Seoul');

// A refusal names a few offending keys and never repeats a long value back: a
// request with 200,000 unknown keys is answered in a line, not a megabyte.
const keysNamed = 3;
const longestName = 40;
const shortName = (name: string) => (name.length > longestName ? `${name.slice(0, longestName)}…` : name);

/** The first problem in a failed parse, as a sentence naming the field. */
export function describeIssue(error: z.ZodError): { message: string; field?: string } {
  const issue = error.issues[0];
  if (!issue) return { message: 'The request is not valid.' };
  // An update's form fields sit under `patch`; forms know them by their own names.
  const path = issue.path[0] === 'patch' ? issue.path.slice(1) : issue.path;
  const field = path.map((segment) => shortName(String(segment))).join('.');
  const text = issue.code === 'unrecognized_keys' ? unknownKeys(issue.keys) : shortMessage(issue.message);
  return field ? { message: `${field}: ${text}`, field } : { message: `Request ${text}` };
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
