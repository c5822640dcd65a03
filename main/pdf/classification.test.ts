import { describe, expect, it } from 'vitest';
import type { ClassificationScheme } from '../../shared/contract.ts';
import { natoScheme } from '../ipc/handlers/settings.ts';
import { highestLevel, portionMark, UnknownClassificationError } from './classification.ts';

const ukScheme: ClassificationScheme = {
  name: 'UK',
  levels: [
    { name: 'OFFICIAL', portion: 'O' },
    { name: 'OFFICIAL-SENSITIVE', portion: 'OS' },
    { name: 'SECRET', portion: 'S' },
  ],
};
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
    expect(highestLevel(natoScheme, [item(''), item('NATO RESTRICTED'), item('NATO UNCLASSIFIED')]).name).toBe('NATO RESTRICTED');
    expect(highestLevel(natoScheme, [item('NATO SECRET'), item('NATO CONFIDENTIAL')]).name).toBe('NATO SECRET');
    expect(highestLevel(ukScheme, [item('OFFICIAL-SENSITIVE'), item('OFFICIAL')]).name).toBe('OFFICIAL-SENSITIVE');
    expect(highestLevel(koreanScheme, [item('대외비'), item('')]).name).toBe('대외비');
  });

  it('is the lowest level when nothing is marked, or the pack holds nothing', () => {
    expect(highestLevel(natoScheme, [item(''), item('')]).name).toBe('NATO UNCLASSIFIED');
    expect(highestLevel(ukScheme, []).name).toBe('OFFICIAL');
  });

  it('refuses a marking the scheme does not know, naming the item, rather than printing a wrong banner', () => {
    expect(() => highestLevel(ukScheme, [item('NATO SECRET', 'Meeting with the allies')])).toThrow(UnknownClassificationError);
    expect(() => highestLevel(ukScheme, [item('NATO SECRET', 'Meeting with the allies')])).toThrow(/Meeting with the allies.*NATO SECRET/);
  });
});

describe('portion marks', () => {
  it('print the portion of the item’s level, the lowest level for an unmarked item', () => {
    expect(portionMark(natoScheme, item(''))).toBe('(NU)');
    expect(portionMark(natoScheme, item('NATO RESTRICTED'))).toBe('(NR)');
    expect(portionMark(koreanScheme, item('3급 비밀'))).toBe('(3급)');
  });
});
