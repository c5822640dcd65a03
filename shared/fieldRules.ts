// The rules a record's fields obey, written once: the store's request schemas
// (main/ipc/schemas.ts) and the renderer's forms (renderer/src/forms/) both
// read them, so a form never lets through what the store refuses, nor refuses
// what the store would take.
import type { EntityName } from './contract.ts';
import { rightToLeftLetter } from './rightToLeftRuns.ts';

/**
 * How many characters a text has, by the one rule the form's check and the
 * store's refusal both apply: Unicode code points. It is what the tables'
 * CHECK (length(…)) constraints count (SQLite's length() of a text), so a
 * text the form passes is never refused by the table. An emoji is one (two
 * with a skin tone), a Hangul syllable one (two or three if typed as separate
 * jamo), a letter with a combining accent two; a UTF-16 count would make an
 * emoji two and refuse half as many as the table holds.
 */
export function textLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** Whether a text has at most `max` characters by textLength's rule, without counting past the limit. */
export function fitsLength(text: string, max: number): boolean {
  // A code point is one or two UTF-16 units: within the limit in units is within it in code points.
  if (text.length <= max) return true;
  if (text.length > 2 * max) return false;
  let count = 0;
  for (const _ of text) if (++count > max) return false;
  return true;
}

/** Longest prose field (a brief section, a note): generous, so only a runaway paste fails. */
export const maxProse = 100_000;
/** A biography written for one meeting: the store's table has held at most this many since it was made. */
export const maxMeetingBiography = 20_000;
/** Longest passphrase the lock accepts, in characters (an emoji is one; see shared/passphrase.ts): longer is refused, never cut. */
export const maxPassphrase = 1024;
/** A classification level's name, as the scheme spells it. */
export const maxLevelName = 100;

/**
 * Longest value of every single-line text field, per record. Names are tight
 * so a runaway paste fails loudly instead of bloating the store.
 */
export const textLimits = {
  summit: { title: 200, city: 200 },
  meeting: { title: 200, venue: 300, interpreters: 300 },
  person: { name: 200, nativeName: 200, title: 300 },
  country: { name: 200, nativeName: 200 },
  source: { title: 500, publisher: 300, location: 2000 },
  programme: { code: 40, name: 200 },
  sector: { name: 200 },
  sectorEntry: { title: 300 },
  timelineEvent: { title: 300 },
  followUp: { description: 2000, owner: 200 },
} as const satisfies Record<EntityName, Record<string, number>>;

/** A note's title and tags. */
export const noteLimits = { title: 300, tag: 60, tags: 50 } as const;
/** A briefing pack's name, its title page lines, and the recipient a copy is stamped for. */
export const packLimits = { name: 200, title: 200, recipient: 200, copyFor: 200 } as const;

// A control character (other than tab and line breaks) is never typed, only pasted from somewhere broken.
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const lineBreaks = /[\n\r\u2028\u2029]/;
// Half of a surrogate pair on its own: SQLite would store it as U+FFFD, silently changing the text.
const brokenCharacters = /[\ud800-\udfff]/u;

/*
 * Invisible format characters that reorder or hide what a name shows: the bidi
 * embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069), which
 * made "‮evil" print as "live"; the zero-width space and word joiner family
 * (U+200B, U+2060–U+2064), the byte-order mark (U+FEFF), the deprecated shaping
 * controls (U+206A–U+206F) and the interlinear annotation marks (U+FFF9–U+FFFB),
 * which hide a difference between two names that look alike. Kept: the
 * left-to-right, right-to-left and Arabic letter marks (U+200E, U+200F, U+061C),
 * which Arabic and Hebrew text uses to place punctuation and digits and which
 * cannot turn a run of letters round; and the zero-width joiner and non-joiner
 * (U+200C, U+200D), which Persian words and emoji need; and a zero-width space
 * between two letters of Thai, Lao, Khmer or Burmese (see isWordBreakHint).
 */
const hiddenFormatCharacters = /[\u200b\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/;

/*
 * Thai, Lao, Khmer and Burmese put no space between words, and documents in them (a ministry's list of names, a
 * web page) carry U+200B between words as a hint where a line may break: pasting "ສົມ\u200bສັກ" from one is
 * normal there, and hides nothing, since no look-alike of a word in those scripts is spelled in Latin letters.
 * Only between two letters or marks of those scripts: beside a Latin, Greek or Cyrillic letter, a space or the
 * edge of the text it still hides a difference ("Pu\u200btin"). Every one of these scripts is in the BMP, so a
 * neighbour is one UTF-16 unit.
 */
const spacelessScript = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** A letter or a combining mark of any script. */
export const letterOrMark = /[\p{L}\p{M}]/u;
const inSpacelessWord = (character: string) => spacelessScript.test(character) && letterOrMark.test(character);

/** Whether the character at `index` is a zero-width space between two letters of Thai, Lao, Khmer or Burmese. */
export const isWordBreakHint = (text: string, index: number) =>
  text[index] === '\u200b' && inSpacelessWord(text.charAt(index - 1)) && inSpacelessWord(text.charAt(index + 1));

/** The text without its word-break hints: what is left for the hidden-character rules to judge. */
const withoutWordBreakHints = (text: string) =>
  text.includes('\u200b') ? text.replace(/\u200b/g, (space, index: number) => (isWordBreakHint(text, index) ? '' : space)) : text;

/*
 * In long text (a note, a brief section, a biography) only the characters that
 * turn a run of text round: the bidi embeddings and overrides (U+202A–U+202E)
 * and isolates (U+2066–U+2069). Arabic and Hebrew text needs none of them (the
 * Unicode algorithm orders it, and the marks U+200E, U+200F and U+061C place
 * punctuation), while one can make a printed line read differently from what
 * was typed ("‮evil" prints as "live"). The zero-width space stays allowed
 * here: Thai and Khmer prose uses it to mark where a line may break.
 */
const directionOverrides = /[\u202a-\u202e\u2066-\u2069]/;

/** Long text holding a character that turns what it prints round (see directionOverrides). */
export const hasDirectionOverride = (text: string) => directionOverrides.test(text);
/** The text without those characters: what "Remove them" in an editor leaves, at the user's request only. */
export const withoutDirectionOverrides = (text: string) => text.replace(new RegExp(directionOverrides.source, 'g'), '');
/**
 * The text as Sherpa shows or prints it when it holds such characters anyway (a record received from another
 * desk, or kept from before the rule): each one named where it stands ("[U+202E]ksed luoeS"), so it can no
 * longer turn the text round and the reader sees that something invisible was there. Only for display: the
 * record itself is never rewritten, since every desk must hold the same bytes.
 */
export const withDirectionOverridesShown = (text: string) =>
  text.replace(
    new RegExp(directionOverrides.source, 'g'),
    (character) => `[U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase()}]`,
  );

/** Text for a one-line field: no line break and no control character. */
export const isSingleLine = (text: string) => !controlCharacters.test(text) && !lineBreaks.test(text);
/**
 * Whether a text holds nothing a reader sees as written: spaces, and accents or
 * vowel signs with no letter under them ("\u0301\u0301" prints as floating
 * accents). A required name or title of only these is empty.
 */
export const isBlank = (text: string) => !/[^\p{White_Space}\p{M}\p{Cf}]/u.test(text);

/**
 * A one-line field as it is kept: spaces round it are never meant, and spaces
 * alone are an empty field (an owner of "   " would print "owner:" with nothing
 * after it). A tab inside it is a space, by the rule a paste into the field
 * follows (asPastedLine): a form field cannot type one, so it came from a
 * spreadsheet by some other way in, and kept it printed as a gap of unknown
 * width and made "Sitiveni\tRabuka" a second person beside "Sitiveni Rabuka".
 * Text with a line break is left as typed so the single-line rule still
 * refuses it rather than joining two lines or trimming the break away.
 */
export const asStoredLine = (text: string) => (isSingleLine(text) ? asJoinedLine(text).trim() : text);
/** A name or title holding a character that could reorder or hide what it prints (see hiddenFormatCharacters). */
export const hasHiddenFormatCharacter = (text: string) =>
  hiddenFormatCharacters.test(text) && hiddenFormatCharacters.test(withoutWordBreakHints(text));
/** Text for a prose field: line breaks and tabs are fine, other control characters are not. */
export const hasControlCharacter = (text: string) => controlCharacters.test(text);
/**
 * A paste into long text (a note, a brief section, a biography) as the field takes it. Documents carry control
 * characters nobody sees: Word writes a line break within a paragraph (Shift+Enter) as a vertical tab, and text
 * copied from a PDF has a form feed where a page broke. Each is a line break, and becomes one; any other control
 * character means nothing to a reader and is left out. Kept as pasted, the field showed nothing to remove and the
 * store refused the whole text, a note's title with it, and every key typed after.
 */
export const asPastedProse = (text: string) =>
  withoutStrayDirectionMarks(
    text
      .replace(/[\u000b\u000c]/g, '\n')
      .replace(new RegExp(controlCharacters.source, 'g'), '')
      .replace(/[\u0080-\u009f]/g, (control) => windows1252.charAt(control.charCodeAt(0) - 0x80).replace('_', '')),
  );
/*
 * Text saved as Windows-1252 and read back as Latin-1 (an old e-mail, a CSV export, a converted document) carries
 * C1 control characters where its quotes, dashes and the euro sign were: "Giulia D\u0092Alessandro" is
 * "Giulia D’Alessandro". Kept as pasted, the desk's own record showed and printed as "D[U+0092]Alessandro" flagged
 * "hidden characters" (shared/misleadingCharacters.ts). A paste writes each as the character Windows-1252 gives it,
 * and leaves out the five it leaves undefined; typed text never holds one.
 */
// 0x80 to 0x9F in order; "_" where Windows-1252 defines no character.
const windows1252 = '€_‚ƒ„…†‡ˆ‰Š‹Œ_Ž__‘’“”•–—˜™š›œ_žŸ';
/*
 * A web page or a word processor leaves left-to-right and right-to-left marks (U+200E, U+200F, U+061C) in text with
 * no right-to-left letter near them ("Santa Marta\u200e" from a ministry's page): there they place nothing, and every
 * screen and the pack show them as "[U+200E]" with "hidden characters" beside the desk's own title
 * (shared/misleadingCharacters.ts, which reads a mark on a line with no right-to-left letter so). A paste leaves out
 * the marks of such a line; a line with Arabic or Hebrew in it keeps its own.
 */
const directionMarks = /[\u200e\u200f\u061c]/g;
const withoutStrayDirectionMarks = (text: string) =>
  /[\u200e\u200f\u061c]/.test(text)
    ? text.replace(/[^\n\r]+/g, (line) => (rightToLeftLetter.test(line) ? line : line.replace(directionMarks, '')))
    : text;
/**
 * Word copies a bulleted list as plain text with its bullet glyph and a tab at each item: "·" (Symbol's bullet, or
 * its private-use U+F0B7, which no font draws) at the first level, "o" at the second, "§" (or Wingdings' U+F0A7) at
 * the third. Pasted into a note, whose Markdown knows none of them, talking points showed and printed as paragraphs
 * starting "· ". A paste into long text writes each such item as one is typed, "- ", indented two spaces a level.
 */
const wordBullet = /^[ \u00a0]*([·\uf0b7o§\uf0a7])\t[ \t]*/gmu;
const wordBulletLevels: Readonly<Record<string, number>> = { '·': 0, '\uf0b7': 0, o: 1, '§': 2, '\uf0a7': 2 };
export const hasWordBullets = (text: string) => new RegExp(wordBullet.source, 'mu').test(text);
export const wordBulletsAsTyped = (text: string) =>
  text.replace(wordBullet, (_item, glyph: string) => `${'  '.repeat(wordBulletLevels[glyph] ?? 0)}- `);
/**
 * A paste into a one-line field (a name, a title, tags) as the field takes it. A spreadsheet cell copies with a tab
 * or a line break after it ("Peña-Ibáñez\t"), a PDF's line with a break inside it ("Summit\nBrasília"): each run of
 * line breaks and tabs between words becomes one space, at either end of the paste none, and any other control
 * character is left out. Kept as pasted, the field showed a box, and a control character had the store refuse the record.
 * A web page's name copies with a zero-width space, word joiner or byte-order mark at an end ("Μποτσορισβίλι\u200b"):
 * there it hides nothing and is left out. Kept, the name was refused for a hidden character, and "Remove it and type
 * the text again" named nothing the desk could see to remove.
 */
export const asPastedLine = (text: string) => asJoinedLine(withoutInvisiblesAtEnds(asPastedProse(text)));
const invisiblesAtEnds = /^[\s\u200b\u2060\ufeff]+|[\s\u200b\u2060\ufeff]+$/gu;
const withoutInvisiblesAtEnds = (text: string) => text.replace(invisiblesAtEnds, (edge) => edge.replace(/[\u200b\u2060\ufeff]/gu, ''));
/** Each run of tabs and line breaks between words as one space (with the spaces beside it), at either end none. */
function asJoinedLine(text: string): string {
  return text.replace(/^[\t\n\r\u2028\u2029]+|[\t\n\r\u2028\u2029]+$/g, '').replace(/ *[\t\n\r\u2028\u2029]+ */g, ' ');
}
/** Half an emoji or symbol, which the store could only keep as a replacement character. */
export const hasBrokenCharacter = (text: string) => brokenCharacters.test(text);

// Autosave checks a note's fields on every pause in typing (main/ipc/validAsGiven.ts): one pass
// over a field for all the characters its kind refuses, not one pass a rule. Built from the
// classes above, so each rule is still written once; under the u flag a class of BMP characters
// matches as it does without it, and the surrogate range only half a pair.
const classOf = (pattern: RegExp) => pattern.source.slice(1, -1);
const anyOf = (...patterns: RegExp[]) => new RegExp(`[${patterns.map(classOf).join('')}]`, 'u');
const refusedInLinePattern = anyOf(controlCharacters, lineBreaks, hiddenFormatCharacters, brokenCharacters);
/**
 * A one-line text kept exactly as given: no character the field refuses or joins (a tab), no space to trim at either
 * end. One pass, for the fields autosave sends on every pause in typing; a text it does not clear goes through
 * refusedInLine and asStoredLine, which decide (a word-break hint, a tab, a space at an end).
 */
const notPlainLine = new RegExp(
  `^\\s|\\s$|[\\t${[controlCharacters, lineBreaks, hiddenFormatCharacters, brokenCharacters].map(classOf).join('')}]`,
  'u',
);
export const isPlainLine = (text: string) => !notPlainLine.test(text);
/**
 * A character a one-line field refuses: a control character, a line break, a hidden format character, half a pair.
 * The second pass runs only for a text holding a refused character, to let a word-break hint through.
 */
export const refusedInLine = {
  test: (text: string) => refusedInLinePattern.test(text) && refusedInLinePattern.test(withoutWordBreakHints(text)),
};
/** A character a prose field refuses: a control character, half a pair, a direction override. */
export const refusedInProse = anyOf(controlCharacters, brokenCharacters, directionOverrides);

/** Whole-number fields and the range each may take. */
export const numberRanges = {
  durationMinutes: { min: 1, max: 24 * 60 },
  position: { min: 0, max: 100_000 },
  sectorCount: { min: 0, max: 1000 },
} as const;

/**
 * Years a date may carry. Four digits is what YYYY-MM-DD can write, and year 0
 * does not exist in the calendar people read (1 BC is followed by AD 1).
 */
export const minYear = 1;
export const maxYear = 9999;

const daysInMonth = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

function isCalendarDay(year: number, month: number, day: number): boolean {
  return year >= minYear && year <= maxYear && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** A real calendar day written YYYY-MM-DD, years 1–9999: refuses 2024-02-30 instead of moving it to 1 March. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match !== null && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** A wall-clock time HH:MM from 00:00 to 23:59: refuses 24:00 instead of moving it to the next day. */
export function isWallTime(text: string): boolean {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  return match !== null && Number(match[1]) <= 23 && Number(match[2]) <= 59;
}

/**
 * A UTC instant YYYY-MM-DDTHH:MM[:SS[.sss]]Z whose day and time both exist:
 * `2024-02-30T10:00Z` and `2024-01-01T24:00Z` are refused, where Date.parse
 * would quietly move them to another day.
 */
export function isUtcInstant(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?Z$/.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((digits) => Number(digits ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return isCalendarDay(year, month, day) && hour <= 23 && minute <= 59 && second <= 59;
}

/**
 * Zones found known so far, each with the runtime's own name for it (Asia/Calcutta is Asia/Kolkata). Asking Intl
 * means building a formatter, which a pack of 200 pages did hundreds of times (a tenth of its rendering); the
 * runtime's zones are a fixed set of a few hundred names. The name comes from the same formatter, so comparing
 * two zones (shared/time.ts, sameTimeZone) builds none more: Today's first render made two for each zone.
 */
const knownTimeZones = new Map<string, string>();

/** An IANA zone this runtime knows, e.g. Europe/Vilnius. */
export function isKnownTimeZone(name: string): boolean {
  return runtimeTimeZoneName(name) !== null;
}

/** The runtime's name for a zone it knows (a link such as Asia/Calcutta gives its zone's), null for one it does not. */
export function runtimeTimeZoneName(name: string): string | null {
  const known = knownTimeZones.get(name);
  if (known !== undefined) return known;
  if (name.trim() === '' || name.length > 64) return null;
  try {
    const resolved = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
    knownTimeZones.set(name, resolved);
    return resolved;
  } catch {
    return null;
  }
}

/**
 * A known zone as the tz database spells it where only its case was typed otherwise: the runtime takes
 * "europe/chisinau" for Europe/Chisinau, and, kept as typed, every time shown beside it read "(europe/chisinau)".
 * A link the runtime names otherwise (Europe/Kyiv, which it calls Europe/Kiev) is kept as typed: the desk chose it.
 */
export function timeZoneAsSpelled(name: string): string {
  const runtime = runtimeTimeZoneName(name);
  return runtime !== null && runtime !== name && runtime.toLowerCase() === name.toLowerCase() ? runtime : name;
}

/**
 * A zone a venue or home desk can be in: a known name, not a bare offset.
 * The runtime takes "+13:00" as a zone, but an offset keeps no summer time,
 * so a Vilnius meeting in July typed as "+02:00" would be an hour out with
 * nobody told. (U+2212 is the minus sign a word processor puts in "−03:30".)
 */
export function isTimeZoneName(name: string): boolean {
  return !/^[+\-\u2212]/.test(name) && isKnownTimeZone(name);
}

/**
 * Capitals the tz database names no zone after, each with the zone whose clock it keeps: a zone is named after the
 * largest city of its region, so a desk typing "Asia/Astana" for a summit in Astana was told only "Unknown time zone",
 * with nothing to say Astana keeps Asia/Almaty's time (+05 since March 2024).
 */
const capitalsKeepingAnotherZone: Readonly<Record<string, readonly [city: string, zone: string]>> = {
  astana: ['Astana', 'Asia/Almaty'],
  'nur-sultan': ['Astana', 'Asia/Almaty'],
  abuja: ['Abuja', 'Africa/Lagos'],
  ankara: ['Ankara', 'Europe/Istanbul'],
  beijing: ['Beijing', 'Asia/Shanghai'],
  brasilia: ['Brasília', 'America/Sao_Paulo'],
  canberra: ['Canberra', 'Australia/Sydney'],
  islamabad: ['Islamabad', 'Asia/Karachi'],
  'new delhi': ['New Delhi', 'Asia/Kolkata'],
  hanoi: ['Hanoi', 'Asia/Ho_Chi_Minh'],
  naypyidaw: ['Naypyidaw', 'Asia/Yangon'],
  ottawa: ['Ottawa', 'America/Toronto'],
  pretoria: ['Pretoria', 'Africa/Johannesburg'],
  putrajaya: ['Putrajaya', 'Asia/Kuala_Lumpur'],
  rabat: ['Rabat', 'Africa/Casablanca'],
  sejong: ['Sejong', 'Asia/Seoul'],
  washington: ['Washington', 'America/New_York'],
  wellington: ['Wellington', 'Pacific/Auckland'],
  // Named after, but spelled as the old Albanian form: a desk types the city as the world writes it, Tirana.
  tirana: ['Tirana', 'Europe/Tirane'],
};

/** A place as a zone's name or a desk writes it: its accents, case and underscores aside ("New_Delhi", "brasília"). */
const placeKey = (place: string) =>
  place
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    // N'Djamena as English writes it, Africa/Ndjamena as the tz database does.
    .replace(/['\u2019\u02bc]/g, '')
    .replace(/[_\s]+/g, ' ')
    .trim()
    .toLowerCase();

/**
 * The runtime's zones by their city ("tbilisi" → Asia/Tbilisi): a desk types the city alone, or under the region
 * it thinks of it in ("Europe/Tbilisi", "Europe/Baku", where the tz database files them under Asia), and was told
 * only "Unknown time zone". Built on first use; none where the runtime cannot list its zones.
 */
let zonesByCity: Map<string, string> | undefined;
function zoneOfCity(place: string): string | undefined {
  if (zonesByCity === undefined) {
    zonesByCity = new Map();
    const listed = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    for (const zone of listed) {
      const city = zone.split('/').at(-1) ?? '';
      if (zone.includes('/') && !zonesByCity.has(placeKey(city))) zonesByCity.set(placeKey(city), zone);
    }
  }
  return zonesByCity.get(place);
}

/**
 * For a zone typed as a capital that has none of its own ("Asia/Astana", "Astana"), or as a zone's city alone or
 * under another region ("Vienna", "Europe/Tbilisi"), the city and the zone to type.
 */
export function zoneOfCapital(typed: string): { city: string; zone: string } | null {
  if (isKnownTimeZone(typed.trim())) return null;
  const place = placeKey(typed.trim().split('/').at(-1) ?? '');
  const found = Object.hasOwn(capitalsKeepingAnotherZone, place) ? capitalsKeepingAnotherZone[place] : undefined;
  if (found) return { city: found[0], zone: found[1] };
  const zone = zoneOfCity(place);
  return zone ? { city: (zone.split('/').at(-1) ?? '').replace(/_/g, ' '), zone } : null;
}

/**
 * Names in the tz database written in capitals that mean one place or one rule wherever a desk sits: UTC and GMT,
 * the countries' names (GB is London, ROK Seoul, PRC Shanghai, ROC Taipei, NZ Auckland) and the European zones
 * that keep their summer time (CET, EET, WET, MET). Not abbreviations the runtime guesses at.
 */
const zoneNamesInCapitals = new Set(['UTC', 'UCT', 'GMT', 'GB', 'NZ', 'PRC', 'ROC', 'ROK', 'CET', 'EET', 'WET', 'MET']);

/**
 * A zone typed as its abbreviation ("IST", "BST", "EST"): the runtime takes a few dozen of them, each for one place
 * that is often not the desk's. "BST" is Dhaka to it (+06:00), not London's summer time; "IST" is India, not Ireland
 * or Israel; "SST" the Solomon Islands (+11:00), not Samoa (−11:00); "EST" a fixed −05:00 that keeps no summer
 * time. Refused when typed, asking for the zone's name (stored ones still read). Mixed-case names the tz database
 * keeps for countries (Japan, Eire) are names, not abbreviations, nor are those in zoneNamesInCapitals.
 */
export function isZoneAbbreviation(name: string): boolean {
  const typed = name.trim();
  if (!/^[A-Za-z]{2,5}$/.test(typed) || zoneNamesInCapitals.has(typed.toUpperCase())) return false;
  if (typed !== typed.toUpperCase() && typed !== typed.toLowerCase()) return false;
  // A short city typed in one case ("belem", "seoul", "abuja", "LIMA") names its place, not a zone's letters: it was
  // refused as an abbreviation (the message naming Asia/Dhaka to a desk that typed "dhaka"), not told the zone to type.
  return zoneOfCapital(typed) === null;
}

/**
 * The offset a zone typed as Etc/GMT±N really keeps, where N is not 0: the tz database writes these signs the POSIX
 * way round, so Etc/GMT-3, typed for Belém at UTC−3, is UTC+3, and Etc/GMT+7, typed for Jakarta, is UTC−7: every
 * time shown beside it was six or fourteen hours out. Null for any other name.
 */
export function etcZoneOffset(name: string): string | null {
  const found = /^etc\/gmt([+-])(\d{1,2})$/i.exec(name.trim());
  if (!found || Number(found[2]) === 0) return null;
  return `UTC${found[1] === '+' ? '\u2212' : '+'}${Number(found[2])}`;
}

/**
 * A zone typed as a fixed offset ("UTC-3", "GMT+7", "+05:30", "UTC−3"), as the offset it names ("UTC−3", "UTC+5:30");
 * null for anything else. The runtime refuses "UTC-3" and takes "+03:00", and both were answered "Unknown time zone"
 * or refused with the same words, with nothing to say why an offset will not do: it keeps no summer time, so a
 * venue's meetings in the other half of the year were an hour out.
 */
export function typedOffset(name: string): string | null {
  const found = /^(?:utc|gmt)?\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(name.trim());
  if (!found) return null;
  const hours = Number(found[2]);
  const minutes = found[3] === undefined ? 0 : Number(found[3]);
  if (hours > 14 || minutes > 59) return null;
  const sign = found[1] === '+' ? '+' : '\u2212';
  return `UTC${sign}${hours}${minutes === 0 ? '' : `:${String(minutes).padStart(2, '0')}`}`;
}

/** True when a span ends before it starts; YYYY-MM-DD compares as text. A missing end is another rule's problem. */
export function endsBeforeStart(start: unknown, end: unknown): boolean {
  return typeof start === 'string' && typeof end === 'string' && start !== '' && end !== '' && end < start;
}

/**
 * A digit of another script, as a Persian or Arabic keyboard types it (۴ or ٤, or any other decimal digit than 0-9),
 * answered as the digit 0-9 it is; null for anything else. The date, time and number controls take 0-9 only and drop
 * the others without a sign, so a form reads them with this to say what was not typed.
 */
export function asAsciiDigit(key: string): string | null {
  if (!/^\p{Nd}$/u.test(key) || /^[0-9]$/.test(key)) return null;
  const codePoint = key.codePointAt(0) ?? 0;
  // Unicode lays each script's decimal digits out in rows of ten, zero first (some rows touch, as the mathematical
  // digits do): the digit is the distance from the first digit of its run, counted in tens.
  let first = codePoint;
  while (/^\p{Nd}$/u.test(String.fromCodePoint(first - 1))) first -= 1;
  return String((codePoint - first) % 10);
}
