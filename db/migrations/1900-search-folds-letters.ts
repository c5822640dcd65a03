import type { Migration } from './index.ts';

// Search finds "Đặng" by "Dang", "ılık" by "ilik", "Παπαδόπουλος" without its
// tonos and "مُحَمَّد" by "محمد" (shared/searchFold.ts): the index gains two
// columns holding the title and body folded, filled by the `search_folded`
// SQL function (db/functions.ts), which leaves them empty where the tokenizer
// folds every letter itself. FTS5 cannot add a column, so both indexes are
// built again from the text they hold, keeping every rowid (search_pending
// and the triggers of 0020 address rows by them) and the view of 0250 over them. The INSTEAD OF triggers of
// 0660, through which every writer indexes, then fill the new columns too.
export const searchFoldsLetters: Migration = {
  version: 1900,
  name: 'search folds Đ, ı, Greek accents, tashkeel and vowel signs',
  up(db) {
    db.exec(`
      DROP TRIGGER search_index_insert;
      DROP TRIGGER search_index_delete;

      CREATE TEMP TABLE search_text_before AS
        SELECT rowid AS id, title, body, title_cjk, body_cjk, kind, ref_id, summit_id, sector_id FROM search_text;
      DROP TABLE search_text;
      CREATE VIRTUAL TABLE search_text USING fts5(
        title, body, title_cjk, body_cjk, title_fold, body_fold,
        kind UNINDEXED, ref_id UNINDEXED, summit_id UNINDEXED, sector_id UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3 4 5 6'
      );
      INSERT INTO search_text (rowid, title, body, title_cjk, body_cjk, title_fold, body_fold, kind, ref_id, summit_id, sector_id)
        SELECT id, title, body, title_cjk, body_cjk, search_folded(title), search_folded(body), kind, ref_id, summit_id, sector_id
        FROM temp.search_text_before ORDER BY id;
      DROP TABLE temp.search_text_before;

      DROP TABLE search_title;
      CREATE VIRTUAL TABLE search_title USING fts5(
        title, title_cjk, title_fold,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3 4 5 6'
      );
      INSERT INTO search_title (rowid, title, title_cjk, title_fold)
        SELECT rowid, title, title_cjk, title_fold FROM search_text ORDER BY rowid;

      CREATE TRIGGER search_index_insert INSTEAD OF INSERT ON search_index BEGIN
        INSERT INTO search_text (rowid, title, body, title_cjk, body_cjk, title_fold, body_fold, kind, ref_id, summit_id, sector_id)
        VALUES (NEW.rowid, NEW.title, NEW.body, cjk_bigrams(NEW.title), cjk_bigrams(NEW.body),
                search_folded(NEW.title), search_folded(NEW.body), NEW.kind, NEW.ref_id, NEW.summit_id, NEW.sector_id);
        INSERT INTO search_title (rowid, title, title_cjk, title_fold)
        VALUES (NEW.rowid, NEW.title, cjk_bigrams(NEW.title), search_folded(NEW.title));
      END;
      CREATE TRIGGER search_index_delete INSTEAD OF DELETE ON search_index BEGIN
        DELETE FROM search_text WHERE rowid = OLD.rowid;
        DELETE FROM search_title WHERE rowid = OLD.rowid;
      END;
    `);
  },
};
