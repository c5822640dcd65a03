// Hangul is typed a letter (jamo) at a time, each syllable built up as it is typed: 윤석열 passes through ㅇ, 유, 윤,
// 윤ㅅ, 윤서, 윤석, 윤석ㅇ, 윤석여 and 윤석열. A search typed so far is a prefix in Latin ("vil" finds Vilnius); in
// Hangul the last syllable typed is one too, its final consonant perhaps still to come (윤서 is on its way to 윤석),
// and a lone consonant at the end is a syllable begun. Korean apps also find a name by its initial consonants alone
// (ㅇㅅㅇ for 윤석열, 초성 검색), as a phone's contacts do: the index holds the initials of titles' Hangul for it.

const firstSyllable = 0xac00;
const lastSyllable = 0xd7a3;
/** Syllables of one initial and vowel: without a final consonant, then with each of the 27. */
const finalsEach = 28;
/** Syllables of one initial: 21 vowels, each with its 28 finals. */
const syllablesEach = 21 * finalsEach;

/** The initial consonants in the order of the syllables' block, as compatibility letters (what a keyboard types alone). */
const initials = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
/** Consonant clusters an input method makes of two consonants typed alone (ㄱ then ㅅ gives ㄳ): two initials typed. */
const clusters: Readonly<Record<string, string>> = {
  ㄳ: 'ㄱㅅ',
  ㄵ: 'ㄴㅈ',
  ㄶ: 'ㄴㅎ',
  ㄺ: 'ㄹㄱ',
  ㄻ: 'ㄹㅁ',
  ㄼ: 'ㄹㅂ',
  ㄽ: 'ㄹㅅ',
  ㄾ: 'ㄹㅌ',
  ㄿ: 'ㄹㅍ',
  ㅀ: 'ㄹㅎ',
  ㅄ: 'ㅂㅅ',
};
/** A consonant typed alone (U+3131-U+314E): an initial or a cluster of two. */
const consonantAlone = /^[\u3131-\u314e]$/u;
const syllableRun = /[\uac00-\ud7a3]+/gu;

const syllableIndex = (character: string) => (character.codePointAt(0) ?? 0) - firstSyllable;
const isSyllable = (character: string) => {
  const code = character.codePointAt(0) ?? 0;
  return code >= firstSyllable && code <= lastSyllable;
};

/** Whether `character` is a Hangul syllable without a final consonant (서, not 석). */
export function isOpenSyllable(character: string): boolean {
  return isSyllable(character) && syllableIndex(character) % finalsEach === 0;
}

/** An open syllable and the same with each final consonant (서, 석, 섞 … 섷): what it may still become. */
export function withEachFinal(open: string): string[] {
  const code = open.codePointAt(0) ?? 0;
  return Array.from({ length: finalsEach }, (_, final) => String.fromCodePoint(code + final));
}

/** The syllables an open syllable may still become, as a character class (서 gives [서-섷]). */
export function eachFinalClass(open: string): string {
  const code = open.codePointAt(0) ?? 0;
  return `[${open}-${String.fromCodePoint(code + finalsEach - 1)}]`;
}

/** The syllables beginning with `initial` (ㅇ gives [아-잏]); null for a letter that begins none. */
export function initialClass(initial: string): string | null {
  const at = initials.indexOf(initial);
  if (at === -1) return null;
  const first = firstSyllable + at * syllablesEach;
  return `[${String.fromCodePoint(first)}-${String.fromCodePoint(first + syllablesEach - 1)}]`;
}

/**
 * The initials a typed run of consonants alone asks for ("ㅇㅅㅇ"; "ㄳ" as ㄱ then ㅅ), or null for a run that is not
 * consonants alone, such as a name.
 */
export function typedInitials(run: string): string | null {
  const letters = Array.from(run);
  if (letters.length === 0 || !letters.every((letter) => consonantAlone.test(letter))) return null;
  const typed = letters.map((letter) => clusters[letter] ?? letter).join('');
  return Array.from(typed).every((letter) => initials.includes(letter)) ? typed : null;
}

/** `text` without the consonants typed alone in it: what a search of initials marks in a body, which it did not search. */
export function withoutConsonantsAlone(text: string): string {
  return text.replace(/[\u3131-\u314e]+/gu, ' ');
}

/**
 * A typed run without the consonants alone it ends with (윤석ㅇ is 윤석): a syllable begun, which the letters before
 * it already find. The run as it is when it holds no syllable (a run of initials, typedInitials).
 */
export function withoutSyllableBegun(run: string): string {
  const trimmed = run.replace(/[\u3131-\u314e]+$/u, '');
  return Array.from(trimmed).some(isSyllable) ? trimmed : run;
}

/**
 * What a syllable an input method is still composing is sure to be: without its last final consonant, which the
 * next vowel typed would move to the syllable after (석 then ㅕ gives 서겨; 닭 then ㅣ gives 달기). Typed so far, 석
 * is 서 or more, which a search finds as 서 (cjkPhrase); anything else composed (서, ㅅ) as it is.
 */
export function syllableSoFar(composing: string): string {
  if (Array.from(composing).length !== 1 || !isSyllable(composing)) return composing;
  const final = syllableIndex(composing) % finalsEach;
  // A final of two consonants keeps its first (ㄺ, the ninth final, keeps ㄹ, the eighth); any other goes.
  const kept = finalKeeps[final] ?? 0;
  return String.fromCodePoint((composing.codePointAt(0) ?? 0) - final + kept);
}
/** The finals of two consonants, each with the final its first consonant is: ㄳ keeps ㄱ, ㄺ ㄹ, ㅄ ㅂ. */
const finalKeeps: Readonly<Record<number, number>> = { 3: 1, 5: 4, 6: 4, 9: 8, 10: 8, 11: 8, 12: 8, 13: 8, 14: 8, 15: 8, 18: 17 };

/** The initial consonant of each syllable of a run of syllables (윤석열 gives ㅇㅅㅇ). */
function initialsOf(run: string): string {
  return Array.from(run, (syllable) => initials.charAt(Math.floor(syllableIndex(syllable) / syllablesEach))).join('');
}

/**
 * The initials of every run of Hangul syllables in `text`, cut into pieces as the index cuts CJK runs (shared/cjk.ts):
 * "윤석열 대통령" gives "ㅇㅅ ㅅㅇ ㅇ ㄷㅌ ㅌㄹ ㄹ". '' for text without Hangul.
 */
export function initialPieces(text: string): string {
  const pieces: string[] = [];
  for (const [run] of text.normalize('NFC').matchAll(syllableRun)) {
    const letters = Array.from(initialsOf(run));
    for (let at = 0; at + 1 < letters.length; at += 1) pieces.push(`${letters[at]}${letters[at + 1]}`);
    pieces.push(letters.at(-1) ?? '');
  }
  return pieces.join(' ');
}
