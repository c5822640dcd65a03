import type { Migration } from './index.ts';
import { searchFoldedAgain } from './searchFoldedAgain.ts';

// An OSCE Ministerial Council in Vienna, tried as a new desk (r26-osce). Search finds a German ä, ö or ü written out
// with an e, as an e-mail address or a passport writes it ("Juergen" finds "Jürgen"; shared/searchFold.ts
// umlautsWrittenOut). The tokenizer folds an umlaut itself, so rows indexed before hold no folded text for these
// words: they are given theirs again.
const umlaut = /[äöüÄÖÜ]|[aouAOU]\u0308/u;

export const searchFindsUmlautsWrittenOut: Migration = {
  version: 3170,
  name: 'search finds ä, ö and ü written out as ae, oe and ue',
  up(db) {
    searchFoldedAgain(db, umlaut);
  },
};
