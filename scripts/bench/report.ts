import type { BundleResults } from './bundle.ts';
import { type DayResults, dayRow } from './day.ts';
import type { EncryptionResults } from './encryptedBench.ts';
import type { PdfResults } from './pdf.ts';
import type { StoreResults } from './storeBench.ts';
import { type SyncResults, syncRows } from './syncReport.ts';
import type { UpgradeResults } from './upgrade.ts';
import type { StartResults, WebResults } from './web.ts';

/** A part that could not run says why, in place of its figures. */
export type Measured<T> = T | { readonly notMeasured: string };

export interface BenchResults {
  readonly schema: 1;
  readonly mode: 'full' | 'quick';
  readonly startedAt: string;
  readonly dataset: {
    readonly seed: number;
    readonly fileMb: number;
    readonly generateSeconds: number;
    readonly counts: Record<string, number>;
  };
  /** Logical CPUs and the 1-minute load average: other work on the machine slows every figure. */
  readonly machine: { readonly cpus: number; readonly loadAverageAtStart: number; readonly loadAverageAtEnd: number };
  readonly upgrade: UpgradeResults;
  readonly store: StoreResults;
  /** Encrypted / plain, from one run (absent in results written before encryption at rest). */
  readonly encryption?: Measured<EncryptionResults>;
  readonly pdf: Measured<PdfResults>;
  readonly bundle: Measured<BundleResults>;
  readonly web: Measured<WebResults>;
  readonly start: Measured<StartResults>;
  /** The start after a crash, its whole store checked once shown (absent in results written before it). */
  readonly startAfterCrash?: Measured<StartResults>;
  /** Memory over a day of walks through every view (absent in results written before it). */
  readonly day?: Measured<DayResults>;
  /** Desks replicating through a server and by bundle (absent in results written before replication). */
  readonly sync?: Measured<SyncResults>;
  readonly budgets: readonly BudgetCheck[];
}

export interface BudgetCheck {
  /** Stable key, for comparing runs. */
  readonly key: string;
  readonly label: string;
  readonly value: number | null;
  readonly limit: number;
  readonly unit: string;
  /** At most (≤) or at least (≥) the limit. */
  readonly direction: 'max' | 'min';
  /** 'information': a figure printed beside a budget's own reading of it, with no pass or miss of its own. */
  readonly result: 'pass' | 'miss' | 'not measured' | 'information';
  readonly note?: string;
}

const measured = <T>(part: Measured<T>): T | null => (part && typeof part === 'object' && 'notMeasured' in part ? null : (part as T));

export function check(
  key: string,
  label: string,
  value: number | null,
  limit: number,
  unit: string,
  direction: 'max' | 'min',
  note?: string,
): BudgetCheck {
  const result =
    value === null || Number.isNaN(value) ? 'not measured' : (direction === 'max' ? value <= limit : value >= limit) ? 'pass' : 'miss';
  return { key, label, value, limit, unit, direction, result, ...(note ? { note } : {}) };
}

/** The same line, told as information: its figure and limit stay printed, the pass or miss is another line's. */
export function asInformation(line: BudgetCheck): BudgetCheck {
  return line.result === 'not measured' ? line : { ...line, result: 'information' };
}

/** The issue's budgets, each checked against this run's figures. */
export function checkBudgets(
  store: StoreResults,
  pdf: Measured<PdfResults>,
  bundle: Measured<BundleResults>,
  web: Measured<WebResults>,
  encryption?: Measured<EncryptionResults>,
  start: Measured<StartResults> = { notMeasured: 'not run' },
) {
  const encryptionResults = encryption ? measured(encryption) : null;
  const encryptionWhy = encryption && !encryptionResults ? (encryption as { notMeasured: string }).notMeasured : 'not run';
  const startResults = measured(start);
  const pdfResults = measured(pdf);
  const bundleResults = measured(bundle);
  const webResults = measured(web);
  const why = (part: Measured<unknown>) =>
    part && typeof part === 'object' && 'notMeasured' in part ? String(part.notMeasured) : undefined;
  return [
    check('views.summitView.ratio', 'summit view: dispatch / raw', store.views.summitView.ratio, 1.3, '×', 'max'),
    check('views.meetingBrief.ratio', 'meeting brief: dispatch / raw', store.views.meetingBrief.ratio, 1.3, '×', 'max'),
    check('views.sectorView.ratio', 'sector view: dispatch / raw', store.views.sectorView.ratio, 1.3, '×', 'max'),
    check('search.p95Ms', 'search p95', store.search.p95Ms, 20, 'ms', 'max'),
    check(
      'views.summitView.dispatch.medianMs',
      'summit view via dispatch (median)',
      store.views.summitView.dispatch.medianMs,
      10,
      'ms',
      'max',
    ),
    check(
      'views.meetingBrief.dispatch.medianMs',
      'meeting brief via dispatch (median)',
      store.views.meetingBrief.dispatch.medianMs,
      10,
      'ms',
      'max',
    ),
    check('noteSaves.ratio', 'note saves / bare commits per second', store.noteSaves.ratio, 0.8, '×', 'min'),
    check(
      'pdf.ratio',
      `${pdfResults?.targetPages ?? 200}-page pack / Chromium print`,
      pdfResults?.ratio ?? null,
      1.25,
      '×',
      'max',
      why(pdf),
    ),
    ...(
      [
        ['encryption.views.summitView.ratio', 'summit view: encrypted / plain', encryptionResults?.views.summitView.ratio],
        ['encryption.views.meetingBrief.ratio', 'meeting brief: encrypted / plain', encryptionResults?.views.meetingBrief.ratio],
        ['encryption.views.sectorView.ratio', 'sector view: encrypted / plain', encryptionResults?.views.sectorView.ratio],
        ['encryption.search.ratio', 'search: encrypted / plain', encryptionResults?.search.ratio],
        ['encryption.noteSaves.ratio', 'note save: encrypted / plain', encryptionResults?.noteSaves.ratio],
      ] as const
    ).map(([key, label, value]) => check(key, label, value ?? null, 1.15, '×', 'max', value === undefined ? encryptionWhy : undefined)),
    check('store.peakRssMb', 'peak RSS, process holding the store', store.peakRssMb, 200, 'MB', 'max'),
    check('bundle.gzipKb', 'renderer JS bundle, gzipped', bundleResults?.gzipKb ?? null, 350, 'KB', 'max', why(bundle)),
    check(
      'web.summitFirstPaint.medianMs',
      'first paint, 500-meeting summit (median)',
      webResults?.summitFirstPaint.medianMs ?? null,
      500,
      'ms',
      'max',
      why(web),
    ),
    check(
      'web.searchResultsPaint.p95Ms',
      'search results painted after a keystroke (p95)',
      webResults?.searchResultsPaint.p95Ms ?? null,
      50,
      'ms',
      'max',
      why(web),
    ),
    ...(['note', 'meetingSection'] as const).flatMap((field) => [
      check(
        `web.typing.${field}.eventTiming.p95Ms`,
        `typing into a ${field === 'note' ? 'note' : 'meeting-brief section'}: key event p95`,
        webResults?.typing[field].eventTiming.p95Ms ?? null,
        16,
        'ms',
        'max',
        why(web),
      ),
      check(
        `web.typing.${field}.longTasks.maxMs`,
        `typing into a ${field === 'note' ? 'note' : 'meeting-brief section'}: longest long task`,
        webResults?.typing[field].longTasks.maxMs ?? null,
        50,
        'ms',
        'max',
        why(web),
      ),
    ]),
    check(
      'start.total.medianMs',
      'start: harness launched to Today painted (median)',
      startResults?.total.medianMs ?? null,
      400,
      'ms',
      'max',
      why(start),
    ),
  ];
}

/** The start after a crash (no clean-close record): the same budget as every start, the store checked once Today is shown. */
export function startAfterCrashBudget(start: Measured<StartResults> | undefined): BudgetCheck {
  const results = start ? measured(start) : null;
  const why = start && !results ? String((start as { notMeasured: string }).notMeasured) : start ? undefined : 'not run';
  return check(
    'startAfterCrash.total.medianMs',
    'start after a crash: harness launched to Today painted (median)',
    results?.total.medianMs ?? null,
    400,
    'ms',
    'max',
    why,
  );
}

const format = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2));
const timing = (t: { medianMs: number; p95Ms: number }) => `${format(t.medianMs)} ms (p95 ${format(t.p95Ms)})`;

/** The figures as a Markdown table, for the terminal and for an issue's closing note. */
/**
 * The median export against its own print call, timed in the same run, and
 * where the rest went: one export against a print seconds later is mostly the
 * machine when others share it, this is the export's own work.
 */
function exportShare(breakdown: PdfResults['breakdown']): string {
  const ms = (value: number) => `${Math.round(value)} ms`;
  const rest = breakdown.totalMs - breakdown.enginePrintMs;
  return (
    `median export ×${(breakdown.totalMs / breakdown.enginePrintMs).toFixed(2)} of its own print call (${ms(breakdown.enginePrintMs)}), ` +
    `the rest ${ms(rest)}: read the store ${ms(breakdown.gatherMs)}, render ${ms(breakdown.renderMs)}, ` +
    `load into Chromium ${ms(breakdown.engineMs - breakdown.enginePrintMs)}, read back and number ${ms(breakdown.readBackMs)}, write ${ms(breakdown.writeMs)}`
  );
}

export function renderTable(results: BenchResults): string {
  const { store } = results;
  const pdf = measured(results.pdf);
  const bundle = measured(results.bundle);
  const web = measured(results.web);
  const not = (part: Measured<unknown>) => `not measured: ${(part as { notMeasured: string }).notMeasured}`;
  const rows: [string, string][] = [
    [
      'dataset',
      `${Object.entries(results.dataset.counts)
        .map(([name, count]) => `${count} ${name}`)
        .join(', ')}; ${results.dataset.fileMb} MB`,
    ],
    [
      'machine',
      `${results.machine.cpus} CPUs, load average ${results.machine.loadAverageAtStart} at start, ${results.machine.loadAverageAtEnd} at end`,
    ],
    [
      `first open: upgrade schema ${results.upgrade.fromVersion} → ${results.upgrade.toVersion} (once)`,
      `${format(results.upgrade.ms)} ms, peak RSS ${results.upgrade.peakRssMb} MB`,
    ],
    ['open store + migrate (nothing pending)', timing(store.openAndMigrate)],
  ];
  for (const [name, view] of Object.entries(store.views)) {
    rows.push([`${name} via dispatch / raw SQL`, `${timing(view.dispatch)} / ${timing(view.raw)} → ×${view.ratio}`]);
  }
  rows.push(['search (20 queries)', `p50 ${format(store.search.p50Ms)} ms, p95 ${format(store.search.p95Ms)} ms`]);
  rows.push([
    'note saves (synchronous=FULL)',
    `${store.noteSaves.savesPerSecond}/s vs ${store.noteSaves.bareCommitsPerSecond} bare commits/s → ×${store.noteSaves.ratio} (median of blocks ${store.noteSaves.blockRatios.join(', ')}); one save ${timing(store.noteSaves.save)}, one bare commit ${timing(store.noteSaves.bareCommit)}`,
  ]);
  const encryption = results.encryption ? measured(results.encryption) : null;
  if (results.encryption) {
    const pairText = (pairTiming: {
      plain: { medianMs: number; p95Ms: number };
      encrypted: { medianMs: number; p95Ms: number };
      ratio: number;
    }) => `${timing(pairTiming.encrypted)} / ${timing(pairTiming.plain)} → ×${pairTiming.ratio}`;
    rows.push([
      'encrypt the store in place (once, on upgrade)',
      encryption ? `${format(encryption.encryptInPlaceMs)} ms for ${encryption.fileMb} MB` : not(results.encryption),
    ]);
    if (encryption) {
      for (const [name, pairTiming] of Object.entries(encryption.views)) rows.push([`${name}: encrypted / plain`, pairText(pairTiming)]);
      rows.push(['search: encrypted / plain', pairText(encryption.search)]);
      rows.push(['one note save: encrypted / plain', pairText(encryption.noteSaves)]);
    }
  }
  rows.push([
    `PDF export, ${pdf ? pdf.targetPages : 200}-page pack`,
    pdf
      ? `${pdf.pages} pages: ${timing(pdf.total)}; Chromium's page.pdf ${timing(pdf.chromiumPrint)} (${Math.round(pdf.chromiumShare * 100)}% of total) → ×${pdf.ratio}; ${exportShare(pdf.breakdown)}`
      : not(results.pdf),
  ]);
  rows.push(['peak RSS, store process', `${store.peakRssMb} MB`]);
  rows.push([
    'renderer JS bundle',
    bundle
      ? `${bundle.rawKb} KB raw, ${bundle.gzipKb} KB gzipped (${bundle.files} files${bundle.startGzipKb === undefined ? '' : `; a start loads ${bundle.startGzipKb} KB gzipped of it`})`
      : not(results.bundle),
  ]);
  rows.push([
    'web: first paint, 500-meeting summit',
    web
      ? `${timing(web.summitFirstPaint)} (${web.summitFirstPaint.meetingLinks} meeting links in the DOM${web.summitFirstPaint.pageCpuMs === undefined ? '' : `; the page's main thread ${format(web.summitFirstPaint.pageCpuMs)} ms of CPU to it`})`
      : not(results.web),
  ]);
  rows.push(['web: search results painted', web ? timing(web.searchResultsPaint) : not(results.web)]);
  for (const field of ['note', 'meetingSection'] as const) {
    const typed = web?.typing[field];
    rows.push([
      `web: typing into a ${field === 'note' ? 'note (autosave on)' : 'meeting-brief section'}, 10 keys/s`,
      typed
        ? `${typed.keys} keys; Event Timing p50 ${format(typed.eventTiming.p50Ms)} ms, p95 ${format(typed.eventTiming.p95Ms)} ms, max ${format(typed.eventTiming.maxMs)} ms (${typed.eventTiming.over16} keys ≥ 16 ms; p95 of its parts: input delay ${format(typed.eventTimingParts.inputDelayP95Ms)} ms, handlers ${format(typed.eventTimingParts.processingP95Ms)} ms, to the frame on screen ${format(typed.eventTimingParts.presentationP95Ms)} ms); key to next frame p50 ${format(typed.keyToFrame.p50Ms)} ms, p95 ${format(typed.keyToFrame.p95Ms)} ms, max ${format(typed.keyToFrame.maxMs)} ms; long tasks ${typed.longTasks.count} (longest ${format(typed.longTasks.maxMs)} ms)`
        : not(results.web),
    ]);
  }
  const start = measured(results.start);
  rows.push([
    'start: harness launched to Today painted',
    start
      ? `${timing(start.total)}; median run: harness ready (Node, its modules, open and check the store) ${format(start.openStoreMs)} ms${start.openStoreCpuMs === undefined ? '' : ` (CPU ${format(start.openStoreCpuMs)} ms, median of the runs)`}, page and bundle ${format(start.bundleMs)} ms, first query ${format(start.firstQueryMs)} ms, render and paint ${format(start.paintMs)} ms${start.pageCpuMs === undefined ? '' : `; CPU to Today painted: the page's main thread ${format(start.pageCpuMs)} ms${start.storeCpuAtPaintMs === undefined ? '' : `, the harness ${format(start.storeCpuAtPaintMs)} ms`}`}${start.tabSettledMs === undefined ? '' : `; launched once the new tab's set-up was over (waited ${format(start.tabSettledMs)} ms, not counted)`}`
      : not(results.start),
  ]);
  const afterCrash = results.startAfterCrash ? measured(results.startAfterCrash) : null;
  if (results.startAfterCrash)
    rows.push([
      'start after a crash: harness launched to Today painted',
      afterCrash
        ? `${timing(afterCrash.total)}; median run: harness ready ${format(afterCrash.openStoreMs)} ms${afterCrash.openStoreCpuMs === undefined ? '' : ` (CPU ${format(afterCrash.openStoreCpuMs)} ms)`}; the store took writes again ${afterCrash.writableMs === undefined ? '—' : format(afterCrash.writableMs)} ms after launch (its whole store checked on a worker thread meanwhile)`
        : not(results.startAfterCrash),
    ]);
  if (results.day) rows.push(dayRow(results.day));
  if (results.sync) rows.push(...syncRows(results.sync));

  const lines = ['| Measure | Figure |', '| --- | --- |', ...rows.map(([name, value]) => `| ${name} | ${value} |`), ''];
  lines.push('| Budget | Value | Limit | Result |', '| --- | --- | --- | --- |');
  for (const budget of results.budgets) {
    const value = budget.value === null ? '—' : `${format(budget.value)} ${budget.unit}`;
    const limit = `${budget.direction === 'max' ? '≤' : '≥'} ${budget.limit} ${budget.unit}`;
    lines.push(`| ${budget.label} | ${value} | ${limit} | ${budget.result}${budget.note ? ` (${budget.note})` : ''} |`);
  }
  return lines.join('\n');
}
