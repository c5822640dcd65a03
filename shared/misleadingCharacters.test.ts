import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refusedInLine } from './fieldRules.ts';
import {
  hasMisleadingCharacter,
  misleadingLabelsIn,
  recordHasMisleadingCharacter,
  withMisleadingCharactersShown,
} from './misleadingCharacters.ts';

describe('characters that hide or reorder received text', () => {
  it.each([
    ['a zero-width space inside a Latin word', 'Seoul\u200bdesk', 'Seoul[U+200B]desk'],
    ['a zero-width space inside a Latin name beside a Lao one', 'ສົມ\u200bສັກ Pu\u200btin', 'ສົມ\u200bສັກ Pu[U+200B]tin'],
    ['a zero-width joiner inside a Latin word', 'NATO\u200dSECRET', 'NATO[U+200D]SECRET'],
    ['a zero-width non-joiner inside a Cyrillic word', 'Моск\u200cва', 'Моск[U+200C]ва'],
    ['a direction override', '\u202eksed luoeS', '[U+202E]ksed luoeS'],
    ['an isolate', 'Seoul \u2066desk\u2069', 'Seoul [U+2066]desk[U+2069]'],
    ['a C0 control', 'Seoul\u0007desk', 'Seoul[U+0007]desk'],
    ['a C1 control', 'Seoul\u0085desk', 'Seoul[U+0085]desk'],
    ['a word joiner', 'Seoul\u2060desk', 'Seoul[U+2060]desk'],
    ['a byte-order mark inside', 'Seoul\ufeffdesk', 'Seoul[U+FEFF]desk'],
    ['a right-to-left mark in Latin text alone', 'Seoul\u200fdesk', 'Seoul[U+200F]desk'],
  ])('flags %s and shows it where it stands', (_what, text, shown) => {
    expect(hasMisleadingCharacter(text)).toBe(true);
    expect(withMisleadingCharactersShown(text)).toBe(shown);
  });

  it.each([
    ['a Persian word’s zero-width non-joiner', 'می\u200cخواهم'],
    ['a Devanagari conjunct’s zero-width joiner', 'क्\u200dष'],
    ['a Malayalam chillu’s zero-width joiner', 'ന്\u200d'],
    ['Thai words parted by a zero-width space', 'สวัสดี\u200bครับ'],
    ['a Lao name parted by a zero-width space', 'ສົມ\u200bສັກ'],
    ['a Khmer name parted by a zero-width space', 'ហ៊ុន\u200bម៉ាណែត'],
    ['a Burmese name parted by a zero-width space', 'အောင်\u200bဆန်း'],
    ['an emoji sequence', 'Team 👩\u200d💻'],
    ['a right-to-left mark beside Hebrew', 'שלום!\u200f (Seoul)'],
    ['a left-to-right mark in Arabic text', 'مكتب\u200e 2024'],
    ['an Arabic letter mark', 'مكتب\u061c 12'],
    ['tabs and line breaks in prose', 'Line one\n\tLine two\r\n'],
    ['plain text', 'Seoul desk'],
  ])('keeps %s', (_what, text) => {
    expect(hasMisleadingCharacter(text)).toBe(false);
    expect(withMisleadingCharactersShown(text)).toBe(text);
  });

  // Zero-width spaces only: a one-line field takes a joiner or non-joiner anywhere, and it is flagged inside a Latin word.
  it('never flags a zero-width space a one-line field takes', () => {
    const part = fc.constantFrom('ສົມ', 'ສັກ', 'สม', 'ศักดิ์', 'ហ៊ុន', 'အောင်', 'Pu', 'tin', 'Πού', '김', ' ', '\u200b');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 6 }), (parts) => {
        const text = parts.join('');
        if (!refusedInLine.test(text)) expect(hasMisleadingCharacter(text), JSON.stringify(text)).toBe(false);
      }),
    );
  });

  it('flags a record by any of its text fields, tags included, and names each character once', () => {
    expect(recordHasMisleadingCharacter({ title: 'Bilateral', tags: ['ok', 'hid\u200bden'] })).toBe(true);
    expect(recordHasMisleadingCharacter({ title: 'Bilateral', position: 3, tags: ['ok'] })).toBe(false);
    expect(misleadingLabelsIn({ title: 'a\u200bb\u200bc', body: 'x\u0007y' })).toEqual(['U+200B', 'U+0007']);
  });
});
