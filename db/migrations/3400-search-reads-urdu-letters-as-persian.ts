import type { Migration } from './index.ts';
import { searchFoldedAgain } from './searchFoldedAgain.ts';

// The SCO summit in Bishkek, tried as a new desk from Islamabad (r28-bishkek). Search reads Urdu ہ, ۃ and ھ as ه and
// ے as ی, as a Persian or Arabic keyboard types them ("شهباز" finds "شہباز"; shared/searchFold.ts). The tokenizer
// keeps the Urdu letters as they are, so rows indexed before hold no folded text for these words: they are given
// theirs again.
const urduLetter = /[ہۃھےۂۓ]/u;

export const searchReadsUrduLettersAsPersian: Migration = {
  version: 3400,
  name: 'search reads Urdu heh and yeh barree as the Persian letters',
  up(db) {
    searchFoldedAgain(db, urduLetter);
  },
};
