import { describe, expect, it } from 'vitest';
import { highlightTerms } from './highlightTerms.ts';

describe('highlighting typed words in a title', () => {
  it('marks every word that starts with a typed prefix, in Latin and Hangul', () => {
    expect(highlightTerms('Cyber defence and cybersecurity', 'cyb')).toBe('\uE000Cyber\uE001 defence and \uE000cybersecurity\uE001');
    expect(highlightTerms('President Yoon (윤석열)', '윤석')).toBe('President Yoon (\uE000윤석열\uE001)');
  });

  it('leaves a title alone when nothing matches or nothing was typed', () => {
    expect(highlightTerms('Counter-terrorism', 'cyber')).toBe('Counter-terrorism');
    expect(highlightTerms('Counter-terrorism', '  ')).toBe('Counter-terrorism');
  });
});
