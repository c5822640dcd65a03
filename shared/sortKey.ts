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
// Marks are set aside, as accents are in a dictionary, but for those of the scripts of South Asia (Devanagari to
// Sinhala, U+0900-U+0DFF), where a vowel sign or virama is half the syllable: "कलम" before "किरण", as a Hindi
// dictionary has it, not after it as "कलम" and "करण". Their nukta is set aside ("ज़ैदी" with "जैदी").
const combiningMarks = /(?![\u0900-\u0dff])\p{M}|[\u093c\u0951-\u0954\u09bc\u0a3c\u0abc\u0b3c\u0c3c\u0cbc]/gu;
// Decomposed above, their two-part vowel signs are composed again: Tamil கொ is கெ then ா decomposed, which put
// கொழும்பு before கேசவன், and Tamil files கெ, கே, கை, கொ in that order, as their code points go.
const southAsianRun = /[\u0900-\u0dff]+/gu;
// What prints as nothing is not where a name is looked up: ශ්‍රී written with a zero-width joiner (as Sinhala
// writes it) and without one, a Persian name with a zero-width non-joiner or without, a pasted soft hyphen.
const printsAsNothing = /\p{Default_Ignorable_Code_Point}/gu;
// Armenian marks written over a letter inside a word (՚ apostrophe, ՛ emphasis, ՜ exclamation, ՞ question,
// ՟ abbreviation) sorted "Արա՛մ" before "Արաբյան"; and և is ե then վ, as the Armenian collation (CLDR's) files it, not
// ե then ւ, which compatibility decomposition gives, and which put "Սևակ" after "Սետրակյան" (Վ comes before Տ).
const armenianMarks = /[\u055a-\u055c\u055e\u055f]/gu;
const armenianEv = /\u0587/gu;

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
// Persian and Arabic keyboards type different letters for one letter: Persian ی and ک, Arabic ي (and ى, which
// Persian does not tell from ی) and ك, and a Persian text writes the Arabic ending ة as ه: the same letters search
// folds (searchFold.ts). A name typed on either keyboard is filed in one place. Search folds them to the Persian
// letter; a key folds them to the Arabic one, which is where both alphabets file them: Persian ک (U+06A9) and
// ی (U+06CC) sat after every Arabic letter, where ك (U+0643) is between ق and ل, and ي (U+064A) last.
const arabicKeyboardLetters: Readonly<Record<string, string>> = {
  ی: 'ي',
  ى: 'ي',
  ک: 'ك',
  ة: 'ه',
};
// The four letters Persian adds to the Arabic alphabet sit after every Arabic letter in Unicode (پ U+067E, چ U+0686,
// ژ U+0698, گ U+06AF), so "پزشکیان" was listed after "یزدی": each is filed where the Persian alphabet puts it, straight
// after its neighbour (پ after ب, چ after ج, ژ after ز, گ after ک), as that letter followed by U+FFFF.
const persianLetters: Readonly<Record<string, string>> = {
  پ: 'ب\uffff',
  چ: 'ج\uffff',
  ژ: 'ز\uffff',
  گ: 'ك\uffff',
};
const foldedLetters: Readonly<Record<string, string>> = { ...wholeLetters, ...arabicKeyboardLetters, ...persianLetters };
const wholeLetter = new RegExp(`[${Object.keys(foldedLetters).join('')}]`, 'gu');

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

// Tamil files its consonants க ங ச ஞ ட ண த ந ப ம ய ர ல வ ழ ள ற ன, then those for Sanskrit sounds, ஜ ஶ ஷ ஸ ஹ,
// which code points order otherwise (ற before ல, ன after ந, ஜ after ச): ழ, ள, ற, ன and ஜ, ஶ, ஷ, ஸ, ஹ are filed after வ
// in that order, as Tamil dictionaries (and CLDR's collation) have them; ஃ, the aytam, after the vowels.
const tamilAfter: Readonly<Record<string, string>> = {
  ழ: 'வ\uffff',
  ள: 'வ\uffff\uffff',
  ற: 'வ\uffff\uffff\uffff',
  ன: 'வ\uffff\uffff\uffff\uffff',
  ஜ: 'வ\uffff\uffff\uffff\uffff\uffff',
  ஶ: 'வ\uffff\uffff\uffff\uffff\uffff\uffff',
  ஷ: 'வ\uffff\uffff\uffff\uffff\uffff\uffff\uffff',
  ஸ: 'வ\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff',
  ஹ: 'வ\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff',
  ஃ: 'ஔ\uffff',
};
const tamilOutOfOrder = /[ழளறனஜஶஷஸஹஃ]/gu;

// The hooked letters of Hausa and Fula have no decomposition and sit after z in Unicode, so "Ɗanjuma" and "Ƙwankwaso"
// were listed after every Z: each is filed where the Hausa alphabet puts it, straight after its base letter
// (b ɓ c d ɗ ... k ƙ ... y ƴ z).
const hookedAfter: Readonly<Record<string, string>> = { ɓ: 'b\uffff', ɗ: 'd\uffff', ƙ: 'k\uffff', ƴ: 'y\uffff' };
const hooked = /[ɓɗƙƴ]/g;

// Azerbaijani Ə has no decomposition and sits after z in Unicode, so "Əliyev" and "Əhmədov" were listed after
// every Z: it is filed where the Azerbaijani alphabet puts it, after E (as Є after Е above).
const schwa = /ə/g;

/** The key a name sorts by: compare keys by code point (SQLite's BINARY), then the names themselves. */
export function sortKey(text: string): string {
  return afterFolding(
    beforeDecomposing(text)
      .normalize('NFKD')
      .replace(combiningMarks, '')
      .replace(apostrophes, '')
      .toLowerCase()
      .replace(wholeLetter, (letter) => foldedLetters[letter] ?? letter)
      .replace(cyrillicOutsideRussian, (letter) => `${cyrillicAfter[letter] ?? letter}\uffff`)
      .replace(centralAsian, (letter) => centralAsianAfter[letter] ?? letter)
      .replace(schwa, 'e\uffff')
      .replace(hooked, (letter) => hookedAfter[letter] ?? letter)
      .replace(katakana, (kana) => String.fromCharCode(kana.charCodeAt(0) - 0x60))
      .replace(leadingVowel, '$2$1'),
  ).trim();
}

// The passes for Armenian, South Asian scripts and what prints as nothing, skipped (one scan) for a name with none
// of them, nearly every name: five passes more were a third more time a key.
const armenianSouthAsianOrInvisible = /[\u0530-\u058f\u0900-\u0dff\p{Default_Ignorable_Code_Point}]/u;
function beforeDecomposing(text: string): string {
  return armenianSouthAsianOrInvisible.test(text) ? text.replace(armenianEv, 'եվ').replace(printsAsNothing, '') : text;
}
function afterFolding(key: string): string {
  if (!armenianSouthAsianOrInvisible.test(key)) return key;
  return key
    .replace(southAsianRun, (run) => run.normalize('NFC'))
    .replace(armenianMarks, '')
    .replace(tamilOutOfOrder, (letter) => tamilAfter[letter] ?? letter);
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders names as the store's lists do (ORDER BY the key, then the name): for lists sorted in code. */
export function compareNames(a: string, b: string): number {
  return byCodePoint(sortKey(a), sortKey(b)) || byCodePoint(a, b);
}
