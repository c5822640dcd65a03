import { describe, expect, it } from 'vitest';
import { type InlineNode, isolateRightToLeft, readsRightToLeft, rightToLeftRuns } from './rightToLeftRuns.ts';

const runsOf = (line: string) => rightToLeftRuns(line).map(([start, end]) => line.slice(start, end));
const isolate = (children: InlineNode[]): InlineNode => ({ tag: 'bdi', children });

describe('rightToLeftRuns', () => {
  it('isolates an Arabic place in an English line, leaving the year after it to the English line', () => {
    expect(runsOf('Met in المنامة, 2025.')).toEqual(['المنامة']);
  });

  it('keeps digits and spaces between two Arabic words inside the run, and the tashkeel after its last letter', () => {
    expect(runsOf('Quote: الاجتماع في 2025 كانَ مهمًّا, then lunch')).toEqual(['الاجتماع في 2025 كانَ مهمًّا']);
  });

  it('finds one run per stretch of Hebrew or Persian between English words', () => {
    expect(runsOf('From ירושלים to تهران via Rome')).toEqual(['ירושלים', 'تهران']);
  });

  it('leaves a line that reads right to left, or holds no right-to-left letter, to the bidi algorithm', () => {
    expect(runsOf('المنامة: met John Smith in 2025')).toEqual([]);
    expect(runsOf('2025: المنامة')).toEqual([]);
    expect(runsOf('Met in Manama, 2025 (٢٠٢٥ typed as digits only)')).toEqual([]);
    expect(readsRightToLeft('12:00 المنامة then Paris')).toBe(true);
    expect(readsRightToLeft('12:00 Paris then المنامة')).toBe(false);
  });
});

describe('isolateRightToLeft', () => {
  it('wraps a run inside one text node, and returns a line with none as it was', () => {
    expect(isolateRightToLeft(['Met in المنامة, 2025.'], isolate)).toEqual(['Met in ', { tag: 'bdi', children: ['المنامة'] }, ', 2025.']);
    const english: InlineNode[] = ['Met in ', { tag: 'strong', children: ['Manama'] }];
    expect(isolateRightToLeft(english, isolate)).toEqual(english);
  });

  it('keeps a run that crosses emphasis in one isolate, cutting the emphasis in two', () => {
    const line: InlineNode[] = ['Venue: المنامة ', { tag: 'strong', children: ['الجديدة 2025 then'] }, ' lunch'];
    expect(isolateRightToLeft(line, isolate)).toEqual([
      'Venue: ',
      { tag: 'bdi', children: ['المنامة ', { tag: 'strong', children: ['الجديدة'] }] },
      { tag: 'strong', children: [' 2025 then'] },
      ' lunch',
    ]);
  });

  it('takes an element that may not be cut into the run whole', () => {
    const link: InlineNode = { tag: 'a', children: ['المنامة map'] };
    const line: InlineNode[] = ['See ', link, ' 2025'];
    expect(isolateRightToLeft(line, isolate, (node) => typeof node !== 'string' && node.tag === 'a')).toEqual([
      'See ',
      { tag: 'bdi', children: [link] },
      ' 2025',
    ]);
  });

  it('keeps an empty element (a line break, an image) where it stood', () => {
    const line: InlineNode[] = ['Met in المنامة', { tag: 'img', children: [] }, ', 2025'];
    expect(isolateRightToLeft(line, isolate)).toEqual([
      'Met in ',
      { tag: 'bdi', children: ['المنامة'] },
      { tag: 'img', children: [] },
      ', 2025',
    ]);
  });
});
