import { z } from 'zod';

// Field rules shared by every request schema. Limits are generous for prose
// and tight for names, so a runaway paste fails loudly instead of bloating the store.
export const maxProse = 100_000;

const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const lineBreaks = /[\n\r\u2028\u2029]/;
// Half of a surrogate pair on its own: SQLite would store it as U+FFFD, silently changing the text.
const brokenCharacter = /[\ud800-\udfff]/u;
const brokenCharacterMessage = 'has a broken character (half of an emoji or symbol); paste the text again';

export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const optionalId = id.nullable();

export const line = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((text) => !controlCharacters.test(text) && !lineBreaks.test(text), 'must be a single line of text without control characters')
    .refine((text) => !brokenCharacter.test(text), brokenCharacterMessage);
export const requiredLine = (max: number) => line(max).refine((text) => text.trim().length > 0, 'must not be empty');
export const prose = z
  .string()
  .max(maxProse, `must be at most ${maxProse} characters`)
  .refine((text) => !controlCharacters.test(text), 'must not contain control characters')
  .refine((text) => !brokenCharacter.test(text), brokenCharacterMessage);

export function isValidIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
export const isoDate = z.string().refine(isValidIsoDate, 'must be a real date written YYYY-MM-DD');
export const isoInstant = z
  .string()
  .refine(
    (text) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/.test(text) && !Number.isNaN(Date.parse(text)),
    'must be a UTC time written YYYY-MM-DDTHH:MM:SSZ',
  )
  .transform((text) => new Date(text).toISOString());

export function isValidTimeZone(name: string): boolean {
  if (name.length === 0 || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
export const timeZone = z.string().refine(isValidTimeZone, 'must be a time zone such as Europe/Vilnius or Asia/Seoul');

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
