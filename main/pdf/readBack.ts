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

export interface PrintedLayout {
  pageCount: number;
  pageRefs: PdfObjectRef[];
  /** Where each named destination (the id of every linked heading) landed. */
  anchors: Map<string, PrintedTarget>;
}

/** Reads a printed PDF back: how many pages, and where each linked heading landed. */
export async function readPrintedLayout(pdf: Uint8Array): Promise<PrintedLayout> {
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
    return { pageCount: document.numPages, pageRefs, anchors };
  } finally {
    await document.destroy();
  }
}
