import type { Migration } from './index.ts';

// An African Union summit in Addis Ababa, tried as a desk team (r18-addis). Search finds an Amharic name whichever
// of the letters that sound alike it was spelt with: "አብይ አህመድ" finds "ዐቢይ አሕመድ" (shared/searchFold.ts). Rows
// indexed before hold no folded text for them: those holding any such letter are given theirs again, by the same
// SQL function every writer uses, in both indexes, as 2950 did.
const foldedAnew = /[\u1203\u1210-\u1217\u1220-\u1227\u1280-\u1287\u12a3\u12d0-\u12d7\u1340-\u1347]/u;

export const searchFoldsEthiopicHomophones: Migration = {
  version: 3000,
  name: 'search folds the Ethiopic letters that sound alike',
  up(db) {
    const rows = db.prepare('SELECT rowid AS id, title, body FROM search_text').iterate() as Iterable<{
      id: number;
      title: string | null;
      body: string | null;
    }>;
    // Read whole before any write: a connection cannot write while a statement is reading.
    const ids: number[] = [];
    for (const row of rows) if (foldedAnew.test(row.title ?? '') || foldedAnew.test(row.body ?? '')) ids.push(row.id);
    if (ids.length === 0) return;
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
  },
};
