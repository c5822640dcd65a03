import { rightToLeftLetter } from './rightToLeftRuns.ts';

// Characters that hide or reorder what a received text shows: the rule written once, for every place that shows a
// record's text (lists, search results, conflict views, the bundle review, the pack). This desk's forms refuse most
// of them when typed (shared/fieldRules.ts); text received from another desk (by server, by bundle, or pasted into
// an older version) may hold them anyway, and is kept byte for byte, since every desk must hold the same. So they are
// flagged and shown, never obeyed: "Seoul\u200Bdesk" and "Seoul desk" read apart, "\u202Eksed luoeS" does not read
// as "Seoul desk" ("Trojan Source", CVE-2021-42574).

import { hasDirectionOverride, isWordBreakHint, letterOrMark } from './fieldRules.ts';

/** Why a character is flagged. */
export type MisleadingKind = 'direction' | 'invisible' | 'control';

export interface MisleadingCharacter {
  /** Its place in the text, in UTF-16 units. */
  index: number;
  codePoint: number;
  kind: MisleadingKind;
}

// Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): never needed, the algorithm orders text.
const direction = /[\u202a-\u202e\u2066-\u2069]/;
// C0 and C1 controls but tab and line breaks; DEL.
const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// Always invisible and never needed in a record: word joiner and invisible operators, deprecated format controls,
// interlinear annotation marks, the Mongolian vowel separator, a byte-order mark inside text.
const alwaysInvisible = /[\u180e\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb]/;
// Zero-width space, non-joiner, joiner: needed by some scripts, hiding a difference in others.
const zeroWidth = /[\u200b-\u200d]/;
// Left-to-right, right-to-left and Arabic letter marks: they place punctuation and digits in right-to-left text.
const directionMarks = /[\u200e\u200f\u061c]/;
// Letters of the alphabets where an invisible character inside a word only hides a difference (a look-alike name).
const alphabetic = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}]/u;
// Emoji sequences are joined by U+200D ("👩‍💻"), and carry variation selectors and skin tones next to it.
const emojiPart = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\ufe0f|\u20e3/u;

// A quick test first: most texts hold none of the characters looked at more closely.
const candidate =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\u206a-\u206f\ufeff\ufff9-\ufffb]/;

/** The code point ending just before `index`, and the one starting just after the character at `index`. */
function neighbours(text: string, index: number, width: number): [string, string] {
  const before = text.codePointAt(index - 1);
  const beforeChar =
    index === 0 || before === undefined
      ? ''
      : before >= 0xdc00 && before <= 0xdfff && index >= 2
        ? text.slice(index - 2, index)
        : text.slice(index - 1, index);
  const after = text.codePointAt(index + width);
  return [beforeChar, after === undefined ? '' : String.fromCodePoint(after)];
}

/** Whether the line the character at `index` stands on holds a right-to-left letter: a mark there has work to do. */
function onRightToLeftLine(text: string, index: number): boolean {
  const start = Math.max(text.lastIndexOf('\n', index), text.lastIndexOf('\r', index)) + 1;
  const endAt = text.slice(index).search(/[\n\r]/);
  return rightToLeftLetter.test(text.slice(start, endAt < 0 ? text.length : index + endAt));
}

function isMisleading(text: string, index: number, character: string): MisleadingKind | null {
  if (direction.test(character)) return 'direction';
  if (control.test(character)) return 'control';
  if (alwaysInvisible.test(character)) return 'invisible';
  // What a form takes is never flagged: the rule for a word-break hint is the forms' own (shared/fieldRules.ts).
  if (isWordBreakHint(text, index)) return null;
  if (zeroWidth.test(character)) {
    const [before, after] = neighbours(text, index, character.length);
    // A letter or mark of another script needs them: Thai and Khmer mark word breaks with U+200B, Persian, Arabic
    // and Indic words need U+200C and U+200D to join or part letters.
    const needs = (side: string) => side !== '' && !alphabetic.test(side) && (letterOrMark.test(side) || emojiPart.test(side));
    return needs(before) || needs(after) ? null : 'invisible';
  }
  if (directionMarks.test(character)) return onRightToLeftLine(text, index) ? null : 'invisible';
  return null;
}

/** Every character of `text` that hides or reorders what it shows, where it stands; none for most texts. */
export function misleadingCharacters(text: string): MisleadingCharacter[] {
  if (!candidate.test(text)) return [];
  const found: MisleadingCharacter[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index] ?? '';
    if (!candidate.test(character)) continue;
    const kind = isMisleading(text, index, character);
    if (kind) found.push({ index, codePoint: character.codePointAt(0) ?? 0, kind });
  }
  return found;
}

/** Whether a text holds such a character. */
export const hasMisleadingCharacter = (text: string): boolean =>
  candidate.test(text) && (hasDirectionOverride(text) || misleadingCharacters(text).length > 0);

/** How a flagged character is written in its place: its code point, so it can neither hide nor turn text round. */
export const characterLabel = (codePoint: number) => `[U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}]`;

/** A text in parts: what shows as it is, and each flagged character, to be drawn as its label. */
export type ShownPart = { text: string } | { flagged: MisleadingCharacter };

export function shownParts(text: string): ShownPart[] {
  const found = misleadingCharacters(text);
  if (found.length === 0) return [{ text }];
  const parts: ShownPart[] = [];
  let from = 0;
  for (const each of found) {
    if (each.index > from) parts.push({ text: text.slice(from, each.index) });
    parts.push({ flagged: each });
    from = each.index + 1;
  }
  if (from < text.length) parts.push({ text: text.slice(from) });
  return parts;
}

/**
 * The text as Sherpa shows or prints it: each flagged character replaced by its label ("Seoul[U+200B]desk",
 * "[U+202E]ksed luoeS"). Display only: the record itself is never rewritten.
 */
export function withMisleadingCharactersShown(text: string): string {
  if (!candidate.test(text)) return text;
  return shownParts(text)
    .map((part) => ('text' in part ? part.text : characterLabel(part.flagged.codePoint)))
    .join('');
}

/** Whether any text field of a record (a tag list included) holds such a character. */
export function recordHasMisleadingCharacter(record: object | null | undefined): boolean {
  for (const value of Object.values(record ?? {})) {
    if (
      typeof value === 'string'
        ? hasMisleadingCharacter(value)
        : Array.isArray(value) && value.some((each) => typeof each === 'string' && hasMisleadingCharacter(each))
    )
      return true;
  }
  return false;
}

/** The distinct characters flagged in a record's text fields, as labels ("U+200B"), in the order first met. */
export function misleadingLabelsIn(record: object | null | undefined): string[] {
  const labels = new Set<string>();
  for (const value of Object.values(record ?? {})) {
    for (const text of typeof value === 'string' ? [value] : Array.isArray(value) ? value : [])
      if (typeof text === 'string') for (const each of misleadingCharacters(text)) labels.add(characterLabel(each.codePoint).slice(1, -1));
  }
  return [...labels];
}
