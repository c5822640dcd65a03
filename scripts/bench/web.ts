import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../../main/pdf/chromiumLaunch.ts';
import { buildHarness } from '../build-harness.ts';
import { browserQuiet } from './browserQuiet.ts';
import { quantile, round, summarise, type Timing } from './stats.ts';
import { observeTyping, type TypingResults, typeAndMeasure } from './typing.ts';

export interface WebResults {
  /**
   * Navigation start to the frame that shows the first meeting link of the 500-meeting summit; `pageCpuMs`, the page's
   * main thread's CPU to that frame (DevTools' ThreadTime), median of the runs: on a shared machine the clock mostly
   * measures the queue for a core.
   */
  readonly summitFirstPaint: Timing & { readonly meetingLinks: number; readonly pageCpuMs?: number };
  /** A query typed into the search palette to the frame that shows its results (includes the palette's typing pause). */
  readonly searchResultsPaint: Timing;
  /** Typing into a new note (autosave on) and into a section of a meeting brief, at 10 characters a second. */
  readonly typing: { readonly note: TypingResults; readonly meetingSection: TypingResults };
}

export interface TypingOptions {
  readonly meetingId: number;
  readonly characters: number;
}

interface BenchWindow {
  __benchFirstMeetingMs: number | null;
}

/** Said on the page's console in the frame the summit's first meeting link can first be painted in. */
export const firstMeetingPaintedSignal = 'sherpa-bench: first meeting painted';

// Runs in the page before any of the app's scripts: performance.now() counts
// from navigation start, and the mark is taken in the frame after the first
// meeting link is in the DOM, i.e. when it can first be painted. The frame is
// told on the console, as Today's is (markTodayPainted): waited for with
// waitForFunction, Playwright injected its own script into the page as the
// summit's answer arrived (20-32 ms of the main thread's CPU, 100-420 ms on
// the clock at load 7, traced) and ran its predicate in every frame after,
// inside the first paint it was timing.
export const markFirstMeetingLink = `
  window.__benchFirstMeetingMs = null;
  new MutationObserver((_, observer) => {
    if (document.querySelector('a[href^="#/meeting/"]')) {
      observer.disconnect();
      requestAnimationFrame(() => {
        window.__benchFirstMeetingMs = performance.now();
        console.debug(${JSON.stringify(firstMeetingPaintedSignal)});
      });
    }
  }).observe(document, { childList: true, subtree: true });
`;

// Types the query into the palette the way React sees typing, then waits for
// the results list and the frame after it.
const typeAndWaitForResults = `(query) => new Promise((resolve, reject) => {
  const input = document.querySelector('.search-palette input[type="search"]');
  if (!input) return reject(new Error('search palette input not found'));
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const started = performance.now();
  const done = () => requestAnimationFrame(() => resolve(performance.now() - started));
  const observer = new MutationObserver(() => {
    if (document.querySelector('.search-palette ol.search-results li')) { observer.disconnect(); done(); }
  });
  observer.observe(document.querySelector('.search-palette'), { childList: true, subtree: true });
  setValue.call(input, query);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  setTimeout(() => { observer.disconnect(); reject(new Error('no results for ' + query)); }, 10000);
})`;

let harnessBuilt: Promise<string> | null = null;

/**
 * The harness runs in its own process, as the store does in Electron's main
 * process: the browser driver's work in this process must not delay its answers.
 * It is built into one file first (as electron-vite builds the app's main
 * process), from the code as it is now.
 */
export async function startHarnessProcess(dataDir: string, builtServe?: string): Promise<{ url: string; child: ChildProcess }> {
  let serve = builtServe;
  if (!serve) {
    harnessBuilt ??= buildHarness();
    serve = await harnessBuilt;
  }
  const child = spawn(process.execPath, [serve, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`the web harness exited (${code}) before it was ready`)));
  });
  return { url, child };
}

/** Stops the harness and waits until it has exited, so the next run opens the store alone. */
export async function stopHarnessProcess(harness: { child: ChildProcess }): Promise<void> {
  if (harness.child.exitCode !== null) return;
  const exited = new Promise((resolve) => harness.child.once('exit', resolve));
  harness.child.kill('SIGTERM');
  await exited;
}

/** The summit's first paint, `runs` times after a warm-up, each in a new page of one context (the harness stays up). */
async function measureSummitFirstPaint(
  context: BrowserContext,
  url: string,
  summitId: number,
  runs: number,
): Promise<WebResults['summitFirstPaint']> {
  const summitSamples: number[] = [];
  const summitCpuSamples: number[] = [];
  let meetingLinks = 0;
  for (let run = -1; run < runs; run++) {
    const page = await context.newPage();
    const devtools = await context.newCDPSession(page);
    await devtools.send('Performance.enable', { timeDomain: 'threadTicks' });
    const pageCpu = async () =>
      ((await devtools.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? Number.NaN) * 1000;
    const pageCpuBefore = await pageCpu();
    const painted = page.waitForEvent('console', {
      predicate: (message) => message.text() === firstMeetingPaintedSignal,
      timeout: 30_000,
    });
    await page.goto(`${url}#/summit/${summitId}`);
    await painted;
    const pageCpuMs = (await pageCpu()) - pageCpuBefore;
    // A function, not a string: the app's CSP forbids eval, and Playwright evaluates a string with it.
    const firstPaint = await page.evaluate(() => (globalThis as unknown as BenchWindow).__benchFirstMeetingMs ?? Number.NaN);
    if (run >= 0) {
      summitSamples.push(firstPaint);
      summitCpuSamples.push(pageCpuMs);
    }
    meetingLinks = await page.locator('a[href^="#/meeting/"]').count();
    await page.close();
  }

  return {
    ...summarise(summitSamples),
    meetingLinks,
    ...(summitCpuSamples.some(Number.isNaN) ? {} : { pageCpuMs: round(quantile(summitCpuSamples, 0.5), 1) }),
  };
}

export async function measureWeb(
  dataDir: string,
  summitId: number,
  queries: readonly string[],
  runs: number,
  typing: TypingOptions,
  builtServe?: string,
): Promise<WebResults> {
  const harness = await startHarnessProcess(dataDir, builtServe);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(markFirstMeetingLink);
    const summitFirstPaint = await measureSummitFirstPaint(context, harness.url, summitId, runs);

    const page = await context.newPage();
    await page.goto(harness.url);
    await page.locator('.search-button').click();
    await page.locator('.search-palette input[type="search"]').waitFor();
    const searchSamples: number[] = [];
    for (let run = -1; run < Math.max(1, Math.round(runs / 5)); run++) {
      for (const query of queries) {
        await page.locator('.search-palette input[type="search"]').fill('');
        await page.locator('.search-palette ol.search-results').waitFor({ state: 'detached' });
        const elapsed = (await page.evaluate(`(${typeAndWaitForResults})(${JSON.stringify(query)})`)) as number;
        if (run >= 0) searchSamples.push(elapsed);
      }
    }
    await page.close();

    await context.addInitScript(observeTyping);
    const typingPage = await context.newPage();
    await typingPage.goto(`${harness.url}#/notes`);
    await typingPage.getByRole('button', { name: 'New note' }).click();
    await typingPage.getByRole('textbox', { name: 'Note text', exact: true }).click();
    const note = await typeAndMeasure(typingPage, typing.characters, 10);
    await typingPage.goto(`${harness.url}#/meeting/${typing.meetingId}`);
    await typingPage.locator('.brief-section .section-header button').first().click();
    // In view, as a person typing sees it: a field off screen has no frame to present, and Event Timing waits for one.
    // Centred, not at the window's edge, where the field growing with the text would take the caret out of view.
    await typingPage
      .locator('.brief-section textarea')
      .first()
      .evaluate((field) => (field as unknown as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'center' }));
    const meetingSection = await typeAndMeasure(typingPage, typing.characters, 10);
    await context.close();
    return {
      summitFirstPaint,
      searchResultsPaint: summarise(searchSamples),
      typing: { note, meetingSection },
    };
  } finally {
    await browser.close();
    await stopHarnessProcess(harness);
  }
}

/** The summit's first paint alone, in one harness and browser: two builds alternated quickly (`--paint-only`). */
export async function measureSummitFirstPaintAlone(
  dataDir: string,
  summitId: number,
  runs: number,
  builtServe?: string,
): Promise<WebResults['summitFirstPaint']> {
  const harness = await startHarnessProcess(dataDir, builtServe);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(markFirstMeetingLink);
    return await measureSummitFirstPaint(context, harness.url, summitId, runs);
  } finally {
    await browser.close();
    await stopHarnessProcess(harness);
  }
}

/** Where the time from launching the web harness to a painted Today screen goes, median of the runs. */
export interface StartResults {
  readonly total: Timing;
  /** Start of the harness process to its "ready" line: Node, the modules, opening and checking the store. */
  readonly openStoreMs: number;
  /**
   * CPU time the harness process used up to its ready line (Linux: /proc; absent elsewhere): what that step
   * costs, whatever else the machine runs, where the wall-clock figure on a loaded machine mostly measures the queue.
   */
  readonly openStoreCpuMs?: number;
  /**
   * CPU time the harness process (and the programs it ran) used from its start to Today painted (Linux: /proc): opening the store, loading
   * the handlers and answering the page's first questions, median of the runs; on a loaded machine the step the
   * store's process adds, where the wall clock measures the queue.
   */
  readonly storeCpuAtPaintMs?: number;
  /**
   * CPU time of the page's main thread from navigation to Today painted (Chromium's own count, DevTools'
   * Performance.getMetrics ThreadTime), median of the runs: the bundle's evaluation, Today's render, style, layout
   * and paint, whatever else the machine runs. With storeCpuAtPaintMs, what the start costs on the critical path.
   */
  readonly pageCpuMs?: number;
  /** Navigation start to the app's script run (DOMContentLoaded): HTML, bundle download and parse. */
  readonly bundleMs: number;
  /** The first call to the store from the page: request to response. */
  readonly firstQueryMs: number;
  /** The rest, up to the frame that shows Today's data: rendering and other calls. */
  readonly paintMs: number;
  /**
   * How long the new tab's set-up kept the browser busy before the harness was launched (browserQuiet.ts; Linux:
   * /proc; absent elsewhere), median of the runs: waited out, not counted in the start.
   */
  readonly tabSettledMs?: number;
  /**
   * A start after a crash (no clean-close record, so the whole store is checked once it is shown): launch to the
   * store taking writes again, median of the runs.
   */
  readonly writableMs?: number;
}

/** Asks the harness at `url` whether its store takes writes until it does; a build that cannot say took them once ready. */
async function storeTakesWrites(url: string): Promise<void> {
  const { origin, searchParams } = new URL(url);
  for (;;) {
    const response = await fetch(`${origin}/rpc/store.writes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sherpa-token': searchParams.get('token') ?? '' },
      body: '{}',
    });
    const answer = (await response.json()) as { value?: { writable: boolean }; error?: { code: string } };
    if (answer.value?.writable || answer.error?.code === 'unknown_channel') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Said on the page's console in the frame Today is painted in (markTodayPainted). */
export const todayPaintedSignal = 'sherpa-bench: Today painted';

// The frame is told on the console, not found by Playwright's waitForFunction: that evaluates Playwright's own
// script in the page (20 to 28 ms of its main thread, traced) just as Today's answers arrive, inside the start
// it is timing.
export const markTodayPainted = `
  window.__todayPaintedMs = null;
  new MutationObserver((_, observer) => {
    if (document.querySelector('.dashboard-grid')) {
      observer.disconnect();
      requestAnimationFrame(() => { window.__todayPaintedMs = performance.now(); console.debug(${JSON.stringify(todayPaintedSignal)}); });
    }
  }).observe(document, { childList: true, subtree: true });
`;

/** Resolves once the page says Today is painted; set up before the page is asked for. */
export function todayPainted(page: Page): Promise<unknown> {
  return page.waitForEvent('console', { predicate: (message) => message.text() === todayPaintedSignal, timeout: 30_000 });
}

// In the page, once Today is painted: DOMContentLoaded and the first call to the store, from the browser's timings.
const readStartSteps = `(() => {
  const navigation = performance.getEntriesByType('navigation')[0];
  const first = performance.getEntriesByType('resource').find((entry) => entry.name.includes('/rpc/'));
  return {
    painted: window.__todayPaintedMs ?? Number.NaN,
    domContentLoaded: navigation ? navigation.domContentLoadedEventEnd : Number.NaN,
    firstQuery: first ? first.responseEnd - first.startTime : Number.NaN,
  };
})()`;

/**
 * Launches the web harness on the store `runs` times and opens Today each time, with a fresh browser page.
 * `afterCrash`: each launch finds no clean-close record, as after a crash, and the time until the store takes writes is measured too.
 */
export async function measureStart(dataDir: string, runs: number, builtServe?: string, afterCrash = false): Promise<StartResults> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  const samples: {
    total: number;
    openStoreMs: number;
    openStoreCpuMs: number;
    storeCpuAtPaintMs: number;
    pageCpuMs: number;
    bundleMs: number;
    firstQueryMs: number;
    paintMs: number;
    tabSettledMs: number;
    writableMs: number;
  }[] = [];
  try {
    for (let run = -1; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(markTodayPainted);
      const page = await context.newPage();
      // Thread ticks: the page's main thread's CPU, not its tasks' length on a clock shared with other programs.
      const devtools = await context.newCDPSession(page);
      await devtools.send('Performance.enable', { timeDomain: 'threadTicks' });
      const pageCpu = async () =>
        ((await devtools.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? Number.NaN) *
        1000;
      // The new tab's own set-up is not the start: the harness is launched beside a browser that has finished it.
      const tabSettledMs = await browserQuiet();
      if (afterCrash) fs.rmSync(path.join(dataDir, 'sherpa.sqlite.closed-cleanly'), { force: true });
      const launched = performance.now();
      const harness = await startHarnessProcess(dataDir, builtServe);
      const openStoreMs = performance.now() - launched;
      const openStoreCpuMs = cpuMsOf(harness.child.pid);
      try {
        const pageCpuBefore = await pageCpu();
        const painted = todayPainted(page);
        await page.goto(harness.url);
        await painted;
        const storeCpuAtPaintMs = cpuMsOf(harness.child.pid);
        const pageCpuMs = (await pageCpu()) - pageCpuBefore;
        const steps = (await page.evaluate(readStartSteps)) as { painted: number; domContentLoaded: number; firstQuery: number };
        if (afterCrash) await storeTakesWrites(harness.url);
        const writableMs = performance.now() - launched;
        if (run >= 0)
          samples.push({
            total: openStoreMs + steps.painted,
            openStoreMs,
            openStoreCpuMs,
            storeCpuAtPaintMs,
            pageCpuMs,
            bundleMs: steps.domContentLoaded,
            firstQueryMs: steps.firstQuery,
            paintMs: steps.painted - steps.domContentLoaded - steps.firstQuery,
            tabSettledMs,
            writableMs,
          });
      } finally {
        await context.close();
        await stopHarnessProcess(harness);
      }
    }
  } finally {
    await browser.close();
  }
  const total = summarise(samples.map((sample) => sample.total));
  const median = [...samples].sort((a, b) => a.total - b.total)[Math.floor((samples.length - 1) / 2)];
  if (!median) throw new Error('no start was measured');
  return {
    total,
    openStoreMs: round(median.openStoreMs, 1),
    ...(Number.isNaN(median.openStoreCpuMs)
      ? {}
      : {
          openStoreCpuMs: round(
            quantile(
              samples.map((sample) => sample.openStoreCpuMs),
              0.5,
            ),
            1,
          ),
        }),
    ...(Number.isNaN(median.storeCpuAtPaintMs)
      ? {}
      : {
          storeCpuAtPaintMs: round(
            quantile(
              samples.map((sample) => sample.storeCpuAtPaintMs),
              0.5,
            ),
            1,
          ),
        }),
    ...(Number.isNaN(median.pageCpuMs)
      ? {}
      : {
          pageCpuMs: round(
            quantile(
              samples.map((sample) => sample.pageCpuMs),
              0.5,
            ),
            1,
          ),
        }),
    bundleMs: round(median.bundleMs, 1),
    firstQueryMs: round(median.firstQueryMs, 1),
    paintMs: round(median.paintMs, 1),
    ...(samples.some((sample) => Number.isNaN(sample.tabSettledMs))
      ? {}
      : {
          tabSettledMs: round(
            quantile(
              samples.map((sample) => sample.tabSettledMs),
              0.5,
            ),
            1,
          ),
        }),
    ...(afterCrash
      ? {
          writableMs: round(
            quantile(
              samples.map((sample) => sample.writableMs),
              0.5,
            ),
            1,
          ),
        }
      : {}),
  };
}

/** User and system CPU time of a running process so far, in ms; NaN where /proc does not say (not Linux). */
export function cpuMsOf(pid: number | undefined): number {
  try {
    // Fields 14 to 17 of /proc/PID/stat, counted after the command name (which may hold spaces), in clock ticks of
    // 10 ms: the process's own CPU and that of the programs it ran and waited for (fontconfig's `fc-list`, run by
    // the fonts' check), which the machine's cores spend on the start just the same.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return Number.NaN;
  }
}

// The start alone, on a store already made and upgraded (the data folder holds sherpa.sqlite):
//   node scripts/bench/web.ts --data-dir DIR [--runs 10]   → one JSON line (StartResults)
// --harness FILE starts a harness built before (its serve.mjs, beside its renderer) instead of building this tree's:
// two builds measured alternately on the same store.
// With --summit ID --meeting ID, the rest of the web part instead, as the benchmark runs it (WebResults): the summit's
// first paint, search results painted, typing --characters (30, as a quick run does) into a note and a brief section;
// --start also measures the start after it. Together, the benchmark's web figures on a store made once; --harness
// here too, so two builds' first paints and searches can be alternated. --paint-only with --summit: the summit's
// first paint alone (a minute, not several), for alternating two builds in a loop.
if (import.meta.main) {
  const { parseArgs } = await import('node:util');
  const os = await import('node:os');
  const { benchmarkSearches } = await import('./searchQueries.ts');
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      runs: { type: 'string', default: '10' },
      harness: { type: 'string' },
      summit: { type: 'string' },
      meeting: { type: 'string' },
      characters: { type: 'string', default: '30' },
      queries: { type: 'string', default: '5' },
      start: { type: 'boolean', default: false },
      'paint-only': { type: 'boolean', default: false },
    },
  });
  if (!values['data-dir']) throw new Error('--data-dir is required');
  if (values.summit === undefined) {
    console.log(JSON.stringify(await measureStart(values['data-dir'], Number(values.runs), values.harness)));
  } else if (values['paint-only']) {
    const loadAverage = round(os.loadavg()[0] ?? 0, 2);
    const summitFirstPaint = await measureSummitFirstPaintAlone(
      values['data-dir'],
      Number(values.summit),
      Number(values.runs),
      values.harness,
    );
    console.log(JSON.stringify({ loadAverage, summitFirstPaint, loadAverageAtEnd: round(os.loadavg()[0] ?? 0, 2) }));
  } else {
    const loadAverage = round(os.loadavg()[0] ?? 0, 2);
    const web = await measureWeb(
      values['data-dir'],
      Number(values.summit),
      benchmarkSearches.slice(0, Number(values.queries)),
      Number(values.runs),
      {
        meetingId: Number(values.meeting ?? 1),
        characters: Number(values.characters),
      },
      values.harness,
    );
    const start = values.start ? await measureStart(values['data-dir'], Number(values.runs), values.harness) : undefined;
    console.log(JSON.stringify({ loadAverage, web, ...(start ? { start } : {}), loadAverageAtEnd: round(os.loadavg()[0] ?? 0, 2) }));
  }
}
