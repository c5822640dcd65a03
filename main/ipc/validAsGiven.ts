import type { Channel, Request } from '../../shared/contract.ts';
import {
  asStoredLine,
  fitsLength,
  isBlank,
  isPlainLine,
  maxLevelName,
  maxProse,
  noteLimits,
  refusedInLine,
  refusedInProse,
} from '../../shared/fieldRules.ts';

// Autosave sends a note save on every pause in typing, and the request schema's
// generic checks (zod) cost more than the rest of the save's own work when their
// code is still cold, as it is between pauses: tens of microseconds against one
// commit's hundred. For that channel, a request that passes every rule exactly as
// given is recognised here in a few plain tests, and is what the schema would
// return; anything else (a field to trim, a refusal, an unexpected shape) goes to
// the schema, which stays the one statement of the rules and words every refusal.
// validAsGiven.test.ts checks that whatever is taken here the schema takes too, unchanged.

/** The same rules as `line` in validation.ts, for a value the schema would keep as it is (nothing to trim, no tab to join). */
function isLineAsGiven(value: unknown, max: number): value is string {
  return (
    typeof value === 'string' &&
    fitsLength(value, max) &&
    (isPlainLine(value) || (!refusedInLine.test(value) && asStoredLine(value) === value))
  );
}

function isProse(value: unknown): value is string {
  return typeof value === 'string' && fitsLength(value, maxProse) && !refusedInProse.test(value);
}

const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

const noteSaveFields = new Set(['id', 'baseVersion', 'continuesSession', 'title', 'body', 'tags', 'classification']);

/** A note save whose every field passes its rule as given, copied; undefined when the schema must decide. */
function noteSaveAsGiven(payload: unknown): Request<'note.save'> | undefined {
  if (typeof payload !== 'object' || payload === null || Object.getPrototypeOf(payload) !== Object.prototype) return undefined;
  const request = payload as Record<string, unknown>;
  const keys = Object.keys(request);
  if (keys.length > noteSaveFields.size || !keys.every((key) => noteSaveFields.has(key))) return undefined;
  const { id, baseVersion, continuesSession, title, body, tags, classification } = request;
  if (!isId(id) || !isId(baseVersion)) return undefined;
  if ('continuesSession' in request && typeof continuesSession !== 'boolean') return undefined;
  if (!isLineAsGiven(title, noteLimits.title) || !isProse(body) || !isLineAsGiven(classification, maxLevelName)) return undefined;
  if (!Array.isArray(tags) || tags.length > noteLimits.tags) return undefined;
  if (!tags.every((tag) => isLineAsGiven(tag, noteLimits.tag) && !isBlank(tag))) return undefined;
  return { ...request, tags: [...tags] } as Request<'note.save'>;
}

/**
 * A request that is only a record's id, copied, as the schema's `{ id }` returns it.
 * Opening a view is one: zod's checks of that one number cost a meeting brief about
 * 5 µs of its 100 while their code is still warming up (the benchmark's 200 calls).
 */
function byIdAsGiven(payload: unknown): { id: number } | undefined {
  if (typeof payload !== 'object' || payload === null || Object.getPrototypeOf(payload) !== Object.prototype) return undefined;
  const keys = Object.keys(payload);
  if (keys.length !== 1 || keys[0] !== 'id') return undefined;
  const { id } = payload as { id: unknown };
  return isId(id) ? { id } : undefined;
}

/** The views opened by a record's id and nothing else (validAsGiven.test.ts checks each against its schema). */
export const byIdChannels = [
  'summit.view',
  'summit.participants',
  'summit.sectors',
  'meeting.brief',
  'meeting.biographies',
  'person.view',
  'sector.view',
  'note.get',
  'note.revisions',
  'pack.get',
  'pack.unmarked',
  'pack.exportStatus',
] as const satisfies readonly Channel[];

/** Per channel, where there is one: the request as given when it passes every rule unchanged. */
export const validAsGiven: Partial<Record<Channel, (payload: unknown) => unknown>> = {
  'note.save': noteSaveAsGiven,
  ...Object.fromEntries(byIdChannels.map((channel) => [channel, byIdAsGiven])),
};
