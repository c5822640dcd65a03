import { describe, expect, it } from 'vitest';
import { personLabel, personLabels } from './personLabels.ts';

const person = (id: number, name: string, nativeName: string, title: string) => ({ id, name, nativeName, title });

describe('people as pickers show them', () => {
  it('tells apart two people of the same name by their titles', () => {
    const labels = personLabels([
      person(1, 'Kim Min-ji', '김민지', 'Deputy Minister for Multilateral Affairs'),
      person(2, 'Kim Min-ji', '김민지', 'Ambassador to Ethiopia'),
      person(3, 'Tigist Alemu', 'ትዕግስት ዓለሙ', 'State Minister'),
    ]);
    expect(labels.get(1)).toBe('Kim Min-ji (김민지) · Deputy Minister for Multilateral Affairs');
    expect(labels.get(2)).toBe('Kim Min-ji (김민지) · Ambassador to Ethiopia');
    // A name nobody shares stays as it was.
    expect(labels.get(3)).toBe('Tigist Alemu (ትዕግስት ዓለሙ)');
  });

  it('numbers people whose name and title are both the same, so no two choices read alike', () => {
    const labels = personLabels([person(7, 'Seán O’Brien', '', ''), person(9, 'Seán O’Brien', '', '')]);
    expect(new Set(labels.values()).size).toBe(2);
    expect([...labels.values()]).toEqual(['Seán O’Brien (1)', 'Seán O’Brien (2)']);
  });

  it('tells apart two people whose names read alike though written with other characters', () => {
    // The same Romanian name with the cedillas older documents carry (ş, ţ) and with the commas below (ș, ț).
    const labels = personLabels([
      person(4, 'Ştefan Ţurcanu', '', 'Energy adviser'),
      person(5, 'Ștefan Țurcanu', '', 'State Secretary, Ministry of Energy'),
      person(6, 'STEFAN TURCANU', '', ''),
      person(8, 'Ștefan Țurcanu', '', 'State Secretary, Ministry of Energy'),
    ]);
    expect([...labels.values()]).toEqual([
      'Ştefan Ţurcanu · Energy adviser',
      'Ștefan Țurcanu · State Secretary, Ministry of Energy (1)',
      'STEFAN TURCANU',
      'Ștefan Țurcanu · State Secretary, Ministry of Energy (2)',
    ]);
  });

  it('does not repeat a native name that is the name itself', () => {
    expect(personLabel({ name: 'Nguyễn Thị Hương', nativeName: 'Nguyễn Thị Hương' })).toBe('Nguyễn Thị Hương');
  });
});
