import { sortKey } from '../../shared/sortKey.ts';
import type { Db } from '../open.ts';
import type { Migration } from './index.ts';

// An EPC summit near Chișinău, tried as a new desk (r17-chisinau). Search finds "Əliyev" by "Aliyev", and a
// Georgian name pasted in capitals (Mtavruli, "ᲘᲠᲐᲙᲚᲘ") by the letters typed ("ირაკლი"); Ə sorts after E, not
// after Z (shared/searchFold.ts, shared/sortKey.ts). Rows indexed before hold no folded text for them: those
// holding either are given theirs again, by the same SQL function every writer uses, in both indexes. Names holding Ə get their
// key again as 2940 wrote Cyrillic ones: the key is not an edit, so the table's triggers (search index,
// replication) are set aside meanwhile and put back exactly as they were.
const keyed = [
  { table: 'person', column: 'name', key: 'name_key' },
  { table: 'country', column: 'name', key: 'name_key' },
  { table: 'source', column: 'title', key: 'title_key' },
] as const;
const schwa = "'*[Əə]*'";
const foldedAnew = "'*[Əə\u1c90-\u1cbf]*'";

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
  name: 'search folds Ə to A and Georgian capitals to their letters; Ə sorts after E',
  up(db) {
    // The titles' own index (search_title, contentless) is written again for those rows too, as 2920 did.
    db.exec(`
      CREATE TEMP TABLE search_again (id INTEGER PRIMARY KEY);
      INSERT INTO temp.search_again (id) SELECT rowid FROM search_text WHERE title GLOB ${foldedAnew} OR body GLOB ${foldedAnew};
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
