import type { Db } from '../db/open.ts';
import { findPackByName, listPacks } from '../db/packs.ts';
import { packDefinition } from '../main/ipc/schemas.ts';
import { describeIssue } from '../main/ipc/validation.ts';
import type { BriefingPack } from '../shared/domain.ts';
import { readsAsSamePackName } from '../shared/packNames.ts';

/**
 * The pack named `name` (or, where none is, the one saved pack whose name reads the same, white space and Unicode
 * form aside), checked the way the app checks one before saving it;
 * or one sentence about the pack (missing, damaged, not understood), never a
 * message from deep inside the export such as "No summit with id undefined".
 */
export function findExportablePack(db: Db, name: string, dbPath: string): { pack: BriefingPack } | { problem: string } {
  // The store's CHECK (json_valid) keeps a definition readable JSON; what it says is checked below.
  const exact = findPackByName(db, name);
  const alike = exact ? [] : listPacks(db).filter((saved) => readsAsSamePackName(saved.name, name));
  if (alike.length > 1) {
    const names = alike.map((saved) => `“${saved.name}”`).join(', ');
    return {
      problem: `More than one pack in ${dbPath} is named as “${name}” is but for its spaces: ${names}. Copy the exact name from Sherpa.`,
    };
  }
  const pack = exact ?? alike[0];
  if (!pack) {
    const names = listPacks(db).map((saved) => `“${saved.name}”`);
    return {
      problem: `No pack named “${name}” in ${dbPath}. ${names.length ? `Saved packs: ${names.join(', ')}.` : 'It has no saved packs.'}`,
    };
  }
  const parsed = packDefinition().safeParse(pack.definition);
  if (!parsed.success) {
    return {
      problem:
        `The pack “${pack.name}” in ${dbPath} has a definition Sherpa cannot export (${describeIssue(parsed.error).message}); ` +
        'open it in Sherpa, fix it and save it again.',
    };
  }
  return { pack: { ...pack, definition: parsed.data } };
}
