import type { Migration } from './index.ts';

// Search finds "ʻAkosita Fīfita" by "Akosita" and "Nukuʻalofa" by "Nukualofa": the ʻokina and ʼ now fold
// away (shared/searchFold.ts). Rows indexed before hold no folded text where every other letter folded in
// the tokenizer: those holding either mark are given theirs, by the same SQL function every writer uses.
export const searchFoldsOkina: Migration = {
  version: 2870,
  name: 'search folds the ʻokina',
  up(db) {
    db.exec(`
      UPDATE search_text SET title_fold = search_folded(title), body_fold = search_folded(body)
      WHERE title GLOB '*[ʻʼ]*' OR body GLOB '*[ʻʼ]*';
    `);
  },
};
