import { describe, expect, it } from 'vitest';
import { savePack } from '../db/packs.ts';
import { loadSampleIfEmpty } from '../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../db/testing.ts';
import { samplePackDefinition } from '../main/pdf/samplePack.ts';
import { findExportablePack } from './packCheck.ts';

// `npm run export -- --pack "Abuja pack"` with the name copied from an e-mail, its space a non-breaking one, was
// refused: "No pack named “Abuja pack” … Saved packs: “Abuja pack”", which names the pack asked for.
describe('the pack the export command is asked for', () => {
  it('is found by a name copied with a non-breaking space, a space at its end or an accent decomposed', () => {
    const db = openScratchDatabase(':memory:');
    loadSampleIfEmpty(db);
    savePack(db, 'Abuja pack', samplePackDefinition(db));
    savePack(db, 'Évian – G7', samplePackDefinition(db));
    for (const [typed, saved] of [
      ['Abuja\u00a0pack', 'Abuja pack'],
      ['Abuja pack ', 'Abuja pack'],
      ['E\u0301vian – G7', 'Évian – G7'],
      ['Évian\u202f–\u00a0G7', 'Évian – G7'],
    ] as const) {
      const found = findExportablePack(db, typed, 'sherpa.sqlite');
      expect('pack' in found && found.pack.name, JSON.stringify(typed)).toBe(saved);
    }
    expect(findExportablePack(db, 'Abuja', 'sherpa.sqlite')).toEqual({
      problem: 'No pack named “Abuja” in sherpa.sqlite. Saved packs: “Abuja pack”, “Évian – G7”.',
    });
    db.close();
  });

  it('is refused, naming them, where two saved packs read alike but for their spaces', () => {
    const db = openScratchDatabase(':memory:');
    loadSampleIfEmpty(db);
    savePack(db, 'Abuja pack', samplePackDefinition(db));
    savePack(db, 'Abuja  pack', samplePackDefinition(db));
    expect(findExportablePack(db, 'Abuja\u00a0pack', 'sherpa.sqlite')).toEqual({
      problem:
        'More than one pack in sherpa.sqlite is named as “Abuja\u00a0pack” is but for its spaces: “Abuja  pack”, “Abuja pack”. Copy the exact name from Sherpa.',
    });
    // The exact name still finds its own.
    const exact = findExportablePack(db, 'Abuja  pack', 'sherpa.sqlite');
    expect('pack' in exact && exact.pack.name).toBe('Abuja  pack');
    db.close();
  });
});
