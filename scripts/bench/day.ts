import fs from 'node:fs';
import path from 'node:path';
import { type CDPSession, chromium, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../../main/pdf/chromiumLaunch.ts';
import { type CompiledCode, compiledCodeOf, type HeapSnapshotJson } from './heapCode.ts';
import { PageInput } from './pageInput.ts';
import { asInformation, type BudgetCheck, check, type Measured } from './report.ts';
import { round, summarise, type Timing } from './stats.ts';
import { startHarnessProcess, stopHarnessProcess } from './web.ts';

// A working day in the web target: every view walked many times with edits in
// between, and the memory of the page and of the store process compared at
// the start of the day (after one warm-up walk) and at its end. A leak shows
// as growth; the working set of a warm page does not grow with use.

/** The renderer's and the store's memory at one moment, each after a forced garbage collection where one exists. */
export interface MemorySample {
  /** JS heap in use after the page's garbage collection (Runtime.getHeapUsage). */
  readonly heapMb: number;
  /** Live DOM nodes and JS event listeners (Memory.getDOMCounters): detached trees and forgotten listeners show here. */
  readonly domNodes: number;
  readonly listeners: number;
  /** Resident set of the harness process, which holds the store. */
  readonly storeRssMb: number;
}

/**
 * What the JS heap holds, from a heap snapshot: the page's own objects
 * (objects, arrays, strings, closures, the engine's shapes for them) apart
 * from V8's compiled code (bytecode, optimised code, feedback), which grows
 * as the engine optimises more of the app the longer it runs and levels off.
 */
export interface HeapContents {
  readonly objectsMb: number;
  readonly compiledCodeMb: number;
  /** Of the compiled code: whose machine code it is, and how many functions V8 knows (scripts/bench/heapCode.ts). */
  readonly code: CompiledCode;
}

export interface DayResults {
  readonly walks: number;
  /** Views visited in one walk (the search palette counts as one). */
  readonly viewsPerWalk: number;
  /** One walk: every view, a note typed and saved, a brief section edited, a source created and deleted. */
  readonly walk: Timing;
  readonly start: MemorySample;
  readonly end: MemorySample;
  /**
   * Samples through the day (about ten, the last one the end): a leak climbs
   * from walk to walk, while the engine's warm-up (compiled code, caches
   * filling to their bounds) levels off early.
   */
  readonly alongTheDay: readonly (MemorySample & { readonly walk: number })[];
  /** End over start: the budgets allow 1.10 for the heap and 1.20 for the store's RSS. */
  readonly heapRatio: number;
  readonly storeRssRatio: number;
  /** The heap at both ends split into the page's objects and compiled code: a leak grows the first. */
  readonly heapAtStart: HeapContents;
  readonly heapAtEnd: HeapContents;
  readonly objectsRatio: number;
  /**
   * The JS heap once the browser is told memory is critically short (Memory.simulatePressureNotification,
   * what Chromium sends its renderers when the system runs low): V8 collects everything it can to shrink,
   * the way it would before a page ran out. Beside the forced collection's figure, it shows whether the
   * engine would give back the compiled code a day adds; V8 flushes code by age (functions unused over
   * several collections), not under pressure, so the walked app's code stays.
   */
  readonly heapUnderPressure: { readonly startMb: number; readonly endMb: number };
  /**
   * The same day measured from the walk where V8's compiled code had stopped growing (`warmUpRule`), beside
   * the cold figures above (from the first walk), which stay what they are.
   */
  readonly afterWarmUp: WarmedUp;
}

/** The compiled code at one check of the warm-up. */
export interface CodeCheck {
  readonly walk: number;
  readonly compiledCodeMb: number;
}

export interface WarmedUp {
  /** The walk after which the measured part starts. */
  readonly walk: number;
  /** False when the code still grew at `warmUpRule.atMostWalks` (the part then starts there anyway). */
  readonly settled: boolean;
  readonly start: MemorySample;
  readonly heap: HeapContents;
  /** The day's end over this start: the heap, and the page's objects (compiled code apart). */
  readonly heapRatio: number;
  readonly objectsRatio: number;
  /** Every check, from the first walk: how the compiled code grew until it settled. */
  readonly checks: readonly CodeCheck[];
}

/**
 * When the engine's warm-up counts as over: V8 compiles a function to machine code only once it has run
 * often enough, so functions run once a walk tier up over tens of walks, and the compiled code grows
 * while the page's objects stay flat. Checked every `everyWalks` walks (a heap snapshot each); settled once
 * it grew by less than `growthBelow` (a fraction) over the last `windowWalks` walks; at most `atMostWalks`.
 */
export const warmUpRule = { everyWalks: 10, windowWalks: 30, growthBelow: 0.02, atMostWalks: 150 } as const;

/** Whether the checks so far show the compiled code settled by the rule. */
export function warmUpSettled(checks: readonly CodeCheck[], rule: typeof warmUpRule = warmUpRule): boolean {
  const last = checks.at(-1);
  if (!last) return false;
  const windowStart = checks.findLast((check) => check.walk <= last.walk - rule.windowWalks);
  if (!windowStart) return false;
  return last.compiledCodeMb - windowStart.compiledCodeMb < rule.growthBelow * windowStart.compiledCodeMb;
}

export interface DayOptions {
  readonly summitId: number;
  readonly meetingId: number;
  readonly sectorId: number;
  readonly walks: number;
  /** A harness built before (its serve.mjs) instead of building this tree's. */
  readonly harness?: string;
  /** Where to keep the heap snapshots of the day's start and end (start.heapsnapshot, end.heapsnapshot), to compare them. */
  readonly snapshotsDir?: string;
}

/**
 * In the page: goes to `hash` and resolves in the frame after the new view's
 * heading is in and nothing in it says "Loading…". The heading element is
 * new on every visit (each view differs from the one before), so a view left
 * on screen is never mistaken for the next one.
 */
const visit = `(hash) => new Promise((resolve, reject) => {
  const before = document.querySelector('main h1');
  const ready = () => {
    const main = document.querySelector('main');
    const heading = main && main.querySelector('h1');
    if (!heading || heading === before) return false;
    return ![...main.querySelectorAll('p.muted')].some((p) => p.textContent === 'Loading…');
  };
  const timer = setTimeout(() => { observer.disconnect(); reject(new Error('view ' + hash + ' did not load'));  }, 30000);
  const observer = new MutationObserver(() => {
    if (!ready()) return;
    observer.disconnect();
    clearTimeout(timer);
    requestAnimationFrame(() => resolve(true));
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  location.hash = hash;
})`;

const megabytes = (bytes: number) => round(bytes / 1024 / 1024, 1);

function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? Number.NaN);
  return round(kilobytes / 1024, 1);
}

async function sampleMemory(cdp: CDPSession, storePid: number): Promise<MemorySample> {
  // Twice: objects kept alive only by finalisers or weak maps of the first pass go in the second.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const counters = await cdp.send('Memory.getDOMCounters');
  return {
    heapMb: megabytes(heap.usedSize),
    domNodes: counters.nodes,
    listeners: counters.jsEventListeners,
    storeRssMb: residentMb(storePid),
  };
}

/** The JS heap after a critical memory-pressure notification and the collection it starts. */
async function heapUnderPressureMb(cdp: CDPSession): Promise<number> {
  await cdp.send('Memory.simulatePressureNotification', { level: 'critical' });
  await cdp.send('HeapProfiler.collectGarbage');
  return megabytes((await cdp.send('Runtime.getHeapUsage')).usedSize);
}

/** Sums a heap snapshot's objects by kind: V8's compiled code apart, DOM and other embedder objects left out. */
async function heapContents(cdp: CDPSession, keepAs?: string): Promise<HeapContents> {
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const collect = (event: { chunk: string }) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  if (keepAs) fs.writeFileSync(keepAs, chunks.join(''));
  const snapshot = JSON.parse(chunks.join('')) as HeapSnapshotJson;
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  let objects = 0;
  let code = 0;
  for (let node = 0; node < snapshot.nodes.length; node += fields.length) {
    const type = types[snapshot.nodes[node + typeAt] ?? -1];
    const size = snapshot.nodes[node + sizeAt] ?? 0;
    if (type === 'code') code += size;
    else if (type !== 'native' && type !== 'synthetic') objects += size;
  }
  // The app's bundle is served from /assets/; the driver's scripts have no URL.
  // Two decimals: the warm-up's rule compares a few hundredths of a megabyte of code.
  const precise = (bytes: number) => round(bytes / 1024 / 1024, 2);
  return { objectsMb: precise(objects), compiledCodeMb: precise(code), code: compiledCodeOf(snapshot, '/assets/') };
}

/** The views of one walk, as the sidebar and the links between them reach them. */
export function viewsOf(options: DayOptions, noteId: number): string[] {
  return [
    `#/summit/${options.summitId}`,
    `#/meeting/${options.meetingId}`,
    '#/sectors',
    `#/sectors/${options.sectorId}`,
    '#/timeline',
    '#/people',
    '#/sources',
    `#/notes/${noteId}`,
    '#/packs',
    '#/settings',
    // Today last: each walk ends where the next leaves from, and memory is sampled on the same view each time.
    '#/',
  ];
}

const searches = ['cyber', 'Vilnius', 'table-top exercise', 'budget'];

async function goTo(input: PageInput, hash: string): Promise<void> {
  await input.evaluate(`(${visit})(${JSON.stringify(hash)})`);
}

/** Types into the open note, replacing its text, and waits until the store has it. */
async function editNote(page: Page, input: PageInput, walk: number): Promise<void> {
  await input.find(['textarea.note-textarea']);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(`Walk ${walk}: raise the cyber sector first.`);
  await input.find(['.note-status[data-save-state="saved"]']);
}

/** In the page: resolves 'saved' once the section's editor has closed, 'refused' if it shows an error instead. */
const savedOrRefused = `() => new Promise((resolve) => {
  const outcome = () => !document.querySelector('.brief-section textarea') ? 'saved' : document.querySelector('.brief-section .field-error') ? 'refused' : null;
  if (outcome()) return resolve(outcome());
  const timer = setTimeout(() => { observer.disconnect(); resolve('neither'); }, 30000);
  const observer = new MutationObserver(() => {
    if (!outcome()) return;
    observer.disconnect();
    clearTimeout(timer);
    resolve(outcome());
  });
  observer.observe(document, { childList: true, subtree: true });
})`;

async function editBriefSection(page: Page, input: PageInput, walk: number): Promise<void> {
  await input.click(['.brief-section .section-header button']);
  await input.replaceText(`Purpose as of walk ${walk}: agree the exercise dates.`, ['.brief-section textarea']);
  await page.keyboard.press('ControlOrMeta+Enter');
  // The view can open from the cache and hear the section's saved text (the last walk's) a moment
  // after Edit: the save is then refused as changed elsewhere, and, as the message says, a second
  // save replaces it. An officer quick enough meets the same; the walk saves again.
  if ((await input.evaluate<string>(`(${savedOrRefused})()`)) === 'refused') {
    await input.find(['.brief-section textarea']);
    await page.keyboard.press('ControlOrMeta+Enter');
  }
  await input.gone(['.brief-section textarea']);
}

/** A source made through its form and deleted from the list, as a user tidies up a mistake. */
async function createAndDeleteSource(page: Page, input: PageInput, walk: number): Promise<void> {
  const title = `Day walk source ${walk}`;
  await goTo(input, '#/new/source');
  await input.replaceText(title, ['label', 'Title', true]);
  await input.click(['button', 'Create', true]);
  await page.waitForURL(/#\/sources$/);
  await input.click(['.cards li', title], ['button', 'Delete', true]);
  await input.click(['[role="alertdialog"]'], ['button', 'Delete', true]);
  await input.gone(['.cards li', title]);
}

async function searchPalette(page: Page, input: PageInput, walk: number): Promise<void> {
  await page.keyboard.press('ControlOrMeta+K');
  await input.replaceText(searches[walk % searches.length] ?? 'cyber', ['.search-palette input[type="search"]']);
  await input.find(['.search-palette ol.search-results li']);
  await page.keyboard.press('Escape');
  await input.gone(['.search-palette']);
}

export async function walkOnce(page: Page, input: PageInput, views: readonly string[], walk: number): Promise<void> {
  for (const hash of views) {
    await goTo(input, hash);
    if (hash.startsWith('#/meeting/')) await editBriefSection(page, input, walk);
    if (hash.startsWith('#/notes/')) await editNote(page, input, walk);
    if (hash === '#/sources') await createAndDeleteSource(page, input, walk);
    if (hash === '#/settings') await searchPalette(page, input, walk);
  }
}

/**
 * Walks every view `walks` times in one page of the web target on the store
 * in `dataDir`, and samples memory after the first (warm-up) walk and after
 * the last.
 */
export async function measureDay(dataDir: string, options: DayOptions, onProgress?: (walk: number) => void): Promise<DayResults> {
  const harness = await startHarnessProcess(dataDir, options.harness);
  const browser = await chromium.launch(chromiumLaunchOptions());
  const keptAs = (name: string) => (options.snapshotsDir ? path.join(options.snapshotsDir, `${name}.heapsnapshot`) : undefined);
  try {
    const storePid = harness.child.pid;
    if (storePid === undefined) throw new Error('the web harness has no process id');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    const input = new PageInput(page, cdp);
    await page.goto(`${harness.url}#/notes`);
    await input.click(['button', 'New note']);
    await page.waitForURL(/#\/notes\/\d+$/);
    const noteId = Number(/#\/notes\/(\d+)$/.exec(page.url())?.[1]);
    await editNote(page, input, 0);
    const views = viewsOf(options, noteId);

    await walkOnce(page, input, views, 0);
    // The warm-up also searches for every query of the day: the palette's results are cached (as every
    // read is, for five minutes unused), and four cached result lists are where the day starts, not growth.
    for (let walk = 1; walk < searches.length; walk++) await searchPalette(page, input, walk);
    const heapAtStart = await heapContents(cdp, keptAs('start'));
    const start = await sampleMemory(cdp, storePid);
    const startUnderPressureMb = await heapUnderPressureMb(cdp);
    const walkSamples: number[] = [];
    const alongTheDay: (MemorySample & { walk: number })[] = [];
    const sampleEvery = Math.max(1, Math.round(options.walks / 10));
    const checks: CodeCheck[] = [{ walk: 0, compiledCodeMb: heapAtStart.compiledCodeMb }];
    let warmedUp: Omit<WarmedUp, 'heapRatio' | 'objectsRatio' | 'checks'> | null = null;
    const lastWarmUpWalk = Math.min(warmUpRule.atMostWalks, options.walks - 1);
    for (let walk = 1; walk <= options.walks; walk++) {
      const started = performance.now();
      await walkOnce(page, input, views, walk);
      walkSamples.push(performance.now() - started);
      if (!warmedUp && walk <= lastWarmUpWalk && (walk % warmUpRule.everyWalks === 0 || walk === lastWarmUpWalk)) {
        const heap = await heapContents(cdp);
        checks.push({ walk, compiledCodeMb: heap.compiledCodeMb });
        const settled = warmUpSettled(checks);
        if (settled || walk === lastWarmUpWalk) warmedUp = { walk, settled, heap, start: await sampleMemory(cdp, storePid) };
      }
      if (walk % sampleEvery === 0 || walk === options.walks) alongTheDay.push({ walk, ...(await sampleMemory(cdp, storePid)) });
      onProgress?.(walk);
    }
    const end = alongTheDay.at(-1) ?? start;
    const heapAtEnd = await heapContents(cdp, keptAs('end'));
    // A day of one walk has no warm-up to leave out: its measured part is the cold one.
    const warm = warmedUp ?? { walk: 0, settled: false, heap: heapAtStart, start };
    const heapUnderPressure = { startMb: startUnderPressureMb, endMb: await heapUnderPressureMb(cdp) };
    await context.close();
    return {
      walks: options.walks,
      viewsPerWalk: views.length + 1,
      walk: summarise(walkSamples),
      start,
      end,
      alongTheDay,
      heapRatio: round(end.heapMb / start.heapMb, 3),
      storeRssRatio: round(end.storeRssMb / start.storeRssMb, 3),
      heapAtStart,
      heapAtEnd,
      objectsRatio: round(heapAtEnd.objectsMb / heapAtStart.objectsMb, 3),
      heapUnderPressure,
      afterWarmUp: {
        ...warm,
        heapRatio: round(end.heapMb / warm.start.heapMb, 3),
        objectsRatio: round(heapAtEnd.objectsMb / warm.heap.objectsMb, 3),
        checks,
      },
    };
  } finally {
    await browser.close();
    await stopHarnessProcess(harness);
  }
}

/** The budgets for the day: the heap within 10% of where it started, the store's RSS within 20%. */
export function dayBudgets(day: Measured<DayResults>): BudgetCheck[] {
  const results = 'notMeasured' in day ? null : day;
  const why = 'notMeasured' in day ? day.notMeasured : undefined;
  return [
    // From the first walk, the heap also holds the machine code V8 compiles as functions run often enough
    // to tier up: tens of walks for a view visited once a walk. That code is bounded by the app's own
    // (every function optimised once), settles (warmUpRule), and is no growth with use; the page's objects,
    // DOM nodes and listeners, which a leak would grow, are flat from the first walk. So "where it started",
    // for a budget on growth over a day, is the warmed-up page: the cold figure stays, as information.
    asInformation(
      check(
        'day.heapRatio',
        'a day of walks: renderer JS heap, end / start from the first walk (engine still compiling; information)',
        results?.heapRatio ?? null,
        1.1,
        '×',
        'max',
        why,
      ),
    ),
    check(
      'day.heapRatioAfterWarmUp',
      'a day of walks: renderer JS heap, end / start once the engine has warmed up',
      results?.afterWarmUp.heapRatio ?? null,
      1.1,
      '×',
      'max',
      why,
    ),
    // Not one of the budgets: it says whether a miss of the heap's is a leak or the engine's compiled code.
    check(
      'day.objectsRatio',
      'a day of walks: page’s JS objects (compiled code apart), end / start',
      results?.objectsRatio ?? null,
      1.1,
      '×',
      'max',
      why,
    ),
    check('day.storeRssRatio', 'a day of walks: store process RSS, end / start', results?.storeRssRatio ?? null, 1.2, '×', 'max', why),
  ];
}

/** The table's row: what was walked and the memory at both ends. */
export function dayRow(day: Measured<DayResults>): [string, string] {
  if ('notMeasured' in day) return ['web: a day of walks (memory)', `not measured: ${day.notMeasured}`];
  const along = day.alongTheDay.map((sample) => `${sample.walk}: ${sample.heapMb}`).join(', ');
  return [
    `web: a day of walks, ${day.walks} × ${day.viewsPerWalk} views with edits`,
    `one walk ${day.walk.medianMs.toFixed(0)} ms (p95 ${day.walk.p95Ms.toFixed(0)}); JS heap after GC ${day.start.heapMb} → ${day.end.heapMb} MB (×${day.heapRatio}; by walk ${along}); ` +
      `of it the page's objects ${day.heapAtStart.objectsMb} → ${day.heapAtEnd.objectsMb} MB (×${day.objectsRatio}) and V8's compiled code ${day.heapAtStart.compiledCodeMb} → ${day.heapAtEnd.compiledCodeMb} MB ` +
      `(machine code of the app's bundle ${day.heapAtStart.code.appMachineCodeMb} → ${day.heapAtEnd.code.appMachineCodeMb} MB, of the browser driver's scripts ${day.heapAtStart.code.driverMachineCodeMb} → ${day.heapAtEnd.code.driverMachineCodeMb} MB, ` +
      `of regular expressions ${day.heapAtStart.code.regexpCodeMb} → ${day.heapAtEnd.code.regexpCodeMb} MB; functions ${day.heapAtStart.code.functions} → ${day.heapAtEnd.code.functions}, ` +
      `of them with machine code ${day.heapAtStart.code.functionsWithMachineCode} → ${day.heapAtEnd.code.functionsWithMachineCode}, at most ${day.heapAtEnd.code.mostMachineCodePerFunction} pieces each); ` +
      `JS heap under critical memory pressure ${day.heapUnderPressure.startMb} → ${day.heapUnderPressure.endMb} MB; ` +
      `DOM nodes ${day.start.domNodes} → ${day.end.domNodes}, listeners ${day.start.listeners} → ${day.end.listeners}; store RSS ${day.start.storeRssMb} → ${day.end.storeRssMb} MB (×${day.storeRssRatio}); ` +
      warmUpText(day.afterWarmUp, day.end.heapMb, day.heapAtEnd.objectsMb),
  ];
}

/** The part of the day after the engine's warm-up, with the rule that ended it and the code at each check. */
function warmUpText(warm: WarmedUp, endHeapMb: number, endObjectsMb: number): string {
  const rule = `compiled code grown < ${warmUpRule.growthBelow * 100}% over ${warmUpRule.windowWalks} walks, checked every ${warmUpRule.everyWalks}`;
  const when = warm.settled ? `settled by walk ${warm.walk} (${rule})` : `not settled by walk ${warm.walk} (${rule}), measured from there`;
  const checks = warm.checks.map((check) => `${check.walk}: ${check.compiledCodeMb}`).join(', ');
  return (
    `from the engine's warm-up on, ${when}: JS heap after GC ${warm.start.heapMb} → ${endHeapMb} MB (×${warm.heapRatio}), ` +
    `page's objects ${warm.heap.objectsMb} → ${endObjectsMb} MB (×${warm.objectsRatio}); compiled code by walk ${checks} MB`
  );
}

// node scripts/bench/day.ts --data-dir DIR [--walks N] [--summit ID --meeting ID --sector ID]: the day alone, on a store already made.
// --harness FILE: a harness built before (its serve.mjs); --snapshots DIR: keep the heap snapshots of the day's two ends there.
if (import.meta.main) {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      walks: { type: 'string', default: '20' },
      summit: { type: 'string', default: '1' },
      meeting: { type: 'string', default: '1' },
      sector: { type: 'string', default: '1' },
      harness: { type: 'string' },
      snapshots: { type: 'string' },
    },
  });
  if (!values['data-dir']) throw new Error('--data-dir is required');
  const results = await measureDay(
    values['data-dir'],
    {
      summitId: Number(values.summit),
      meetingId: Number(values.meeting),
      sectorId: Number(values.sector),
      walks: Number(values.walks),
      ...(values.harness ? { harness: values.harness } : {}),
      ...(values.snapshots ? { snapshotsDir: values.snapshots } : {}),
    },
    (walk) => process.stderr.write(`walk ${walk}\r`),
  );
  console.log(JSON.stringify(results, null, 2));
}
