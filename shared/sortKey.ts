/**
 * The order a person expects a list of names in, the same on every desk and
 * in every process. SQLite compares code points, which puts "Élysée", "Łukasz"
 * and "ʻAkilisi" after "Zagreb"; ICU's collation depends on the machine's
 * locale and its Unicode version, so two desks could list the same records
 * differently. This fold is plain code: a key stored beside a name
 * (migration 1590) sorts as the same key made again.
 *
 * Changing it changes the order of keys already stored: a change needs a
 * migration that writes them again.
 */

// Apostrophes and the letters that look like one: the Polynesian ʻokina, the
// glottal stop ʼ and the ʿayn/ʾalif of transliterated Arabic are not where a
// reader looks a name up ("ʻAkilisi" is among the A's).
const apostrophes = /[\u0027\u0060\u00b4\u02b9-\u02bf\u02c8\u2018\u2019\u201b\u2032]/g;
const combiningMarks = /\p{M}/gu;

// Latin letters that carry their stroke or ligature in the letter itself, so
// decomposition leaves them whole: where a reader files them.
const wholeLetters: Readonly<Record<string, string>> = {
  ł: 'l',
  đ: 'd',
  ø: 'o',
  ħ: 'h',
  ŧ: 't',
  ı: 'i',
  ð: 'd',
  þ: 'th',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ŋ: 'n',
  ƒ: 'f',
};
const wholeLetter = new RegExp(`[${Object.keys(wholeLetters).join('')}]`, 'g');

// Katakana as hiragana: a Japanese reader files カ with か (the reading), not
// after every hiragana name. Hangul needs nothing: decomposed, its syllables
// keep the order of the Korean alphabet (ㄱ ㄴ ㄷ ...), after Latin.
const katakana = /[\u30a1-\u30f6]/g;

// Thai and Lao write the vowels เ แ โ ใ ไ (ເ ແ ໂ ໃ ໄ) before the consonant they are sounded after, and a reader
// files a name by that consonant: "เศรษฐา" under ศ, "แพทองธาร" under พ, as Thai and Lao dictionaries (and ICU's
// collation) do. Code points put every name that begins with one after ฮ, the last consonant: each such vowel
// is read after its consonant.
const leadingVowel = /([\u0e40-\u0e44\u0ec0-\u0ec4])([\u0e01-\u0e2e\u0e81-\u0eae\u0edc-\u0edf])/g;

// Cyrillic letters the Russian alphabet lacks sit after я in Unicode, so "Ігор" and "Євген" were listed after
// "Юлія", "Ґонгадзе" after every Г and Д: each is filed where Ukrainian, Belarusian, Serbian and Macedonian
// alphabets put it, straight after its neighbour (і after и, є after е, ґ after г, ђ after д), as that letter
// followed by U+FFFF, which sorts after every letter. Ї, Ў and Ѓ decompose to І, У and Г, as Ё does to Е.
const cyrillicAfter: Readonly<Record<string, string>> = {
  ґ: 'г',
  ђ: 'д',
  є: 'е',
  ѕ: 'з',
  і: 'и',
  ј: 'и',
  љ: 'л',
  њ: 'н',
  ћ: 'т',
  џ: 'ч',
};
const cyrillicOutsideRussian = /[ґђєѕіјљњћџ]/g;

// So are the letters of Kazakh, Kyrgyz and Tajik: "Әлиев", "Қайрат" and "Ұлықбек" were listed after "Юлия" and
// "Яковлев". Each is filed after its neighbour as their alphabets have it (Ә after А, Ғ after Г, Қ after К, Ң after Н,
// Ө after О, Ұ then Ү after У, Һ and Ҳ after Х, Ҷ after Ч). Ӣ, Ӯ and Ў decompose to И and У. Kazakh І keeps its
// Ukrainian place, after И, not after Ы.
const centralAsianAfter: Readonly<Record<string, string>> = {
  ә: 'а\uffff',
  ғ: 'г\uffff',
  қ: 'к\uffff',
  ң: 'н\uffff',
  ө: 'о\uffff',
  ұ: 'у\uffff',
  ү: 'у\uffff\uffff',
  һ: 'х\uffff',
  ҳ: 'х\uffff',
  ҷ: 'ч\uffff',
};
const centralAsian = /[әғқңөұүһҳҷ]/g;

// Azerbaijani Ə has no decomposition and sits after z in Unicode, so "Əliyev" and "Əhmədov" were listed after
// every Z: it is filed where the Azerbaijani alphabet puts it, after E (as Є after Е above).
const schwa = /ə/g;

/** The key a name sorts by: compare keys by code point (SQLite's BINARY), then the names themselves. */
export function sortKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(combiningMarks, '')
    .replace(apostrophes, '')
    .toLowerCase()
    .replace(wholeLetter, (letter) => wholeLetters[letter] ?? letter)
    .replace(cyrillicOutsideRussian, (letter) => `${cyrillicAfter[letter] ?? letter}\uffff`)
    .replace(centralAsian, (letter) => centralAsianAfter[letter] ?? letter)
    .replace(schwa, 'e\uffff')
    .replace(katakana, (kana) => String.fromCharCode(kana.charCodeAt(0) - 0x60))
    .replace(leadingVowel, '$2$1')
    .trim();
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders names as the store's lists do (ORDER BY the key, then the name): for lists sorted in code. */
export function compareNames(a: string, b: string): number {
  return byCodePoint(sortKey(a), sortKey(b)) || byCodePoint(a, b);
}
