import { describe, expect, it } from 'vitest';
import type { ClassificationScheme } from '../../shared/contract.ts';
import { presetSchemes } from '../../shared/markings.ts';
import { highestLevel, portionMark, UnmarkedMaterialError, unmarkedItem } from './classification.ts';

const { nato, uk } = presetSchemes;
const koreanScheme: ClassificationScheme = {
  name: 'Korea',
  levels: [
    { name: '평문', portion: '평' },
    { name: '대외비', portion: '대' },
    { name: '3급 비밀', portion: '3급' },
  ],
};
const item = (classification: string, name = 'item') => ({ classification, name });

describe('the banner of a pack', () => {
  it('is the highest level among the included items, by the order of the scheme, not by name', () => {
    expect(highestLevel(nato, [item('NATO RESTRICTED'), item('NATO UNCLASSIFIED')]).name).toBe('NATO RESTRICTED');
    expect(highestLevel(nato, [item('NATO SECRET'), item('NATO CONFIDENTIAL')]).name).toBe('NATO SECRET');
    expect(highestLevel(uk, [item('OFFICIAL-SENSITIVE'), item('OFFICIAL')]).name).toBe('OFFICIAL-SENSITIVE');
    expect(highestLevel(koreanScheme, [item('대외비'), item('평문')]).name).toBe('대외비');
  });

  it('is the lowest level only for a pack that holds no marked record at all', () => {
    expect(highestLevel(uk, []).name).toBe('OFFICIAL');
  });
});

describe('unmarked material', () => {
  it('is never counted as the lowest level: it is refused, named, with a level the scheme lacks named too', () => {
    expect(unmarkedItem(nato, item('NATO RESTRICTED'))).toBeNull();
    expect(unmarkedItem(nato, item('', 'Annotation on cyber'))).toEqual({
      name: 'Annotation on cyber',
      role: 'record',
      title: 'Annotation on cyber',
      on: '',
      foreignLevel: '',
    });
    expect(unmarkedItem(uk, item('NATO SECRET', 'Meeting with the allies'))).toEqual({
      name: 'Meeting with the allies',
      role: 'record',
      title: 'Meeting with the allies',
      on: '',
      foreignLevel: 'NATO SECRET',
    });
    const error = new UnmarkedMaterialError(
      [
        { name: 'Annotation on cyber', foreignLevel: '' },
        { name: 'Meeting with the allies', foreignLevel: 'NATO SECRET' },
      ],
      uk,
    );
    expect(error.message).toMatch(/^2 items in this pack have no marking of the scheme “UK”/);
    expect(error.message).toContain('“Annotation on cyber”; “Meeting with the allies” (marked “NATO SECRET”)');
    expect(error.message).toMatch(/Mark them, then export again\.$/);
    // One item is "it": the desk officer meets this with a colleague's one summit marked in another scheme.
    const one = new UnmarkedMaterialError([{ name: '한일중 정상회의 서울', foreignLevel: '대외비' }], uk);
    expect(one.message).toMatch(
      /^One item in this pack has no marking of the scheme “UK” .*: “한일중 정상회의 서울” \(marked “대외비”\)\. Mark it, then export again\.$/,
    );
    // A desk's own scheme is often called what it is: said once, in quotes, not "the Desk scheme scheme".
    const desk = new UnmarkedMaterialError([{ name: 'Agenda', foreignLevel: '' }], { ...uk, name: 'Desk scheme' });
    expect(desk.message).toMatch(/^One item in this pack has no marking of the scheme “Desk scheme” \(/);
    expect(desk.message).not.toContain('Desk scheme scheme');
  });
});

describe('portion marks', () => {
  it('print the portion of the item’s level', () => {
    expect(portionMark(nato, item('NATO RESTRICTED'))).toBe('(NR)');
    expect(portionMark(koreanScheme, item('3급 비밀'))).toBe('(3급)');
    expect(portionMark(nato, item(''))).toBe('(UNMARKED)');
  });
});
