import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNote } from '../../db/notes.ts';
import type { Db } from '../../db/open.ts';
import { sources } from '../../db/people.ts';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { sectorEntries } from '../../db/sectors.ts';
import { summits } from '../../db/summits.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { PackDefinition } from '../../shared/domain.ts';
import { presetSchemes } from '../../shared/markings.ts';
import { gatherPackContent } from './packContent.ts';
import { previewPack } from './packPreview.ts';
import { addTokyoBriefing, type SecondBriefing, tokyoPackDefinition } from './secondBriefing.testing.ts';

// A desk's tenth summit: one sector (maritime surveillance) recurs at every
// summit, and each summit's entries and annotations sit in it. A pack prints
// its own summit's material: an entry dated during another of the desk's
// summits is that summit's, left out unless the officer keeps it.

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-other-summits-'));
let db: Db;
let tokyo: SecondBriefing;
let hagueEntry: number;
const options = { scheme: presetSchemes.nato, homeTimeZone: 'Europe/London', preparedOn: '2026-02-20' };
const hagueTexts = ['Hague buoy pledge', 'Hague-only excerpt', 'Hague desk cable', 'Hague reading of the pledge', 'Keep this from Tokyo'];

beforeAll(() => {
  db = openScratchDatabase(path.join(folder, 'ten-summits.sqlite'));
  loadSampleIfEmpty(db);
  tokyo = addTokyoBriefing(db);
  const marked = { classification: 'NATO RESTRICTED' };
  const hagueSource = sources.insert(db, {
    ...marked,
    title: 'Hague desk cable',
    publisher: 'NATO desk',
    location: '',
    publishedOn: null,
    note: '',
  });
  summits.insert(db, {
    ...marked,
    title: 'NATO Summit The Hague',
    city: 'The Hague',
    countryId: null,
    startDate: '2026-06-24',
    endDate: '2026-06-25',
    timeZone: 'Europe/Amsterdam',
    description: '',
    sourceId: hagueSource,
  });
  hagueEntry = sectorEntries.insert(db, {
    ...marked,
    sectorId: tokyo.sectorId,
    occurredOn: '2026-06-24',
    title: 'Hague buoy pledge',
    body: 'Allies pledge buoys.',
    sourceExcerpt: 'Hague-only excerpt',
    sourceId: hagueSource,
  });
  createNote(
    db,
    { sectorEntryId: hagueEntry, meetingId: null },
    { title: 'Hague reading of the pledge', body: 'Keep this from Tokyo.', tags: [], classification: 'NATO SECRET' },
  );
});
afterAll(() => {
  db.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const printed = (definition: PackDefinition) => JSON.stringify(gatherPackContent(db, definition, options));

describe('a sector every summit of the desk writes in', () => {
  it('leaves out of the Tokyo pack the entry dated during the Hague summit, with its annotation, source, timeline row and marking', () => {
    const definition = tokyoPackDefinition(tokyo);
    const text = printed(definition);
    for (const hague of hagueTexts) expect(text, hague).not.toContain(hague);
    expect(gatherPackContent(db, definition, options).banner.name).toBe('NATO RESTRICTED');
    // The sector's own background entries (dated during no summit) still print.
    expect(text).toContain('Telemetry pilot scoped at working level');
  });

  it('lists that entry in the builder as left out, naming the summit it was dated during', () => {
    const preview = previewPack(db, tokyoPackDefinition(tokyo), options);
    const entry = preview.sectorEntries.flatMap((sector) => sector.entries).find((choice) => choice.id === hagueEntry);
    expect(entry).toMatchObject({ removed: true, otherSummit: 'NATO Summit The Hague' });
    const willPrint = JSON.stringify(preview.sections);
    expect(willPrint).not.toContain('Hague');
  });

  it('prints it once the officer keeps it in this pack', () => {
    const definition = tokyoPackDefinition(tokyo);
    const kept: PackDefinition = {
      ...definition,
      sections: definition.sections.map((section) => (section.kind === 'sector' ? { ...section, keptEntryIds: [hagueEntry] } : section)),
    };
    const text = printed(kept);
    for (const hague of hagueTexts) expect(text, hague).toContain(hague);
    expect(gatherPackContent(db, kept, options).banner.name).toBe('NATO SECRET');
  });

  it('leaves it out of a pack whose summit was deleted too: a pack of no summit holds no summit’s entries unless kept', () => {
    const orphaned: PackDefinition = { ...tokyoPackDefinition(tokyo), summitId: null };
    const text = printed(orphaned);
    for (const hague of hagueTexts) expect(text, hague).not.toContain(hague);
    const entry = previewPack(db, orphaned, options)
      .sectorEntries.flatMap((sector) => sector.entries)
      .find((choice) => choice.id === hagueEntry);
    expect(entry).toMatchObject({ removed: true, otherSummit: 'NATO Summit The Hague' });
  });
});
