import type { PaperSize } from '../../shared/domain.ts';

/** What every engine is asked to do with a pack's HTML: the same options, whichever engine prints. */
export interface PrintOptions {
  paper: PaperSize;
  /** Margins in millimetres; the header and footer print inside them. */
  margins: { top: number; bottom: number; left: number; right: number };
  /** HTML with inline styles only; spans of class pageNumber and totalPages are filled in per page. */
  headerTemplate: string;
  footerTemplate: string;
  /** PDF bookmarks built from the document's headings. */
  outline: boolean;
  /** A tagged (accessible) PDF: structure, reading order, text as text. */
  tagged: boolean;
  /**
   * Only where things land matters (the first pass): the engine may skip the
   * header, footer and tagging, which take print time but move nothing.
   */
  draft?: boolean;
  signal?: AbortSignal;
  /** Told how long loading the page and the engine's own print call took. */
  onTiming?: (timing: { loadMs: number; printMs: number }) => void;
}

export interface PdfEngine {
  readonly name: string;
  print(html: string, options: PrintOptions): Promise<Buffer>;
  /** Releases the browser or window the engine keeps between prints. */
  close(): Promise<void>;
}

/** An export stopped by its user: not a failure to report as one. */
export class ExportCancelledError extends Error {
  constructor() {
    super('No file was written: the export was cancelled.');
    this.name = 'ExportCancelledError';
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportCancelledError();
}

export const paperNames = { a4: 'A4', letter: 'Letter' } as const satisfies Record<PaperSize, string>;

/** Evaluated in the page before printing; a string, so main's type check needs no DOM types. */
export const waitForFonts = 'document.fonts.ready.then(() => true)';

/** The same, once the document has loaded: content set without navigating is not awaited by its setter. */
export const waitForLoadAndFonts =
  "new Promise((loaded) => document.readyState === 'complete' ? loaded() : window.addEventListener('load', loaded, { once: true }))" +
  '.then(() => document.fonts.ready).then(() => true)';
