import type { Migration } from './index.ts';

// Search finds Korean, Japanese and Chinese words inside compounds
// ("방위" in "사이버방위"): the index gains two columns holding the CJK runs
// of the title and body as overlapping bigrams (shared/cjk.ts, computed by the
// `cjk_bigrams` SQL function db/open.ts registers on every connection), and
// db/search.ts rewrites a CJK word into the phrase of its bigrams. Latin text
// is indexed and searched exactly as before.
//
// Thirty-odd triggers (0020, 0080) write `INSERT INTO search_index (rowid,
// title, body, …)` and `DELETE FROM search_index WHERE rowid = …`. Rather than
// rewrite them all, `search_index` becomes a view over the new table whose
// INSTEAD OF triggers add the bigrams, so every writer keeps working as it is.
export const cjkSearch: Migration = {
  version: 250,
  name: 'search inside Korean, Japanese and Chinese compounds',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE search_text USING fts5(
        title, body, title_cjk, body_cjk,
        kind UNINDEXED, ref_id UNINDEXED, summit_id UNINDEXED, sector_id UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3 4 5 6'
      );
      INSERT INTO search_text (rowid, title, body, title_cjk, body_cjk, kind, ref_id, summit_id, sector_id)
        SELECT rowid, title, body, cjk_bigrams(title), cjk_bigrams(body), kind, ref_id, summit_id, sector_id FROM search_index;
      DROP TABLE search_index;

      CREATE VIEW search_index AS
        SELECT rowid AS rowid, title, body, kind, ref_id, summit_id, sector_id FROM search_text;
      CREATE TRIGGER search_index_insert INSTEAD OF INSERT ON search_index BEGIN
        INSERT INTO search_text (rowid, title, body, title_cjk, body_cjk, kind, ref_id, summit_id, sector_id)
        VALUES (NEW.rowid, NEW.title, NEW.body, cjk_bigrams(NEW.title), cjk_bigrams(NEW.body),
                NEW.kind, NEW.ref_id, NEW.summit_id, NEW.sector_id);
      END;
      CREATE TRIGGER search_index_delete INSTEAD OF DELETE ON search_index BEGIN
        DELETE FROM search_text WHERE rowid = OLD.rowid;
      END;
    `);
  },
};
