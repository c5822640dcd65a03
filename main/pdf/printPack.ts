import { type PageContent, swapContentsNumbers } from './contentsNumbers.ts';
import { type Bookmark, finishDocument } from './documentInfo.ts';
import { documentInfo } from './documentMeta.ts';
import { type PdfEngine, throwIfCancelled } from './engine.ts';
import type { PackContent } from './packContent.ts';
import { type PrintedLayout, readPrintedLayout } from './readBack.ts';
import { shownAsStored } from './shownAsStored.ts';
import { renderPackHtml } from './template/packDocument.ts';
import { footerTemplate, headerTemplate, type PageFurniture } from './template/pageFurniture.ts';
import { pageMargins } from './template/printCss.ts';
import { fillContentsNumbers } from './template/toc.ts';

export type ExportStep = 'gathering' | 'layout' | 'numbering' | 'writing' | 'done';
export interface ExportProgress {
  step: ExportStep;
  /** 0 to 1, for a progress bar. */
  fraction: number;
  message: string;
}

export interface PrintPackOptions {
  author: string;
  copy: PageFurniture['copy'];
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  now: Date;
}

export interface PrintedPack {
  pdf: Buffer;
  pages: number;
  /** Page of each section heading, as printed in the contents. */
  sectionPages: Map<string, number>;
  timings: { renderMs: number; engineMs: number; enginePrintMs: number; readBackMs: number; passes: number };
}

/** Prints in all, should the numbers not be drawn in: more means something keeps moving. */
const maxPasses = 4;

/**
 * Prints a pack with correct contents page numbers. Once: the contents' number
 * cells hold placeholder digits, each section's page is read from the print,
 * and the placeholders' glyphs are swapped for the numbers' (contentsNumbers.ts).
 * Should a placeholder not be found in the print, in passes, whatever the engine: print to see
 * where each section lands, print again with those numbers, and accept a
 * print only when every heading is on the page its entry names.
 */
export async function printPack(engine: PdfEngine, stored: PackContent, options: PrintPackOptions): Promise<PrintedPack> {
  // Every text prints as it is stored: a direction override a colleague's record carries is named, not obeyed.
  const pack = shownAsStored(stored);
  const furniture: PageFurniture = {
    banner: pack.banner.name,
    packTitle: pack.title,
    titleMark: pack.titleMark,
    preparedOn: pack.preparedOn,
    language: pack.language,
    copy: shownAsStored(options.copy),
  };
  const timings = { renderMs: 0, engineMs: 0, enginePrintMs: 0, readBackMs: 0, passes: 0 };
  const printOptions = {
    paper: pack.paper,
    margins: pageMargins,
    headerTemplate: headerTemplate(furniture),
    footerTemplate: footerTemplate(furniture),
    // Chromium's own outline sometimes doubles a heading's text; the bookmarks are written after printing instead.
    outline: false,
    tagged: true,
    signal: options.signal,
    onTiming: ({ printMs }: { printMs: number }) => {
      timings.enginePrintMs += printMs;
    },
  };
  const anchors = pack.sections.map((section) => section.anchor);
  // Rendered once: the passes differ only in the contents page's numbers, filled into the same HTML.
  const renderStart = performance.now();
  const html = renderPackHtml(pack, { author: options.author });
  timings.renderMs += performance.now() - renderStart;

  const finish = (pdf: Buffer, layout: PrintedLayout, landed: Map<string, number>, contents: PageContent[] = []): PrintedPack => {
    const finalPdf = finishDocument(pdf, documentInfo(pack, options.author, engine.name, options.now), bookmarksOf(pack, layout), contents);
    return { pdf: finalPdf, pages: layout.pageCount, sectionPages: landed, timings };
  };
  const landedIn = (layout: PrintedLayout): Map<string, number> => {
    const landed = new Map<string, number>();
    for (const anchor of anchors) {
      const target = layout.anchors.get(anchor);
      if (target === undefined)
        throw new Error(`The engine did not keep the link target of section “${anchor}”; the contents cannot be numbered.`);
      landed.set(anchor, target.page);
    }
    return landed;
  };

  throwIfCancelled(options.signal);
  options.onProgress?.({ step: 'layout', fraction: 0.1, message: 'Laying out the pack' });
  const firstStart = performance.now();
  const firstPdf = await engine.print(html, printOptions);
  const firstRead = performance.now();
  timings.engineMs += firstRead - firstStart;
  const firstLayout = await readPrintedLayout(firstPdf);
  timings.passes = 1;
  let pages = landedIn(firstLayout);
  options.onProgress?.({ step: 'numbering', fraction: 0.85, message: 'Numbering the contents' });
  const numbered = swapContentsNumbers(firstPdf, firstLayout, pages, anchors);
  timings.readBackMs += performance.now() - firstRead;
  if (numbered) return finish(firstPdf, firstLayout, pages, numbered);

  for (let pass = 2; pass <= maxPasses; pass += 1) {
    throwIfCancelled(options.signal);
    const fillStart = performance.now();
    const passHtml = fillContentsNumbers(html, pages);
    const engineStart = performance.now();
    timings.renderMs += engineStart - fillStart;
    const pdf = await engine.print(passHtml, printOptions);
    const readStart = performance.now();
    timings.engineMs += readStart - engineStart;
    const layout = await readPrintedLayout(pdf);
    timings.readBackMs += performance.now() - readStart;
    timings.passes = pass;

    const landed = landedIn(layout);
    if (anchors.every((anchor) => pages.get(anchor) === landed.get(anchor))) return finish(pdf, layout, landed);
    pages = landed;
  }
  throw new Error(`The contents page numbers did not settle after ${maxPasses} passes.`);
}

/** A bookmark for the cover, the contents and every section, titled as the contents page titles it. */
function bookmarksOf(pack: PackContent, layout: PrintedLayout): Bookmark[] {
  const [coverPage, contentsPage] = layout.pageRefs;
  if (!coverPage || !contentsPage) throw new Error('The printed pack has no room for its cover and contents.');
  return [
    { title: 'Cover', page: coverPage, top: null },
    { title: 'Contents', page: contentsPage, top: null },
    ...pack.sections.map((section) => {
      const target = layout.anchors.get(section.anchor);
      if (!target) throw new Error(`No link target for section “${section.title}”.`);
      return { title: `${section.mark} ${section.title}`, page: target.pageRef, top: target.top };
    }),
  ];
}
