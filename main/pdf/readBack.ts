import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PrintedLayout {
  pageCount: number;
  /** 1-based page of each named destination (the id of every linked heading). */
  anchorPages: Map<string, number>;
}

/** Reads a printed PDF back: how many pages, and on which page each linked heading landed. */
export async function readPrintedLayout(pdf: Uint8Array): Promise<PrintedLayout> {
  // pdfjs may take the buffer over; it gets its own copy.
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  try {
    const anchorPages = new Map<string, number>();
    const destinations = (await document.getDestinations()) as Record<string, unknown[] | null>;
    for (const [name, destination] of Object.entries(destinations)) {
      const target = destination?.[0];
      if (target && typeof target === 'object' && 'num' in target) {
        anchorPages.set(name, (await document.getPageIndex(target as { num: number; gen: number })) + 1);
      }
    }
    return { pageCount: document.numPages, anchorPages };
  } finally {
    await document.destroy();
  }
}
