import { describe, expect, it } from 'vitest';
import { hasWordsStartingWith } from './wordStarts.ts';

describe('a long typed word checked against a row the index matched by its first six letters', () => {
  it('holds where a word of the text begins with it, in any case', () => {
    expect(hasWordsStartingWith('Draft terms of Reference for the group', ['reference'])).toBe(true);
    expect(hasWordsStartingWith('The working group met', ['WORKING'])).toBe(true);
    expect(hasWordsStartingWith('Two workings of the plan', ['working'])).toBe(true);
  });

  it('fails for another word with the same first six letters, or the word inside another', () => {
    expect(hasWordsStartingWith('A referendum was held', ['reference'])).toBe(false);
    expect(hasWordsStartingWith('Networking event', ['working'])).toBe(false);
  });

  it('folds accents as the index does, both ways', () => {
    expect(hasWordsStartingWith('Talks in Zürichsee', ['zurichsee'])).toBe(true);
    expect(hasWordsStartingWith('Talks in Zurichsee', ['Zürichsee'])).toBe(true);
    expect(hasWordsStartingWith('실무그룹 회의: Lindqvist 대사', ['lindqvist'])).toBe(true);
  });

  it('needs every word', () => {
    expect(hasWordsStartingWith('maritime security', ['maritime', 'security'])).toBe(true);
    expect(hasWordsStartingWith('maritime patrols', ['maritime', 'security'])).toBe(false);
  });
});
