// pdfjs reads only a file built otherwise than Skia builds it (readBackPdfjs.ts),
// and is loaded only then: its modules take most of a second to load, which
// the first export of a session paid even when the file was read here.

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

export interface PrintedLayout {
  pageCount: number;
  pageRefs: PdfObjectRef[];
  /** Where each named destination (the id of every linked heading) landed. */
  anchors: Map<string, PrintedTarget>;
}

/**
 * Where each object starts, from the classic cross-reference table Skia writes
 * (empty if there is none). A tagged 200-page pack has some 17,000 objects:
 * the table's fixed 20-byte entries are read digit by digit, which takes a
 * millisecond where a regular expression over the table's text took tens.
 */
export function objectOffsets(pdf: Uint8Array): Map<number, number> {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
  const start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1] ?? -1);
  const offsets = new Map<number, number>();
  if (start < 0) return offsets;
  const header = /^xref\s+(\d+)\s+(\d+)\s*?\r?\n/.exec(bytes.subarray(start, start + 64).toString('latin1'));
  if (!header) return offsets;
  const first = Number(header[1]);
  const count = Number(header[2]);
  const entries = start + header[0].length;
  if (entries + count * 20 > bytes.length) return offsets;
  for (let index = 0; index < count; index += 1) {
    const at = entries + index * 20;
    // "oooooooooo ggggg n\r\n": ten digits of offset, a space, five of generation, a space, n (in use) or f (free).
    if (bytes[at + 10] !== 0x20 || bytes[at + 16] !== 0x20) return new Map();
    if (bytes[at + 17] !== 0x6e) continue;
    let offset = 0;
    for (let digit = 0; digit < 10; digit += 1) offset = offset * 10 + ((bytes[at + digit] ?? 0) - 0x30);
    offsets.set(first + index, offset);
  }
  return offsets;
}

/**
 * The links to named destinations on a page, read from the file itself:
 * pdfjs's annotation reader takes a tenth of a second to start, a tenth of
 * a small pack's print. Anything unexpected gives no links (then the pack is
 * printed again with its numbers instead).
 */
export function linksOf(pdf: Uint8Array, objects: Map<number, number>, pageRef: PdfObjectRef): { dest: string; rect: number[] }[] {
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

/** A page tree and named destinations as the engine wrote them. */
export interface PrintedStructure {
  pageRefs: PdfObjectRef[];
  anchors: Map<string, PrintedTarget>;
}

/**
 * The page tree and the named destinations, read straight from the file:
 * Skia writes both as plain dictionaries (`/Pages` with `/Kids`, a `/Dests`
 * dictionary in the catalog) listed in a classic cross-reference table.
 * pdfjs learns the same by loading every page of the pack, which costs a
 * good part of a second for 200 pages. Null when the file is built any other
 * way: then pdfjs reads it.
 */
export function readStructureDirectly(pdf: Uint8Array, objects = objectOffsets(pdf)): PrintedStructure | null {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const objectText = (num: number) => {
    const start = objects.get(num);
    return start === undefined ? null : bytes.subarray(start, bytes.indexOf('endobj', start)).toString('latin1');
  };
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
  const rootNum = /\/Root\s+(\d+)\s+\d+\s+R/.exec(tail.slice(tail.lastIndexOf('trailer')))?.[1];
  const catalog = rootNum === undefined ? null : objectText(Number(rootNum));
  const pagesNum = catalog && /\/Pages\s+(\d+)\s+\d+\s+R/.exec(catalog)?.[1];
  const destsNum = catalog && /\/Dests\s+(\d+)\s+\d+\s+R/.exec(catalog)?.[1];
  if (!pagesNum || !destsNum) return null;

  const pageRefs: PdfObjectRef[] = [];
  const visit = (num: number, gen: number, depth: number): boolean => {
    const node = objectText(num);
    if (node === null || depth > 32) return false;
    if (/\/Type\s*\/Pages\b/.test(node)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1];
      if (kids === undefined) return false;
      return [...kids.matchAll(/(\d+)\s+(\d+)\s+R/g)].every(([, kid, kidGen]) => visit(Number(kid), Number(kidGen), depth + 1));
    }
    if (!/\/Type\s*\/Page\b/.test(node)) return false;
    pageRefs.push({ num, gen });
    return true;
  };
  const pagesText = objectText(Number(pagesNum));
  const count = Number(pagesText && /\/Count\s+(\d+)/.exec(pagesText)?.[1]);
  if (!visit(Number(pagesNum), 0, 0) || pageRefs.length !== count) return null;

  const pageIndex = new Map(pageRefs.map((ref, index) => [ref.num, index]));
  const anchors = new Map<string, PrintedTarget>();
  const dests = objectText(Number(destsNum));
  if (dests === null) return null;
  for (const [, name = '', num, gen, top] of dests.matchAll(/\/([^\s/[\]<>()#]+)\s*\[\s*(\d+)\s+(\d+)\s+R\s*\/XYZ\s+\S+\s+(\S+)/g)) {
    const index = pageIndex.get(Number(num));
    if (index === undefined) return null;
    const topValue = Number(top);
    anchors.set(name, {
      page: index + 1,
      pageRef: { num: Number(num), gen: Number(gen) },
      top: top === 'null' || Number.isNaN(topValue) ? null : topValue,
    });
  }
  return { pageRefs, anchors };
}

/** Reads a printed PDF back: how many pages, and where each linked heading landed. */
export async function readPrintedLayout(pdf: Uint8Array): Promise<PrintedLayout> {
  const direct = readStructureDirectly(pdf);
  if (direct) return { pageCount: direct.pageRefs.length, ...direct };
  const { readStructureWithPdfjs } = await import('./readBackPdfjs.ts');
  const { pageRefs, anchors } = await readStructureWithPdfjs(pdf);
  return { pageCount: pageRefs.length, pageRefs, anchors };
}
