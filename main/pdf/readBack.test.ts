import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishDocument } from './documentInfo.ts';
import type { PdfEngine } from './engine.ts';
import { testPrintEngine } from './printScratch.testing.ts';
import { readPrintedLayout, readStructureDirectly } from './readBack.ts';

// The layout of a print is read from the file's own page tree and named
// destinations (fast), and must say exactly what pdfjs says of the same file;
// a file built otherwise (here: after Sherpa's own incremental update) is read
// by pdfjs instead, with the same answer.

let engine: PdfEngine;
let printed: Buffer;
/** Thirty linked headings (Chromium names only linked targets) on pages of their own, some further down a page: Skia nests a page tree that long. */
const headings = Array.from({ length: 30 }, (_, index) => `section-${index + 1}`);
const html = `<!DOCTYPE html><html><body>${headings
  .map(
    (id, index) =>
      `<section style="break-before: page">${index % 3 === 1 ? '<p style="height: 120mm">Lead-in</p>' : ''}<h1 id="${id}">Section ${index + 1}</h1><p>Text</p></section>`,
  )
  .join('')}<p>${headings.map((id) => `<a href="#${id}">${id}</a>`).join(' ')}</p></body></html>`;

beforeAll(async () => {
  engine = testPrintEngine();
  printed = await engine.print(html, {
    paper: 'a4',
    margins: { top: 20, bottom: 20, left: 15, right: 15 },
    headerTemplate: '<span></span>',
    footerTemplate: '<span></span>',
    outline: false,
    tagged: true,
  });
}, 60_000);
afterAll(() => engine.close());

/** What pdfjs makes of the file: each destination's page and top, and every page's object number. */
async function asPdfjsReadsIt(pdf: Uint8Array) {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  try {
    const destinations = (await document.getDestinations()) as Record<string, [{ num: number; gen: number }, unknown, unknown, number]>;
    const anchors: Record<string, { page: number; top: number }> = {};
    for (const [name, [ref, , , top]] of Object.entries(destinations))
      anchors[name] = { page: (await document.getPageIndex(ref)) + 1, top };
    const pages: number[] = [];
    for (let number = 1; number <= document.numPages; number++) pages.push((await document.getPage(number)).ref?.num ?? -1);
    return { anchors, pages };
  } finally {
    await document.destroy();
  }
}

const asRead = async (pdf: Uint8Array) => {
  const layout = await readPrintedLayout(pdf);
  return {
    anchors: Object.fromEntries([...layout.anchors].map(([name, target]) => [name, { page: target.page, top: target.top }])),
    pages: layout.pageRefs.map((ref) => ref.num),
  };
};

describe('reading where each heading of a print landed', () => {
  it('finds every heading on the page and at the height pdfjs finds it, from the file’s own tables', async () => {
    expect(readStructureDirectly(printed)).not.toBeNull();
    const read = await asRead(printed);
    expect(read.pages).toHaveLength(30);
    expect(Object.keys(read.anchors).sort()).toEqual([...headings].sort());
    expect(read).toEqual(await asPdfjsReadsIt(printed));
    // Lead-ins push some headings down their page.
    expect(new Set(Object.values(read.anchors).map((anchor) => anchor.top)).size).toBeGreaterThan(1);
  });

  it('reads a file whose tables it does not know with pdfjs, to the same answer', async () => {
    const finished = finishDocument(
      printed,
      { title: 'T', author: 'A', subject: 'S', creator: 'C', producer: 'P', created: new Date('2026-06-01T09:00:00Z') },
      [],
    );
    expect(readStructureDirectly(finished)).toBeNull();
    expect(await asRead(finished)).toEqual(await asRead(printed));
  });
});
