import { searchFold, searchFoldedWords } from '../shared/searchFold.ts';

// Words longer than the longest prefix FTS5 indexes (6 characters, migration
// 0070) are searched by their first six characters, which the index answers
// lazily, then checked here: FTS5 answers a longer prefix ("working"*) by
// merging the whole list of rows of every word that begins with it before
// returning the first, which cost in proportion to the store (16 ms for
// "working" at 100,000 annotations, ten times that at 1,000,000).

// A mark too: a South Asian vowel sign is inside its word ("पाल" does not begin a word in "नेपाल").
const wordCharacter = /[\p{L}\p{M}\p{N}]/u;
const asciiOnly = /^[\u0000-\u007f]*$/;
// The one fold of ASCII text beyond case: the apostrophe of an Uzbek o' or g' ("O'zbekiston" is found by "ozbekiston").
const asciiApostrophe = /['`]/;

function startsAWord(text: string, wanted: string): boolean {
  for (let at = text.indexOf(wanted); at !== -1; at = text.indexOf(wanted, at + 1)) {
    if (!wordCharacter.test(text[at - 1] ?? '')) return true;
  }
  return false;
}

/**
 * Whether every one of `words` begins some word of `text`, as a prefix search matches it. A word may be spellings
 * apart by spaces (a word typed with Tajik Ҷ: "джумхурии чумхурии", searchFold.ts typedSpellings): one will do.
 */
export function hasWordsStartingWith(text: string, words: readonly string[]): boolean {
  const lower = text.toLowerCase();
  // Folding is slow next to a plain search: only text or words with letters beyond ASCII, or an apostrophe that
  // folds away inside a word ("Thiong'o" for "thiongo"), need it.
  let folded: string | null = null;
  const begins = (word: string) => {
    if (startsAWord(lower, word.toLowerCase())) return true;
    if (asciiOnly.test(text) && asciiOnly.test(word) && !asciiApostrophe.test(text)) return false;
    // With a Tajik word's Russian keyboard spelling too, as the index holds it ("Чумхурии" for "Ҷумҳурии").
    folded ??= searchFoldedWords(text);
    return startsAWord(folded, searchFold(word));
  };
  return words.every((word) => (word.includes(' ') ? word.split(' ').some(begins) : begins(word)));
}
