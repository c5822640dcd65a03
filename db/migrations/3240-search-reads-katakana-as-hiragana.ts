import type { Migration } from './index.ts';
import { searchPiecesAgain } from './searchFoldedAgain.ts';

// APEC in Gyeongju, tried as a new desk (r26-apec): "いしば" found 石破 茂 (いしば しげる) but not a record that wrote
// him イシバ. The index now reads katakana as the hiragana of the same sound (shared/cjk.ts asHiragana): rows
// indexed before hold their katakana pairs as written, so those holding katakana are given theirs again.
const katakana = /[\u30a1-\u30f6]/u;

export const searchReadsKatakanaAsHiragana: Migration = {
  version: 3240,
  name: 'search reads katakana and hiragana alike',
  up(db) {
    searchPiecesAgain(db, katakana);
  },
};
