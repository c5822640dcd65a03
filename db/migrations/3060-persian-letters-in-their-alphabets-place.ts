import type { Migration } from './index.ts';
import { namesKeyedAgain } from './namesKeyedAgain.ts';

// The letters Persian adds to the Arabic alphabet (پ چ ژ گ) are filed where its alphabet puts them, after ب, ج, ز and
// ک (shared/sortKey.ts), not after every Arabic letter: names keyed before that hold any of them are keyed again.
// Search is unchanged, so the index is left as it is.
const keyedAnew = /[پچژگ]/u;

export const persianLettersInTheirAlphabetsPlace: Migration = {
  version: 3060,
  name: 'Persian پ چ ژ گ sort in their alphabet’s place',
  up(db) {
    namesKeyedAgain(db, keyedAnew);
  },
};
