import type { Migration } from './index.ts';

// Search finds "Strauß" by "Strauss", "cœur" by "coeur", "Kræmer" by "Kraemer" and "Þórsson" by "Thorsson":
// ß, æ, œ and þ now fold to the two letters people type for them (shared/searchFold.ts). The tokenizer keeps
// them as letters, so rows indexed before hold no folded text for them, or one that kept them: those holding
// any of them are given theirs again, by the same SQL function every writer uses.
export const searchFoldsTwoLetterSpellings: Migration = {
  version: 2880,
  name: 'search folds ß, æ, œ and þ to the two letters typed for them',
  up(db) {
    db.exec(`
      UPDATE search_text SET title_fold = search_folded(title), body_fold = search_folded(body)
      WHERE title GLOB '*[ßẞæÆœŒþÞ]*' OR body GLOB '*[ßẞæÆœŒþÞ]*';
    `);
  },
};
