import { cjkBigrams, titlePieces } from '../shared/cjk.ts';
import { tagKey } from '../shared/noteTags.ts';
import { searchFoldedText } from '../shared/searchFold.ts';
import type { Db } from './open.ts';
import { hasWordsStartingWith } from './wordStarts.ts';

/**
 * SQL functions the schema itself calls (the search index's triggers since
 * migration 0250): every connection that may write registers them, which
 * openDatabase and migrate do.
 */
export function registerSqlFunctions(db: Db): void {
  db.function('cjk_bigrams', { deterministic: true }, (text: unknown) => cjkBigrams(typeof text === 'string' ? text : null));
  // A title's pieces and the initials of its Hangul, for a search of initials alone (migration 3510).
  db.function('title_pieces', { deterministic: true }, (text: unknown) => titlePieces(typeof text === 'string' ? text : null));
  db.function('search_folded', { deterministic: true }, (text: unknown) => searchFoldedText(typeof text === 'string' ? text : null));
  // Search (db/search.ts) checks words longer than the index's prefixes with it; JSON array of words.
  db.function('has_words_starting_with', { deterministic: true }, (text: unknown, words: unknown) =>
    typeof text === 'string' && typeof words === 'string' && hasWordsStartingWith(text, JSON.parse(words) as string[]) ? 1 : 0,
  );
  // Notes filtered and counted by tag (db/notes.ts) compare tags by it: "İstanbul" and "ISTANBUL" are one tag.
  db.function('tag_key', { deterministic: true }, (tag: unknown) => (typeof tag === 'string' ? tagKey(tag) : null));
}
