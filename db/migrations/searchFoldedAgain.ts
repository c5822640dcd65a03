import type { Db } from '../open.ts';

/** What tells a text the index must read again: a pattern, or a test of its own. */
type Holding = Pick<RegExp, 'test'>;

/**
 * Gives the rows of the search index whose title or body holds a letter a new fold reads differently their folded
 * text again, by the same SQL function every writer uses, in both indexes (the migrations from 3040 on; the
 * committed ones before it each wrote this out, and a committed migration never changes).
 */
export function searchFoldedAgain(db: Db, foldedAnew: RegExp): void {
  searchIndexedAgain(db, foldedAnew, 'title_fold = search_folded(title), body_fold = search_folded(body)');
}

/**
 * The same for the CJK pieces (`cjk_bigrams`), for a change in how a CJK run is cut (3240: katakana read as hiragana;
 * 3290: traditional Chinese read as simplified).
 */
export function searchPiecesAgain(db: Db, cutAnew: Holding): void {
  searchIndexedAgain(db, cutAnew, 'title_cjk = cjk_bigrams(title), body_cjk = cjk_bigrams(body)');
}

/**
 * The titles' own index alone, for a change in what it holds of a title beside search_text (3510: the initials of
 * its Hangul): it is built again from the titles, and search_text left as it is.
 */
export function titlesIndexedAgain(db: Db, holding: Holding): void {
  searchIndexedAgain(db, holding, null);
}

function searchIndexedAgain(db: Db, holding: Holding, columnsAgain: string | null): void {
  const rows = db
    .prepare(`SELECT rowid AS id, title, ${columnsAgain === null ? 'NULL AS body' : 'body'} FROM search_text`)
    .iterate() as Iterable<{
    id: number;
    title: string | null;
    body: string | null;
  }>;
  // Read whole before any write: a connection cannot write while a statement is reading.
  const ids: number[] = [];
  for (const row of rows) if (holding.test(row.title ?? '') || holding.test(row.body ?? '')) ids.push(row.id);
  if (ids.length === 0) return;
  db.exec('CREATE TEMP TABLE search_again (id INTEGER PRIMARY KEY)');
  const again = db.prepare('INSERT INTO temp.search_again (id) VALUES (?)');
  for (const id of ids) again.run(id);
  // From 3510 the titles' index holds a title's pieces with the initials of its Hangul (title_pieces), search_text
  // not; the migrations before it write what they always wrote (a committed migration never changes), and 3510
  // builds every title again.
  const titlePieces = columnsAgain === null ? 'title_pieces(title)' : 'title_cjk';
  db.exec(`
    ${columnsAgain === null ? '' : `UPDATE search_text SET ${columnsAgain} WHERE rowid IN (SELECT id FROM temp.search_again);`}
    DELETE FROM search_title WHERE rowid IN (SELECT id FROM temp.search_again);
    INSERT INTO search_title (rowid, title, title_cjk, title_fold)
      SELECT rowid, title, ${titlePieces}, title_fold FROM search_text
      WHERE rowid IN (SELECT id FROM temp.search_again) ORDER BY rowid;
    DROP TABLE temp.search_again;
  `);
}
