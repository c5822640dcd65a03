import { describe, expect, it } from 'vitest';
import { highlightTerms } from './highlightTerms.ts';

describe('highlighting typed words in a title', () => {
  it('marks every Latin word that starts with a typed prefix', () => {
    expect(highlightTerms('Cyber defence and cybersecurity', 'cyb')).toBe('\uE000Cyber\uE001 defence and \uE000cybersecurity\uE001');
  });

  it('marks just the typed part of a Hangul word, at its start or inside a compound', () => {
    expect(highlightTerms('President Yoon (윤석열)', '윤석')).toBe('President Yoon (\uE000윤석\uE001열)');
    expect(highlightTerms('나토 정상회의 준비', '회의')).toBe('나토 정상\uE000회의\uE001 준비');
  });

  it('leaves a title alone when nothing matches or nothing was typed', () => {
    expect(highlightTerms('Counter-terrorism', 'cyber')).toBe('Counter-terrorism');
    expect(highlightTerms('Counter-terrorism', '  ')).toBe('Counter-terrorism');
  });
});
