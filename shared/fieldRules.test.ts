import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  asAsciiDigit,
  asPastedLine,
  asPastedProse,
  asStoredLine,
  endsBeforeStart,
  hasBrokenCharacter,
  hasControlCharacter,
  hasDirectionOverride,
  hasHiddenFormatCharacter,
  hasWordBullets,
  isCalendarDate,
  isKnownTimeZone,
  isPlainLine,
  isSingleLine,
  isTimeZoneName,
  isUtcInstant,
  isWallTime,
  refusedInLine,
  refusedInProse,
  withDirectionOverridesShown,
  wordBulletsAsTyped,
} from './fieldRules.ts';
import { misleadingCharacters } from './misleadingCharacters.ts';

describe('calendar dates', () => {
  it('take real days of years 1 to 9999, leap days included', () => {
    for (const day of ['0001-01-01', '2024-02-29', '2000-02-29', '2023-07-11', '9999-12-31']) expect(isCalendarDate(day), day).toBe(true);
  });

  it('refuse days that do not exist instead of moving them to another day', () => {
    for (const day of ['2024-02-30', '2023-02-29', '1900-02-29', '2023-04-31', '2023-13-01', '2023-00-10', '2023-07-00', '0000-01-01'])
      expect(isCalendarDate(day), day).toBe(false);
  });

  it('refuse anything not written YYYY-MM-DD', () => {
    for (const text of ['2023-7-11', '11/07/2023', '+010000-01-01', '2023-07-11T00:00Z', '', ' 2023-07-11'])
      expect(isCalendarDate(text), text).toBe(false);
  });
});

describe('wall times', () => {
  it('take 00:00 to 23:59 and refuse 24:00, 23:60 and loose spellings', () => {
    expect(['00:00', '09:05', '23:59'].every(isWallTime)).toBe(true);
    for (const text of ['24:00', '23:60', '9:05', '09:5', '09:05:00', '']) expect(isWallTime(text), text).toBe(false);
  });
});

describe('UTC instants', () => {
  it('take a real day and time with or without seconds and milliseconds', () => {
    for (const text of ['2023-07-11T12:00Z', '2023-07-11T12:00:30Z', '2023-07-11T12:00:30.125Z', '9999-12-31T23:59:59.999Z'])
      expect(isUtcInstant(text), text).toBe(true);
  });

  it('refuse a day or hour that does not exist, which Date.parse would roll over', () => {
    expect(Number.isNaN(Date.parse('2024-02-30T10:00Z'))).toBe(false);
    for (const text of [
      '2024-02-30T10:00Z',
      '2024-01-01T24:00Z',
      '2024-01-01T10:60Z',
      '2024-01-01T10:00:60Z',
      '0000-06-01T10:00Z',
      '+010000-01-01T00:00:00.000Z',
    ])
      expect(isUtcInstant(text), text).toBe(false);
  });

  it('refuse a time with an offset other than Z, so the store holds one spelling', () => {
    expect(isUtcInstant('2023-07-11T12:00+03:00')).toBe(false);
  });
});

describe('time zones and spans', () => {
  it('know IANA zones and refuse made-up or blank ones', () => {
    expect(isKnownTimeZone('Europe/Vilnius')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
    expect(isKnownTimeZone(' ')).toBe(false);
  });

  it('take a zone’s name, not a bare offset that keeps no summer time (the runtime reads +13:00 as a zone)', () => {
    expect(['Pacific/Apia', 'Pacific/Chatham', 'Australia/Lord_Howe', 'UTC', 'Etc/GMT-14'].map(isTimeZoneName)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['+13:00', '-05:00', '+0545', '−03:30'].map(isTimeZoneName)).toEqual([false, false, false, false]);
    expect(isTimeZoneName('Mars/Olympus')).toBe(false);
  });

  it('find a span that ends before it starts, and leave a missing end to the required rule', () => {
    expect(endsBeforeStart('2023-07-11', '2023-07-10')).toBe(true);
    expect(endsBeforeStart('2023-07-11', '2023-07-11')).toBe(false);
    expect(endsBeforeStart('2023-07-11', '')).toBe(false);
  });
});

describe('characters that reorder or hide a printed name', () => {
  it('are the bidi embeddings, overrides and isolates, zero-width spaces and their kin', () => {
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200b, 0x2060, 0xfeff, 0x206e])
      expect(hasHiddenFormatCharacter(`Ali${String.fromCodePoint(code)}ce`), code.toString(16)).toBe(true);
  });

  it('leave the marks and joiners real scripts use: LRM, RLM, ALM, ZWJ, ZWNJ', () => {
    for (const text of [
      'د. سمير\u200f',
      'Rahel\u200e',
      '\u061c١٢٣',
      'می\u200cخواهم',
      '👩\u200d💼',
      'Nguyễn Thị Minh Khai',
      '김정숙',
      'አበበ ቢቂላ',
    ])
      expect(hasHiddenFormatCharacter(text), text).toBe(false);
  });

  it('take a zero-width space between two words of Thai, Lao, Khmer or Burmese, as their documents write names', () => {
    for (const text of ['ສົມ\u200bສັກ', 'สม\u200bศักดิ์', 'ហ៊ុន\u200bម៉ាណែត', 'အောင်\u200bဆန်း', 'ສອນ\u200bໄຊ ສີ\u200bພັນ\u200bດອນ']) {
      expect(hasHiddenFormatCharacter(text), text).toBe(false);
      expect(refusedInLine.test(text), text).toBe(false);
    }
  });

  it('still refuse a zero-width space inside or beside a Latin, Greek or Cyrillic word, at an edge or doubled', () => {
    for (const text of [
      'Pu\u200btin',
      'Πού\u200bτιν',
      'Пу\u200bтин',
      'ສົມ\u200bSak',
      'Hun\u200bម៉ាណែត',
      'ສົມ\u200b ສັກ',
      '\u200bສົມສັກ',
      'ສົມສັກ\u200b',
      'ສົມ\u200b\u200bສັກ',
      'ສົມ\u200bສັກ Pu\u200btin',
      'ສົມ\u200b\u2060ສັກ',
      '김\u200b정숙',
      '習\u200b近平',
    ]) {
      expect(hasHiddenFormatCharacter(text), JSON.stringify(text)).toBe(true);
      expect(refusedInLine.test(text), JSON.stringify(text)).toBe(true);
    }
  });
});

describe('a received text shown as it is stored', () => {
  it('names each direction override, embedding or isolate where it stands, so none is left to turn the text round', () => {
    expect(withDirectionOverridesShown('\u202Eksed luoeS')).toBe('[U+202E]ksed luoeS');
    expect(withDirectionOverridesShown('a\u2066b\u2069c\u202Ad')).toBe('a[U+2066]b[U+2069]c[U+202A]d');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(hasDirectionOverride(withDirectionOverridesShown(text))).toBe(false);
      }),
    );
  });

  it('leaves Arabic with its marks, joiners and every other text as it is', () => {
    for (const text of ['د. سمير (القاهرة)\u200f: يؤيد', 'می\u200cخواهم', 'Seoul desk', ''])
      expect(withDirectionOverridesShown(text)).toBe(text);
  });
});

describe('a paste into long text', () => {
  it('turns Word’s line breaks (vertical tabs) and a PDF’s page breaks (form feeds) into lines, and drops other control characters', () => {
    const pasted = asPastedProse('Objetivos:\u000b1. Comércio.\fPágina 2\u0007\u0000 fim\tok\n');
    expect(pasted).toBe('Objetivos:\n1. Comércio.\nPágina 2 fim\tok\n');
    expect(hasControlCharacter(pasted)).toBe(false);
    expect(refusedInProse.test(pasted)).toBe(false);
  });

  it('leaves out the direction marks of a line with no right-to-left letter, which would show as [U+200E], and keeps Arabic’s', () => {
    expect(asPastedProse('Santa Marta\u200e, Colombia\u200f\nد. سمير (القاهرة)\u200f: يؤيد\u200e 2025')).toBe(
      'Santa Marta, Colombia\nد. سمير (القاهرة)\u200f: يؤيد\u200e 2025',
    );
    expect(asPastedLine('\u00a0EU–CELAC,\tSanta Marta\u200e')).toBe('\u00a0EU–CELAC, Santa Marta');
    for (const text of ['Santa Marta\u200e', 'Μητσοτάκης\u061c', 'a\u200fb\nc'])
      expect(misleadingCharacters(asPastedProse(text)), JSON.stringify(text)).toEqual([]);
  });

  it('writes the C1 controls of Windows-1252 text read as Latin-1 as the quotes, dashes and signs they were', () => {
    expect(asPastedLine('Giulia D\u0092Alessandro')).toBe('Giulia D’Alessandro');
    expect(asPastedProse('\u0093Cumbre\u0094 \u0096 10 \u0080\u0081\u009d')).toBe('“Cumbre” – 10 €');
    for (let code = 0x80; code <= 0x9f; code += 1)
      expect(misleadingCharacters(asPastedProse(`a${String.fromCharCode(code)}b`)), code.toString(16)).toEqual([]);
  });

  it('leaves text without control characters as it is, Guaraní’s ʼ and g̃ and Korean included', () => {
    for (const text of ['Kuñataĩ Mbaʼe G̃uyrá', '김민준\n외교부', '\u202eevil']) expect(asPastedProse(text)).toBe(text);
  });
});

describe('a paste into a one-line field', () => {
  it('turns a spreadsheet cell’s tab and a PDF line’s break into one space, none at the ends, and drops other control characters', () => {
    expect(asPastedLine('Peña-Ibáñez\t')).toBe('Peña-Ibáñez');
    expect(asPastedLine('Summit\nBrasília')).toBe('Summit Brasília');
    expect(asPastedLine('\r\nCúpula do\r\n\r\n Mercosul\t2025\u0007\u000b')).toBe('Cúpula do Mercosul 2025');
    for (const text of ['Peña-Ibáñez\t', 'Summit\nBrasília', 'a\u000cb\u0000c\u2028d']) expect(isSingleLine(asPastedLine(text))).toBe(true);
  });

  it('leaves out a zero-width space, word joiner or byte-order mark at either end, which hides nothing there', () => {
    expect(asPastedLine('Μάκα\u00a0Μποτσορισβίλι\u200b\t')).toBe('Μάκα\u00a0Μποτσορισβίλι');
    expect(asPastedLine('\ufeff ირაკლი კობახიძე\u2060\n')).toBe(' ირაკლი კობახიძე');
    expect(hasHiddenFormatCharacter(asPastedLine('\u200bGerapetritis\u200b'))).toBe(false);
    // Inside a name it still hides a difference, and stays to be refused.
    expect(asPastedLine('Pu\u200btin')).toBe('Pu\u200btin');
  });

  it('leaves a line without control characters as it is, spaces included', () => {
    for (const text of ['김민준 (외교부)', ' Peña  Ibáñez ', 'ສົມ\u200bສັກ']) expect(asPastedLine(text)).toBe(text);
  });
});

describe('a one-line value as the store keeps it', () => {
  it('turns a typed tab into one space, by the rule a paste into a one-line field follows, and trims the ends', () => {
    expect(asStoredLine('Sitiveni\tRabuka')).toBe('Sitiveni Rabuka');
    expect(asStoredLine(' Siaosi \t\t Sovaleni\t')).toBe('Siaosi Sovaleni');
    expect(asStoredLine('ʻAkilisi Pōhiva')).toBe('ʻAkilisi Pōhiva');
  });

  it('keeps a line break, for the one-line rule to refuse rather than join two lines silently', () => {
    expect(asStoredLine('Desk\n')).toBe('Desk\n');
    expect(isSingleLine(asStoredLine('Desk\tA\nB'))).toBe(false);
  });

  it('agrees with a paste into a one-line field on every line the store takes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'ō', ' ', '\t', '\u00a0', 'ʻ'), { maxLength: 10 }), (parts) => {
        const value = parts.join('');
        expect(asStoredLine(value)).toBe(asPastedLine(value).trim());
      }),
    );
  });
});

describe('the one-pass checks autosave runs', () => {
  // Every rule's edge: controls, line breaks, half pairs (alone and paired), hidden format
  // characters, direction overrides, and the marks and joiners that stay allowed.
  const edge = fc.constantFrom(
    ...['a', '한', ' ', '\t', '\n', '\r', '\u2028', '\u2029', '\u0000', '\u0008', '\u000b', '\u001f', '\u007f', '\u0080'],
    ...['\ud83d', '\ude00', '😀', '\u200b', '\u200c', '\u200d', '\u200e', '\u202a', '\u202e', '\u2060', '\u2064', '\u2066'],
    ...['\u2069', '\u206a', '\u206f', '\ufeff', '\ufff9', '\ufffb', '\ufffc', '\u061c', 'ສ', 'ก', 'ម', 'က', '\u0e31'],
  );
  const text = fc.oneof(
    fc.array(edge, { maxLength: 8 }).map((parts) => parts.join('')),
    fc.string({ unit: 'binary', maxLength: 12 }),
  );

  it('refuse in a one-line field exactly what its rules refuse one by one', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(refusedInLine.test(value)).toBe(!isSingleLine(value) || hasBrokenCharacter(value) || hasHiddenFormatCharacter(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('clear a one-line text at once only when the full rules would keep it exactly as given', () => {
    const spaced = fc.tuple(fc.constantFrom('', ' ', '\u00a0', '\u3000', '\ufeff', '\t'), text, fc.constantFrom('', ' ', '\u2009'));
    fc.assert(
      fc.property(
        fc.oneof(
          text,
          spaced.map((parts) => parts.join('')),
        ),
        (value) => {
          const keptAsGiven = !refusedInLine.test(value) && asStoredLine(value) === value;
          if (isPlainLine(value)) expect(keptAsGiven).toBe(true);
          // Plain text, the common case, is always cleared in the one pass.
          if (/^[\p{L}\p{N}](?:[\p{L}\p{N} -]*[\p{L}\p{N}])?$/u.test(value)) expect(isPlainLine(value)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
    expect(['After the call', 'follow-up', '확인필요', 'NATO UNCLASSIFIED', ''].map(isPlainLine)).toEqual([true, true, true, true, true]);
    expect([' a', 'a ', 'a\tb', 'a\u00a0', 'ก\u200bข'].map(isPlainLine)).toEqual([false, false, false, false, false]);
  });

  it('refuse in prose exactly what its rules refuse one by one', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(refusedInProse.test(value)).toBe(hasControlCharacter(value) || hasBrokenCharacter(value) || hasDirectionOverride(value));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a list pasted from Word into long text', () => {
  it('is written as typed, "- " a level deeper each two spaces, and nothing else changes', () => {
    const pasted = 'Lignes :\r\n·\tPoint sur le Sahel\r\no\tÀ Ɗanjuma Ƙwankwaso\r\n§\tSi soulevé\r\n\uf0b7\tDernier point';
    expect(hasWordBullets(pasted)).toBe(true);
    expect(wordBulletsAsTyped(pasted)).toBe(
      'Lignes :\r\n- Point sur le Sahel\r\n  - À Ɗanjuma Ƙwankwaso\r\n    - Si soulevé\r\n- Dernier point',
    );
    for (const text of ['o Brasil venceu.', '§ 4 du traité', 'Voir ·\tla note', 'bonjour'])
      expect([hasWordBullets(text), wordBulletsAsTyped(text)], text).toEqual([false, text]);
  });
});

describe('digits of another script typed into a date, time or number control', () => {
  it('reads Persian, Arabic-Indic and other decimal digits as the digits 0-9 they are', () => {
    expect([...'۰۱۲۳۴۵۶۷۸۹'].map(asAsciiDigit).join('')).toBe('0123456789');
    expect([...'٠١٢٣٤٥٦٧٨٩'].map(asAsciiDigit).join('')).toBe('0123456789');
    expect([...'०१२३४५६७८९'].map(asAsciiDigit).join('')).toBe('0123456789');
    expect(['𝟗', '𝟡', '𝟿'].map(asAsciiDigit)).toEqual(['9', '9', '9']);
  });
  it('answers null for the digits 0-9 themselves and for anything that is not a digit', () => {
    for (const key of ['0', '9', 'a', 'Tab', '٫', '-', '', '١٢']) expect(asAsciiDigit(key), key).toBeNull();
  });
});
