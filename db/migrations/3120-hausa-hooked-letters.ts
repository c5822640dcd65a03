import type { Migration } from './index.ts';
import { namesKeyedAgain } from './namesKeyedAgain.ts';
import { searchFoldedAgain } from './searchFoldedAgain.ts';

// An ECOWAS summit in Abuja, tried as a new desk (r25-abuja). Search finds a Hausa or Fula name typed without its
// hooked letters ("Danjuma Kwankwaso" finds "Ɗanjuma Ƙwankwaso"), and those letters sort after their base letter,
// not after Z (shared/searchFold.ts, shared/sortKey.ts). Rows indexed before hold no folded text for them: they are
// given theirs again, and names holding them their key.
const hookedLetters = /[ƁɓƊɗƘƙƳƴ]/u;

export const hausaHookedLetters: Migration = {
  version: 3120,
  name: 'search folds the Hausa ɓ, ɗ, ƙ and ƴ to b, d, k and y; they sort after their base letter',
  up(db) {
    searchFoldedAgain(db, hookedLetters);
    namesKeyedAgain(db, hookedLetters);
  },
};
