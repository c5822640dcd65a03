import { describe, expect, it } from 'vitest';
import { noteLabel } from './noteLabel.ts';

describe('how Will print names an untitled note', () => {
  it('cuts a long Thai first line after a whole letter, its vowel sign and tone mark kept', () => {
    // ป ร ะ ชุ ม: five letters, six characters. 15 of them, then ค ว า ม, and มั่ is the 80th letter.
    const line = `${'ประชุม'.repeat(15)}ความมั่นคง`;
    expect(noteLabel({ title: '', body: line })).toBe(`${'ประชุม'.repeat(15)}ความมั่…`);
    const atMark = `${'ก'.repeat(79)}มั่นคง`;
    expect(noteLabel({ title: '', body: atMark })).toBe(`${'ก'.repeat(79)}มั่…`);
  });

  it('names a note by its title, or a short first line whole', () => {
    expect(noteLabel({ title: 'บันทึก', body: 'ยาว'.repeat(100) })).toBe('บันทึก');
    expect(noteLabel({ title: '', body: 'ການປະຊຸມ\nແຖວທີສອງ' })).toBe('ການປະຊຸມ');
  });
});
