// Greek and Georgian names reach a desk in Latin as often as in their own script: a passport, an agency wire, a
// colleague's e-mail write Μητσοτάκης as Mitsotakis and ირაკლი კობახიძე as Irakli Kobakhidze. A record saved in one
// was not found typed in the other. The index holds a text's Greek and Georgian words in Latin too, and a typed Greek
// or Georgian word asks for its Latin spelling as well, so either finds the other (as Serbian Cyrillic does,
// shared/serbianLatin.ts). One spelling each, the one Greek passports and Georgia's national system give (ELOT 743;
// the 2002 Georgian romanisation without its apostrophes, which the press leaves out): a desk typing "Kiriakos" for
// Kyriakos is not found, as a Latin "Kyriakos" is not by "Kiriakos" either.

/** A Greek or Georgian letter (Georgian capitals, Mtavruli, included): a text holding one has words read in Latin. */
export const greekOrGeorgianLetter = /[\u0370-\u03ff\u1f00-\u1fff\u10a0-\u10ff\u1c90-\u1cbf\u2d00-\u2d2f]/u;

const greekLetters: Readonly<Record<string, string>> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
  ϐ: 'v',
  ϑ: 'th',
  ϕ: 'f',
  ϲ: 's',
};

/** Voiced letters and vowels, before which the υ of αυ, ευ and ηυ is v (Ευάγγελος, Evangelos); f elsewhere (Ευθύμιος, Efthymios). */
const beforeV = new Set(Array.from('αεηιουωβγδζλμνρ'));

/** The Georgian alphabet (Mkhedruli; Mtavruli is lowered to it first) by the national system of 2002, apostrophes left out. */
const georgianLetters: Readonly<Record<string, string>> = {
  ა: 'a',
  ბ: 'b',
  გ: 'g',
  დ: 'd',
  ე: 'e',
  ვ: 'v',
  ზ: 'z',
  თ: 't',
  ი: 'i',
  კ: 'k',
  ლ: 'l',
  მ: 'm',
  ნ: 'n',
  ო: 'o',
  პ: 'p',
  ჟ: 'zh',
  რ: 'r',
  ს: 's',
  ტ: 't',
  უ: 'u',
  ფ: 'p',
  ქ: 'k',
  ღ: 'gh',
  ყ: 'q',
  შ: 'sh',
  ჩ: 'ch',
  ც: 'ts',
  ძ: 'dz',
  წ: 'ts',
  ჭ: 'ch',
  ხ: 'kh',
  ჯ: 'j',
  ჰ: 'h',
  // Letters of older texts and of Mingrelian and Svan.
  ჱ: 'e',
  ჲ: 'y',
  ჳ: 'w',
  ჴ: 'q',
  ჵ: 'o',
  ჶ: 'f',
};

/** A Greek word (lower case, NFD) as letters, each with whether it carries a diaeresis (ϊ, ϋ: read apart, not as a pair). */
function greekWordInLatin(word: string): string {
  const letters: { letter: string; apart: boolean }[] = [];
  for (const character of word.normalize('NFD')) {
    if (/\p{M}/u.test(character)) {
      const last = letters.at(-1);
      if (last && character === '\u0308') last.apart = true;
      continue;
    }
    letters.push({ letter: character, apart: false });
  }
  let latin = '';
  for (let at = 0; at < letters.length; at += 1) {
    const { letter } = letters[at] ?? { letter: '' };
    const next = letters[at + 1];
    const pair = next && !next.apart ? letter + next.letter : '';
    const after = letters[at + 2]?.letter;
    if (pair === 'ου') {
      latin += 'ou';
      at += 1;
    } else if (pair === 'αυ' || pair === 'ευ' || pair === 'ηυ') {
      latin += `${greekLetters[letter]}${after !== undefined && beforeV.has(after) ? 'v' : 'f'}`;
      at += 1;
    } else if (letter === 'γ' && next && 'γξχ'.includes(next.letter)) {
      // γγ, γξ and γχ are ng, nx and nch: Αγγελική, Angeliki.
      latin += 'n';
    } else if (at === 0 && (pair === 'μπ' || pair === 'ντ' || pair === 'γκ')) {
      // At the start of a word, μπ, ντ and γκ are sounded b, d and g, and so written (Ντόρα Μπακογιάννη, Dora Bakogianni).
      latin += pair === 'μπ' ? 'b' : pair === 'ντ' ? 'd' : 'g';
      at += 1;
    } else latin += greekLetters[letter] ?? letter;
  }
  return latin;
}

function georgianWordInLatin(word: string): string {
  return Array.from(word, (letter) => georgianLetters[letter] ?? letter).join('');
}

const greekWord = /^[\p{Script=Greek}\p{M}]+$/u;
const greekOrGeorgianWords = /[\p{Script=Greek}\p{Script=Georgian}\p{M}]+/gu;

/** `word` in Latin when it is written in Greek or Georgian letters alone, null otherwise. */
export function latinOfGreekOrGeorgian(word: string): string | null {
  if (!greekOrGeorgianLetter.test(word)) return null;
  const lower = word.normalize('NFC').toLowerCase();
  if (greekWord.test(lower)) return greekWordInLatin(lower);
  if (/^[\p{Script=Georgian}\p{M}]+$/u.test(lower)) return georgianWordInLatin(lower);
  return null;
}

/** Georgian ყ (its capital lowered first), which the press writes k where the national system writes q. */
const hasGeorgianQ = (text: string) => /ყ/u.test(text.toLowerCase());
const withGeorgianQAsK = (text: string) => text.toLowerCase().replace(/ყ/gu, 'კ');

/**
 * The Greek and Georgian words of `text` in Latin, apart by spaces ('' for none): "Κυριάκος Μητσοτάκης" gives
 * "kyriakos mitsotakis". A Georgian word with ყ is given twice, q and k: the national system writes q, the press
 * mostly k ("Kavelashvili", "Kazbegi" for ყაველაშვილი, ყაზბეგი).
 */
export function greekAndGeorgianInLatin(text: string): string {
  if (!greekOrGeorgianLetter.test(text)) return '';
  // Each distinct word read once: prose says its words again and again.
  const read = new Map<string, string | null>();
  const inLatin = (word: string) => {
    const latin = latinOfGreekOrGeorgian(word);
    return latin !== null && hasGeorgianQ(word) ? `${latin} ${latinOfGreekOrGeorgian(withGeorgianQAsK(word))}` : latin;
  };
  return Array.from(text.matchAll(greekOrGeorgianWords), ([word]) => {
    let latin = read.get(word);
    if (latin === undefined) {
      latin = inLatin(word);
      read.set(word, latin);
    }
    return latin;
  })
    .filter((spelling): spelling is string => spelling !== null && spelling !== '')
    .join(' ');
}

/**
 * `text` with its Greek and Georgian words in Latin where they stand, its other words as they are, once for each
 * spelling greekAndGeorgianInLatin gives ([] when it holds none): "Κυριάκος Μητσοτάκης" is "kyriakos mitsotakis", as
 * a whole name is read where its words must not go missing ("Κυριάκος Smith" is not "Kyriakos").
 */
export function greekAndGeorgianSpelledInLatin(text: string): string[] {
  if (!greekOrGeorgianLetter.test(text)) return [];
  const inPlace = (spelling: string) => spelling.replace(greekOrGeorgianWords, (word) => latinOfGreekOrGeorgian(word) ?? word);
  return hasGeorgianQ(text) ? [inPlace(text), inPlace(withGeorgianQAsK(text))] : [inPlace(text)];
}
