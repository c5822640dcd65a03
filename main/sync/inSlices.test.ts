import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortInSlices } from './inSlices.ts';

describe('sorting a review’s lines a few at a time', () => {
  it('gives the order a sort at once gives, equal lines in the order they came', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ key: fc.integer({ min: 0, max: 9 }), at: fc.nat() }), { maxLength: 300 }), async (lines) => {
        const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
        expect(await sortInSlices(lines, compare, 7)).toEqual([...lines].sort(compare));
      }),
    );
  });
});
