import { sortKey } from '../../shared/sortKey.ts';
import type { Db } from '../open.ts';
import type { Migration } from './index.ts';

// A C5 summit in Astana, tried as a new desk (r19-astana). Search finds a Kazakh, Kyrgyz or Tajik name typed with
// the Russian letters a keyboard without theirs gives ("Токаев" finds "Тоқаев"; і folds to и as Russian writes it), and
// an Uzbek oʻ or gʻ written with any apostrophe, or none ("Ozbekiston" finds "O‘zbekiston"); those letters sort
// after their neighbours, not after Я (shared/searchFold.ts, shared/sortKey.ts). Rows indexed before hold no folded
// text for them, or one holding і: those are given theirs again, by the same SQL function every writer uses, in
// both indexes, as 2950 did; names holding the letters get their key again, the table's triggers set aside meanwhile.
const keyed = [
  { table: 'person', column: 'name', key: 'name_key' },
  { table: 'country', column: 'name', key: 'name_key' },
  { table: 'source', column: 'title', key: 'title_key' },
] as const;
const centralAsianLetters = 'ӘәҒғҚқҢңӨөҰұҮүҺһҲҳҶҷ';
const foldedAnew = new RegExp(`[${centralAsianLetters}ІіЇї]|[OoGg]\\p{M}*['‘’\\x60]\\p{Script=Latin}`, 'u');

function keyCentralAsianNamesAgain(db: Db): void {
  for (const { table, column, key } of keyed) {
    const rows = db.prepare(`SELECT id, ${column} AS text FROM ${table} WHERE ${column} GLOB '*[${centralAsianLetters}]*'`).all() as {
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

export const centralAsianLettersFoldAndSort: Migration = {
  version: 3010,
  name: 'search folds Kazakh, Kyrgyz and Tajik letters to Russian ones and Uzbek apostrophes away; those letters sort after their neighbours',
  up(db) {
    const rows = db.prepare('SELECT rowid AS id, title, body FROM search_text').iterate() as Iterable<{
      id: number;
      title: string | null;
      body: string | null;
    }>;
    // Read whole before any write: a connection cannot write while a statement is reading.
    const ids: number[] = [];
    for (const row of rows) if (foldedAnew.test(row.title ?? '') || foldedAnew.test(row.body ?? '')) ids.push(row.id);
    if (ids.length > 0) {
      db.exec('CREATE TEMP TABLE search_again (id INTEGER PRIMARY KEY)');
      const again = db.prepare('INSERT INTO temp.search_again (id) VALUES (?)');
      for (const id of ids) again.run(id);
      db.exec(`
        UPDATE search_text SET title_fold = search_folded(title), body_fold = search_folded(body)
          WHERE rowid IN (SELECT id FROM temp.search_again);
        DELETE FROM search_title WHERE rowid IN (SELECT id FROM temp.search_again);
        INSERT INTO search_title (rowid, title, title_cjk, title_fold)
          SELECT rowid, title, title_cjk, title_fold FROM search_text
          WHERE rowid IN (SELECT id FROM temp.search_again) ORDER BY rowid;
        DROP TABLE temp.search_again;
      `);
    }
    keyCentralAsianNamesAgain(db);
  },
};
