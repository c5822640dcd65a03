import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { savePack } from '../../db/packs.ts';
import { generateDataset } from '../../db/sample/generate.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { PackDefinition } from '../../shared/domain.ts';
import { createChromiumEngine } from './chromiumEngine.ts';
import { contentsNumberStamps } from './contentsNumbers.ts';
import type { PdfEngine } from './engine.ts';
import { exportPack } from './exportPack.ts';
import { nonEmptyLines, pageTexts, readStructure } from './pdfText.testing.ts';
import type { PrintedLayout } from './readBack.ts';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-one-print-'));
let engine: PdfEngine;
beforeAll(() => {
  engine = createChromiumEngine();
});
afterAll(async () => {
  await engine.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('a pack whose contents run over two pages, printed once', () => {
  const db = openScratchDatabase();
  const generated = generateDataset(db, {
    seed: 5,
    summits: 2,
    meetings: 80,
    sectorEntries: 20,
    annotations: 20,
    largestSummitMeetings: 40,
  });
  const meetingIds = db
    .prepare('SELECT id FROM meeting WHERE summit_id = ? ORDER BY starts_at, id')
    .pluck()
    .all(generated.largestSummitId) as number[];
  const definition: PackDefinition = {
    title: 'Forty pocket cards',
    recipient: 'Desk',
    summitId: generated.largestSummitId,
    principalId: null,
    paper: 'a4',
    sections: meetingIds.map((meetingId) => ({ kind: 'meeting', meetingId, form: 'pocket' })),
  };
  const file = path.join(folder, 'forty.pdf');
  let pages: string[];
  let passes: number;

  beforeAll(async () => {
    savePack(db, 'Forty', definition);
    const result = await exportPack(db, engine, {
      packName: 'Forty',
      definition,
      outPath: file,
      clock: () => new Date('2026-06-01T09:00:00Z'),
    });
    passes = result.timings.passes;
    pages = pageTexts(file);
  }, 180_000);

  /** Every contents line, on the pages before the first section: portion mark, title, page number. */
  const contentsLines = () =>
    pages.slice(1, 4).flatMap((text, index) =>
      nonEmptyLines(text).flatMap((line) => {
        const match = /(\([^)]+\))\s+(.+?)\s{2,}(\d+)$/.exec(line);
        return match ? [{ onPage: index + 2, heading: `${match[1]} ${match[2]}`, page: Number(match[3]) }] : [];
      }),
    );

  it('is printed by Chromium once, and numbers every entry with the page its section starts on', () => {
    expect(passes).toBe(1);
    const entries = contentsLines();
    expect(entries).toHaveLength(meetingIds.length);
    expect(new Set(entries.map((entry) => entry.onPage)).size).toBeGreaterThan(1);
    for (const entry of entries) {
      const printed = nonEmptyLines(pages[entry.page - 1] ?? '')
        .join(' ')
        .replace(/\s+/g, ' ');
      expect(printed, entry.heading).toContain(entry.heading);
    }
    // Sections follow one another: the numbers only grow.
    const numbers = entries.map((entry) => entry.page);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('links every entry to the page its number names, and bookmarks each section there', async () => {
    const structure = await readStructure(fs.readFileSync(file));
    const entries = contentsLines();
    const links = structure.links.filter((link) => link.onPage < (entries[0]?.page ?? 0));
    expect(links.map((link) => link.toPage)).toEqual(entries.map((entry) => entry.page));
    expect(structure.outline.slice(2).map((item) => item.page)).toEqual(entries.map((entry) => entry.page));
    // Each number is drawn inside its link's box, flush with its right edge, as the HTML's cell puts it.
    for (const link of links) expect(link.rect[2]).toBeGreaterThan(500);
  });
});

describe('numbering the contents from the print', () => {
  const pageRef = { num: 7, gen: 0 };
  const layout: PrintedLayout = {
    pageCount: 3,
    pageRefs: [],
    anchors: new Map(),
    contentsEntries: new Map([['section-1', { pageRef, right: 545, baseline: 700, fontSize: 10 }]]),
  };

  it('right-aligns each number on its row’s baseline', () => {
    const [stamp] = contentsNumberStamps(layout, new Map([['section-1', 12]])) ?? [];
    expect(stamp?.page).toEqual(pageRef);
    // Two digits of Helvetica-Bold at 10 pt are 11.12 pt wide.
    expect(stamp?.content).toContain('533.88 700.00 Td (12) Tj');
  });

  it('gives up, so the pack is printed again with the numbers in it, when a row was not found', () => {
    expect(contentsNumberStamps(layout, new Map([['section-2', 4]]))).toBeNull();
  });
});
