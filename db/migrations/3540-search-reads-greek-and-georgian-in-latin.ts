import { greekOrGeorgianLetter } from '../../shared/greekGeorgianLatin.ts';
import type { Migration } from './index.ts';
import { searchFoldedAgain } from './searchFoldedAgain.ts';

// Athens preparing a summit in Tbilisi (r35-trial): a person saved as "Κυριάκος Μητσοτάκης" was not found by
// "Mitsotakis", nor "ირაკლი კობახიძე" by "Kobakhidze", as a wire or a passport spells them. The index now holds a
// text's Greek and Georgian words in Latin too (shared/greekGeorgianLatin.ts): rows holding a Greek or Georgian letter
// are given their folded text again. Greek written without a tonos had no folded copy at all (the tokenizer folds it
// itself), so it is among them.
export const searchReadsGreekAndGeorgianInLatin: Migration = {
  version: 3540,
  name: 'search reads Greek and Georgian in Latin',
  up(db) {
    searchFoldedAgain(db, greekOrGeorgianLetter);
  },
};
