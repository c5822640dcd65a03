import { withMisleadingCharactersShown } from '../../shared/misleadingCharacters.ts';

// A pack prints records this desk did not type: a colleague's, received by bundle or from the server, may hold
// a direction override the forms here refuse ("\u202Eksed luoeS" prints "Seoul desk"). The stored record stays
// as sent (every desk must hold the same bytes); what the pack prints names each such character instead.

/** The value with every text in it (however deep) printing its direction overrides as visible marks. */
export function shownAsStored<T>(value: T): T {
  if (typeof value === 'string') return withMisleadingCharactersShown(value) as T;
  if (Array.isArray(value)) return value.map(shownAsStored) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([key, each]) => [key, shownAsStored(each)])) as T;
  return value;
}
