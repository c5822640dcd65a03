import type { Migration } from './index.ts';

// An Arctic Council ministerial in Reykjavík, tried as a new desk (r20-reykjavik). Search finds a Sámi name typed
// without ŋ, ŧ or ǥ, as a keyboard or a passport writes it ("Nuoras" finds "Ŋuoras"), and a Hebrew name written with
// a geresh by the apostrophe the Hebrew keyboard types for it ("ג'ו" finds "ג׳ו") (shared/searchFold.ts). Rows
// indexed before hold no folded text for them, or one that kept them (beside a đ): those are given theirs again, by
// the same SQL function every writer uses, in both indexes, as 3020 did.
const foldedAnew = /[ŋŊŧŦǥǤ]|(?<=\p{L}\p{M}*)׳(?=\p{L})/u;

export const searchFoldsSamiLetters: Migration = {
  version: 3030,
  name: 'search folds the Sámi ŋ, ŧ and ǥ to n, t and g, and the Hebrew geresh away inside a word',
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
