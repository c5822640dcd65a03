import type { Migration } from './index.ts';

// A broad search lists title matches first. FTS5 finds them with a column
// filter, which reads every match in turn until enough have the words in
// their title: where few titles do ("second expert", "press line"), that was
// every match in the store, 20 ms at 100,000 annotations and ten times that
// at 1,000,000 (the growth benchmark). Titles get an index of their own,
// which holds only titles, so the newest title matches are its first rows.
// Contentless (the text is in search_text already) with deletes allowed.
// The INSTEAD OF triggers of 0250 that every writer goes through fill it.
export const searchTitles: Migration = {
  version: 660,
  name: 'search titles indexed on their own',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE search_title USING fts5(
        title, title_cjk,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3 4 5 6'
      );
      INSERT INTO search_title (rowid, title, title_cjk) SELECT rowid, title, title_cjk FROM search_text ORDER BY rowid;

      DROP TRIGGER search_index_insert;
      DROP TRIGGER search_index_delete;
      CREATE TRIGGER search_index_insert INSTEAD OF INSERT ON search_index BEGIN
        INSERT INTO search_text (rowid, title, body, title_cjk, body_cjk, kind, ref_id, summit_id, sector_id)
        VALUES (NEW.rowid, NEW.title, NEW.body, cjk_bigrams(NEW.title), cjk_bigrams(NEW.body),
                NEW.kind, NEW.ref_id, NEW.summit_id, NEW.sector_id);
        INSERT INTO search_title (rowid, title, title_cjk) VALUES (NEW.rowid, NEW.title, cjk_bigrams(NEW.title));
      END;
      CREATE TRIGGER search_index_delete INSTEAD OF DELETE ON search_index BEGIN
        DELETE FROM search_text WHERE rowid = OLD.rowid;
        DELETE FROM search_title WHERE rowid = OLD.rowid;
      END;
    `);
  },
};
