// A long text shown by its start (a note named by its first line, a saved value quoted in a message) is cut
// between letters as a reader sees them: never between a Thai or Lao consonant and its vowel sign or tone mark
// ("ความมั่นคง" cut after its first ม reads as another word), between the two halves of an emoji or a rare
// Chinese character (which show as "�"), nor between a Khmer or Burmese consonant and the one written beneath
// it. And where it is cut, it says so.

// Made on first use, not as the module loads: the page loads this module at start (Today names notes by their
// first line), and a segmenter loads the runtime's break-iteration data, before anything needs to be cut.
let graphemeSegmenter: Intl.Segmenter | undefined;
const graphemes = (): Intl.Segmenter => {
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return graphemeSegmenter;
};
/** Khmer's coeng and Burmese's virama write the next consonant beneath: Unicode's clusters still part them. */
const writesTheNextBeneath = /[\u17d2\u1039]$/u;

/** `text`, or its first `most` letters (grapheme clusters) and "…" when it is longer. */
export function shortened(text: string, most: number): string {
  // Code units are never fewer than letters: a short text needs no segmenting.
  if (text.length <= most) return text;
  let kept = '';
  let count = 0;
  for (const { segment } of graphemes().segment(text)) {
    if (count >= most && !writesTheNextBeneath.test(kept)) return `${kept.trimEnd()}…`;
    kept += segment;
    count += 1;
  }
  return text;
}
