import { describe, expect, it } from 'vitest';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { ClassificationScheme, PackPreview } from '../../shared/contract.ts';
import { presetSchemes } from '../../shared/markings.ts';
import { createDispatch } from '../ipc/dispatch.ts';
import { createHandlers } from '../ipc/handlers/index.ts';
import { samplePackDefinition } from './samplePack.ts';

// An air-gapped desk on the NATO scheme imported a bundle marked under a
// Portuguese scheme (RESERVADO, CONFIDENCIAL). Export was rightly held back,
// yet the builder's "Will print" said "Banner on every page: NATO
// UNCLASSIFIED" and put (NU) before each section: the lowest level stood in
// for material whose level nobody here can tell. The preview now says the
// pack holds such material, and a section holding it is not given a level.
const portuguese: ClassificationScheme = {
  name: 'Portugal (SEGNAC)',
  levels: [
    { name: 'NÃO CLASSIFICADO', portion: 'NC' },
    { name: 'RESERVADO', portion: 'R' },
    { name: 'CONFIDENCIAL', portion: 'C' },
  ],
};

async function previewUnder(scheme: ClassificationScheme | null): Promise<PackPreview> {
  const db = openScratchDatabase(':memory:');
  loadSampleIfEmpty(db);
  const dispatch = createDispatch({ db, handlers: createHandlers({ db, clock: () => new Date('2026-12-02T07:00:00Z') }) });
  if (scheme) {
    const changed = await dispatch('settings.update', {
      classificationScheme: scheme,
      droppedLevelsConfirmed: presetSchemes.nato.levels.map((level) => level.name),
    });
    if (!changed.ok) throw new Error(changed.error.message);
  }
  const preview = await dispatch('pack.preview', { definition: samplePackDefinition(db) });
  if (!preview.ok) throw new Error(preview.error.message);
  return preview.value as PackPreview;
}

describe('the builder’s preview of a pack holding material of no level of the scheme', () => {
  it('names the marking the material carries, names no banner level, and gives its sections no level of the scheme', async () => {
    // The sample is marked NATO UNCLASSIFIED: a marking, of another scheme. Listed "(UNMARKED)", an officer would
    // take it for material nobody had marked and might give it the lowest level, whatever it was marked before.
    const preview = await previewUnder(portuguese);
    expect(preview.holdsUnmarked).toBe(true);
    expect(preview.banner).toBe('');
    expect(preview.outsideScheme).toEqual(['NATO UNCLASSIFIED']);
    expect(preview.holdsNoMarking).toBe(false);
    const meeting = preview.sections.find((section) => section.kind === 'meeting');
    expect(meeting?.mark).toBe('(NATO UNCLASSIFIED)');
    expect(meeting?.records[0]?.mark).toBe('(NATO UNCLASSIFIED)');
    expect(preview.sections.map((section) => section.mark)).not.toContain('(NC)');
    expect(preview.sections.map((section) => section.mark)).not.toContain('(UNMARKED)');
  });

  it('keeps the banner and section marks of a pack whose every record carries a level of the scheme', async () => {
    const preview = await previewUnder(null);
    expect(preview.holdsUnmarked).toBe(false);
    expect(preview.outsideScheme).toEqual([]);
    expect(preview.banner).toMatch(/^NATO /);
    expect(preview.sections.every((section) => /^\((NU|NR|NC|NS|CTS)\)$/.test(section.mark))).toBe(true);
  });
});
