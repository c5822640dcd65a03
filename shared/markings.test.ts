import { describe, expect, it } from 'vitest';
import {
  acceptedMarking,
  highestMarking,
  portionText,
  presetOf,
  presetSchemes,
  schemeChanges,
  schemePresets,
  schemeProblems,
  tidyScheme,
  unmarked,
  validDefaultMarking,
  validRenames,
} from './markings.ts';

const { nato, uk, us, rok } = presetSchemes;

describe('the preset schemes', () => {
  it('order each scheme lowest first, as the rules rank them', () => {
    expect(nato.levels.map((level) => level.portion)).toEqual(['NU', 'NR', 'NC', 'NS', 'CTS']);
    expect(us.levels.map((level) => level.portion)).toEqual(['U', 'C', 'S', 'TS']);
    expect(uk.levels.map((level) => level.name)).toEqual(['OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET', 'TOP SECRET']);
    expect(rok.levels.map((level) => level.name)).toEqual(['일반', '대외비', '3급비밀', '2급비밀', '1급비밀']);
  });

  it('are valid schemes, each recognised as its preset, even with changed portion marks', () => {
    for (const preset of schemePresets) {
      expect(schemeProblems(presetSchemes[preset])).toEqual([]);
      expect(presetOf(presetSchemes[preset])).toBe(preset);
    }
    const ukShortMarks = { ...uk, levels: uk.levels.map((level) => ({ ...level, portion: `${level.portion}.` })) };
    expect(presetOf(ukShortMarks)).toBe('uk');
    expect(presetOf({ name: 'Desk', levels: [{ name: 'OPEN', portion: 'O' }] })).toBeNull();
  });
});

describe('a custom scheme', () => {
  it('names every problem with the level it is on', () => {
    const problems = schemeProblems({
      name: ' ',
      levels: [
        { name: 'OPEN', portion: 'O' },
        { name: 'OPEN', portion: '' },
        { name: '', portion: 'O' },
        { name: 'unmarked', portion: 'X'.repeat(21) },
      ],
    });
    expect(problems).toEqual([
      { problem: 'nameMissing' },
      { problem: 'levelNameRepeated', level: 1 },
      { problem: 'portionMissing', level: 1 },
      { problem: 'levelNameMissing', level: 2 },
      { problem: 'portionRepeated', level: 2 },
      { problem: 'levelNameRepeated', level: 3 },
      { problem: 'portionTooLong', level: 3 },
    ]);
  });

  it('refuses, at the level, a name or mark holding a control character or one that reorders what a banner prints', () => {
    // "C\u202eTS" would print on every page as "CST"-like reversed text; a bell character prints as nothing.
    const problems = schemeProblems({
      name: 'Samoa desk\u0007',
      levels: [
        { name: 'OPEN', portion: 'O' },
        { name: 'SECRET\u202e', portion: 'S' },
        { name: 'TOP SECRET', portion: 'C\u202eTS' },
        { name: 'LINE\nBREAK', portion: 'L' },
      ],
    });
    expect(problems).toEqual([
      { problem: 'nameCharacters' },
      { problem: 'levelNameCharacters', level: 1 },
      { problem: 'portionCharacters', level: 2 },
      { problem: 'levelNameCharacters', level: 3 },
    ]);
  });

  it('refuses a level with controls ranked above a higher classification than the one it names', () => {
    const levels = (names: string[]) => names.map((name, index) => ({ name, portion: `P${index}` }));
    // The caveat levels added at the foot of the list, above SECRET: a page holding SECRET and
    // CONFIDENTIAL//CANADIAN EYES ONLY bannered CONFIDENTIAL.
    const appended = levels([
      'UNCLASSIFIED',
      'PROTECTED A',
      'PROTECTED B',
      'CONFIDENTIAL',
      'SECRET',
      'CONFIDENTIAL//CANADIAN EYES ONLY',
      'SECRET//CANADIAN EYES ONLY',
    ]);
    expect(schemeProblems({ name: 'Canada', levels: appended })).toEqual([{ problem: 'levelAboveHigher', level: 5, higher: 4 }]);
    const moved = [...appended.slice(0, 4), appended[5], appended[4], appended[6]].flatMap((level) => (level ? [level] : []));
    expect(schemeProblems({ name: 'Canada', levels: moved })).toEqual([]);
    expect(highestMarking({ name: 'Canada', levels: moved }, ['SECRET', 'CONFIDENTIAL//CANADIAN EYES ONLY']).level?.name).toBe(
      'SECRET//CANADIAN EYES ONLY',
    );
    // Spaces round the slashes and other capitals name the same classification.
    expect(schemeProblems({ name: 'x', levels: levels(['Confidential', 'Secret', 'confidential // CEO']) })).toEqual([
      { problem: 'levelAboveHigher', level: 2, higher: 1 },
    ]);
    // A classification the scheme has no level for ranks nowhere: the desk's order stands.
    expect(schemeProblems({ name: 'x', levels: levels(['UNCLASSIFIED', 'SECRET', 'RESTRICTED//CEO']) })).toEqual([]);
    expect(schemeProblems(us)).toEqual([]);
  });

  it('refuses a portion mark typed in its brackets, which would print doubled', () => {
    // A Canadian document shows "(PA)" before a paragraph; typed so, every portion printed "((PA))".
    const canadian = (portion: string) =>
      schemeProblems({
        name: 'Canada',
        levels: [
          { name: 'UNCLASSIFIED', portion: 'U' },
          { name: 'PROTECTED A', portion },
          { name: 'SECRET//CANADIAN EYES ONLY', portion: 'S//CEO' },
        ],
      });
    expect(canadian('(PA)')).toEqual([{ problem: 'portionBracketed', level: 1 }]);
    expect(canadian(' （PA） ')).toEqual([{ problem: 'portionBracketed', level: 1 }]);
    expect(canadian('PA')).toEqual([]);
    // Brackets inside a mark are the desk's own: only a mark wrapped whole is the printed form.
    expect(canadian('P(A)')).toEqual([]);
    expect(portionText({ name: 'Canada', levels: [{ name: 'PROTECTED A', portion: 'PA' }] }, 'PROTECTED A')).toBe('(PA)');
  });

  it('refuses a level that would print like another one, or like unmarked material', () => {
    // Banners print in capitals and "(UNMARKED)" is what an unmarked record shows: a marked
    // record must never print the same as a different level or as unmarked material.
    const problems = schemeProblems({
      name: 'AU desk',
      levels: [
        { name: 'AU PUBLIC', portion: 'UNMARKED' },
        { name: 'AU RESTRICTED', portion: 'AR' },
        { name: 'au restricted', portion: 'ar' },
        { name: 'AU SECRE\u0301T', portion: 'AS' },
        { name: 'AU SECR\u00c9T', portion: 'As' },
      ],
    });
    expect(problems).toEqual([
      { problem: 'portionRepeated', level: 0 },
      { problem: 'levelNameRepeated', level: 2 },
      { problem: 'portionRepeated', level: 2 },
      { problem: 'levelNameRepeated', level: 4 },
      { problem: 'portionRepeated', level: 4 },
    ]);
  });

  it('takes a Greek level written in capitals, without its tonos, as the level written with it', () => {
    const greek = {
      name: 'Αθήνα',
      levels: [
        { name: 'Αδιαβάθμητο', portion: 'ΑΔ' },
        { name: 'Απόρρητο', portion: 'ΑΠ' },
        { name: 'ΑΠΟΡΡΗΤΟ', portion: 'ΑΠ2' },
      ],
    };
    expect(schemeProblems(greek)).toEqual([{ problem: 'levelNameRepeated', level: 2 }]);
    expect(acceptedMarking(greek, 'ΑΠΟΡΡΗΤΟ')).toBe('Απόρρητο');
    expect(acceptedMarking(greek, 'ΑΔΙΑΒΑΘΜΗΤΟ')).toBe('Αδιαβάθμητο');
  });

  it('refuses a level that prints like another but for invisible characters or another form of the same letters', () => {
    // Pasted from a PDF: a soft hyphen, a zero-width joiner and a left-to-right mark print as nothing, and Arabic
    // presentation forms (\ufeb3\ufeae\ufef1) print exactly like the letters typed (\u0633\u0631\u064a). A scheme holding
    // both would put the lowest level's record under a banner and portion mark indistinguishable from a higher one.
    const problems = schemeProblems({
      name: 'Gulf desk',
      levels: [
        { name: 'SEC\u00adRET', portion: 'S\u200d' },
        { name: 'RESTRICTED', portion: 'R' },
        { name: 'SECRET\u200e', portion: '\ufeb1' },
        { name: '\u0633\u0631\u064a', portion: '\u0633' },
        { name: '\ufeb3\ufeae\ufef1', portion: 'S' },
      ],
    });
    expect(problems).toEqual([
      { problem: 'levelNameRepeated', level: 2 },
      { problem: 'portionRepeated', level: 3 },
      { problem: 'levelNameRepeated', level: 4 },
      { problem: 'portionRepeated', level: 4 },
    ]);
  });

  it('needs at least one level and at most twenty', () => {
    expect(schemeProblems({ name: 'Desk', levels: [] })).toEqual([{ problem: 'noLevels' }]);
    const many = Array.from({ length: 21 }, (_, index) => ({ name: `L${index}`, portion: `${index}` }));
    expect(schemeProblems({ name: 'Desk', levels: many })).toEqual([{ problem: 'tooManyLevels' }]);
  });

  it('is stored without the spaces typed around its names', () => {
    expect(tidyScheme({ name: ' Desk ', levels: [{ name: ' OPEN ', portion: ' O' }] })).toEqual({
      name: 'Desk',
      levels: [{ name: 'OPEN', portion: 'O' }],
    });
  });
});

describe('a scheme whose levels carry control markings (SECRET//NOFORN)', () => {
  const level = (name: string, portion: string) => ({ name, portion });
  const usWithControls = (...levels: { name: string; portion: string }[]) => ({ name: 'US with controls', levels });
  const unclassified = level('UNCLASSIFIED', 'U');
  const relToAus = level('CONFIDENTIAL//REL TO AUS, USA', 'C//REL');
  const confidential = level('CONFIDENTIAL', 'C');
  const secret = level('SECRET', 'S');
  const noforn = level('SECRET//NOFORN', 'S//NF');

  it('is accepted when every banner keeps the controls of what lies under it', () => {
    const scheme = usWithControls(unclassified, relToAus, confidential, secret, noforn);
    expect(schemeProblems(scheme)).toEqual([]);
    expect(highestMarking(scheme, ['CONFIDENTIAL//REL TO AUS, USA', 'SECRET//NOFORN', 'SECRET']).level?.name).toBe('SECRET//NOFORN');
    expect(highestMarking(scheme, ['CONFIDENTIAL//REL TO AUS, USA', 'CONFIDENTIAL']).level?.name).toBe('CONFIDENTIAL');
  });

  // A desk of a US-aligned partner marks material SECRET//REL TO as well as CONFIDENTIAL, which is not released:
  // no order of the two alone keeps both right, but SECRET above them does, as the US banner rule says.
  it('banners a page holding CONFIDENTIAL and SECRET//REL TO as SECRET, the first level above that keeps both', () => {
    const secretRel = level('SECRET//REL TO AUS, USA', 'S//REL');
    const scheme = usWithControls(unclassified, relToAus, confidential, secretRel, secret, noforn);
    expect(schemeProblems(scheme)).toEqual([]);
    expect(highestMarking(scheme, ['CONFIDENTIAL', 'SECRET//REL TO AUS, USA']).level?.name).toBe('SECRET');
    expect(highestMarking(scheme, ['CONFIDENTIAL//REL TO AUS, USA', 'SECRET//REL TO AUS, USA']).level?.name).toBe(
      'SECRET//REL TO AUS, USA',
    );
    expect(highestMarking(scheme, ['UNCLASSIFIED', 'SECRET//REL TO AUS, USA']).level?.name).toBe('SECRET//REL TO AUS, USA');
    expect(highestMarking(scheme, ['SECRET//REL TO AUS, USA', 'SECRET//NOFORN', 'CONFIDENTIAL']).level?.name).toBe('SECRET//NOFORN');
    const topSecret = usWithControls(unclassified, secret, noforn, level('TOP SECRET', 'TS'), level('TOP SECRET//NOFORN', 'TS//NF'));
    expect(schemeProblems(topSecret)).toEqual([]);
    expect(highestMarking(topSecret, ['SECRET//NOFORN', 'TOP SECRET']).level?.name).toBe('TOP SECRET//NOFORN');
    expect(highestMarking(topSecret, ['SECRET', 'TOP SECRET']).level?.name).toBe('TOP SECRET');
  });

  it('refuses a NOFORN level ranked below one without NOFORN: a page holding both would be bannered releasable', () => {
    const scheme = usWithControls(unclassified, noforn, level('TOP SECRET', 'TS'));
    expect(schemeProblems(scheme)).toEqual([{ problem: 'levelControlsDropped', level: 1, above: 2 }]);
  });

  it('refuses a REL TO level ranked above material not released, or released to fewer countries', () => {
    expect(schemeProblems(usWithControls(unclassified, confidential, relToAus))).toEqual([
      { problem: 'levelControlsDropped', level: 1, above: 2 },
    ]);
    expect(
      schemeProblems(
        usWithControls(unclassified, level('CONFIDENTIAL//REL TO USA', 'C//REL USA'), level('SECRET//REL TO USA, GBR', 'S//REL')),
      ),
    ).toEqual([{ problem: 'levelControlsDropped', level: 1, above: 2 }]);
    // Released to the same countries or fewer above: the banner releases no more than each portion.
    expect(
      schemeProblems(usWithControls(unclassified, level('CONFIDENTIAL//REL TO USA, AUS', 'C//REL'), level('SECRET//REL TO USA', 'S//REL'))),
    ).toEqual([]);
  });
});

describe('the highest marking', () => {
  it('follows the order of the scheme, not the alphabet', () => {
    expect(highestMarking(nato, ['NATO RESTRICTED', 'NATO CONFIDENTIAL', 'COSMIC TOP SECRET']).level?.name).toBe('COSMIC TOP SECRET');
    expect(highestMarking(uk, ['OFFICIAL-SENSITIVE', 'OFFICIAL']).level?.name).toBe('OFFICIAL-SENSITIVE');
    expect(highestMarking(rok, ['대외비', '일반', '3급비밀']).level?.name).toBe('3급비밀');
  });

  it('never takes unmarked material for the lowest level', () => {
    expect(highestMarking(nato, ['', ''])).toEqual({ level: null, unmarkedCount: 2 });
    expect(highestMarking(us, [])).toEqual({ level: null, unmarkedCount: 0 });
    expect(highestMarking(us, ['', 'UNCLASSIFIED'])).toEqual({ level: us.levels[0], unmarkedCount: 1 });
  });

  it('counts a level the scheme does not know as unmarked', () => {
    expect(highestMarking(uk, ['NATO SECRET', 'OFFICIAL'])).toEqual({ level: uk.levels[0], unmarkedCount: 1 });
  });
});

describe('portion marks', () => {
  it('show the level’s portion mark, UNMARKED for an unmarked record, and an unknown level by its name', () => {
    expect(portionText(nato, 'NATO RESTRICTED')).toBe('(NR)');
    expect(portionText(rok, '3급비밀')).toBe('(3급)');
    expect(portionText(nato, '')).toBe(`(${unmarked})`);
    expect(portionText(uk, 'NATO SECRET')).toBe('(NATO SECRET)');
  });
});

describe('the desk’s default marking', () => {
  it('is a level of the scheme or nothing', () => {
    expect(validDefaultMarking(nato, 'NATO RESTRICTED')).toBe('NATO RESTRICTED');
    expect(validDefaultMarking(uk, 'NATO RESTRICTED')).toBe('');
  });
});

describe('a scheme changed in Settings', () => {
  const desk = {
    name: 'IGI 1300',
    levels: [
      { name: 'NON PROTEGE', portion: 'NP' },
      { name: 'DIFFUSION RESTREINTE', portion: 'DR' },
      { name: 'CONFIDENTIEL', portion: 'C' },
      { name: 'SECRET', portion: 'S' },
    ],
  };
  it('names a level renamed or removed, whose records would need marking again', () => {
    const accented = { ...desk, levels: desk.levels.map((level, at) => (at === 0 ? { ...level, name: 'NON PROTÉGÉ' } : level)) };
    expect(schemeChanges(desk, accented)).toEqual({ dropped: ['NON PROTEGE'], renamed: [], lowered: [] });
    expect(schemeChanges(desk, { ...desk, levels: desk.levels.slice(0, 3) })).toEqual({ dropped: ['SECRET'], renamed: [], lowered: [] });
  });
  it('carries a level renamed in its row, moved or not, and refuses to call two levels merged a rename', () => {
    const accented = { ...desk, levels: desk.levels.map((level, at) => (at === 0 ? { ...level, name: 'NON PROTÉGÉ' } : level)) };
    const rename = [{ from: 'NON PROTEGE', to: 'NON PROTÉGÉ' }];
    expect(schemeChanges(desk, accented, rename)).toEqual({ dropped: [], renamed: rename, lowered: [] });
    const movedUp = {
      ...accented,
      levels: [accented.levels[1], accented.levels[0], ...accented.levels.slice(2)].flatMap((l) => (l ? [l] : [])),
    };
    expect(schemeChanges(desk, movedUp, rename)).toMatchObject({
      renamed: rename,
      lowered: [{ level: 'DIFFUSION RESTREINTE', below: 'NON PROTÉGÉ', banner: 'NON PROTÉGÉ' }],
    });
    // Into a level that already was one: its records would change level, not name.
    const merged = { ...desk, levels: desk.levels.slice(1) };
    expect(validRenames(desk, merged, [{ from: 'NON PROTEGE', to: 'DIFFUSION RESTREINTE' }])).toBe(false);
    expect(schemeChanges(desk, merged, [{ from: 'NON PROTEGE', to: 'DIFFUSION RESTREINTE' }]).dropped).toEqual(['NON PROTEGE']);
  });
  it('names a level moved below one it ranked above, whose banners would then print the other', () => {
    const swapped = {
      ...desk,
      levels: [desk.levels[0], desk.levels[1], desk.levels[3], desk.levels[2]].flatMap((level) => (level ? [level] : [])),
    };
    expect(schemeChanges(desk, swapped)).toEqual({
      dropped: [],
      renamed: [],
      lowered: [{ level: 'SECRET', below: 'CONFIDENTIEL', banner: 'CONFIDENTIEL' }],
    });
  });
  it('names the banner of a page holding a lowered level and the other by the banner rule, not the higher of the two', () => {
    const level = (name: string, portion: string) => ({ name, portion });
    const [unclassified, relToAus, confidential, secretRel, secret, noforn] = [
      level('UNCLASSIFIED', 'U'),
      level('CONFIDENTIAL//REL TO USA, AUS', 'C//REL'),
      level('CONFIDENTIAL', 'C'),
      level('SECRET//REL TO USA, AUS', 'S//REL'),
      level('SECRET', 'S'),
      level('SECRET//NOFORN', 'S//NF'),
    ];
    const saved = { name: 'US with controls', levels: [unclassified, relToAus, secretRel, confidential, secret, noforn] };
    const next = { ...saved, levels: [unclassified, relToAus, confidential, secretRel, secret, noforn] };
    expect(schemeProblems(next)).toEqual([]);
    // SECRET//REL TO would release the CONFIDENTIAL beside it: the page is bannered SECRET.
    expect(schemeChanges(saved, next).lowered).toEqual([{ level: 'CONFIDENTIAL', below: 'SECRET//REL TO USA, AUS', banner: 'SECRET' }]);
  });
  it('says nothing of a new portion mark, a level added on top or spaces typed around a name', () => {
    const added = {
      ...desk,
      levels: [
        ...desk.levels.map((level) => ({ name: ` ${level.name} `, portion: `${level.portion}.` })),
        { name: 'TRÈS SECRET', portion: 'TS' },
      ],
    };
    expect(schemeChanges(desk, added)).toEqual({ dropped: [], renamed: [], lowered: [] });
  });
});
