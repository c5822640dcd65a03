import { asHiragana, asSimplified, spaceInSoutheastAsianRun } from '../../../shared/cjk.ts';
import type { Person } from '../../../shared/domain.ts';
import { greekAndGeorgianSpelledInLatin } from '../../../shared/greekGeorgianLatin.ts';
import { withDjWrittenOut } from '../../../shared/searchFold.ts';
import { serbianSpelledInLatin } from '../../../shared/serbianLatin.ts';

// A person typed in again ("kim min-ji" for "Kim Min-ji", a full-width
// "Ｋｉｍ", a name pasted with a double space) makes a second record that the
// pack and the meetings then split between. Namesakes are real too (two
// officials called Kim Min-ji), so the form warns and offers the existing
// record; it never refuses.

// Accents typed or left off ("Fiame" for "Fiamē", "Κυριακος" for "Κυριάκος"): only the
// combining diacritics blocks, so Devanagari or Thai vowel signs, which make another name, still count. The nukta
// of the Indic scripts is such an accent: "कमर जैदी" is क़मर ज़ैदी typed on a keyboard (or by a writer) that leaves it off.
// Hebrew is written day to day without its points (niqqud) and cantillation, which a text from a prayer book or
// a dictionary carries: "יצחק הרצוג" is יִצְחָק הֶרְצוֹג, as search finds it. Maqaf, paseq and sof pasuq are punctuation.
// Arabic and Persian likewise leave their short vowels and shadda (tashkeel) off, and the hamza or madda over an alef
// often too: "محمد" is مُحَمَّد, "احمد" أحمد. (NFKD has already parted أ, إ and آ into alef and the mark.)
const diacritics =
  /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u093c\u09bc\u0a3c\u0abc\u0b3c\u0c3c\u0cbc\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u064b-\u065f\u0670]/gu;
// The ʻokina of Samoan and Hawaiian names, the Guaraní puso (ʼ) and the apostrophes a keyboard gives in their place,
// or none, as an English list writes "Mataafa" and "Mbae" (and search finds them); the Hebrew geresh (ג׳ו), which
// the Hebrew keyboard types as '.
const apostrophes = /[\u0027\u0060\u00b4\u02b9\u02bb\u02bc\u02bd\u2018\u2019\u201b\u2032\u05f3]/gu;

// A compound surname or given name is written with a hyphen by one list and a space by another ("Peña-Ibáñez",
// "Peña Ibáñez"; "Kim Min-ji", "Kim Min ji"), a word processor's non-breaking hyphen (U+2011) among them.
const hyphens = /[-\u2010\u2011]/gu;

// What prints as nothing (a soft hyphen pasted from a PDF, a direction mark, a zero-width joiner): "Wira\u00adnto"
// prints as "Wiranto", so a second record under it would read as the first everywhere it shows.
const printsAsNothing = /\p{Default_Ignorable_Code_Point}/gu;

// Case that lowering alone does not fold: Turkish "IŞIK" lowers to "işik", not "ışık", and German "STRAUSS" to
// "strauss", not "strauß", so a name copied in capitals from a passport or a list was not the stored one. Greek
// writes one sigma two ways, ς only at a word's end: "Κυριακοσ", lowered by a tool that does not know it, is Κυριάκος.
// Azerbaijani Ə is written A where a keyboard or an English text lacks it: "Ilham Aliyev" is İlham Əliyev. The
// Cyrillic letters of Kazakh, Kyrgyz and Tajik are written with the Russian ones where a keyboard or a Russian text
// lacks them, as search finds them (shared/searchFold.ts): "Касым-Жомарт Токаев" is Қасым-Жомарт Тоқаев. So are
// the Icelandic ð and þ and the Sámi đ, ŋ and ŧ, which have no accent to drop: "Gudlaugur Thor Thordarson", as an
// English list writes him, is Guðlaugur Þór Þórðarson. So are the hooked letters of Hausa and Fula: "Danjuma
// Kwankwaso", as a passport or a newspaper writes him, is Ɗanjuma Ƙwankwaso.
const caseless: Readonly<Record<string, string>> = {
  ı: 'i',
  ß: 'ss',
  ς: 'σ',
  ə: 'a',
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  ҳ: 'х',
  ҷ: 'ч',
  і: 'и',
  џ: 'дж',
  ђ: 'дж',
  ћ: 'ч',
  ي: 'ی',
  ى: 'ی',
  ك: 'ک',
  ة: 'ه',
  ð: 'd',
  þ: 'th',
  đ: 'd',
  ŋ: 'n',
  ŧ: 't',
  ɓ: 'b',
  ɗ: 'd',
  ƙ: 'k',
  ƴ: 'y',
};
const caselessLetters = new RegExp(`[${Object.keys(caseless).join('')}]`, 'gu');
// Serbian Џ and Ђ are what a Russian text writes Дж, and Ћ Ч, as search reads them. A name typed on an Arabic
// keyboard gives ي, ى, ك and ة where a Persian one gives ی, ک and ه: "علي" is the Persian-typed "علی".
// A Latin i beside a Cyrillic letter is the і older Kazakh texts write so ("Әйгерiм"), as search reads it.
// Armenian writes its emphasis, exclamation, question and abbreviation marks inside a word ("Արամ՛"): not part of the name.
const armenianMarksInWords = /[\u055b\u055c\u055e\u055f]/gu;
const latinIInCyrillic = /(?<=\p{Script=Cyrillic}\p{M}*)i|i(?=\p{M}*\p{Script=Cyrillic})/gu;

/**
 * A name as compared: compatibility-normalised (NFKC), spaces collapsed (and dropped inside a Thai, Lao, Khmer or
 * Burmese run, which a name is written with or without, as search reads it: shared/cjk.ts), case folded, accents, apostrophes, a hyphen for a space and what prints as nothing left aside.
 */
export function nameKey(name: string): string {
  // Chinese written in traditional or simplified characters (賴清德, 赖清德), Japanese in katakana or hiragana, as search reads them.
  return asSimplified(asHiragana(name))
    .normalize('NFKD')
    .replace(printsAsNothing, '')
    .replace(armenianMarksInWords, '')
    .replace(diacritics, '')
    .replace(apostrophes, '')
    .normalize('NFKC')
    .replace(hyphens, ' ')
    .replace(/\s+/gu, ' ')
    .replace(spaceInSoutheastAsianRun, '')
    .trim()
    .toLocaleLowerCase('en-US')
    .replace(latinIInCyrillic, 'і')
    .replace(caselessLetters, (letter) => caseless[letter] ?? letter);
}

// Tajik Ҷ is written Ч by one Russian text and Дж by another ("Ҷамшед": Чамшед, Джамшед), so a name holding it reads two ways.
const tajikJe = /[Ҷҷ]/gu;

// German writes ä, ö and ü as ae, oe and ue where a passport's machine-readable line, an e-mail address or a keyboard
// lacks them: "JUERGEN WEISS" is Jürgen Weiß, as search finds him (shared/searchFold.ts umlautsWrittenOut).
const umlauts = /[äöüÄÖÜ]/gu;
const writtenOut = (letter: string) => `${letter.normalize('NFD').charAt(0)}e`;

// Persian joins the parts of a compound name with a zero-width non-joiner where another writer, or an Arabic
// keyboard, puts a space: "علی‌اکبر" and "علی اکبر" are one name.
const nonJoiner = /\u200c/gu;

/**
 * The keys a name is known by: its one key, for a Tajik Ҷ the spelling with Дж beside the one with Ч, for an
 * umlaut the spelling with it written out beside the one with its vowel, and for a non-joiner the one with a space.
 */
function nameKeys(name: string): string[] {
  const key = nameKey(name);
  if (key === '') return [];
  const withJe = nameKey(name.replace(tajikJe, 'дж'));
  const umlautsOut = nameKey(name.normalize('NFC').replace(umlauts, writtenOut));
  const nonJoinerAsSpace = nameKey(name.replace(nonJoiner, ' '));
  return [...new Set([key, withJe, umlautsOut, nonJoinerAsSpace])];
}

/**
 * A key with its words in one order. A name reaches the desk family name first from one list and last from another
 * ("Ōtsuka Kōji" in Tokyo's own papers, "Kōji Ōtsuka" in a press release; "Kim Min-ji" and "Min-ji Kim"): the same
 * person, whom a second record splits. A list of participants writes the family name first with a comma after it
 * ("PEÑA NIETO, María Paz"), a comma that only says where the order turns. A namesake is only warned of, so the
 * rare two people whose names are each other's words in another order cost a glance.
 */
const inAnyOrder = (key: string) =>
  key
    .split(/[ ,،、]+/u)
    .filter((word) => word !== '')
    .sort()
    .join(' ');

/**
 * The keys a name is known by where it is written in another alphabet or without a letter, as search reads it
 * (shared/searchFold.ts typedSpellings): its Serbian or Macedonian Cyrillic in Latin ("Новак Ђоковић", Novak
 * Đoković), its Greek and Georgian in Latin ("Κυριάκος Μητσοτάκης", Kyriakos Mitsotakis), and its đ written dj
 * ("Novak Djokovic", as English newspapers and a passport's machine-readable line write him).
 */
function spelledOtherwiseKeys(name: string): string[] {
  const serbianLatin = serbianSpelledInLatin(name);
  const inLatin = [...(serbianLatin === null ? [] : [serbianLatin]), ...greekAndGeorgianSpelledInLatin(name)];
  const spellings = [name, ...inLatin];
  const withDj = spellings.map(withDjWrittenOut).filter((spelling) => !spellings.includes(spelling));
  return [...inLatin, ...withDj].map(nameKey).filter((key) => key !== '');
}

/** A name's keys as written (`own`) and those besides, in another alphabet or without a letter (`all`), in one word order. */
function keysOf(name: string): { own: Set<string>; all: Set<string> } {
  const own = nameKeys(name).map(inAnyOrder);
  return { own: new Set(own), all: new Set([...own, ...spelledOtherwiseKeys(name).map(inAnyOrder)]) };
}

const sharesKey = (some: Set<string>, other: Set<string>) => [...some].some((key) => other.has(key));

/**
 * The people already stored whose name or native name reads the same as either of those typed, in any word order.
 * One name read in Latin (or without its đ) is compared with the other as written, never with the other read so too:
 * two Greek or Georgian names apart by a letter the Latin spelling does not tell (ο and ω, კ and ქ) are two names,
 * and a typed "dj" is never read as a đ ("Djembe" is not Dembe), as search reads them.
 */
export function namesakesOf(typed: { name: string; nativeName: string }, people: readonly Person[]): Person[] {
  const typedKeys = [keysOf(typed.name), keysOf(typed.nativeName)];
  const own = new Set(typedKeys.flatMap((keys) => [...keys.own]));
  const all = new Set(typedKeys.flatMap((keys) => [...keys.all]));
  if (own.size === 0) return [];
  const known = (name: string) => {
    const stored = keysOf(name);
    return sharesKey(stored.own, all) || sharesKey(stored.all, own);
  };
  return people.filter((person) => known(person.name) || (person.nativeName !== '' && known(person.nativeName)));
}
