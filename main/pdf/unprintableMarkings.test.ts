import { describe, expect, it } from 'vitest';
import type { ClassificationScheme } from '../../shared/contract.ts';
import { presetSchemes } from '../../shared/markings.ts';
import { gatherPackContent } from './packContent.ts';
import { samplePackDefinition } from './samplePack.ts';
import { latinAndHangul, sampleStoreEachTest } from './unprintable.testing.ts';
import { unprintableRecords } from './unprintable.ts';

// A Thai desk's scheme (ปกปิด, ลับ, ลับมาก, ลับที่สุด) on a machine with no Thai font: the banner and the portion
// marks print as boxes on every page, whatever the records say. The builder names them once, as the markings, and
// names a record only for its own words.

// Latin, punctuation and Hangul (the sample's Korean names) draw; Thai does not.
const coverage = latinAndHangul;
const store = sampleStoreEachTest();

const unprintable = (scheme: ClassificationScheme) =>
  unprintableRecords(
    gatherPackContent(store(), samplePackDefinition(store()), { scheme, homeTimeZone: 'Asia/Bangkok', preparedOn: '2024-10-01' }),
    coverage,
  );

/** The sample's NATO levels renamed in every record that carries them, as Settings carry a renamed level. */
function renameLevels(names: Record<string, string>): void {
  const tables = store()
    .prepare(
      `SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'classification')`,
    )
    .pluck()
    .all() as string[];
  for (const table of tables)
    for (const [from, to] of Object.entries(names))
      store().prepare(`UPDATE "${table}" SET classification = ? WHERE classification = ?`).run(to, from);
}

describe('a scheme in a script no installed font draws', () => {
  it('names the banner and portion marks once, not each record, when the level names are Thai', () => {
    const thaiNames = ['ปกปิด', 'ลับ', 'ลับมาก', 'ลับที่สุด', 'ลับที่สุดพิเศษ'];
    const scheme: ClassificationScheme = {
      name: 'ไทย',
      levels: presetSchemes.nato.levels.map((level, index) => ({ name: thaiNames[index] ?? level.name, portion: level.portion })),
    };
    renameLevels(Object.fromEntries(presetSchemes.nato.levels.map((level, index) => [level.name, thaiNames[index] ?? level.name])));
    const found = unprintable(scheme);
    expect(found.filter((record) => record.scripts.includes('Thai'))).toEqual([
      { kind: 'marking', title: 'ปกปิด', scripts: ['Thai'], characters: 'ปกปิด' },
    ]);
  });

  it('names the portion marks when only they are Thai, and no record for them', () => {
    const thaiMarks = ['ปป', 'ล', 'ลม', 'ลส', 'ลพ'];
    const scheme: ClassificationScheme = {
      name: 'NATO, Thai marks',
      levels: presetSchemes.nato.levels.map((level, index) => ({ name: level.name, portion: thaiMarks[index] ?? level.portion })),
    };
    const found = unprintable(scheme);
    expect(found.filter((record) => record.scripts.includes('Thai'))).toEqual([
      { kind: 'marking', title: 'NATO UNCLASSIFIED', scripts: ['Thai'], characters: 'ป' },
    ]);
  });

  it('says nothing of the markings where every one draws', () => {
    expect(unprintable(presetSchemes.nato).filter((record) => record.kind === 'marking')).toEqual([]);
  });
});
