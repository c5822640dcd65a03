// Korean, Japanese and Chinese write compounds without spaces ("사이버방위",
// "정상회의"), so a word-based index only finds the whole compound or its
// beginning. Runs of these scripts are therefore also indexed as overlapping
// two-character pieces, and a typed CJK word becomes the phrase of its
// pieces: "회의" then matches inside "정상회의". Thai, Lao, Khmer and Burmese
// put no spaces between words either ("การประชุมสุดยอดอาเซียน" is one sentence):
// their runs are cut into pieces the same way, of their base letters only,
// since the index folds their vowel signs and tone marks away
// (shared/searchFold.ts), so "ประชุม" is found inside that sentence and
// "ชนวตร", typed without marks, finds ชินวัตร. Both the store (indexing,
// query rewrite, snippets) and the window (marking titles) use this module.

import { greekAndGeorgianInLatin, greekOrGeorgianLetter } from './greekGeorgianLatin.ts';
import {
  eachFinalClass,
  initialClass,
  initialPieces,
  isOpenSyllable,
  typedInitials,
  withEachFinal,
  withoutSyllableBegun,
} from './hangul.ts';
import { traditionalSimplifiedPairs } from './hanSimplified.ts';
import {
  foldedWordPattern,
  keepWordsWhole,
  printsAsNothing,
  readThroughInWords,
  searchFold,
  searchFoldedWords,
  typedSpellings,
} from './searchFold.ts';
import { serbianLatinWords, serbianOrMacedonianLetter } from './serbianLatin.ts';

const cjkLetters = '\\p{Script=Hangul}\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3005\\u30FC';
const southeastAsianLetters = '\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}';
const cjkCharacter = new RegExp(`[${cjkLetters}${southeastAsianLetters}]`, 'u');
/** A run of one family of scripts: CJK, or Thai, Lao, Khmer and Burmese, whose marks fold away. */
const cjkRun = new RegExp(`[${cjkLetters}]+|[${southeastAsianLetters}]+`, 'gu');
/** The same, telling which: a CJK run, or a Thai, Lao, Khmer or Burmese one. */
const cjkOrSoutheastAsianRun = new RegExp(`([${cjkLetters}]+)|([${southeastAsianLetters}]+)`, 'gu');
const southeastAsian = new RegExp(`[${southeastAsianLetters}]`, 'u');
/**
 * White space between two letters of Thai, Lao, Khmer or Burmese: a name is written with one or none as the writer
 * likes (a Thai card's ธนากร ศรีสุวรรณภูมิ, a ministry's list's ธนากรศรีสุวรรณภูมิ; a Burmese name spaced by syllable
 * or not), so the pieces run on across it, and the name pasted without its space finds the one typed with it. A space
 * between two scripts (a Thai word, then a Lao one) still parts them.
 */
export const spaceInSoutheastAsianRun = new RegExp(
  ['Thai', 'Lao', 'Khmer', 'Myanmar'].map((script) => `(?<=\\p{Script=${script}})\\s+(?=\\p{Script=${script}})`).join('|'),
  'gu',
);
// Their punctuation and symbols (๚, ។, ။, ฿) end a run, as the index's tokenizer ends a word there. (Split apart
// afterwards: a class that leaves them out by set subtraction made every text's scan twenty times slower.)
const punctuation = /[\p{P}\p{S}]+/u;
// A mark (tashkeel, a Thai vowel sign) belongs to its word, as the search index reads it.
const wordSeparators = /[^\p{L}\p{M}\p{N}]+/u;
/**
 * A word, with whatever prints as nothing inside it (a soft hyphen, a zero-width space), and an apostrophe inside a
 * word short of an English ending (Thiong’o, В’ячеслав, not desk’s), which search reads as one word
 * (shared/searchFold.ts). A Thai, Lao, Khmer or Burmese run goes on across a space, as the index's pieces
 * do (spaceInSoutheastAsianRun): "ธนากรศรีสุวรรณภูมิ" marks ธนากร ศรีสุวรรณภูมิ whole.
 */
const wordWithInvisibles =
  /[\p{L}\p{M}\p{N}]+(?:(?:[\p{Default_Ignorable_Code_Point}\u055b\u055c\u055e\u055f]+|(?<=\p{L}\p{M}*)['’‘`׳](?=\p{L})(?!(?:s|t|d|m|re|ve|ll)(?![\p{L}\p{M}]))|(?<=\p{Script=Thai})\s+(?=\p{Script=Thai})|(?<=\p{Script=Lao})\s+(?=\p{Script=Lao})|(?<=\p{Script=Khmer})\s+(?=\p{Script=Khmer})|(?<=\p{Script=Myanmar})\s+(?=\p{Script=Myanmar}))[\p{L}\p{M}\p{N}]+)*/giu;
const invisibleInside = /\p{Default_Ignorable_Code_Point}/u;
/** The letters of a word, each run of them apart (a snippet's word holding punctuation: "ბოჭორიშვილი."). */
const lettersOfWord = /[\p{L}\p{M}\p{N}]+/gu;
/** How far into a text a snippet looks for a word found only in Latin (20 pages of prose). */
const readInLatinAtMost = 20_000;
/** A text search also reads in Latin: Greek, Georgian, or Serbian, Montenegrin or Macedonian Cyrillic. */
const readInOtherAlphabet = new RegExp(`${greekOrGeorgianLetter.source}|${serbianOrMacedonianLetter.source}`, 'u');
/** What joins the parts of one word in wordWithInvisibles: each part may match on its own ("ячеслав"). */
const partsInside = /[\p{Default_Ignorable_Code_Point}\u055b\u055c\u055e\u055f'’‘`׳]/u;

/**
 * Katakana as the hiragana of the same sound (イシバ as いしば), for the index and the query alike: Japanese writes a
 * name in either (a foreign name, an emphasis, a name as a form or an input method gives it), and a desk typing
 * "いしば" did not find イシバ. The long-vowel mark ー is written in both.
 */
const katakana = /[\u30a1-\u30f6]/gu;
export const asHiragana = (text: string) =>
  text.replace(katakana, (character) => String.fromCodePoint((character.codePointAt(0) ?? 0) - 0x60));

/**
 * Traditional Chinese characters as the simplified ones of the same word (習近平 as 习近平), for the index, the query
 * and the marking, as kana are read alike: a Taipei or Hong Kong text, a Korean desk's hanja and a Beijing list write
 * one name two ways. ICU's table (shared/hanSimplified.ts) is read into maps the first time a Han character is met.
 */
const han = /[\u3400-\u4dbf\u4e00-\u9fff]/gu;
const hanCharacter = /[\u3400-\u4dbf\u4e00-\u9fff]/u;
let hanTables: { simplified: Map<string, string>; traditional: Map<string, string[]> } | null = null;
function readHanTables() {
  if (hanTables) return hanTables;
  const simplified = new Map<string, string>();
  const traditional = new Map<string, string[]>();
  const characters = Array.from(traditionalSimplifiedPairs);
  for (let at = 0; at + 1 < characters.length; at += 2) {
    const from = characters[at] ?? '';
    const to = characters[at + 1] ?? '';
    simplified.set(from, to);
    traditional.set(to, [...(traditional.get(to) ?? []), from]);
  }
  hanTables = { simplified, traditional };
  return hanTables;
}
export const asSimplified = (text: string) => text.replace(han, (character) => readHanTables().simplified.get(character) ?? character);
/** A character with every traditional one read as it (发: 发, 發, 髮), for marking what a search found. */
export function hanVariants(character: string): string[] {
  const simplified = asSimplified(character);
  return [simplified, ...(readHanTables().traditional.get(simplified) ?? [])];
}
/** Whether a text holds a character search reads as another (migration 3290 indexes such rows again). */
export const holdsTraditionalHan = (text: string) =>
  hanCharacter.test(text) && Array.from(text.matchAll(han)).some(([character]) => readHanTables().simplified.has(character));

/** A CJK run's characters as the index holds them: katakana as hiragana, traditional Chinese as simplified. */
const asIndexed = (run: string) => asSimplified(asHiragana(run));

export const highlightStart = '\uE000';
export const highlightEnd = '\uE001';

export function hasCjk(text: string): boolean {
  return cjkCharacter.test(text);
}

/** The characters a run is indexed by: a Thai, Lao, Khmer or Burmese run's base letters, as searchFold leaves them. */
function runPieces(run: string, folds = southeastAsian.test(run)): string[] {
  return Array.from(folds ? searchFold(run) : asIndexed(run));
}

/**
 * Every CJK run of `text` as overlapping bigrams, then its last character on
 * its own, so each character starts one piece and a one-character query can
 * match by prefix: "정상회의" gives "정상 상회 회의 의". Latin text gives "".
 */
export function cjkBigrams(text: string | null): string {
  // A text with no letter of these scripts has no run once composed either (NFC composes Hangul from Hangul
  // only): nearly every text the index is given stops here, before composing it and cutting it into runs.
  if (!text || !cjkCharacter.test(text)) return '';
  const pieces: string[] = [];
  // A zero-width space pasted between two words of a Thai or Khmer sentence does not part them, as on the page.
  // (Looked for first: a text without one, nearly every text, is not copied.)
  const composed = text.normalize('NFC');
  const visible = (invisibleInside.test(composed) ? composed.replace(printsAsNothing, '') : composed).replace(spaceInSoutheastAsianRun, '');
  const add = (characters: string[]) => {
    for (let index = 0; index + 1 < characters.length; index++) pieces.push(`${characters[index]}${characters[index + 1]}`);
    if (characters.length > 0) pieces.push(characters.at(-1) ?? '');
  };
  for (const [, cjk, southeastAsianRun] of visible.matchAll(cjkOrSoutheastAsianRun)) {
    if (cjk !== undefined) add(Array.from(asIndexed(cjk)));
    else for (const run of (southeastAsianRun ?? '').split(punctuation)) add(runPieces(run, true));
  }
  return pieces.join(' ');
}

/**
 * The FTS5 phrase that finds `run` (CJK only) inside the bigram columns: its
 * bigrams in a row, or a prefix match for a single character; '' for a run of
 * marks alone, which the index holds nothing of. `typedSoFar` (a word typed,
 * not quoted): a Hangul run's last syllable may still gain its final consonant,
 * so 윤서 finds 윤석열, and a consonant typed alone after it begins a syllable
 * the letters before already find (shared/hangul.ts).
 */
export function cjkPhrase(run: string, typedSoFar = false): string {
  const characters = runPieces(typedSoFar ? withoutSyllableBegun(run) : run);
  if (characters.length === 0) return '';
  const last = characters.at(-1) ?? '';
  const lasts = typedSoFar && isOpenSyllable(last) ? withEachFinal(last) : [last];
  const phrases = lasts.map((each) => {
    if (characters.length === 1) return `"${each}"*`;
    const bigrams = characters.slice(1, -1).map((character, index) => `${characters[index]}${character}`);
    return `"${[...bigrams, `${characters.at(-2)}${each}`].join(' ')}"`;
  });
  return phrases.length === 1 ? (phrases[0] ?? '') : `(${phrases.join(' OR ')})`;
}

/**
 * The FTS5 phrase that finds titles by the initial consonants typed in `run` (ㅇㅅㅇ finds 윤석열), as the index holds
 * them (shared/hangul.ts initialPieces); null for a run that is not initials alone.
 */
export function initialsPhrase(run: string): string | null {
  const typed = typedInitials(run);
  if (typed === null) return null;
  const letters = Array.from(typed);
  if (letters.length === 1) return `"${typed}"*`;
  return `"${letters
    .slice(1)
    .map((letter, index) => `${letters[index]}${letter}`)
    .join(' ')}"`;
}

/**
 * What the index holds of a title's CJK runs: their pieces (cjkBigrams), then the initials of its Hangul (ㅇㅅ ㅅㅇ ㅇ
 * for 윤석열), which a search of initials alone finds (initialsPhrase).
 */
export function titlePieces(title: string | null): string {
  const pieces = cjkBigrams(title);
  const initials = pieces === '' ? '' : initialPieces(title ?? '');
  return initials === '' ? pieces : `${pieces} ${initials}`;
}

/** Splits a typed word into its CJK runs and the rest ("NATO정상회의" → NATO, 정상회의). */
export function splitScripts(word: string): { cjk: string[]; other: string[] } {
  const cjk = Array.from(word.matchAll(cjkRun), ([run]) => run);
  const other = word.split(cjkRun).filter(Boolean);
  return { cjk, other };
}

/** The words of a query, as the search box matches them (NFC, split on anything not a letter or digit). */
export function queryWords(query: string): string[] {
  return keepWordsWhole(query.normalize('NFC').replace(readThroughInWords, '')).replaceAll('"', ' ').split(wordSeparators).filter(Boolean);
}

export interface QueryMarker {
  /** `text` with what the query matches marked. */
  mark(text: string): string;
  /**
   * A snippet of `text` around its first match, marked, with "…" where cut. With `foldedToo`, a text whose
   * words match only as the index folds them ("Weißenfels" for "weissenfels") is cut around those.
   */
  snippet(text: string, foldedToo?: boolean): string;
}

/**
 * What a query matches, as the index matches it: every word that begins with
 * a typed non-CJK word (the whole word is marked, as the index matches by
 * prefix), and every occurrence of a typed CJK run, wherever it sits in a
 * compound. Built once per query, then used on each hit.
 */
export function queryMarker(query: string): QueryMarker {
  const latin = new Set<string>();
  const cjk = new Set<string>();
  for (const word of queryWords(query)) {
    const parts = splitScripts(word.toLocaleLowerCase());
    // Folded as the index folds: "dang" found "Đặng", so "Đặng" is marked.
    // A word typed with Tajik Ҷ found text with Дж or Ч for it (typedSpellings): either is marked.
    for (const part of parts.other) for (const spelling of typedSpellings(part, query)) if (spelling !== '') latin.add(spelling);
    for (const run of parts.cjk) cjk.add(run);
  }
  const latinWords = [...latin];
  const longestFirst = [...cjk]
    .sort((a, b) => b.length - a.length)
    .map(runPattern)
    .filter(Boolean);
  const inCompound = longestFirst.length > 0 ? new RegExp(longestFirst.join('|'), 'gu') : null;
  const alternatives = [...latinWords.map((word) => `(?<![\\p{L}\\p{N}])${escapeRegExp(word)}`), ...longestFirst];
  const anyMatch = alternatives.length > 0 ? new RegExp(alternatives.join('|'), 'iu') : null;
  // The same words as the index folds them, over NFD text: for a text the index matched only folded.
  const foldedMatch =
    latinWords.length > 0
      ? new RegExp(latinWords.map((word) => `(?<![\\p{L}\\p{M}\\p{N}])${foldedWordPattern(word)}`).join('|'), 'iu')
      : null;

  const markWord = (token: string, serbianText: boolean): string => {
    // A Tajik word is also found as typed with Ч for Ҷ (searchFoldedWords), and a word of a Serbian text in Latin,
    // though itself written in letters Russian has too (Милош in "Милош Вучевић").
    const spellings = searchFoldedWords(token, serbianText).split(' ');
    if (latinWords.some((word) => spellings.some((spelling) => spelling.startsWith(word))))
      return `${highlightStart}${token}${highlightEnd}`;
    return inCompound ? token.replace(inCompound, (found) => `${highlightStart}${found}${highlightEnd}`) : token;
  };
  const mark = (text: string): string => {
    if (anyMatch === null) return text;
    const serbianText = serbianOrMacedonianLetter.test(text);
    // A word with a soft hyphen or a zero-width space inside is one word, as the index now reads it ("Wira\u00adnto"
    // for "wiranto"); where it matches only in part ("Hun\u200bManet" for "manet"), its parts are marked.
    return text.replace(wordWithInvisibles, (token) => {
      const whole = markWord(token, serbianText);
      return whole !== token || !partsInside.test(token)
        ? whole
        : token.replace(/[\p{L}\p{M}\p{N}]+/gu, (part) => markWord(part, serbianText));
    });
  };

  const snippet = (written: string, foldedToo = false): string => {
    // Only a window around the first match is cut and marked: a note may be long, and a page has 50 hits.
    // Where the text holds the words only as the index folds them ("Weißenfels" for "weissenfels"), the
    // window is cut from its NFD form, which the folded words find, and composed again once marked.
    let text = written;
    let found: { index: number; 0: string } | null = anyMatch?.exec(written) ?? null;
    const foldedOnly = found === null && foldedToo && foldedMatch !== null;
    if (foldedOnly) {
      const decomposed = written.normalize('NFD');
      found = foldedMatch.exec(decomposed);
      if (found !== null) text = decomposed;
    }
    // A word found only as read in another alphabet ("Mitsotakis" finds Μητσοτάκης, "Spajic" Спајић), which neither
    // pattern sees: the window opens at the first word that is marked, not at the text's start with nothing marked.
    // Read in Latin alone, each distinct word once, in the first readInLatinAtMost characters: marking every word of a
    // long note (markWord) took 0.7 s for 100,000 characters holding none, this 0.2 s; past them it opens at the start.
    const serbianText = serbianOrMacedonianLetter.test(written);
    const readInLatin = new Map<string, boolean>();
    const foundInLatin = (part: string) => {
      let known = readInLatin.get(part);
      if (known === undefined) {
        const latin = searchFold(`${greekAndGeorgianInLatin(part)} ${serbianText ? serbianLatinWords(part, true) : ''}`).split(' ');
        known = latinWords.some((typed) => latin.some((spelling) => spelling !== '' && spelling.startsWith(typed)));
        readInLatin.set(part, known);
      }
      return known;
    };
    const markedWord = (word: string) => (word.match(lettersOfWord) ?? []).some(foundInLatin);
    const inOtherAlphabet = foldedToo && found === null && latinWords.length > 0 && readInOtherAlphabet.test(written);
    if (inOtherAlphabet) {
      text = written;
      for (const word of written.slice(0, readInLatinAtMost).matchAll(lettersOfWord))
        if (foundInLatin(word[0])) {
          found = { index: word.index, 0: word[0] };
          break;
        }
    }
    const first = found?.index ?? 0;
    const from = Math.max(0, first - snippetReach);
    const to = Math.min(text.length, first + snippetReach);
    // A Khmer, Thai or Burmese sentence has no spaces and may reach past the window: cut at letters around the match.
    const inFirstWord = from > 0 && !/\s/u.test(text.slice(from, first));
    const inLastWord = to < text.length && !/\s/u.test(text.slice(first, to));
    if (found !== null && (inFirstWord || inLastWord)) {
      const cut = cutAtLetters(text, first, first + found[0].length);
      const marked = `${cut.from > 0 ? '…' : ''}${mark(text.slice(cut.from, cut.to))}${cut.to < text.length ? '…' : ''}`;
      return foldedOnly ? marked.normalize('NFC') : marked;
    }
    const words = text.slice(from, to).split(/\s+/);
    // The window's edges may fall inside words: those halves go.
    if (from > 0) words.shift();
    if (to < text.length) words.pop();
    const kept = words.filter(Boolean);
    const at = Math.max(
      0,
      kept.findIndex((word) => anyMatch?.test(word) || (foldedOnly && foldedMatch?.test(word)) || (inOtherAlphabet && markedWord(word))),
    );
    const head = Math.max(0, at - snippetWordsAround);
    const tail = Math.min(kept.length, at + snippetWordsAround + 1);
    const cutBefore = from > 0 || head > 0 ? '…' : '';
    const cutAfter = to < text.length || tail < kept.length ? '…' : '';
    const cut = `${cutBefore}${mark(kept.slice(head, tail).join(' '))}${cutAfter}`;
    return foldedOnly ? cut.normalize('NFC') : cut;
  };

  return { mark, snippet };
}

/** Characters kept either side of a match in a sentence written without spaces. */
const lettersAround = 40;

/**
 * Where to cut a snippet of `text` around the match at [start, end) inside a run without spaces: up to
 * lettersAround characters either side, or to the nearest space, never between a letter and its marks.
 */
function cutAtLetters(text: string, start: number, end: number): { from: number; to: number } {
  let from = Math.max(0, start - lettersAround);
  const spaceBefore = text.slice(from, start).search(/\s\S*$/u);
  if (spaceBefore !== -1) from += spaceBefore + 1;
  while (from > 0 && insideLetter(text, from)) from--;
  let to = Math.min(text.length, end + lettersAround);
  const spaceAfter = text.slice(end, to).search(/\s/u);
  if (spaceAfter !== -1) to = end + spaceAfter;
  while (to < text.length && insideLetter(text, to)) to++;
  return { from, to };
}

/**
 * Whether a cut at `at` would part a letter from what belongs to it: a mark, the low half of a surrogate pair,
 * or the consonant after a Khmer coeng or a Burmese virama, which is written beneath the one before it.
 */
function insideLetter(text: string, at: number): boolean {
  return /[\p{M}\udc00-\udfff]/u.test(text[at] ?? '') || /[\u17d2\u1039\u200d]/u.test(text[at - 1] ?? '');
}

/** Words kept either side of the first match in a snippet, and how far to look for them. */
const snippetWordsAround = 8;
const snippetReach = 240;

/** `text` with what `query` matches marked (see queryMarker). */
export function markMatches(text: string, query: string): string {
  return queryMarker(query).mark(text);
}

/**
 * Where a typed CJK run matches: the run itself, or, for Thai, Lao, Khmer and Burmese, its base letters each with
 * whatever marks the text gives it, as the index matched it ("ชนวตร" marks ชินวัตร whole).
 */
function runPattern(run: string): string {
  // Each kana also in its other script (ア for あ), each Chinese character in its traditional forms too (习 for 習),
  // as the index reads them alike.
  // Hangul initials alone mark the syllables they begin (ㅇㅅㅇ marks 윤석열); a last syllable typed so far, each it
  // may become (윤서 marks 윤석), as the index matched them (cjkPhrase, initialsPhrase).
  const initials = typedInitials(run);
  if (initials !== null) return Array.from(initials, (initial) => initialClass(initial) ?? '').join('');
  if (!southeastAsian.test(run)) {
    const characters = Array.from(asIndexed(withoutSyllableBegun(run)));
    return characters
      .map((character, at) => {
        if (at === characters.length - 1 && isOpenSyllable(character)) return eachFinalClass(character);
        if (/[\u3041-\u3096]/u.test(character)) return `[${character}${String.fromCodePoint((character.codePointAt(0) ?? 0) + 0x60)}]`;
        const variants = hanVariants(character);
        return variants.length > 1 ? `[${variants.join('')}]` : escapeRegExp(character);
      })
      .join('');
  }
  // Each letter also as the letters that fold to it (สำ for สํา, ໝ for ຫມ), with the marks the text gives it;
  // never from the marks of the letter before, which belong to that letter.
  return `(?!\\p{M})${foldedWordPattern(runPieces(run).join(''), true)}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
