import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/open.ts';
import { createDispatch } from '../../main/ipc/dispatch.ts';
import { createHandlers } from '../../main/ipc/handlers/index.ts';
import { createChromiumEngine } from '../../main/pdf/chromiumEngine.ts';
import type { PdfEngine, PrintOptions } from '../../main/pdf/engine.ts';
import type { PackExportResult } from '../../shared/contract.ts';
import type { BriefingPack, PackDefinition } from '../../shared/domain.ts';
import { round, summarise, type Timing } from './stats.ts';

export interface PdfResults {
  readonly pages: number;
  readonly targetPages: number;
  readonly meetings: number;
  readonly total: Timing;
  /** Chromium's own page.pdf of the finished HTML, printed once more on its own. */
  readonly chromiumPrint: Timing;
  /** Median total over median Chromium print: the budget allows 1.25. */
  readonly ratio: number;
  /** Share of the total that is Chromium's own print. */
  readonly chromiumShare: number;
  /** Where Sherpa's export says its time went (median run). */
  readonly breakdown: PackExportResult['timings'];
}

interface RecordedPrint {
  html: string;
  options: PrintOptions;
}

/** Passes prints through, keeping the last HTML and options so the finished document can be printed again alone. */
function recordingEngine(engine: PdfEngine): PdfEngine & { last(): RecordedPrint | null } {
  let last: RecordedPrint | null = null;
  return {
    name: engine.name,
    print(html, options) {
      last = { html, options };
      return engine.print(html, options);
    },
    close: () => engine.close(),
    last: () => last,
  };
}

/**
 * Exports a pack of about `targetPages` pages (full briefs of the busiest summit's
 * meetings, calibrated by one unmeasured export) through the dispatch, then
 * prints the finished HTML alone to time Chromium's own share.
 */
export async function measurePdf(db: Db, summitId: number, workDir: string, runs: number, targetPages = 200): Promise<PdfResults> {
  const engine = recordingEngine(createChromiumEngine());
  const exportsDir = path.join(workDir, 'exports');
  const dispatch = createDispatch({
    db,
    handlers: createHandlers({ db, clock: () => new Date('2026-06-01T09:00:00Z'), pdf: { engine, exportsDir } }),
  });
  const meetingIds = (
    db.prepare('SELECT id FROM meeting WHERE summit_id = ? ORDER BY starts_at, id').all(summitId) as { id: number }[]
  ).map((row) => row.id);
  // Each run saves its pack again under the same name: as an editor does, it says what it saved last time.
  const savedBefore = new Map<string, PackDefinition>();
  const exportWith = async (count: number): Promise<PackExportResult> => {
    const name = `Benchmark pack (${count} meetings)`;
    const definition: PackDefinition = {
      title: 'Benchmark pack',
      recipient: 'Benchmark desk',
      summitId,
      principalId: null,
      paper: 'a4',
      sections: meetingIds.slice(0, count).map((meetingId) => ({ kind: 'meeting', meetingId, form: 'full' })),
    };
    const saved = await dispatch('pack.save', { name, expected: savedBefore.get(name) ?? null, definition });
    if (!saved.ok) throw new Error(`pack.save failed: ${saved.error.message}`);
    const pack = saved.value as BriefingPack;
    savedBefore.set(name, pack.definition);
    const exported = await dispatch('pack.export', { id: pack.id });
    if (!exported.ok) throw new Error(`pack.export failed: ${exported.error.message}`);
    return exported.value as PackExportResult;
  };

  try {
    const probeMeetings = Math.ceil(targetPages / 2);
    const probe = await exportWith(probeMeetings);
    const meetings = Math.min(meetingIds.length, Math.max(1, Math.round((probeMeetings * targetPages) / probe.pages)));
    const results: PackExportResult[] = [];
    const printSamples: number[] = [];
    for (let run = 0; run < runs; run++) {
      results.push(await exportWith(meetings));
      const finished = engine.last();
      if (!finished) throw new Error('the export printed nothing');
      let printMs = Number.NaN;
      await engine.print(finished.html, { ...finished.options, onTiming: (timing) => (printMs = timing.printMs) });
      printSamples.push(printMs);
    }
    const total = summarise(results.map((result) => result.timings.totalMs));
    const chromiumPrint = summarise(printSamples);
    const median = [...results].sort((a, b) => a.timings.totalMs - b.timings.totalMs)[Math.floor((results.length - 1) / 2)] ?? probe;
    return {
      pages: median.pages,
      targetPages,
      meetings,
      total,
      chromiumPrint,
      ratio: round(total.medianMs / chromiumPrint.medianMs, 2),
      chromiumShare: round(chromiumPrint.medianMs / total.medianMs, 2),
      breakdown: median.timings,
    };
  } finally {
    await engine.close();
    fs.rmSync(exportsDir, { recursive: true, force: true });
  }
}
