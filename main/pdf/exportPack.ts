import path from 'node:path';
import type { Db } from '../../db/open.ts';
import { nextCopyNumber, registerIssuedCopy } from '../../db/packs.ts';
import type { PackExportResult } from '../../shared/contract.ts';
import type { PackDefinition, PaperSize } from '../../shared/domain.ts';
import { readSettings } from '../ipc/handlers/settings.ts';
import { reserveFile } from './atomicFile.ts';
import { UnmarkedMaterialError } from './classification.ts';
import { type PdfEngine, throwIfCancelled } from './engine.ts';
import { gatherPackContent } from './packContent.ts';
import { type ExportProgress, printPack } from './printPack.ts';

export interface ExportPackRequest {
  packName: string;
  definition: PackDefinition;
  outPath: string;
  paper?: PaperSize;
  /** Stamps every page with this recipient, the date and the next copy number, and registers the copy. */
  copyFor?: string;
  /** False where the store is open for reading only (the export command): the copy is numbered, not registered. */
  registerCopy?: boolean;
  author?: string;
  clock?: () => Date;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
}

/** The venue-independent date a pack is prepared on: the desk officer's own calendar day. */
function dayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * Exports a pack to `outPath`: reads the store, prints with correct contents
 * numbers, and moves the finished PDF into place. On failure or cancellation
 * the target is untouched and no temporary file is left.
 */
export async function exportPack(db: Db, engine: PdfEngine, request: ExportPackRequest): Promise<PackExportResult> {
  const started = performance.now();
  const now = (request.clock ?? (() => new Date()))();
  const outPath = path.resolve(request.outPath);
  if (path.extname(outPath).toLowerCase() !== '.pdf') throw new Error(`The output file must end in .pdf: ${outPath}`);
  const pending = await reserveFile(outPath);
  try {
    request.onProgress?.({ step: 'gathering', fraction: 0, message: 'Reading the pack’s contents' });
    const settings = readSettings(db);
    const content = gatherPackContent(db, request.definition, {
      scheme: settings.classificationScheme,
      homeTimeZone: settings.homeTimeZone,
      preparedOn: dayIn(settings.homeTimeZone, now),
      ...(request.paper ? { paper: request.paper } : {}),
    });
    if (content.unmarked.length > 0) throw new UnmarkedMaterialError(content.unmarked, settings.classificationScheme);
    const gatherMs = performance.now() - started;
    const copy = request.copyFor
      ? { recipient: request.copyFor, number: nextCopyNumber(db, request.packName), issuedOn: content.preparedOn }
      : null;
    const printed = await printPack(engine, content, {
      author: request.author ?? 'Sherpa',
      copy,
      now,
      ...(request.signal ? { signal: request.signal } : {}),
      ...(request.onProgress ? { onProgress: request.onProgress } : {}),
    });
    throwIfCancelled(request.signal);
    request.onProgress?.({ step: 'writing', fraction: 0.95, message: `Writing ${outPath}` });
    const writeStart = performance.now();
    await pending.commit(printed.pdf);
    const writeMs = performance.now() - writeStart;
    if (copy && request.registerCopy !== false)
      registerIssuedCopy(db, request.packName, { copyNumber: copy.number, recipient: copy.recipient, issuedAt: now.toISOString() });
    request.onProgress?.({ step: 'done', fraction: 1, message: `Wrote ${printed.pages} pages to ${outPath}` });
    return {
      path: outPath,
      pages: printed.pages,
      bytes: printed.pdf.length,
      banner: content.banner.name,
      copyNumber: copy?.number ?? null,
      timings: { totalMs: performance.now() - started, gatherMs, writeMs, ...printed.timings },
    };
  } finally {
    await pending.discard();
  }
}
