import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

// pdfjs parses on the calling thread when it finds its worker module here;
// importing it statically also makes the app's bundler include it, where
// pdfjs's own lookup of a worker file beside itself would fail.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= pdfWorker;

export interface PdfObjectRef {
  num: number;
  gen: number;
}
export interface PrintedTarget {
  /** 1-based page number. */
  page: number;
  pageRef: PdfObjectRef;
  /** Top of the target on its page, in PDF units from the bottom, when the engine recorded it. */
  top: number | null;
}

/** A link on a page before the first linked heading (a contents entry): where its row sits. */
export interface PrintedContentsEntry {
  pageRef: PdfObjectRef;
  /** Right edge of the link's box, in PDF units. */
  right: number;
  /** Baseline and font size of the row's largest text (its title), in PDF units. */
  baseline: number;
  fontSize: number;
}

export interface PrintedLayout {
  pageCount: number;
  pageRefs: PdfObjectRef[];
  /** Where each named destination (the id of every linked heading) landed. */
  anchors: Map<string, PrintedTarget>;
  /** The links before the first linked heading, by the destination they name. */
  contentsEntries: Map<string, PrintedContentsEntry>;
}

interface TextItemLike {
  str?: string;
  transform?: number[];
}

/** Where each object starts, from the classic cross-reference table Skia writes (empty if there is none). */
function objectOffsets(pdf: Uint8Array): Map<number, number> {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
  const start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1] ?? -1);
  const offsets = new Map<number, number>();
  if (start < 0) return offsets;
  const table = bytes.subarray(start, bytes.indexOf('trailer', start)).toString('latin1');
  const header = /^xref\s+(\d+)\s+\d+\s*\r?\n/.exec(table);
  if (!header) return offsets;
  let num = Number(header[1]);
  for (const [, offset, kind] of table.slice(header[0].length).matchAll(/(\d{10}) \d{5} ([nf])/g)) {
    if (kind === 'n') offsets.set(num, Number(offset));
    num += 1;
  }
  return offsets;
}

/**
 * The links to named destinations on a page, read from the file itself:
 * pdfjs's annotation reader takes a tenth of a second to start, a tenth of
 * a small pack's print. Anything unexpected gives no links (then the pack is
 * printed again with its numbers instead).
 */
function linksOf(pdf: Uint8Array, objects: Map<number, number>, pageRef: PdfObjectRef): { dest: string; rect: number[] }[] {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const objectText = (num: number) => {
    const start = objects.get(num);
    return start === undefined ? '' : bytes.subarray(start, bytes.indexOf('endobj', start)).toString('latin1');
  };
  const annots = /\/Annots\s*\[([^\]]*)\]/.exec(objectText(pageRef.num))?.[1] ?? '';
  return [...annots.matchAll(/(\d+)\s+\d+\s+R/g)].flatMap(([, num]) => {
    const annotation = objectText(Number(num));
    const rect = /\/Rect\s*\[([^\]]*)\]/.exec(annotation)?.[1]?.trim().split(/\s+/).map(Number);
    const dest = /\/Dest\s*\/([\w.-]+)/.exec(annotation)?.[1];
    return /\/Subtype\s*\/Link/.test(annotation) && dest && rect?.length === 4 ? [{ dest, rect }] : [];
  });
}

/**
 * Each link before the first heading, with where its row's text sits. Every
 * contents row is laid out alike, so its baseline sits the same distance
 * below the top of its link box: that distance and the font size are read
 * from the text of the first row only (reading a page's text costs far more
 * than its links).
 */
async function readContentsEntries(
  pdf: Uint8Array,
  document: Awaited<ReturnType<typeof getDocument>['promise']>,
  beforePage: number,
  pageRefs: PdfObjectRef[],
): Promise<Map<string, PrintedContentsEntry>> {
  const links: { pageRef: PdfObjectRef; dest: string; rect: number[] }[] = [];
  let row: { drop: number; fontSize: number } | null = null;
  const objects = objectOffsets(pdf);
  for (let number = 1; number < beforePage; number += 1) {
    const pageRef = pageRefs[number - 1];
    const pageLinks = pageRef ? linksOf(pdf, objects, pageRef) : [];
    if (!pageRef || pageLinks.length === 0) continue;
    links.push(...pageLinks.map((link) => ({ pageRef, ...link })));
    if (row !== null) continue;
    const [, bottom = 0, , top = 0] = pageLinks[0]?.rect ?? [];
    for (const item of (await (await document.getPage(number)).getTextContent()).items as TextItemLike[]) {
      const [, , , scale = 0, , baseline = 0] = item.transform ?? [];
      if (item.str?.trim() && baseline > bottom && baseline < top && (row === null || scale > row.fontSize))
        row = { drop: top - baseline, fontSize: scale };
    }
  }
  const entries = new Map<string, PrintedContentsEntry>();
  if (row === null) return entries;
  for (const { pageRef, dest, rect } of links) {
    const [, , right = 0, top = 0] = rect;
    entries.set(dest, { pageRef, right, baseline: top - row.drop, fontSize: row.fontSize });
  }
  return entries;
}

/**
 * Reads a printed PDF back: how many pages, and where each linked heading
 * landed; with `sectionAnchors`, also the contents entries before the first of them.
 */
export async function readPrintedLayout(pdf: Uint8Array, sectionAnchors: readonly string[] = []): Promise<PrintedLayout> {
  // pdfjs may take the buffer over; it gets its own copy.
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  try {
    const anchors = new Map<string, PrintedTarget>();
    const destinations = (await document.getDestinations()) as Record<string, unknown[] | null>;
    for (const [name, destination] of Object.entries(destinations)) {
      const target = destination?.[0];
      if (target && typeof target === 'object' && 'num' in target) {
        const pageRef = target as PdfObjectRef;
        const top = destination?.[1] && typeof destination[3] === 'number' ? destination[3] : null;
        anchors.set(name, { page: (await document.getPageIndex(pageRef)) + 1, pageRef, top });
      }
    }
    const pageRefs: PdfObjectRef[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const ref = (await document.getPage(number)).ref;
      if (!ref) throw new Error(`Page ${number} of the printed PDF has no object reference.`);
      pageRefs.push({ num: ref.num, gen: ref.gen });
    }
    const firstHeading = Math.min(...sectionAnchors.map((anchor) => anchors.get(anchor)?.page ?? 1));
    const contentsEntries = sectionAnchors.length > 0 ? await readContentsEntries(pdf, document, firstHeading, pageRefs) : new Map();
    return { pageCount: document.numPages, pageRefs, anchors, contentsEntries };
  } finally {
    await document.destroy();
  }
}
