import { describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/domain.ts';
import { nameKey, namesakesOf } from './namesakes.ts';

const person = (id: number, name: string, nativeName = ''): Person => ({
  id,
  name,
  nativeName,
  title: '',
  countryId: null,
  biography: '',
  classification: '',
  sourceId: null,
});
const people = [person(1, 'Kim Min-ji', '김민지'), person(2, 'Jens Stoltenberg'), person(3, 'Kim Min-jae')];

describe('a person typed again', () => {
  it('is found whatever the case, spacing or Unicode form', () => {
    expect(namesakesOf({ name: '  kim   MIN-JI ', nativeName: '' }, people).map((found) => found.id)).toEqual([1]);
    expect(namesakesOf({ name: 'Ｊｅｎｓ Ｓｔｏｌｔｅｎｂｅｒｇ', nativeName: '' }, people).map((found) => found.id)).toEqual([2]);
    // 김민지 typed as conjoining jamo (NFD) reads the same as the stored syllables.
    expect(namesakesOf({ name: 'Kim M.', nativeName: '김민지'.normalize('NFD') }, people).map((found) => found.id)).toEqual([1]);
  });

  it('is not confused with a similar name, and an empty form finds no one', () => {
    expect(namesakesOf({ name: 'Kim Min', nativeName: '' }, people)).toEqual([]);
    expect(namesakesOf({ name: ' ', nativeName: '' }, [person(4, '')])).toEqual([]);
    expect(nameKey('É')).toBe(nameKey('E\u0301'));
  });
});
