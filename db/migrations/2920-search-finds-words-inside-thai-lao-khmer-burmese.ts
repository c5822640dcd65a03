import type { Migration } from './index.ts';

// Thai, Lao, Khmer and Burmese put no spaces between words, so a word was found only where a sentence began with
// it: "ประชุม" did not find "การประชุมสุดยอดอาเซียน". Their runs are now indexed as pieces of two base letters,
// as CJK runs have been since 0250 (shared/cjk.ts): rows indexed before hold none for them, so those holding
// any letter of these scripts are given theirs, by the same SQL function every writer uses, in both indexes.
// The title index (0660) keeps no text of its own: its rows are deleted and written again from search_text.
const scripts = '[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\ua9e0-\ua9ff\uaa60-\uaa7f]';

export const searchFindsWordsInsideThaiLaoKhmerBurmese: Migration = {
  version: 2920,
  name: 'search finds a Thai, Lao, Khmer or Burmese word inside its sentence',
  up(db) {
    db.exec(`
      CREATE TEMP TABLE search_unspaced AS
        SELECT rowid AS id FROM search_text WHERE title GLOB '*${scripts}*' OR body GLOB '*${scripts}*';
      UPDATE search_text SET title_cjk = cjk_bigrams(title), body_cjk = cjk_bigrams(body)
        WHERE rowid IN (SELECT id FROM temp.search_unspaced);
      DELETE FROM search_title WHERE rowid IN (SELECT id FROM temp.search_unspaced);
      INSERT INTO search_title (rowid, title, title_cjk, title_fold)
        SELECT rowid, title, title_cjk, title_fold FROM search_text
        WHERE rowid IN (SELECT id FROM temp.search_unspaced) ORDER BY rowid;
      DROP TABLE temp.search_unspaced;
    `);
  },
};
