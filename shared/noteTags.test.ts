import { describe, expect, it } from 'vitest';
import { distinctTags, tagKey } from './noteTags.ts';

describe('note tags compared without regard to case', () => {
  it('takes Turkish dotted and dotless I, ß and final sigma as their other cases, and keeps other letters apart', () => {
    expect(new Set(['İstanbul', 'istanbul', 'ISTANBUL', 'Istanbul', 'ıstanbul'].map(tagKey)).size).toBe(1);
    expect(tagKey('Straße')).toBe(tagKey('STRASSE'));
    expect(tagKey('ΟΔΟΣ')).toBe(tagKey('οδος'));
    expect(tagKey('Résumé')).not.toBe(tagKey('resume'));
    expect(tagKey('확인필요')).toBe('확인필요');
  });

  it('takes a Greek tag written in capitals, which drop the tonos, as the one written with it', () => {
    expect(tagKey('ΣΥΝΟΔΟΣ')).toBe(tagKey('Σύνοδος'));
    expect(tagKey('ΚΟΛΟΜΒΙΑ')).toBe(tagKey('Κολομβία'));
    expect(tagKey('ΜΑΪΟΥ')).toBe(tagKey('Μαΐου'));
    // A diaeresis tells two words apart, in capitals too; other scripts keep their accents as before.
    expect(tagKey('ΚΕΪΚ')).not.toBe(tagKey('ΚΕΙΚ'));
    expect(tagKey('ΡΕΣΥΜΕ')).not.toBe(tagKey('Résumé'));
    expect(tagKey('RESUME')).not.toBe(tagKey('Résumé'));
  });

  it('keeps each tag once, as first spelt', () => {
    expect(distinctTags(['İstanbul', 'cyber', 'istanbul', 'CYBER', 'ISTANBUL'])).toEqual(['İstanbul', 'cyber']);
  });
});
