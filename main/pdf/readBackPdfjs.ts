// Before pdfjs: it needs a DOMMatrix the moment its module is evaluated.
import './pdfjsNodeGlobals.ts';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { PdfObjectRef, PrintedStructure, PrintedTarget } from './readBack.ts';

// pdfjs parses on the calling thread when it finds its worker module here;
// importing it statically here also makes the app's bundler include it, where
// pdfjs's own lookup of a worker file beside itself would fail.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= pdfWorker;

/** The page tree and named destinations as pdfjs reads them, for a file readStructureDirectly cannot read. */
export async function readStructureWithPdfjs(pdf: Uint8Array): Promise<PrintedStructure> {
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
    return { pageRefs, anchors };
  } finally {
    await document.destroy();
  }
}
