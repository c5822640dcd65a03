import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { savePack } from '../../db/packs.ts';
import { generateDataset } from '../../db/sample/generate.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { PackDefinition } from '../../shared/domain.ts';
import type { PdfEngine } from './engine.ts';
import { exportPack } from './exportPack.ts';
import { nonEmptyLines, type PdfStructure, pageTexts, readStructure } from './pdfText.testing.ts';
import { printScratch } from './printScratch.testing.ts';

const { folder, engine } = printScratch('sherpa-one-print-');

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

describe('a pack whose contents entries wrap over two lines, printed once', () => {
  const db = openScratchDatabase();
  const generated = generateDataset(db, {
    seed: 5,
    summits: 1,
    meetings: 120,
    sectorEntries: 20,
    annotations: 20,
    largestSummitMeetings: 120,
  });
  const meetingIds = db
    .prepare('SELECT id FROM meeting WHERE summit_id = ? ORDER BY starts_at, id')
    .pluck()
    .all(generated.largestSummitId) as number[];
  // Titles of one to three lines in the contents, so that some entry meets the foot of a contents page.
  meetingIds.forEach((id, index) => {
    const words = Array.from({ length: 2 + ((index * 7) % 19) }, (_, word) => `point${word}`).join(' ');
    db.prepare('UPDATE meeting SET title = ? WHERE id = ?').run(`Talks ${index} on the long matter of ${words}`, id);
  });
  const definition: PackDefinition = {
    title: 'Long titles',
    recipient: 'Desk',
    summitId: generated.largestSummitId,
    principalId: null,
    paper: 'a4',
    sections: meetingIds.map((meetingId) => ({ kind: 'meeting', meetingId, form: 'pocket' })),
  };
  savePack(db, 'Long titles', definition);
  const exportWith = (file: string, printWith: PdfEngine) =>
    exportPack(db, printWith, {
      packName: 'Long titles',
      definition,
      outPath: path.join(folder, file),
      clock: () => new Date('2026-06-01T09:00:00Z'),
    });

  /** Each entry's number as printed, in order, checked against its link, its bookmark and the page its heading is on. */
  async function checkContents(file: string): Promise<PdfStructure> {
    const pages = pageTexts(file);
    const structure = await readStructure(fs.readFileSync(file));
    const firstSection = Math.min(...structure.links.map((link) => link.toPage));
    const numbers = pages
      .slice(1, firstSection - 1)
      .flatMap((text) => nonEmptyLines(text).flatMap((line) => /^Pocket card\s+\([^)]+\)\s+.+?\s{2,}(\d+)$/.exec(line)?.[1] ?? []))
      .map(Number);
    expect(numbers).toHaveLength(meetingIds.length);
    const sectionPages = structure.outline.slice(2).map((item) => item.page);
    expect(numbers).toEqual(sectionPages);
    meetingIds.forEach((_, index) => {
      expect(nonEmptyLines(pages[(numbers[index] ?? 0) - 1] ?? '').join(' '), `entry ${index}`).toContain(
        `Talks ${index} on the long matter of`,
      );
    });
    // An entry's link goes where its number says, wherever the entry's lines fall.
    const targets = [...new Set(structure.links.filter((link) => link.onPage < firstSection).map((link) => link.toPage))];
    expect(targets).toEqual([...new Set(numbers)]);
    return structure;
  }

  it('keeps each entry whole on one contents page, and numbers, links and bookmarks every section in one print', async () => {
    const result = await exportWith('long-titles.pdf', engine);
    expect(result.timings.passes).toBe(1);
    const structure = await checkContents(result.path);
    const contentsLinks = structure.links.filter((link) => link.onPage > 1 && link.onPage < (structure.outline[2]?.page ?? 0));
    expect(new Set(contentsLinks.map((link) => link.onPage)).size).toBeGreaterThan(2);
    expect(contentsLinks).toHaveLength(meetingIds.length);
  }, 240_000);

  it('still numbers them in one print when an engine breaks an entry over two pages', async () => {
    // The template's rule that keeps an entry whole, taken out, as an engine that ignores it would print.
    const breaking: PdfEngine = {
      name: engine.name,
      print: (html, options) =>
        engine.print(html.replace(/(\.toc li \{[^}]*?)break-inside: avoid; page-break-inside: avoid; \}/, '$1}'), options),
      close: async () => undefined,
    };
    const result = await exportWith('long-titles-broken.pdf', breaking);
    const structure = await checkContents(result.path);
    const contentsLinks = structure.links.filter((link) => link.onPage > 1 && link.onPage < (structure.outline[2]?.page ?? 0));
    // An entry broken over a page break has a link on each page.
    expect(contentsLinks.length).toBeGreaterThan(meetingIds.length);
    expect(result.timings.passes).toBe(1);
  }, 240_000);
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
      // Text outside any marked content is the running header and footer, page furniture: its date ("1 June 2026",
      // kept whole with no-break spaces) reads as items of their own, "2026" among them, and is no contents number.
      else if (item.str && open.length > 0 && /^\d+$/.test(item.str.trim()))
        numbers.push({ text: item.str.trim(), tag: open.at(-1) ?? 'none' });
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
