import type { Migration } from './index.ts';

// Round nineteen's hostile tester (r19-hostile). Search finds a name with an apostrophe inside it whichever
// apostrophe it was written with, or none: "Thiongo" finds "Ngũgĩ wa Thiong’o", "obrien" "O'Brien"
// (shared/searchFold.ts). Rows indexed before hold no folded text for them: those holding an apostrophe between two
// letters, short of an English ending ('s, 't, 'd, 'm, 're, 've, 'll), are given theirs again, by the same SQL
// function every writer uses, in both indexes, as 2950 did for Cyrillic words.
const foldedAnew = /(?<=\p{L}\p{M}*)['’‘](?=\p{L})(?!(?:s|t|d|m|re|ve|ll)(?![\p{L}\p{M}]))/iu;

export const searchFoldsApostrophesInsideNames: Migration = {
  version: 3020,
  name: 'search folds away an apostrophe inside a name',
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
