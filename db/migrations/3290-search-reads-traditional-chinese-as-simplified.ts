import { holdsTraditionalHan } from '../../shared/cjk.ts';
import type { Migration } from './index.ts';
import { searchPiecesAgain } from './searchFoldedAgain.ts';

// "習近平", typed by a Korean desk's hanja input or copied from a Taipei text, did not find a record that wrote 习近平,
// nor the reverse. The index now reads each traditional Chinese character as the simplified one of the same word
// (shared/cjk.ts asSimplified): rows indexed before hold their traditional pairs as written, so those are given theirs again.

export const searchReadsTraditionalChineseAsSimplified: Migration = {
  version: 3290,
  name: 'search reads traditional and simplified Chinese alike',
  up(db) {
    searchPiecesAgain(db, { test: holdsTraditionalHan });
  },
};
