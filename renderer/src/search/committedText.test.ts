import { describe, expect, it } from 'vitest';
import { committedText } from './committedText.ts';

describe('the text searched while a Hangul syllable is being composed', () => {
  it('leaves out the syllable at the caret, and only it', () => {
    expect(committedText('윤서', 2, '서')).toBe('윤');
    expect(committedText('ㅇ', 1, 'ㅇ')).toBe('');
    // Composed in the middle of what was typed: the rest stays.
    expect(committedText('윤여 대통령', 2, '여')).toBe('윤 대통령');
  });

  it('is the text as it is with no composition, or one not at the caret', () => {
    expect(committedText('윤석열', 3, '')).toBe('윤석열');
    expect(committedText('윤석열', null, '열')).toBe('윤석열');
    expect(committedText('윤석열', 1, '열')).toBe('윤석열');
  });
});
