import { sortKey } from '../../shared/sortKey.ts';
import type { Db } from '../open.ts';
import type { Migration } from './index.ts';
import { searchFoldedAgain } from './searchFoldedAgain.ts';

// Summits briefed in scripts nobody had tuned Sherpa for (r22-scripts). Search keeps the vowel signs and viramas
// of Devanagari to Sinhala ("கிழமை" no longer finds "கொழும்பு"), reads through Armenian marks inside a word and
// finds և as եւ or եվ, folds Persian and Arabic keyboard letters (ی ي ى, ک ك, ه ة) and Eastern Arabic digits
// together, and finds Tajik Ҷ and Serbian Џ, Ђ as Дж, Ћ as Ч (shared/searchFold.ts). Names sort with their South
// Asian vowel signs, Tamil in its alphabet's order, Armenian և as եվ, and what prints as nothing set aside
// (shared/sortKey.ts). Rows indexed before hold a folded text without those marks, or none: those holding any of
// these letters are given theirs again, by the same SQL function every writer uses, in both indexes, as 3030 did;
// names whose key now differs get it again, the table's triggers set aside meanwhile, as 3010 did.
const foldedAnew = /[\u0900-\u0dff\u0531-\u0587\u0660-\u0669\u06f0-\u06f9يىكةҶҷЂђЏџЋћ]/u;
const keyed = [
  { table: 'person', column: 'name', key: 'name_key' },
  { table: 'country', column: 'name', key: 'name_key' },
  { table: 'source', column: 'title', key: 'title_key' },
] as const;

/** Every name whose key the new sortKey makes differently (a few thousand names at most: all are read). */
function keyNamesAgain(db: Db): void {
  for (const { table, column, key } of keyed) {
    const rows = db.prepare(`SELECT id, ${column} AS text, ${key} AS key FROM ${table} WHERE ${column} IS NOT NULL`).all() as {
      id: number;
      text: string;
      key: string | null;
    }[];
    const changed = rows.filter((row) => sortKey(row.text) !== row.key);
    if (changed.length === 0) continue;
    const triggers = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?`).all(table) as {
      name: string;
      sql: string;
    }[];
    for (const trigger of triggers) db.exec(`DROP TRIGGER "${trigger.name}"`);
    const write = db.prepare(`UPDATE ${table} SET ${key} = ? WHERE id = ?`);
    for (const row of changed) write.run(sortKey(row.text), row.id);
    for (const trigger of triggers) db.exec(trigger.sql);
  }
}

export const searchAndSortSouthAsianArmenianPersian: Migration = {
  version: 3040,
  name: 'search keeps South Asian vowel signs, folds Armenian, Persian and Arabic, and Tajik and Serbian Cyrillic letters; names sort by them',
  up(db) {
    searchFoldedAgain(db, foldedAnew);
    keyNamesAgain(db);
  },
};
