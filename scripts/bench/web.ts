import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../main/pdf/chromiumLaunch.ts';
import { summarise, type Timing } from './stats.ts';

export interface WebResults {
  /** Navigation start to the frame that shows the first meeting link of the 500-meeting summit. */
  readonly summitFirstPaint: Timing & { readonly meetingLinks: number };
  /** A query typed into the search palette to the frame that shows its results (includes the palette's typing pause). */
  readonly searchResultsPaint: Timing;
}

interface BenchWindow {
  __benchFirstMeetingMs: number | null;
}

// Runs in the page before any of the app's scripts: performance.now() counts
// from navigation start, and the mark is taken in the frame after the first
// meeting link is in the DOM, i.e. when it can first be painted.
const markFirstMeetingLink = `
  window.__benchFirstMeetingMs = null;
  new MutationObserver((_, observer) => {
    if (document.querySelector('a[href^="#/meeting/"]')) {
      observer.disconnect();
      requestAnimationFrame(() => { window.__benchFirstMeetingMs = performance.now(); });
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

/**
 * The harness runs in its own process, as the store does in Electron's main
 * process: the browser driver's work in this process must not delay its answers.
 */
async function startHarnessProcess(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const serve = path.resolve(import.meta.dirname, '../../e2e/harness/serve.ts');
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

export async function measureWeb(dataDir: string, summitId: number, queries: readonly string[], runs: number): Promise<WebResults> {
  const harness = await startHarnessProcess(dataDir);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(markFirstMeetingLink);
    const summitSamples: number[] = [];
    let meetingLinks = 0;
    for (let run = -1; run < runs; run++) {
      const page = await context.newPage();
      await page.goto(`${harness.url}#/summit/${summitId}`);
      // Functions, not strings: the app's CSP forbids eval, and Playwright evaluates a string predicate with it.
      await page.waitForFunction(() => (globalThis as unknown as BenchWindow).__benchFirstMeetingMs !== null, undefined, {
        timeout: 30_000,
      });
      const firstPaint = await page.evaluate(() => (globalThis as unknown as BenchWindow).__benchFirstMeetingMs ?? Number.NaN);
      if (run >= 0) summitSamples.push(firstPaint);
      meetingLinks = await page.locator('a[href^="#/meeting/"]').count();
      await page.close();
    }

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
    await context.close();
    return { summitFirstPaint: { ...summarise(summitSamples), meetingLinks }, searchResultsPaint: summarise(searchSamples) };
  } finally {
    await browser.close();
    if (harness.child.exitCode === null) {
      const exited = new Promise((resolve) => harness.child.once('exit', resolve));
      harness.child.kill('SIGTERM');
      await exited;
    }
  }
}
