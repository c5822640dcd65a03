import type { Db } from '../db/open.ts';
import { findPackByName, listPacks } from '../db/packs.ts';
import { packDefinition } from '../main/ipc/schemas.ts';
import { describeIssue } from '../main/ipc/validation.ts';
import type { BriefingPack } from '../shared/domain.ts';
import { readsAsSamePackName } from '../shared/packNames.ts';
import type { CliLanguage } from './cliLanguage.ts';
import { quoted, say } from './exportRefusals.ts';

/**
 * The pack named `name` (or, where none is, the one saved pack whose name reads the same, white space and Unicode
 * form aside), checked the way the app checks one before saving it;
 * or one sentence about the pack (missing, damaged, not understood), never a
 * message from deep inside the export such as "No summit with id undefined". The sentence is in `language`.
 */
export function findExportablePack(
  db: Db,
  name: string,
  dbPath: string,
  language: CliLanguage = 'en',
): { pack: BriefingPack } | { problem: string } {
  const store = dbPath;
  // The store's CHECK (json_valid) keeps a definition readable JSON; what it says is checked below.
  const exact = findPackByName(db, name);
  const alike = exact ? [] : listPacks(db).filter((saved) => readsAsSamePackName(saved.name, name));
  if (alike.length > 1) {
    return { problem: say(language, 'packAlike', { store, name, names: quoted(alike.map((saved) => saved.name)) }) };
  }
  const pack = exact ?? alike[0];
  if (!pack) {
    const names = listPacks(db).map((saved) => saved.name);
    return {
      problem: names.length
        ? say(language, 'packMissing', { store, name, names: quoted(names) })
        : say(language, 'packMissingNoneSaved', { store, name }),
    };
  }
  const parsed = packDefinition().safeParse(pack.definition);
  if (!parsed.success) {
    // The validator's sentence is English; in Korean the field it is about is named, as it is spelled in the store.
    const issue = describeIssue(parsed.error);
    const detail = language === 'en' ? issue.message : (issue.field ?? '…');
    return { problem: say(language, 'packUnexportable', { store, name: pack.name, detail }) };
  }
  return { pack: { ...pack, definition: parsed.data } };
}
