// Serbian and Montenegrin are written in two alphabets, letter for letter (Gaj's Latin: Спајић is Spajić, Љубљана
// Ljubljana), and Macedonian in one close to it (Ѓорѓе is Gjorgje, Ќосе Kjose, Ѕвонко Dzvonko): a record saved in
// one was not found typed in the other. The index holds a Cyrillic text's Serbian words in Latin too, and a word
// typed in Serbian Cyrillic asks for its Latin spelling as well, so either alphabet finds the other
// (shared/searchFold.ts folds the Latin: Spajić, Spajic).

/** Each letter of the Serbian, Montenegrin and Macedonian Cyrillic alphabets (lower case) in Latin. */
const latinOf: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ђ: 'đ',
  е: 'e',
  ж: 'ž',
  з: 'z',
  и: 'i',
  ј: 'j',
  к: 'k',
  л: 'l',
  љ: 'lj',
  м: 'm',
  н: 'n',
  њ: 'nj',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ћ: 'ć',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'č',
  џ: 'dž',
  ш: 'š',
  ѓ: 'gj',
  ќ: 'kj',
  ѕ: 'dz',
  // Accented е and и, which Serbian and Macedonian write to tell homographs apart.
  ѐ: 'e',
  ѝ: 'i',
};

/**
 * Letters only these alphabets have among the Cyrillic ones: a text holding one is Serbian, Montenegrin or
 * Macedonian, and only then are its words read in Latin. A Russian, Bulgarian or Ukrainian text is not: its words
 * would otherwise be found by Latin words they merely spell ("нет" by "net"), and it has its own romanisations.
 */
export const serbianOrMacedonianLetter = /[ђјљњћџѓќѕЂЈЉЊЋЏЃЌЅ]/u;

/** A word written in these alphabets alone (a Montenegrin с́ or з́ carries its acute as a mark). */
const serbianWord = /^(?:[абвгдђежзијклљмнњопрстћуфхцчџшѓќѕѐѝ]\p{M}*)+$/u;
const cyrillicWords = /[\p{Script=Cyrillic}\p{M}]+/gu;

/** `word` (lower case) in Latin, or null when a letter of it is not in these alphabets (й, ы, я, є, ъ). */
function latinSpelling(word: string): string | null {
  const lower = word.normalize('NFC').toLowerCase();
  if (!serbianWord.test(lower)) return null;
  return Array.from(lower, (letter) => latinOf[letter] ?? letter).join('');
}

/**
 * The Cyrillic words of `text` in Latin, apart by spaces, when `text` holds a letter only Serbian, Montenegrin or
 * Macedonian write ('' otherwise): "Милош Вучевић" gives "miloš vučević", its Милош read so because Вучевић is Serbian.
 * `serbianText`: a word's text, not the word, holds one (a word of it marked alone).
 */
export function serbianLatinWords(text: string, serbianText = serbianOrMacedonianLetter.test(text)): string {
  if (!serbianText) return '';
  return Array.from(text.matchAll(cyrillicWords), ([word]) => latinSpelling(word))
    .filter((spelling): spelling is string => spelling !== null)
    .join(' ');
}

/** A typed word in Latin when it and what it was typed with (`typed`) are Serbian as serbianLatinWords reads them. */
export function serbianLatinOfTyped(word: string, typed: string): string | null {
  return serbianOrMacedonianLetter.test(typed) ? latinSpelling(word) : null;
}

/**
 * `text` with its Cyrillic words in Latin where they stand, its other words as they are, when `text` is Serbian,
 * Montenegrin or Macedonian as serbianLatinWords reads it (null otherwise): "Новак Ђоковић" is "novak đoković".
 */
export function serbianSpelledInLatin(text: string): string | null {
  if (!serbianOrMacedonianLetter.test(text)) return null;
  return text.replace(cyrillicWords, (word) => latinSpelling(word) ?? word);
}
