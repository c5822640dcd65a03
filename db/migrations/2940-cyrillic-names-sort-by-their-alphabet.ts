import { sortKey } from '../../shared/sortKey.ts';
import type { Db } from '../open.ts';
import type { Migration } from './index.ts';

// Cyrillic letters the Russian alphabet lacks (Ukrainian І, Ї, Є, Ґ; Serbian and Macedonian Ђ, Ј, Љ, Њ, Ћ, Џ, Ѕ)
// sit after Я in Unicode, so "Ігор Жовква" was listed after "Юлія Свириденко": their key now files each after
// its neighbour in the alphabet (shared/sortKey.ts). The rows whose name holds one get their key again, as 1590
// wrote them and 2920 rewrote Thai ones: the key is not an edit, so the table's triggers (search index,
// replication) are set aside meanwhile and put back exactly as they were.
const keyed = [
  { table: 'person', column: 'name', key: 'name_key' },
  { table: 'country', column: 'name', key: 'name_key' },
  { table: 'source', column: 'title', key: 'title_key' },
] as const;
const outsideRussian = "'*[ҐґЂђЄєЅѕІіЇїЈјЉљЊњЋћЏџ]*'";

function keyCyrillicNamesAgain(db: Db): void {
  for (const { table, column, key } of keyed) {
    const rows = db.prepare(`SELECT id, ${column} AS text FROM ${table} WHERE ${column} GLOB ${outsideRussian}`).all() as {
      id: number;
      text: string;
    }[];
    if (rows.length === 0) continue;
    const triggers = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?`).all(table) as {
      name: string;
      sql: string;
    }[];
    for (const trigger of triggers) db.exec(`DROP TRIGGER "${trigger.name}"`);
    const write = db.prepare(`UPDATE ${table} SET ${key} = ? WHERE id = ?`);
    for (const row of rows) write.run(sortKey(row.text), row.id);
    for (const trigger of triggers) db.exec(trigger.sql);
  }
}

export const cyrillicNamesSortByTheirAlphabet: Migration = {
  version: 2940,
  name: 'Ukrainian, Serbian and Macedonian names sort by their alphabet: І after И, Є after Е, Ґ after Г',
  up(db) {
    keyCyrillicNamesAgain(db);
  },
};
