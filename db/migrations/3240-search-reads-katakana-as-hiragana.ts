import type { Migration } from './index.ts';

// APEC in Gyeongju, tried as a new desk (r26-apec): "いしば" found 石破 茂 (いしば しげる) but not a record that wrote
// him イシバ. The index now reads katakana as the hiragana of the same sound (shared/cjk.ts asHiragana): rows
// indexed before hold their katakana pairs as written, so those holding katakana are given theirs again.
const katakana = /[\u30a1-\u30f6]/u;

export const searchReadsKatakanaAsHiragana: Migration = {
  version: 3240,
  name: 'search reads katakana and hiragana alike',
  up(db) {
    const rows = db.prepare('SELECT rowid AS id, title, body FROM search_text').iterate() as Iterable<{
      id: number;
      title: string | null;
      body: string | null;
    }>;
    // Read whole before any write: a connection cannot write while a statement is reading.
    const ids: number[] = [];
    for (const row of rows) if (katakana.test(row.title ?? '') || katakana.test(row.body ?? '')) ids.push(row.id);
    if (ids.length === 0) return;
    db.exec('CREATE TEMP TABLE search_again (id INTEGER PRIMARY KEY)');
    const again = db.prepare('INSERT INTO temp.search_again (id) VALUES (?)');
    for (const id of ids) again.run(id);
    db.exec(`
      UPDATE search_text SET title_cjk = cjk_bigrams(title), body_cjk = cjk_bigrams(body)
        WHERE rowid IN (SELECT id FROM temp.search_again);
      DELETE FROM search_title WHERE rowid IN (SELECT id FROM temp.search_again);
      INSERT INTO search_title (rowid, title, title_cjk, title_fold)
        SELECT rowid, title, title_cjk, title_fold FROM search_text
        WHERE rowid IN (SELECT id FROM temp.search_again) ORDER BY rowid;
      DROP TABLE temp.search_again;
    `);
  },
};
