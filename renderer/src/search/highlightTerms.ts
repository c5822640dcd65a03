import { markMatches } from '../../../shared/cjk.ts';

// The store marks matches in a hit's snippet but not in its title; the title
// gets the same markers here: every word that starts with a typed word, and a
// typed Korean, Japanese or Chinese word wherever it sits in a compound.
export function highlightTerms(text: string, query: string): string {
  return markMatches(text, query);
}
