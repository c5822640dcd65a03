import { sortKey } from '../../shared/sortKey.ts';
import type { Db } from '../open.ts';
import type { Migration } from './index.ts';

// An EPC summit near Chișinău, tried as a new desk (r17-chisinau). Search finds "Əliyev" by "Aliyev", a Georgian
// name pasted in capitals (Mtavruli, "ᲘᲠᲐᲙᲚᲘ") by the letters typed ("ირაკლი"), and a Ukrainian name whichever
// apostrophe it was written with (В’ячеслав, В'ячеслав, Вʼячеслав) or without one (Вячеслав); Ə sorts after E, not
// after Z (shared/searchFold.ts, shared/sortKey.ts). Rows indexed before hold no folded text for them: those
// holding any are given theirs again, by the same SQL function every writer uses, in both indexes. Names holding Ə get their
// key again as 2940 wrote Cyrillic ones: the key is not an edit, so the table's triggers (search index,
// replication) are set aside meanwhile and put back exactly as they were.
const keyed = [
  { table: 'person', column: 'name', key: 'name_key' },
  { table: 'country', column: 'name', key: 'name_key' },
  { table: 'source', column: 'title', key: 'title_key' },
] as const;
const schwa = "'*[Əə]*'";
const foldedAnew = /[Əə\u1c90-\u1cbf]|\p{Script=Cyrillic}\p{M}*['’ʼ]\p{Script=Cyrillic}/u;

function keySchwaNamesAgain(db: Db): void {
  for (const { table, column, key } of keyed) {
    const rows = db.prepare(`SELECT id, ${column} AS text FROM ${table} WHERE ${column} GLOB ${schwa}`).all() as {
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

export const azerbaijaniAndGeorgianCapitals: Migration = {
  version: 2950,
  name: 'search folds Ə to A, Georgian capitals to their letters and apostrophes inside Cyrillic words away; Ə sorts after E',
  up(db) {
    const rows = db.prepare('SELECT rowid AS id, title, body FROM search_text').iterate() as Iterable<{
      id: number;
      title: string | null;
      body: string | null;
    }>;
    // Read whole before any write: a connection cannot write while a statement is reading.
    const ids: number[] = [];
    for (const row of rows) if (foldedAnew.test(row.title ?? '') || foldedAnew.test(row.body ?? '')) ids.push(row.id);
    db.exec('CREATE TEMP TABLE search_again (id INTEGER PRIMARY KEY)');
    const again = db.prepare('INSERT INTO temp.search_again (id) VALUES (?)');
    for (const id of ids) again.run(id);
    // The titles' own index (search_title, contentless) is written again for those rows too, as 2920 did.
    db.exec(`
      UPDATE search_text SET title_fold = search_folded(title), body_fold = search_folded(body)
        WHERE rowid IN (SELECT id FROM temp.search_again);
      DELETE FROM search_title WHERE rowid IN (SELECT id FROM temp.search_again);
      INSERT INTO search_title (rowid, title, title_cjk, title_fold)
        SELECT rowid, title, title_cjk, title_fold FROM search_text
        WHERE rowid IN (SELECT id FROM temp.search_again) ORDER BY rowid;
      DROP TABLE temp.search_again;
    `);
    keySchwaNamesAgain(db);
  },
};
