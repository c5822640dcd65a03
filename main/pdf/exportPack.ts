import path from 'node:path';
import { meetings } from '../../db/meetings.ts';
import type { Db } from '../../db/open.ts';
import { nextCopyNumber, registerIssuedCopy } from '../../db/packs.ts';
import { summits } from '../../db/summits.ts';
import { assertTakesWrites } from '../../db/writeRefusal.ts';
import type { PackExportResult, UnprintableRecord } from '../../shared/contract.ts';
import type { PackDefinition, PaperSize } from '../../shared/domain.ts';
import { readSettings } from '../ipc/handlers/settings.ts';
import { reserveFile } from './atomicFile.ts';
import { UnmarkedMaterialError } from './classification.ts';
import { type PdfEngine, throwIfCancelled } from './engine.ts';
import { installedFontCoverage } from './fontCoverage.ts';
import { gatherPackContent } from './packContent.ts';
import { packDay } from './packDay.ts';
import { type ExportProgress, printPack } from './printPack.ts';
import { unprintableRecords } from './unprintable.ts';

export interface ExportPackRequest {
  packName: string;
  definition: PackDefinition;
  outPath: string;
  paper?: PaperSize;
  /** Stamps every page with this recipient, the date and the next copy number, and registers the copy. */
  copyFor?: string;
  /** False where the store is open for reading only (the export command): the copy is stamped unregistered, with no number. */
  registerCopy?: boolean;
  author?: string;
  /** Read once: the cover's date, the copy stamp and the file name all come from this one moment. */
  clock?: () => Date;
  /** Writes beside an existing file of that name (`pack (2).pdf`) instead of replacing it. */
  keepExisting?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  /** Told, before printing, of records holding characters no installed font draws (printed anyway, as boxes). */
  onUnprintable?: (records: UnprintableRecord[]) => void;
}

/**
 * A pack draws only from its own summit, as pack.save and pack.export check:
 * a meeting moved to another summit after the pack was saved would print
 * under the wrong cover. Checked here too, so the export command (which
 * reads a store it does not check through the app's handlers) refuses it.
 */
function checkPackScope(db: Db, packName: string, definition: PackDefinition): void {
  for (const section of definition.sections) {
    if (section.kind !== 'meeting') continue;
    const meeting = meetings.find(db, section.meetingId);
    if (!meeting || meeting.summitId === definition.summitId) continue;
    const title = (summitId: number | null) => (summitId === null ? undefined : summits.find(db, summitId)?.title);
    throw new PackMeetingMovedError(packName, meeting.title, title(meeting.summitId), title(definition.summitId));
  }
}

/** A pack listing a meeting of another summit: named with both summits, for the export command to say in the user's language. */
export class PackMeetingMovedError extends Error {
  override name = 'PackMeetingMovedError';
  readonly pack: string;
  readonly meeting: string;
  /** The summit the meeting belongs to now, by title; undefined when it belongs to none. */
  readonly now: string | undefined;
  /** The pack's own summit, by title; undefined when the pack has none. */
  readonly packSummit: string | undefined;
  constructor(pack: string, meeting: string, now: string | undefined, packSummit: string | undefined) {
    super(
      `The pack “${pack}” lists the meeting “${meeting}”, which now belongs to ${now ? `“${now}”` : 'no summit'}, ` +
        `not to ${packSummit ? `the pack’s summit “${packSummit}”` : 'the pack, which has no summit'}; ` +
        'open the pack in Sherpa, take the meeting out or move it back, and export again. No file was written.',
    );
    this.pack = pack;
    this.meeting = meeting;
    this.now = now;
    this.packSummit = packSummit;
  }
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
  checkPackScope(db, request.packName, request.definition);
  // A copy stamped for a recipient is entered in the register once its file is written. Where the store refuses
  // writes (checked after a crash), the numbered PDF was handed over unregistered, the page said nothing was written,
  // and the next copy took the same number: refused before anything is printed, for the store's own reason.
  if (request.copyFor && request.registerCopy !== false) assertTakesWrites(db);
  const pending = await reserveFile(outPath, { keepExisting: request.keepExisting ?? false });
  try {
    request.onProgress?.({ step: 'gathering', fraction: 0, message: 'Reading the pack’s contents' });
    const settings = readSettings(db);
    const content = gatherPackContent(db, request.definition, {
      scheme: settings.classificationScheme,
      homeTimeZone: settings.homeTimeZone,
      language: settings.language,
      preparedOn: packDay(settings.homeTimeZone, now),
      ...(request.paper ? { paper: request.paper } : {}),
    });
    if (content.unmarked.length > 0) throw new UnmarkedMaterialError(content.unmarked, settings.classificationScheme);
    const unprintable = unprintableRecords(content, installedFontCoverage(), request.copyFor);
    if (unprintable.length > 0) request.onUnprintable?.(unprintable);
    const gatherMs = performance.now() - started;
    // Only a copy entered in the register gets a number: the next one would otherwise go to two recipients.
    const registers = request.registerCopy !== false;
    const copy = request.copyFor
      ? { recipient: request.copyFor, number: registers ? nextCopyNumber(db, request.packName) : null, issuedOn: content.preparedOn }
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
    const written = await pending.commit(printed.pdf);
    const writeMs = performance.now() - writeStart;
    if (copy && copy.number !== null)
      registerIssuedCopy(db, request.packName, { copyNumber: copy.number, recipient: copy.recipient, issuedAt: now.toISOString() });
    request.onProgress?.({ step: 'done', fraction: 1, message: `Wrote ${printed.pages} pages to ${written}` });
    return {
      path: written,
      pages: printed.pages,
      bytes: printed.pdf.length,
      banner: content.banner.name,
      copyNumber: copy?.number ?? null,
      unprintable,
      timings: { totalMs: performance.now() - started, gatherMs, writeMs, ...printed.timings },
    };
  } finally {
    await pending.discard();
  }
}
