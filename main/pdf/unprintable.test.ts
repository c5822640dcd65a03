import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { meetings } from '../../db/meetings.ts';
import type { Db } from '../../db/open.ts';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { PackPreview } from '../../shared/contract.ts';
import type { PackDefinition } from '../../shared/domain.ts';
import { createDispatch, type Dispatch } from '../ipc/dispatch.ts';
import { createHandlers } from '../ipc/handlers/index.ts';
import { installedFontCoverage, missingCharacters, parseFontCharsets, scriptOf } from './fontCoverage.ts';
import { testPrintEngine } from './printScratch.testing.ts';
import { samplePackDefinition } from './samplePack.ts';

describe('font coverage read from fontconfig', () => {
  const coverage = parseFontCharsets('20-7e a0-17f\n600-6ff\nac00-d7a3 3131\n');

  it('finds the characters no listed font draws, once each, and names their script', () => {
    expect(missingCharacters('Abiy Ahmed (ዐቢይ አሕመድ)', coverage)).toEqual([...'ዐቢይአሕመድ']);
    expect(missingCharacters('윤석열 — محمد — Ærø', coverage)).toEqual(['—']);
    expect(scriptOf('ዐ')).toBe('Ethi');
    expect(scriptOf('윤')).toBe('Hang');
    expect(scriptOf('🙂')).toBe('Zsym');
  });

  it('gives whole letters, vowel signs on their consonant, so a Devanagari name reads as itself, not as loose marks', () => {
    const missing = missingCharacters('Narendra Modi (नरेन्द्र मोदी), प्रधान मंत्री', coverage);
    expect(missing.every((cluster) => /^\p{L}/u.test(cluster))).toBe(true);
    expect(missing.join('').startsWith('नरेन्द्रमोदी')).toBe(true);
  });

  it('does not count what draws nothing: spaces, joiners, direction marks', () => {
    expect(missingCharacters('a\u200d\u2069\u00a0\ufe0f\u3000b', coverage)).toEqual([]);
  });
});

const clock = () => new Date('2023-07-10T08:00:00Z');
const engine = testPrintEngine();
afterAll(() => engine.close());
// This machine's fonts are the subject: the test holds only where no installed font draws Ethiopic (fonts-noto-cjk does not).
const ethiopicDraws = installedFontCoverage()?.covers(0x12d0) ?? true;

describe.skipIf(ethiopicDraws)('a pack whose text the installed fonts cannot draw', () => {
  let db: Db;
  let dispatch: Dispatch;
  let definition: PackDefinition;
  let counterpartId: number;
  beforeEach(() => {
    db = openScratchDatabase(':memory:');
    loadSampleIfEmpty(db);
    definition = samplePackDefinition(db);
    dispatch = createDispatch({ db, handlers: createHandlers({ db, clock, pdf: { engine, exportsDir: '/nonexistent' } }) });
    const meetingSection = definition.sections.find((section) => section.kind === 'meeting');
    if (meetingSection?.kind !== 'meeting') throw new Error('the sample pack has a meeting');
    counterpartId = meetings.get(db, meetingSection.meetingId).counterpartId ?? 0;
  });
  const unprintable = async () => {
    const preview = await dispatch('pack.preview', { definition });
    if (!preview.ok) throw new Error(preview.error.message);
    return (preview.value as PackPreview).unprintable;
  };

  it('names the record with an Amharic name and its script before printing', async () => {
    expect(await unprintable()).toEqual([]);
    const renamed = await dispatch('person.update', { id: counterpartId, patch: { nativeName: 'ዐቢይ አሕመድ' }, expected: {} });
    expect(renamed.ok).toBe(true);
    const found = await unprintable();
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((record) => record.scripts.join() === 'Ethi')).toBe(true);
    expect(found.map((record) => record.kind)).toContain('person');
    expect(found[0]?.characters).toBe('ዐቢይአሕመድ');
  });

  it.each([
    ['Latin', 'Jens Stoltenberg'],
    ['Korean', '윤석열'],
    ['Arabic', 'عبد الله الثاني'],
  ])('says nothing of a %s name', async (_script, nativeName) => {
    expect((await dispatch('person.update', { id: counterpartId, patch: { nativeName }, expected: {} })).ok).toBe(true);
    expect(await unprintable()).toEqual([]);
  });
});
