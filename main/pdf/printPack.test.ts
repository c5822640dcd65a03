import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { savePack } from '../../db/packs.ts';
import { generateDataset } from '../../db/sample/generate.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { PackDefinition } from '../../shared/domain.ts';
import { createChromiumEngine } from './chromiumEngine.ts';
import type { PdfEngine } from './engine.ts';
import { exportPack } from './exportPack.ts';
import { nonEmptyLines, pageTexts, readStructure } from './pdfText.testing.ts';

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

/** Each number on a page and the marked content it sits in: a tagged span carries an id, a decoration is an Artifact. */
async function numbersAndTheirTags(pdf: Uint8Array, pageNumber: number): Promise<{ text: string; tag: string }[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  try {
    const content = await (await document.getPage(pageNumber)).getTextContent({ includeMarkedContent: true });
    const open: string[] = [];
    const numbers: { text: string; tag: string }[] = [];
    for (const item of content.items as { type?: string; tag?: string; id?: string; str?: string }[]) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(item.id ? 'tagged' : (item.tag ?? ''));
      else if (item.type === 'endMarkedContent') open.pop();
      else if (item.str && /^\d+$/.test(item.str.trim())) numbers.push({ text: item.str.trim(), tag: open.at(-1) ?? 'none' });
    }
    return numbers;
  } finally {
    await document.destroy();
  }
}

describe('the contents numbers of a pack printed once', () => {
  const db = openScratchDatabase();
  const generated = generateDataset(db, { seed: 7, summits: 1, meetings: 6, sectorEntries: 5, annotations: 5, largestSummitMeetings: 6 });
  const meetingIds = db
    .prepare('SELECT id FROM meeting WHERE summit_id = ? ORDER BY starts_at, id')
    .pluck()
    .all(generated.largestSummitId) as number[];
  const definition: PackDefinition = {
    title: 'Three pocket cards',
    recipient: 'Desk',
    summitId: generated.largestSummitId,
    principalId: null,
    paper: 'a4',
    sections: meetingIds.slice(0, 3).map((meetingId) => ({ kind: 'meeting', meetingId, form: 'pocket' })),
  };
  savePack(db, 'Three', definition);
  const exportTo = (file: string, printWith: PdfEngine) =>
    exportPack(db, printWith, {
      packName: 'Three',
      definition,
      outPath: path.join(folder, file),
      clock: () => new Date('2026-06-01T09:00:00Z'),
    });

  it('are the print’s own text: in its embedded font and its tagged structure, read as text by assistive technology', async () => {
    const result = await exportTo('three.pdf', engine);
    expect(result.timings.passes).toBe(1);
    const pdf = fs.readFileSync(result.path);
    const numbers = await numbersAndTheirTags(pdf, 2);
    const targets = (await readStructure(pdf)).links.filter((link) => link.onPage === 2).map((link) => String(link.toPage));
    expect(targets).toHaveLength(3);
    expect(numbers.map((number) => number.text)).toEqual(targets);
    for (const number of numbers) expect(number.tag).toBe('tagged');
    // Every font is embedded: no stand-in drawn from the reader's own fonts.
    const fonts = execFileSync('pdffonts', [result.path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font, font).toMatch(/\s+yes\s+(?:yes|no)\s+yes\s+\d+\s+\d+\s*$/);
  }, 120_000);

  it('are printed into the HTML and the pack printed again when the placeholders are not in the print as expected', async () => {
    // An engine whose print draws the placeholders otherwise (as another engine or font might).
    const otherwise: PdfEngine = {
      name: engine.name,
      print: (html, options) => engine.print(html.replaceAll('>01234<', '>01 234<'), options),
      close: async () => undefined,
    };
    const result = await exportTo('three-again.pdf', otherwise);
    expect(result.timings.passes).toBe(2);
    const entries = nonEmptyLines(pageTexts(result.path)[1] ?? '').flatMap((line) => /\([^)]+\)\s+.+?\s{2,}(\d+)$/.exec(line)?.[1] ?? []);
    const targets = (await readStructure(fs.readFileSync(result.path))).links.filter((link) => link.onPage === 2);
    expect(entries).toEqual(targets.map((link) => String(link.toPage)));
    expect(entries).toHaveLength(3);
  }, 120_000);
});
