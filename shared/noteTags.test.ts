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

  it('keeps each tag once, as first spelt', () => {
    expect(distinctTags(['İstanbul', 'cyber', 'istanbul', 'CYBER', 'ISTANBUL'])).toEqual(['İstanbul', 'cyber']);
  });
});
