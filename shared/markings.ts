import type { ClassificationLevel, ClassificationScheme, LevelRename } from './contract.ts';
import { hasBrokenCharacter, hasHiddenFormatCharacter, isSingleLine } from './fieldRules.ts';

// Classification schemes and the rules every process computes markings with.
// A record's `classification` is a level name of the configured scheme; ''
// means nobody has marked it yet. Unmarked is not the lowest level: it is
// shown as unmarked and a pack holding it is not exported.

/** The schemes a desk can pick; `custom` is whatever the desk defines. */
export const schemePresets = ['nato', 'uk', 'us', 'rok'] as const;
export type SchemePreset = (typeof schemePresets)[number];

/** The marking's text wherever an unmarked record is shown, in any language: it is a marking, not a sentence. */
export const unmarked = 'UNMARKED';

/**
 * The portion mark of a heading over nothing (a notes section with no notes, a
 * timeline with no events in range): it holds no material, so it claims no level
 * of the scheme, and it is not unmarked material either.
 */
export const nothingHeld = 'EMPTY';

/**
 * Lowest level first. NATO and US portion marks are the ones their rules
 * define; the UK and Korean rules define none, so these are suggestions the
 * desk can change in Settings.
 */
export const presetSchemes: Record<SchemePreset, ClassificationScheme> = {
  nato: {
    name: 'NATO',
    levels: [
      { name: 'NATO UNCLASSIFIED', portion: 'NU' },
      { name: 'NATO RESTRICTED', portion: 'NR' },
      { name: 'NATO CONFIDENTIAL', portion: 'NC' },
      { name: 'NATO SECRET', portion: 'NS' },
      { name: 'COSMIC TOP SECRET', portion: 'CTS' },
    ],
  },
  uk: {
    name: 'UK',
    levels: [
      { name: 'OFFICIAL', portion: 'O' },
      // A handling caveat of OFFICIAL, ranked above it in practice.
      { name: 'OFFICIAL-SENSITIVE', portion: 'OS' },
      { name: 'SECRET', portion: 'S' },
      { name: 'TOP SECRET', portion: 'TS' },
    ],
  },
  us: {
    name: 'US',
    levels: [
      { name: 'UNCLASSIFIED', portion: 'U' },
      { name: 'CONFIDENTIAL', portion: 'C' },
      { name: 'SECRET', portion: 'S' },
      { name: 'TOP SECRET', portion: 'TS' },
    ],
  },
  rok: {
    name: 'ROK',
    levels: [
      // 보안업무규정 grades sit above material that carries no grade; marking a record "일반" says so on purpose.
      { name: '일반', portion: '일반' },
      { name: '대외비', portion: '대외비' },
      { name: '3급비밀', portion: '3급' },
      { name: '2급비밀', portion: '2급' },
      { name: '1급비밀', portion: '1급' },
    ],
  },
};

/** The preset a stored scheme is, by name and level names (portion marks may have been changed); null for a custom one. */
export function presetOf(scheme: ClassificationScheme): SchemePreset | null {
  for (const preset of schemePresets) {
    const candidate = presetSchemes[preset];
    if (
      candidate.name === scheme.name &&
      candidate.levels.length === scheme.levels.length &&
      candidate.levels.every((level, index) => level.name === scheme.levels[index]?.name)
    ) {
      return preset;
    }
  }
  return null;
}

export const schemeLimits = { levels: 20, name: 100, portion: 20 } as const;

/** What is wrong with a scheme, as a key the interface translates and the field it is about. */
export type SchemeProblem =
  | { problem: 'nameMissing' | 'nameTooLong' | 'nameCharacters' | 'noLevels' | 'tooManyLevels'; level?: undefined }
  | { problem: 'levelNameMissing' | 'levelNameTooLong' | 'levelNameCharacters' | 'levelNameRepeated'; level: number }
  | { problem: 'portionMissing' | 'portionTooLong' | 'portionCharacters' | 'portionBracketed' | 'portionRepeated'; level: number }
  /** A banner at level `above` would print without a control marking of `level` (see controlsDropped). */
  | { problem: 'levelControlsDropped'; level: number; above: number }
  /** Level `level` is ranked above level `higher`, though the classification it names before "//" ranks below it. */
  | { problem: 'levelAboveHigher'; level: number; higher: number };

/** The control markings after a level's "//" (SECRET//ORCON/NOFORN, CONFIDENTIAL//REL TO AUS, USA). */
interface ControlMarkings {
  readonly controls: ReadonlySet<string>;
  /** The countries of REL TO; null when the level names no release. */
  readonly releasableTo: ReadonlySet<string> | null;
}

function controlMarkingsOf(levelName: string): ControlMarkings {
  const controls = new Set<string>();
  let releasableTo: Set<string> | null = null;
  for (const part of levelName.split('//').slice(1))
    for (const control of part.split('/').map((text) => text.trim().toUpperCase())) {
      const release = /^REL TO\s+(.*)$/.exec(control);
      if (release) releasableTo = new Set((release[1] ?? '').split(',').map((country) => country.trim()));
      else if (control !== '') controls.add(control);
    }
  return { controls, releasableTo };
}

/**
 * A banner prints the highest level's name: a level with controls ranked below
 * one without them would lose them on a page holding both. A desk that marks
 * SECRET//NOFORN under TOP SECRET, or CONFIDENTIAL under
 * CONFIDENTIAL//REL TO AUS, USA, would print a banner that releases material
 * its portions do not. Whether `higher`'s banner keeps what `lower` demands;
 * the lowest level without controls (UNCLASSIFIED) is released to anyone.
 */
function controlsDropped(lower: string, higher: string, lowerIsLowest: boolean): boolean {
  const below = controlMarkingsOf(lower);
  const above = controlMarkingsOf(higher);
  if ([...below.controls].some((control) => !above.controls.has(control))) return true;
  if (above.releasableTo === null) return false;
  if (below.releasableTo === null) return !(lowerIsLowest && below.controls.size === 0);
  return [...above.releasableTo].some((country) => !below.releasableTo?.has(country));
}

/**
 * A name or mark every banner and portion prints: one line, no control
 * character, nothing that reorders or hides it ("C\u202eTS"), no half emoji.
 * The store refuses these too, but only as "Name", with no level named.
 */
const printsAsTyped = (text: string) => isSingleLine(text) && !hasHiddenFormatCharacter(text) && !hasBrokenCharacter(text);

/**
 * A portion mark typed as it prints, in its brackets ("(PA)", as a Canadian document shows it): every portion and
 * heading adds the brackets, so it printed "((PA))" before each paragraph of every pack. Full-width brackets
 * (pasted from a Japanese or Chinese document) print as the same.
 */
const inItsBrackets = (portion: string) => /^\(.*\)$/u.test(markingKey(portion));

/**
 * How a name or mark reads once printed: banners print in capitals, and the same
 * letters typed in another Unicode form look the same. Two levels (or a level and
 * unmarked material) that read alike on paper must not both exist.
 */
const printedAs = (text: string) => markingKey(text);

/**
 * How a marking reads on screen and on paper: one Unicode form (a decomposed
 * "NON PROTÉGÉ" looks exactly like the composed one, and Arabic presentation
 * forms pasted from a PDF exactly like the letters typed: compatibility forms
 * are folded), without the characters that print as nothing (a soft hyphen, a
 * zero-width joiner, a left-to-right mark), no spaces around it, one space
 * between words (a doubled space cannot be seen, nor counted), in capitals
 * (banners print in capitals, and no scheme may hold two levels alike but for
 * case, so the level meant is never in doubt). Greek's capitals, the same as
 * every other script's elsewhere: Greek writes a word in capitals without its
 * tonos, so "ΑΠΟΡΡΗΤΟ" is "Απόρρητο" in capitals, where the root rule's
 * "ΑΠΌΡΡΗΤΟ" read it as a level outside the scheme.
 */
export function markingKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .trim()
    .replace(/\s+/gu, ' ')
    .toLocaleUpperCase('el');
}

/**
 * The marking to store for one given through a form or the API: the scheme's
 * own spelling of the level it reads as, '' for unmarked (blank), or null when
 * it reads as no level, refused. `stored` is the record's marking now: one the
 * scheme lacks (brought by another desk, or left by a scheme since replaced)
 * is kept while the record's other fields change, but is never given anew.
 */
export function acceptedMarking(scheme: ClassificationScheme, given: string, stored?: string): string | null {
  const key = markingKey(given);
  if (key === '') return '';
  const level = levelsByKey(scheme).get(key);
  if (level !== undefined) return level;
  return stored !== undefined && markingKey(stored) === key ? stored : null;
}

/** Whether a marking given reads as none at all: unmarked in every scheme, so no scheme need be read to take it. */
export const readsAsUnmarked = (given: string): boolean => given === '' || markingKey(given) === '';

// A frozen scheme (the stored one, which every marking given to the store is checked against) keeps its
// levels' keys: working each out again costs a Unicode normalisation and two regular expressions a level
// on every autosave of a marked note. Any other scheme (one being edited) is read afresh.
const keyedLevels = new WeakMap<ClassificationScheme, ReadonlyMap<string, string>>();

/** The scheme's levels by their key (markingKey), the first of any two alike. */
function levelsByKey(scheme: ClassificationScheme): ReadonlyMap<string, string> {
  const kept = keyedLevels.get(scheme);
  if (kept !== undefined) return kept;
  const levels = new Map<string, string>();
  for (const level of scheme.levels) {
    const key = markingKey(level.name);
    if (!levels.has(key)) levels.set(key, level.name);
  }
  if (Object.isFrozen(scheme) && Object.isFrozen(scheme.levels) && scheme.levels.every((level) => Object.isFrozen(level)))
    keyedLevels.set(scheme, levels);
  return levels;
}

/** Every problem of a scheme, in the order of its fields; empty when it can be saved. */
export function schemeProblems(scheme: ClassificationScheme): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const name = scheme.name.trim();
  if (name === '') problems.push({ problem: 'nameMissing' });
  else if (name.length > schemeLimits.name) problems.push({ problem: 'nameTooLong' });
  else if (!printsAsTyped(name)) problems.push({ problem: 'nameCharacters' });
  if (scheme.levels.length === 0) problems.push({ problem: 'noLevels' });
  if (scheme.levels.length > schemeLimits.levels) problems.push({ problem: 'tooManyLevels' });
  const names = new Set<string>();
  const portions = new Set<string>();
  scheme.levels.forEach((level, index) => {
    const levelName = level.name.trim();
    const portion = level.portion.trim();
    if (levelName === '') problems.push({ problem: 'levelNameMissing', level: index });
    else if (levelName.length > schemeLimits.name) problems.push({ problem: 'levelNameTooLong', level: index });
    else if (!printsAsTyped(levelName)) problems.push({ problem: 'levelNameCharacters', level: index });
    else if (names.has(printedAs(levelName)) || [unmarked, nothingHeld].includes(printedAs(levelName)))
      problems.push({ problem: 'levelNameRepeated', level: index });
    names.add(printedAs(levelName));
    if (portion === '') problems.push({ problem: 'portionMissing', level: index });
    else if (portion.length > schemeLimits.portion) problems.push({ problem: 'portionTooLong', level: index });
    else if (!printsAsTyped(portion)) problems.push({ problem: 'portionCharacters', level: index });
    else if (inItsBrackets(portion)) problems.push({ problem: 'portionBracketed', level: index });
    else if (portions.has(printedAs(portion)) || [unmarked, nothingHeld].includes(printedAs(portion)))
      problems.push({ problem: 'portionRepeated', level: index });
    portions.add(printedAs(portion));
  });
  const levelNames = scheme.levels.map((level) => level.name.trim());
  const named = new Set<number>();
  levelNames.forEach((_, highest) => {
    const heldUnder = levelNames.map((__, index) => index).filter((index) => index <= highest);
    if (bannerAbove(levelNames, highest, heldUnder) !== null) return;
    // No level at or above this one keeps every control under it: name the first level it cannot be held with.
    const lower =
      heldUnder.find((index) => index < highest && bannerAbove(levelNames, highest, [index, highest]) === null) ??
      heldUnder.find((index) => controlsDropped(levelNames[index] ?? '', levelNames[highest] ?? '', index === 0));
    if (lower === undefined || named.has(lower)) return;
    named.add(lower);
    problems.push({ problem: 'levelControlsDropped', level: lower, above: highest });
  });
  // A level is its classification with controls added (CONFIDENTIAL//CANADIAN EYES ONLY): ranked above a higher
  // classification, it bannered a page holding both, so SECRET material went out under a CONFIDENTIAL banner. The
  // levels a desk adds go to the top of the list, above SECRET, until moved down. Only a classification that is
  // itself a level of the scheme is known to rank.
  const rankOf = new Map<string, number>();
  levelNames.forEach((levelName, index) => {
    if (!rankOf.has(markingKey(levelName))) rankOf.set(markingKey(levelName), index);
  });
  const classificationRank = (levelName: string) => rankOf.get(markingKey(levelName.split('//')[0] ?? ''));
  levelNames.forEach((levelName, index) => {
    const own = classificationRank(levelName);
    // A level named twice is refused as such (levelNameRepeated), not ranked.
    if (own === undefined || rankOf.get(markingKey(levelName)) !== index) return;
    const ranksBelow = levelNames.slice(0, index).map((lowerName) => classificationRank(lowerName) ?? -1);
    const highestBelow = Math.max(-1, ...ranksBelow);
    if (highestBelow > own) problems.push({ problem: 'levelAboveHigher', level: index, higher: ranksBelow.indexOf(highestBelow) });
  });
  return problems;
}

/**
 * The banner of a page holding the levels at `held`, whose highest is at `highest`: the first level from there up
 * that keeps every held level's controls, as the US rule bannering CONFIDENTIAL beside SECRET//REL TO as SECRET
 * does (neither level alone is right: one lowers the classification, the other releases what is not released).
 * null when no level of the scheme does.
 */
function bannerAbove(levelNames: readonly string[], highest: number, held: readonly number[]): number | null {
  for (let banner = highest; banner < levelNames.length; banner++) {
    const bannerName = levelNames[banner] ?? '';
    if (held.every((index) => !controlsDropped(levelNames[index] ?? '', bannerName, index === 0))) return banner;
  }
  return null;
}

/** A scheme as it is stored: names and marks without the spaces typed around them. */
export function tidyScheme(scheme: ClassificationScheme): ClassificationScheme {
  return {
    name: scheme.name.trim(),
    levels: scheme.levels.map((level) => ({ name: level.name.trim(), portion: level.portion.trim() })),
  };
}

/** What a record's marking stands for under a scheme. */
export type Marking =
  | { kind: 'level'; level: ClassificationLevel; rank: number }
  | { kind: 'unmarked' }
  /** A level name the scheme does not have (the scheme was changed after marking). */
  | { kind: 'unknown'; name: string };

export function markingOf(scheme: ClassificationScheme, classification: string): Marking {
  if (classification === '') return { kind: 'unmarked' };
  const rank = scheme.levels.findIndex((level) => level.name === classification);
  const level = scheme.levels[rank];
  return level ? { kind: 'level', level, rank } : { kind: 'unknown', name: classification };
}

/** The portion mark shown before a record's text: "(NR)", "(UNMARKED)", or the unknown level's own name. */
export function portionText(scheme: ClassificationScheme, classification: string): string {
  const marking = markingOf(scheme, classification);
  if (marking.kind === 'level') return `(${marking.level.portion})`;
  return `(${marking.kind === 'unmarked' ? unmarked : marking.name})`;
}

export interface HighestMarking {
  /** The highest level among the marked material; null when none of it carries a level of the scheme. */
  level: ClassificationLevel | null;
  /** How many items carry no marking, or one the scheme does not know: they could be anything. */
  unmarkedCount: number;
}

/**
 * The banner of a page or a window: the highest level present (or the first above it that keeps every present
 * level's control markings), and whether unmarked material sits beside it.
 */
export function highestMarking(scheme: ClassificationScheme, classifications: Iterable<string>): HighestMarking {
  let highest = -1;
  let unmarkedCount = 0;
  const held = new Set<number>();
  for (const classification of classifications) {
    const marking = markingOf(scheme, classification);
    if (marking.kind === 'level') {
      highest = Math.max(highest, marking.rank);
      held.add(marking.rank);
    } else unmarkedCount += 1;
  }
  if (highest === -1) return { level: null, unmarkedCount };
  return {
    level:
      scheme.levels[
        bannerRank(
          scheme.levels.map((level) => level.name),
          [...held],
        )
      ] ?? null,
    unmarkedCount,
  };
}

/**
 * The rank of the banner of a page holding the levels ranked `held` (at least one) of a scheme whose level names,
 * lowest first, are `levelNames`: the highest held, or the first above it that keeps every held level's controls
 * (bannerAbove). Every place that says which level a page (or a merged record) carries asks this, so none ranks
 * CONFIDENTIAL beside SECRET//REL TO as SECRET//REL TO.
 */
export function bannerRank(levelNames: readonly string[], held: readonly number[]): number {
  const highest = Math.max(...held);
  // A saved scheme always has such a level (schemeProblems); the highest is kept for one saved before that rule.
  return bannerAbove(levelNames, highest, held) ?? highest;
}

/** A desk default is a level of the scheme or '' (ask, start unmarked); anything else falls back to ''. */
export function validDefaultMarking(scheme: ClassificationScheme, marking: string): string {
  return scheme.levels.some((level) => level.name === marking) ? marking : '';
}

/** What applying a scheme in place of the saved one does to records already marked. */
export interface SchemeChanges {
  /** Levels of the saved scheme the new one lacks (removed): their records show the name and stop their packs. */
  dropped: string[];
  /** Levels renamed: everything marked with the old name is carried to the new one when the scheme is applied. */
  renamed: LevelRename[];
  /**
   * A level kept in both that now ranks below one it ranked above: a page holding both prints `banner`, the other's
   * or, where that would drop a control of either, the first level above both that keeps them (highestMarking).
   */
  lowered: { level: string; below: string; banner: string }[];
}

/**
 * The renames that can be carried: each from a level of the saved scheme the new
 * one lacks, to a level of the new scheme the saved one lacks, each name once.
 * Anything else (two levels merged into one, a name swapped with another's) is
 * not a rename: its records would change level, not name.
 */
export function validRenames(saved: ClassificationScheme, next: ClassificationScheme, renames: readonly LevelRename[]): boolean {
  const before = tidyScheme(saved).levels.map((level) => level.name);
  const after = tidyScheme(next).levels.map((level) => level.name);
  const froms = new Set(renames.map((rename) => rename.from));
  const tos = new Set(renames.map((rename) => rename.to));
  return (
    froms.size === renames.length &&
    tos.size === renames.length &&
    renames.every(({ from, to }) => before.includes(from) && !after.includes(from) && after.includes(to) && !before.includes(to))
  );
}

/**
 * Said in Settings before a scheme is applied: a level renamed (an accent added
 * to NON PROTEGE, in the row it was typed in) carries its records to the new
 * name; a level removed leaves its records to be marked again; a level moved
 * down changes which banner a page prints.
 */
export function schemeChanges(
  saved: ClassificationScheme,
  next: ClassificationScheme,
  renames: readonly LevelRename[] = [],
): SchemeChanges {
  const renamed = validRenames(saved, next, renames) ? renames.map((rename) => ({ ...rename })) : [];
  const newName = (name: string) => renamed.find((rename) => rename.from === name)?.to ?? name;
  const before = tidyScheme(saved).levels.map((level) => newName(level.name));
  const after = tidyScheme(next).levels.map((level) => level.name);
  const dropped = before.filter((name) => !after.includes(name));
  const kept = before.filter((name) => after.includes(name));
  const lowered = kept.flatMap((level, rank) =>
    kept
      .slice(0, rank)
      .flatMap((lower) =>
        after.indexOf(level) < after.indexOf(lower)
          ? [{ level, below: lower, banner: after[bannerRank(after, [after.indexOf(level), after.indexOf(lower)])] ?? lower }]
          : [],
      ),
  );
  return { dropped, renamed, lowered };
}
