// The search index's tokenizer (FTS5 unicode61, remove_diacritics 2) folds
// case and the accents of Latin letters only: "Nguyễn" is found by "nguyen",
// but "Đặng" is not found by "dang", "ılık" not by "ilik", "Παπαδόπουλος" not
// by "Παπαδοπουλος", and it splits Arabic, Thai, Lao, Khmer and Burmese words
// at every vowel sign or tashkeel mark. Text whose letters the tokenizer does
// not fold is therefore also indexed folded here (migration 1900), and every
// typed word is folded the same way before it is matched: index and query
// fold alike, so either spelling finds the other.

import { greekAndGeorgianInLatin, greekOrGeorgianLetter, latinOfGreekOrGeorgian } from './greekGeorgianLatin.ts';
import { serbianLatinOfTyped, serbianLatinWords, serbianOrMacedonianLetter } from './serbianLatin.ts';

/** Letters that carry no decomposition to a base letter, mapped to the base people type instead. */
const baseLetters: Readonly<Record<string, string>> = {
  đ: 'd',
  ð: 'd',
  ı: 'i',
  ł: 'l',
  ø: 'o',
  ħ: 'h',
  // Northern, Inari and Skolt Sámi letters, written as their base letter where a keyboard or a passport lacks them
  // (ICAO 9303 gives Ŋ as N and Ŧ as T): "Nuoras" for "Ŋuoras". (Đ is above; Á, Č, Š, Ž decompose.)
  ŋ: 'n',
  ŧ: 't',
  ǥ: 'g',
  // The hooked letters of Hausa and Fula (Ɗanjuma, Ƙwankwaso, Ɓello, Ƴar'adua), which a plain keyboard, a passport
  // and most newspapers write as their base letter: "Danjuma Kwankwaso" for "Ɗanjuma Ƙwankwaso".
  ɓ: 'b',
  ɗ: 'd',
  ƙ: 'k',
  ƴ: 'y',
  ς: 'σ',
  ـ: '', // Arabic tatweel only stretches a word.
  // The Polynesian ʻokina (ʻAkosita, Nukuʻalofa) and the glottal stop ʼ are letters to Unicode, so the tokenizer
  // keeps them inside the word: a name typed on a keyboard without them ("Akosita") was not found.
  ʻ: '',
  ʼ: '',
  // Letters people type as two where their keyboard lacks them: "Strauss" for "Strauß", "coeur" for "cœur",
  // "Kraemer" for "Kræmer", "Thorsson" for "Þórsson" (lower case: ẞ, Æ, Œ and Þ are lowered first).
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  // Azerbaijani Ə, which English writes as A: "Aliyev" for "Əliyev" (lower case: Ə is lowered first).
  ə: 'a',
  // The Cyrillic letters of Kazakh, Kyrgyz, Tajik and Uzbek that Russian lacks, as Russian texts and keyboards write
  // them: "Токаев" for "Тоқаев", "Нургалиева" for "Нұрғалиева", "Рахмон" for "Раҳмон" (and, as Ukrainian і is
  // written и in Russian, "Айгерим" for "Әйгерім"). Ӣ, Ӯ and Ў decompose to и and у, as Й and Ё do.
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  ҳ: 'х',
  // Tajik Ҷ, and Serbian Џ and Ђ, are written Дж in Russian texts ("Джамшед" for "Ҷамшед", "Джокович" for
  // "Ђоковић"), and Serbian Ћ as Ч ("Джинджич" for "Ђинђић"), as Serbian's own Latin search already reads đ as d and
  // ć as c. Only these letters fold: Russian Ч and Дж stay apart (Чон and Джон are two names). A word holding Ҷ is
  // indexed as typed on a Russian keyboard too, Ҷ as Ч ("Чумхурии" still finds "Ҷумҳурии"): see russianKeyboardSpellings.
  ҷ: 'дж',
  џ: 'дж',
  ђ: 'дж',
  ћ: 'ч',
  і: 'и',
  // Thai and Lao letters that read as two, which keyboards and PDFs give either way: สำคัญ or สําคัญ (sara am,
  // or nikhahit then sara aa, which look the same), ໝາຍ or ຫມາຍ. Folded to the second spelling, nikhahit
  // going with the other marks.
  ำ: 'า',
  ຳ: 'າ',
  ໜ: 'ຫນ',
  ໝ: 'ຫມ',
  // Armenian և is ե and վ (ւ in the classical spelling, folded below): "Երևան", "Երեւան" and "Երեվան" are one word.
  և: 'եվ',
  // Persian and Arabic keyboards type different letters for one letter: Persian ی and ک, Arabic ي (and ى, which
  // Persian does not tell from ی) and ك, and a Persian text writes the Arabic ending ة as ه ("فاطمه" for
  // "فاطمة"). Each folds to the Persian letter, so a name typed on either keyboard finds one pasted from
  // the other. (Arabic search conventionally folds ى and ي, and ة and ه, as well.)
  ي: 'ی',
  ى: 'ی',
  ك: 'ک',
  ة: 'ه',
  // Urdu writes its own heh (ہ, and ۃ for the Arabic ending) and heh doachashmee (ھ, after an aspirated letter) and
  // ends words with yeh barree (ے); a Persian or Arabic keyboard, and many Pakistani texts, give ه and ی for them:
  // "شهباز" for "شہباز", "بهارت" for "بھارت", "کی" for "کے". Each folds to the Persian letter, as search folding of
  // Urdu does elsewhere (ۂ and ۓ decompose to ہ and ے).
  ہ: 'ه',
  ۃ: 'ه',
  ھ: 'ه',
  ے: 'ی',
  ...easternArabicDigits(),
  ...ethiopicHomophones(),
};
const mappedLetters = new RegExp(`[${Object.keys(baseLetters).join('')}]`, 'gu');

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits as 0-9: "۱۴۰۳" is found by "1403", and by "١٤٠٣". */
function easternArabicDigits(): Record<string, string> {
  const folds: Record<string, string> = {};
  for (let digit = 0; digit < 10; digit += 1) {
    folds[String.fromCodePoint(0x0660 + digit)] = String(digit);
    folds[String.fromCodePoint(0x06f0 + digit)] = String(digit);
  }
  return folds;
}

/**
 * Amharic writes one sound with several letters: h with ሀ, ሐ or ኀ, s with ሰ or ሠ, the glottal stop with አ or
 * ዐ, ts' with ጸ or ፀ, each in its seven vowel orders, and ሃ, ኣ sound as ሀ, አ. Names are spelt either way
 * ("ዐቢይ አሕመድ" in an official text, "አብይ አህመድ" in a newspaper), so a desk's search missed the one not typed:
 * each syllable folds to the plainest letter of its sound.
 */
function ethiopicHomophones(): Record<string, string> {
  const folds: Record<string, string> = {};
  const series = (from: number, to: number) => {
    for (let order = 0; order < 8; order += 1) folds[String.fromCodePoint(from + order)] = String.fromCodePoint(to + order);
  };
  series(0x1210, 0x1200); // ሐ → ሀ
  series(0x1280, 0x1200); // ኀ → ሀ
  series(0x1220, 0x1230); // ሠ → ሰ
  series(0x12d0, 0x12a0); // ዐ → አ
  series(0x1340, 0x1338); // ፀ → ጸ
  for (const [fourth, first] of [
    [0x1203, 0x1200], // ሃ → ሀ
    [0x12a3, 0x12a0], // ኣ → አ
  ] as const)
    for (const [letter, base] of Object.entries(folds))
      if (base === String.fromCodePoint(fourth)) folds[letter] = String.fromCodePoint(first);
  folds[String.fromCodePoint(0x1203)] = String.fromCodePoint(0x1200);
  folds[String.fromCodePoint(0x12a3)] = String.fromCodePoint(0x12a0);
  return folds;
}

/** Each base letter, or pair of them, with the letters that fold to it (baseLetters turned round); '' holds those that fold away. */
const spellingsOf = new Map<string, string[]>();
for (const [letter, base] of Object.entries(baseLetters)) spellingsOf.set(base, [...(spellingsOf.get(base) ?? []), letter]);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
/**
 * Characters that print as nothing: a soft hyphen or a zero-width space pasted from a PDF or a web page (Khmer
 * and Thai pages put zero-width spaces between words), a joiner, a direction mark. The tokenizer ends a word at
 * them, so "Wira\u00adnto" was not found by "wiranto": they fold away, and a typed word is read without them.
 */
export const printsAsNothing = /\p{Default_Ignorable_Code_Point}/gu;
/**
 * Armenian writes its emphasis ՛, exclamation ՜ and question ՞ marks over a vowel inside the word ("Երևա՞ն"), and
 * its abbreviation mark ՟ inside it too: the tokenizer ends a word at each, so the word was not found. Like what
 * prints as nothing, they fold away, and a typed word is read without them.
 */
const armenianMarksInsideWords = /[\u055b\u055c\u055e\u055f]/gu;
/** What a typed word is read without: what prints as nothing, and Armenian marks written inside words. */
export const readThroughInWords = /[\p{Default_Ignorable_Code_Point}\u055b\u055c\u055e\u055f]/gu;
/**
 * An apostrophe inside a name, written ’ (a word processor), ' (a keyboard), ‘ or ʻ (the ʻokina) or ʼ (U+02BC) as
 * the document has it, or left out as people type it: Ngũgĩ wa Thiong’o ("Thiongo"), O’Brien, N’Djamena, and
 * Ukrainian and Belarusian names (В’ячеслав), which Russian writes without one (Вячеслав), and Uzbek oʻ and gʻ
 * (Oʻzbekiston, also typed with ` on a keyboard, or as Ozbekiston), and the Hebrew geresh ׳ of ג׳, ז׳ and צ׳ (ג׳ו
 * ביידן), which the Hebrew keyboard types as '. The tokenizer ends a
 * word at ’, ', ‘, ` and ׳ and keeps ʼ and ʻ inside it, so no spelling found another: between two letters each folds
 * away. Not before an English ending ('s, 't, 'd, 'm, 're, 've, 'll): "desk’s" stays two words to the index and the
 * query alike, as before, and English prose needs no folded copy in the index.
 */
const apostrophesInsideWords = /(?<=\p{L}\p{M}*)['’‘ʼʻ`׳](?=\p{L})(?!(?:s|t|d|m|re|ve|ll)(?![\p{L}\p{M}]))/giu;
const hasApostropheInsideWord = /(?<=\p{L}\p{M}*)['’‘ʼʻ`׳](?=\p{L})(?!(?:s|t|d|m|re|ve|ll)(?![\p{L}\p{M}]))/iu;
/**
 * Older Kazakh texts write the letter і as a Latin i (U+0069), which looks the same: "Әйгерiм", "Үкiметi". Inside a
 * Cyrillic word (a Cyrillic letter beside it) a Latin i is read as і, so either spelling finds the other.
 */
const latinIInCyrillic = /(?<=\p{Script=Cyrillic}\p{M}*)[iI]|[iI](?=\p{M}*\p{Script=Cyrillic})/gu;
const hasLatinIInCyrillic = /\p{Script=Cyrillic}\p{M}*[iI]|[iI]\p{M}*\p{Script=Cyrillic}/u;
/** Typed text with each apostrophe inside a word written ʼ, a letter: the word is then split and folded whole. */
export function keepWordsWhole(text: string): string {
  return text.replace(apostrophesInsideWords, 'ʼ');
}
/**
 * What may sit inside a folded word without counting: marks (of NFD text), the letters that fold away, what prints
 * as nothing, and the apostrophes that fold away inside a word.
 */
const ignored = `[\\p{M}\\p{Default_Ignorable_Code_Point}\\u055b\\u055c\\u055e\\u055f'’‘\`׳${escapeRegExp((spellingsOf.get('') ?? []).join(''))}]*`;
/**
 * Letters of Thai, Lao, Khmer and Burmese that Unicode composes from a base letter and marks, by that base: ဦ
 * (U+1026) is ဥ and the vowel sign ီ, and NFC text, as saved and as typed either way, holds it whole. The index
 * folds it to ဥ, so it was found but not marked where found, since those words are marked in the text as written.
 */
const composedOf = new Map<string, string>();
for (const [first, last] of [
  [0x0e00, 0x0eff],
  [0x1000, 0x109f],
  [0x1780, 0x17ff],
  [0x19e0, 0x19ff],
  [0xa9e0, 0xa9ff],
  [0xaa60, 0xaa7f],
] as const) {
  for (let code = first; code <= last; code += 1) {
    const letter = String.fromCodePoint(code);
    const [base = '', ...rest] = Array.from(letter.normalize('NFD'));
    if (rest.length > 0 && rest.every((mark) => /\p{M}/u.test(mark))) composedOf.set(base, (composedOf.get(base) ?? '') + letter);
  }
}
/** Letters also found as another base (russianKeyboardSpellings): "чумхурии" finds "Ҷумҳурии". */
const alsoSpelt: Readonly<Record<string, string>> = { и: 'iI', ч: 'ҷҶ' };
const letterPattern = (letter: string) => {
  // A Latin i inside a Cyrillic word is read as і (latinIInCyrillic), so и is found written so too.
  const spellings = (spellingsOf.get(letter) ?? []).join('') + (composedOf.get(letter) ?? '') + (alsoSpelt[letter] ?? '');
  return spellings ? `[${escapeRegExp(letter + spellings)}]` : escapeRegExp(letter);
};

/**
 * A regular expression's source (flags `iu`) that finds, in NFD text, the words searchFold folds to ones
 * beginning with `folded`: "dang" finds "Đặng", "strauss" "Strauß", "yilmaz" "Yılmaz". Where the index matched a
 * text only folded, this finds the place to show (shared/cjk.ts, queryMarker's snippets). With `acrossSpaces`, white
 * space may sit between two of its letters, as a Thai or Burmese name is written with a space or without.
 */
export function foldedWordPattern(folded: string, acrossSpaces = false): string {
  // A word may begin with a letter that folds away (ʻAkosita).
  let pattern = ignored;
  const letters = Array.from(folded);
  // Never after the last letter: a space after the word is no part of it.
  const after = (next: number) => (acrossSpaces && next < letters.length ? `${ignored}(?:\\s+${ignored})?` : ignored);
  for (let at = 0; at < letters.length; at += 1) {
    const [first = '', second = ''] = [letters[at], letters[at + 1]];
    const pairSpellings = spellingsOf.get(first + second);
    // "ue" is found as ü too, in NFD a u and a diaeresis (umlautsWrittenOut).
    const umlautOf = second === 'e' && 'aou'.includes(first) ? `|${first}\\u0308` : '';
    // "dj" is found as đ too (djWrittenOut): "djokovic" marks "Đoković".
    const djOf = first + second === 'dj' ? '|đ' : '';
    if (second !== '' && (pairSpellings || umlautOf || djOf)) {
      // Classical Armenian spells եվ as եւ (armenianEv).
      const classical = first + second === 'եվ' ? '|ե\\p{M}*ւ' : '';
      const spelt = pairSpellings ? `|[${escapeRegExp(pairSpellings.join(''))}]` : '';
      pattern += `(?:${letterPattern(first)}${ignored}${letterPattern(second)}${spelt}${classical}${umlautOf}${djOf})${after(at + 2)}`;
      at += 1;
    } else pattern += `${letterPattern(first)}${after(at + 1)}`;
  }
  return pattern;
}
/**
 * The marks search reads through: accents, tonos, tashkeel, Hebrew points, and the vowel signs and tone marks of
 * Thai, Lao, Khmer and Burmese (searched in pieces of their base letters, shared/cjk.ts). Not the vowel signs,
 * viramas and anusvaras of the scripts of South Asia, Devanagari to Sinhala (U+0900-U+0DFF): there a mark is half
 * the syllable, and without them "கொழும்பு" (Colombo) was found by "கிழமை" (a weekday), "पालन" by "पल". Their
 * nukta alone folds away, as it is left out in typing ("जैदी" for "ज़ैदी"), and the Vedic accents.
 */
const marksReadThrough = /(?![\u0900-\u0dff])\p{M}|[\u093c\u0951-\u0954\u09bc\u0a3c\u0abc\u0b3c\u0c3c\u0cbc]/gu;
/** The marks of South Asian scripts search keeps (marksReadThrough leaves them). */
const southAsianMark = /[\u0900-\u0dff]/u;
/** Classical Armenian ե then ւ, which the reformed spelling writes և or եվ (ու, the vowel, is ո then ւ). */
const armenianEv = /եւ/g;
const hasArmenianEv = /[եԵ][ւՒ]/u;

/**
 * `text` as search compares it: lower case, base letters, no marks but those of South Asian scripts
 * (marksReadThrough), nor what prints as nothing (ZWJ and ZWNJ included: "ශ්‍රී" and "ශ්රී", "می‌خواهم" and
 * "میخواهم" are one word).
 */
export function searchFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(marksReadThrough, '')
    .replace(printsAsNothing, '')
    .replace(armenianMarksInsideWords, '')
    .replace(apostrophesInsideWords, '')
    .replace(latinIInCyrillic, 'і')
    .toLowerCase()
    .replace(mappedLetters, (letter) => baseLetters[letter] ?? letter)
    .replace(armenianEv, 'եվ')
    .normalize('NFC');
}

const tajikChe = /[ҷҶ]/u;
const wordsWithTajikChe = /[\p{L}\p{M}]*[ҷҶ][\p{L}\p{M}]*/gu;
/**
 * The words of `text` holding Tajik Ҷ, folded as a Russian keyboard without it types them, Ҷ as Ч ("Чумхурии" for
 * "Ҷумҳурии"): searchFold writes it Дж, as Russian texts do, so the index holds these words both ways. ('' for none.)
 */
export function russianKeyboardSpellings(text: string): string {
  if (!tajikChe.test(text)) return '';
  return Array.from(text.matchAll(wordsWithTajikChe), ([word]) => searchFold(word.replace(/ҷ/gu, 'ч').replace(/Ҷ/gu, 'Ч'))).join(' ');
}

/** An umlaut, composed or as a vowel and a combining diaeresis (U+0308). */
const umlaut = /[äöüÄÖÜ]|[aouAOU]\u0308/u;
const lettersOfWords = /[\p{L}\p{M}]+/gu;
const umlautWrittenOut = (word: string) =>
  word
    .normalize('NFC')
    .replace(/[äöüÄÖÜ]/gu, (letter) => `${letter.normalize('NFD').charAt(0)}${letter === letter.toLowerCase() ? 'e' : 'E'}`);
/**
 * The words of `text` holding ä, ö or ü, folded as German writes them without the letter, with an e: "Juergen" for
 * "Jürgen", "Koeln" for "Köln", as an e-mail address, a passport's machine-readable line or a keyboard without them
 * gives them. searchFold reads an umlaut as its vowel, as other readers type it ("Jurgen"), so the index holds these
 * words both ways. ('' for none.)
 */
export function umlautsWrittenOut(text: string): string {
  if (!umlaut.test(text)) return '';
  // Cut into words first, then folded at once: a pattern finding the words with an umlaut went back over every
  // letter of every word without one, thirty times the cost of indexing a German note with none.
  const words = (text.match(lettersOfWords) ?? []).filter((word) => umlaut.test(word));
  return searchFold(umlautWrittenOut(words.join(' ')));
}

const serboCroatianDj = /[đĐ]/u;
/**
 * The words of `text` holding Serbo-Croatian đ, folded as it is written where the letter is missing, dj: "Djokovic"
 * for "Đoković", "Djordje" for "Đorđe" (English and German newspapers, a passport's machine-readable line, an e-mail
 * address). searchFold reads đ as d, as others type it ("Dokovic", "Dorde"), so the index holds these words both
 * ways, and a word typed with dj is found without dj typed ever being read as đ: "djembe" asks for "djembe" alone.
 * ('' for none.)
 */
export function djWrittenOut(text: string): string {
  if (!serboCroatianDj.test(text)) return '';
  const words = (text.match(lettersOfWords) ?? []).filter((word) => serboCroatianDj.test(word));
  return searchFold(withDjWrittenOut(words.join(' ')));
}

/** `text` as written where đ is missing, each đ written dj ("Novak Đoković": "Novak Djoković"), the rest as it stands. */
export function withDjWrittenOut(text: string): string {
  return text.replace(/đ/gu, 'dj').replace(/Đ/gu, 'Dj');
}

/**
 * The folded spellings a typed word asks for: itself folded, and, for a word typed with Tajik Ҷ, that word as a
 * Russian keyboard types it, Ҷ as Ч. The index holds a Tajik word both ways (Дж and Ч), but a text another desk
 * typed on a Russian keyboard, "Чамшед" for "Ҷамшед", holds only Ч: the word typed with Ҷ asks for either. Only
 * a typed Ҷ does: a typed Ч asks for Ч and a typed Дж for Дж, so Russian Чон and Джон stay apart. A word typed with
 * an umlaut asks for it written out too: "Jürgen" finds a "Juergen" another desk typed. A word typed in Serbian,
 * Montenegrin or Macedonian Cyrillic (`typed`, the whole search, holds a letter only they write) asks for its Latin
 * spelling too: "Спајић" finds "Spajić" (shared/serbianLatin.ts), and so does a word typed in Greek or Georgian:
 * "Μητσοτάκης" finds "Mitsotakis" (shared/greekGeorgianLatin.ts). A word typed with đ asks for it written dj too:
 * "Đoković" finds a "Djokovic" another desk typed.
 */
export function typedSpellings(word: string, typed = word): string[] {
  const folded = searchFold(word);
  const serbianLatin = serbianLatinOfTyped(word, typed);
  const greekOrGeorgianLatin = latinOfGreekOrGeorgian(word);
  const other = tajikChe.test(word)
    ? searchFold(word.replace(/ҷ/gu, 'ч').replace(/Ҷ/gu, 'Ч'))
    : umlaut.test(word)
      ? searchFold(umlautWrittenOut(word))
      : serbianLatin !== null
        ? searchFold(serbianLatin)
        : serboCroatianDj.test(word)
          ? djWrittenOut(word)
          : greekOrGeorgianLatin !== null
            ? searchFold(greekOrGeorgianLatin)
            : folded;
  return other === folded ? [folded] : [folded, other];
}

/**
 * `text` folded, its Tajik words as a Russian keyboard types them, its words with an umlaut written out, a Serbian
 * or Macedonian text's Cyrillic words in Latin ("Спајић" as "spajic"), its Greek and Georgian words in Latin
 * ("Μητσοτάκης" as "mitsotakis") and its words with đ (or ђ) written dj ("Ђоковић" as "djokovic"): what a typed
 * (folded) word may begin.
 * `serbianText`: the text `text` is a word of holds a letter only those alphabets write.
 */
export function searchFoldedWords(text: string, serbianText = serbianOrMacedonianLetter.test(text)): string {
  // Folded only where there is Serbian Latin: a snippet's every word is marked through here.
  const serbianLatinText = serbianText ? serbianLatinWords(text, true) : '';
  const serbianLatin = serbianLatinText === '' ? '' : searchFold(serbianLatinText);
  // Đ written dj, in the text and in its Serbian Cyrillic's Latin (Ђоковић, Đoković, Djokovic).
  const dj = [djWrittenOut(text), djWrittenOut(serbianLatinText)].filter((spelling) => spelling !== '').join(' ');
  const greekOrGeorgianLatin = greekOrGeorgianLetter.test(text) ? searchFold(greekAndGeorgianInLatin(text)) : '';
  return [searchFold(text), russianKeyboardSpellings(text), umlautsWrittenOut(text), serbianLatin, dj, greekOrGeorgianLatin]
    .filter((spelling) => spelling !== '')
    .join(' ');
}

/**
 * A folded word as the index's tokenizer must read it, one word. The tokenizer ends a word at every mark, so the
 * marks search keeps in South Asian scripts are written as private-use characters, which it reads as letters
 * (U+E900-U+EDFF, the mark's code point plus U+E000), in the index and in the words asked of it alike; "नेपाल"
 * is then one word, not न, प and ल.
 */
export function indexedWord(folded: string): string {
  if (!southAsianMarkAnywhere.test(folded)) return folded;
  return folded.replace(southAsianMarks, (mark) => String.fromCharCode((mark.codePointAt(0) ?? 0) + 0xe000));
}
const southAsianMarkAnywhere = /[\u0900-\u0dff]/u;
const southAsianMarks = /(?=[\u0900-\u0dff])\p{M}/gu;

/** An ASCII letter with accents only from the combining block: the tokenizer folds these itself. */
const latinWithAccents = /^[A-Za-z][\u0300-\u036f]*$/;

/**
 * Georgian capitals (Mtavruli, Unicode 11), which the tokenizer's older Unicode tables hold as letters without a
 * lower case: a name pasted in capitals, "ᲘᲠᲐᲙᲚᲘ", was not found by "ირაკლი", as typed.
 */
const georgianCapitals = /[\u1c90-\u1cbf]/u;

/** Whether the tokenizer folds `character` as searchFold does. */
function tokenizerFolds(character: string): boolean {
  // The tokenizer ends a word at a South Asian vowel sign or virama, which search keeps inside it (indexedWord).
  if (georgianCapitals.test(character) || (southAsianMark.test(character) && /\p{M}/u.test(character))) return false;
  const folded = searchFold(character);
  return folded === character.toLowerCase() || latinWithAccents.test(character.normalize('NFD'));
}

/**
 * tokenizerFolds, worked out once a character: every row indexed asks again about the same few letters (a
 * Korean or Greek text about each of its characters), and two normalisations a character were a tenth of a
 * first pull's search catch-up. Bounded, though a desk's texts use a few thousand characters at most.
 */
const knownFolds = new Map<string, boolean>();
const knownFoldsAtMost = 20_000;
function tokenizerFoldsKnown(character: string): boolean {
  const known = knownFolds.get(character);
  if (known !== undefined) return known;
  const folds = tokenizerFolds(character);
  if (knownFolds.size < knownFoldsAtMost) knownFolds.set(character, folds);
  return folds;
}

/**
 * What the index holds beside `text` so that folded words find it: `text`
 * folded whole (phrases stay in order), or, when the tokenizer already folds
 * every letter of it as searchFold does, only its words with an umlaut written
 * out (umlautsWrittenOut), which is '' for all English, French or Vietnamese
 * text short of Đ, so most rows add nothing to the index.
 */
export function searchFoldedText(text: string | null): string {
  // Not cut short for ASCII: an apostrophe inside an ASCII word (O'zbekiston, O'Brien) still adds a folded copy.
  if (!text) return '';
  const composed = text.normalize('NFC');
  if (
    hasApostropheInsideWord.test(composed) ||
    hasLatinIInCyrillic.test(composed) ||
    hasArmenianEv.test(composed) ||
    serbianOrMacedonianLetter.test(composed) ||
    greekOrGeorgianLetter.test(composed)
  )
    return indexedWord(searchFoldedWords(composed));
  for (const character of composed) {
    if (character.charCodeAt(0) < 0x80) continue;
    if (!tokenizerFoldsKnown(character)) return indexedWord(searchFoldedWords(composed));
  }
  // The tokenizer reads an umlaut as its vowel itself: only the words holding one are added, written out.
  return umlautsWrittenOut(composed);
}
