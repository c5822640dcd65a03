import { describe, expect, it } from 'vitest';
import { searchedText } from './searchedText.ts';

describe('the text searched while a Hangul syllable is being composed', () => {
  it('searches the syllable at the caret as far as it is sure to go, and only it', () => {
    // 석 may yet give its ㄱ to the syllable after (윤서경): searched as 서, which finds 석 too.
    expect(searchedText('윤석', 2, '석')).toBe('윤서');
    expect(searchedText('윤서', 2, '서')).toBe('윤서');
    // A final of two consonants keeps its first: 닭 then ㅣ gives 달기.
    expect(searchedText('닭', 1, '닭')).toBe('달');
    expect(searchedText('ㅇ', 1, 'ㅇ')).toBe('ㅇ');
    expect(searchedText('윤석ㅇ', 3, 'ㅇ')).toBe('윤석ㅇ');
    // Composed in the middle of what was typed: the rest stays.
    expect(searchedText('윤열 대통령', 2, '열')).toBe('윤여 대통령');
  });

  it('is the text as it is with no composition, or one not at the caret', () => {
    expect(searchedText('윤석열', 3, '')).toBe('윤석열');
    expect(searchedText('윤석열', null, '열')).toBe('윤석열');
    expect(searchedText('윤석열', 1, '열')).toBe('윤석열');
  });
});
