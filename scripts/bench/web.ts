import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../e2e/chromium.ts';
import { defaultRendererDir, startHarness } from '../../e2e/harness/server.ts';
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

export async function measureWeb(dataDir: string, summitId: number, queries: readonly string[], runs: number): Promise<WebResults> {
  const harness = await startHarness({ dataDir, rendererDir: defaultRendererDir });
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
    await harness.close();
  }
}
