import { describe, expect, it } from 'vitest';
import { line, prose } from '../../../main/ipc/validation.ts';
import { maxProse, textLength } from '../../../shared/fieldRules.ts';
import { proseProblem } from './validate.ts';

// The editor's check and the store's refusal count a text the same way, at
// the limit, for emoji, Hangul and combining marks (one rule: fieldRules.ts).

const samples = {
  emoji: '👍🏽',
  'family emoji': '👨‍👩‍👧',
  'Hangul syllable': '한',
  'Hangul typed as jamo': '\u1112\u1161\u11ab',
  'combining accent': 'e\u0301',
  Latin: 'a',
};

describe('one rule for how long a text is', () => {
  it.each(Object.entries(samples))('agrees on %s at the limit, one character either side', (_name, unit) => {
    const max = 20 * textLength(unit);
    for (const count of [19, 20, 21]) {
      const text = unit.repeat(count);
      const formAccepts = proseProblem(text, max) === null;
      const storeAccepts = line(max).safeParse(text).success;
      expect(formAccepts, `${count} × ${JSON.stringify(unit)}`).toBe(storeAccepts);
      expect(storeAccepts).toBe(count <= 20);
    }
  });

  it('lets a note hold as many emoji as the table counts, and refuses one more, naming the limit', () => {
    const full = '😀'.repeat(maxProse);
    expect(prose.safeParse(full).success).toBe(true);
    expect(proseProblem(full)).toBeNull();
    const over = prose.safeParse(`${full}😀`);
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]?.message).toBe(`must be at most ${maxProse} characters`);
    // Both say the same length, counted the same way: an emoji is one character.
    expect(over.error?.issues[0]).toMatchObject({ params: { reason: 'too_long', max: maxProse, length: maxProse + 1 } });
    expect(proseProblem(`${full}😀`)).toEqual({ key: 'forms.tooLong', options: { max: maxProse, length: maxProse + 1 } });
  });
});
