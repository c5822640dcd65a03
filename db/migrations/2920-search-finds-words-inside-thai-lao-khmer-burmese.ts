import { sortKey } from '../../shared/sortKey.ts';
import type { Db } from '../open.ts';
import type { Migration } from './index.ts';

// Thai, Lao, Khmer and Burmese put no spaces between words, so a word was found only where a sentence began with
// it: "ประชุม" did not find "การประชุมสุดยอดอาเซียน". Their runs are now indexed as pieces of two base letters,
// as CJK runs have been since 0250 (shared/cjk.ts). And characters that print as nothing (a soft hyphen, a
// zero-width space pasted from a web page) no longer part a word: "Wira\u00adnto" is found by "wiranto"
// (shared/searchFold.ts). Rows indexed before hold neither: those holding any letter of these scripts or any
// such character are given their pieces and folded text again, by the SQL functions every writer uses, in both
// indexes. The title index (0660) keeps no text of its own: its rows are deleted and written again from search_text.

/**
 * A letter of these scripts or a character that prints as nothing (shared/searchFold.ts folds them away). Tested
 * in JavaScript row by row: a GLOB of the same class over every row cost seven times the CPU (0.9 s against 0.13 s
 * on a store of 18,000 indexed rows).
 */
const needsIndexingAgain =
  /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\ua9e0-\ua9ff\uaa60-\uaa7f\p{Default_Ignorable_Code_Point}]/u;

// And a Thai or Lao name that begins with a vowel written before its consonant (เศรษฐา, แพทองธาร, ໄກສອນ) was
// listed after every other: its key now reads that vowel after its consonant (shared/sortKey.ts). The rows
// holding one get their key again, as 1590 wrote them: the key is not an edit, so the table's triggers (search
// index, replication) are set aside meanwhile and put back exactly as they were.
const keyed = [
  { table: 'person', column: 'name', key: 'name_key' },
  { table: 'country', column: 'name', key: 'name_key' },
  { table: 'source', column: 'title', key: 'title_key' },
] as const;
const leadingVowels = "'*[\u0e40-\u0e44\u0ec0-\u0ec4]*'";

function keyThaiLaoNamesAgain(db: Db): void {
  for (const { table, column, key } of keyed) {
    const rows = db.prepare(`SELECT id, ${column} AS text FROM ${table} WHERE ${column} GLOB ${leadingVowels}`).all() as {
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

export const searchFindsWordsInsideThaiLaoKhmerBurmese: Migration = {
  version: 2920,
  name: 'search finds a Thai, Lao, Khmer or Burmese word inside its sentence, and a word with a soft hyphen inside; Thai and Lao names sort by their consonant',
  up(db) {
    const rows = db.prepare('SELECT rowid AS id, title, body FROM search_text').iterate() as Iterable<{
      id: number;
      title: string | null;
      body: string | null;
    }>;
    // Read whole before any write: a connection cannot write while a statement is reading.
    const ids: number[] = [];
    for (const row of rows) if (needsIndexingAgain.test(row.title ?? '') || needsIndexingAgain.test(row.body ?? '')) ids.push(row.id);
    db.exec('CREATE TEMP TABLE search_again (id INTEGER PRIMARY KEY)');
    const again = db.prepare('INSERT INTO temp.search_again (id) VALUES (?)');
    for (const id of ids) again.run(id);
    db.exec(`
      UPDATE search_text SET title_cjk = cjk_bigrams(title), body_cjk = cjk_bigrams(body),
          title_fold = search_folded(title), body_fold = search_folded(body)
        WHERE rowid IN (SELECT id FROM temp.search_again);
      DELETE FROM search_title WHERE rowid IN (SELECT id FROM temp.search_again);
      INSERT INTO search_title (rowid, title, title_cjk, title_fold)
        SELECT rowid, title, title_cjk, title_fold FROM search_text
        WHERE rowid IN (SELECT id FROM temp.search_again) ORDER BY rowid;
      DROP TABLE temp.search_again;
    `);
    keyThaiLaoNamesAgain(db);
  },
};
