import { describe, expect, it } from 'vitest';
import { shortened } from './shortened.ts';

describe('a long text shown by its start', () => {
  it('leaves a short text whole', () => {
    expect(shortened('Vientiane', 20)).toBe('Vientiane');
    expect(shortened('ความมั่นคง', 10)).toBe('ความมั่นคง');
  });

  it('cuts a Thai or Lao text after whole letters, each with its vowel sign and tone mark, and says it was cut', () => {
    // ค ว า ม มั่ น ค ง: ten code units, eight letters.
    expect(shortened('ความมั่นคงทางทะเล', 5)).toBe('ความมั่…');
    expect(shortened('ນະຄອນຫຼວງວຽງຈັນ', 9)).toBe('ນະຄອນຫຼວງວ…');
  });

  it('never parts an emoji or a character beyond the first plane, nor a Khmer consonant from the one beneath it', () => {
    expect(shortened('Flag 🇱🇦 and 𠮷 name', 6)).toBe('Flag 🇱🇦…');
    expect(shortened('𠮷𠮷𠮷', 2)).toBe('𠮷𠮷…');
    // ច្ច: the coeng writes the second ច beneath the first.
    expect(shortened('កិច្ចប្រជុំ', 2)).toBe('កិច្ច…');
  });
});
