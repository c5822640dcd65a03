// What the installed fonts draw, and which letters of a text they do not:
// written once for the PDF (main/pdf/fontCoverage.ts reads the fonts) and for
// the window, which shows the same text with the same fonts, and the same boxes.

/** Which code points some installed font can draw. */
export interface FontCoverage {
  covers(codePoint: number): boolean;
  /** The code points covered, as merged [first, last] ranges in order: what crosses to the window. */
  readonly ranges: readonly (readonly [number, number])[];
}

/** Coverage from ranges of code points, in any order, overlapping or not. */
export function coverageOfRanges(given: readonly (readonly [number, number])[]): FontCoverage {
  const ranges = given.map(([start, end]) => [start, end] as [number, number]);
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1] + 1) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  // The Basic Multilingual Plane as a bitmap (8 KiB): a pack's text is looked up a character at a time.
  const plane = new Uint8Array(0x10000 / 8);
  for (const [start, end] of merged) {
    for (let codePoint = start; codePoint <= Math.min(end, 0xffff); codePoint++) {
      const byte = codePoint >> 3;
      plane[byte] = (plane[byte] ?? 0) | (1 << (codePoint & 7));
    }
  }
  return {
    ranges: merged,
    covers(codePoint) {
      if (codePoint <= 0xffff) return ((plane[codePoint >> 3] ?? 0) & (1 << (codePoint & 7))) !== 0;
      let low = 0;
      let high = merged.length - 1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        const [start, end] = merged[middle] as [number, number];
        if (codePoint < start) high = middle - 1;
        else if (codePoint > end) low = middle + 1;
        else return true;
      }
      return false;
    },
  };
}

// Characters that draw nothing of their own: spaces, controls, joiners,
// direction marks and variation selectors never show as a box.
const drawsNothing = /[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

/** The distinct letters (grapheme clusters) of a text that no installed font can draw, in the order they first appear. */
export function missingCharacters(text: string, coverage: FontCoverage): string[] {
  // The cheap scan first: nearly every text draws whole, and only one that does not is cut into letters.
  let anyMissing = false;
  for (let index = 0; index < text.length && !anyMissing; index++) {
    const codePoint = text.codePointAt(index) ?? 0;
    if (codePoint > 0xffff) index++;
    if (!coverage.covers(codePoint) && !drawsNothing.test(String.fromCodePoint(codePoint))) anyMissing = true;
  }
  if (!anyMissing) return [];
  // Whole letters as a reader sees them: a Devanagari vowel sign listed alone ("े", "ो") reads as nothing.
  const missing = new Set<string>();
  for (const { segment } of graphemes().segment(text)) {
    if (missing.has(segment)) continue;
    const undrawn = [...segment].some((character) => !coverage.covers(character.codePointAt(0) ?? 0) && !drawsNothing.test(character));
    if (undrawn) missing.add(segment);
  }
  return [...missing];
}

// Made on first use, not as the module loads: a segmenter loads the runtime's break-iteration data (about
// 5 ms of CPU), and this module is loaded with the store's handlers, before they answer a start's first questions.
let graphemeSegmenter: Intl.Segmenter | undefined;
const graphemes = (): Intl.Segmenter => {
  graphemeSegmenter ??= new Intl.Segmenter('und', { granularity: 'grapheme' });
  return graphemeSegmenter;
};

// ISO 15924 codes of the scripts a name may be written in; the interface
// names them in the user's language (Intl.DisplayNames), the CLI in English.
const scriptCodes = [
  'Ethi',
  'Arab',
  'Armn',
  'Beng',
  'Bopo',
  'Cans',
  'Cher',
  'Copt',
  'Cyrl',
  'Deva',
  'Geor',
  'Glag',
  'Grek',
  'Gujr',
  'Guru',
  'Hang',
  'Hani',
  'Hebr',
  'Hira',
  'Kana',
  'Khmr',
  'Knda',
  'Laoo',
  'Latn',
  'Mlym',
  'Mong',
  'Mymr',
  'Nkoo',
  'Orya',
  'Sinh',
  'Syrc',
  'Taml',
  'Telu',
  'Tfng',
  'Thaa',
  'Thai',
  'Tibt',
  'Vaii',
  'Yiii',
] as const;
// Built on first use: the page loads this module at start and the harness with the store's handlers, and only a
// character no font draws is ever asked for its script.
let scriptPatterns: (readonly [string, RegExp])[] | undefined;

/** The ISO 15924 code of a character's script; "Zsym" (symbols) for emoji and signs of no one script. */
export function scriptOf(character: string): string {
  scriptPatterns ??= scriptCodes.map((code) => [code, new RegExp(`\\p{Script=${code}}`, 'u')] as const);
  return scriptPatterns.find(([, pattern]) => pattern.test(character))?.[0] ?? 'Zsym';
}
