import type { Db } from '../../../db/open.ts';
import type { ClassificationScheme } from '../../../shared/contract.ts';
import { acceptedMarking, readsAsUnmarked } from '../../../shared/markings.ts';
import { classificationSchemeOf, renamedLevelsOf } from './settings.ts';
import { UserError } from './types.ts';

/**
 * Where a marking comes in (a record's form, a note, a pack's biography, the
 * desk's default): stored as the desk's scheme spells the level, or refused at
 * its field with nothing saved. A twin of a level in another Unicode form would
 * look identical on screen and then stop every pack holding it as unknown.
 */
export function acceptMarking(db: Db, given: string, stored: string | undefined | (() => string | undefined), field: string): string {
  // Unmarked is taken by every scheme: the stored one is not read for it (most notes an autosave sends).
  if (readsAsUnmarked(given)) return '';
  const scheme = classificationSchemeOf(db);
  // The record's own marking is looked up only when the one given is no level (rare), not on every save.
  const marking =
    acceptedMarking(scheme, given) ??
    acceptedMarking(scheme, given, typeof stored === 'function' ? stored() : stored) ??
    renamedTo(db, scheme, given);
  if (marking === null)
    throw new UserError(
      'invalid_request',
      `${field}: “${given.trim()}” is not a level of the classification scheme in use (“${scheme.name}”); nothing was saved`,
      'marking_not_in_scheme',
      field,
    );
  return marking;
}

/** A level's old name, given by an edit made before the level was renamed: the level it now is, if the scheme still has it. */
function renamedTo(db: Db, scheme: ClassificationScheme, given: string): string | null {
  let marking = given;
  // Followed through later renames too (NON PROTEGE → NON PROTÉGÉ → PUBLIC), each once.
  for (const rename of renamedLevelsOf(db))
    if (acceptedMarking({ name: '', levels: [{ name: rename.from, portion: '' }] }, marking) === rename.from) marking = rename.to;
  return marking === given ? null : acceptedMarking(scheme, marking);
}
