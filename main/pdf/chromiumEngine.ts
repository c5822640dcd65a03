import type { Browser, LaunchOptions, Page } from 'playwright-core';
import { printLaunchOptions } from './chromiumLaunch.ts';
import { ExportCancelledError, type PdfEngine, type PrintOptions, paperNames, throwIfCancelled, waitForFonts } from './engine.ts';

export interface ChromiumEngineOptions {
  launchOptions?: LaunchOptions;
  /** Told of each request a pack's page tried and was refused (all of them: the pack is printed from memory). */
  onBlockedRequest?: (url: string) => void;
}

/**
 * Prints with Debian's Chromium through playwright-core: the engine of the
 * command line, the web target and the tests. One browser serves every print
 * until `close`; a page is kept between prints, since opening one costs more
 * than replacing its document (the two passes of an export print back to back).
 *
 * The pack is set as the page's content, so it needs no request at all, and
 * every request its page makes is refused, as the Electron engine's session
 * does: the template's CSP is not the only thing between a pack and the network.
 */
export function createChromiumEngine(options: ChromiumEngineOptions = {}): PdfEngine {
  const launchOptions = options.launchOptions ?? printLaunchOptions();
  let browser: Promise<Browser> | null = null;
  const launch = () => {
    // Loaded on the first print, not at start: playwright-core takes most of a second to load, and most sessions print nothing.
    browser ??= import('playwright-core')
      .then(({ chromium }) => chromium.launch(launchOptions))
      .catch((error: unknown) => {
        browser = null;
        throw new Error(
          `Chromium could not be started (${launchOptions.executablePath ?? 'default'}): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}. ` +
            'Install Debian’s chromium or set SHERPA_CHROMIUM.',
        );
      });
    return browser;
  };
  let idlePage: Page | null = null;
  const takePage = async (): Promise<Page> => {
    const kept = idlePage;
    idlePage = null;
    if (kept && !kept.isClosed()) return kept;
    const page = await (await launch()).newPage({ javaScriptEnabled: true, serviceWorkers: 'block' });
    await page.route('**/*', (route) => {
      options.onBlockedRequest?.(route.request().url());
      return route.abort('blockedbyclient');
    });
    await page.routeWebSocket(/.*/, (socket) => {
      options.onBlockedRequest?.(socket.url());
      return socket.close();
    });
    return page;
  };
  const releasePage = async (page: Page): Promise<void> => {
    if (page.isClosed()) return;
    if (idlePage === null) idlePage = page;
    else await page.close();
  };

  return {
    name: 'chromium',
    async print(html: string, options: PrintOptions): Promise<Buffer> {
      throwIfCancelled(options.signal);
      const page = await takePage();
      const cancel = () => void page.close();
      options.signal?.addEventListener('abort', cancel, { once: true });
      try {
        const loadStart = performance.now();
        await page.setContent(html, { waitUntil: 'load' });
        // Fonts are local, but layout must not start before they are in.
        await page.evaluate(waitForFonts);
        const printStart = performance.now();
        const pdf = await page.pdf({
          format: paperNames[options.paper],
          margin: {
            top: `${options.margins.top}mm`,
            bottom: `${options.margins.bottom}mm`,
            left: `${options.margins.left}mm`,
            right: `${options.margins.right}mm`,
          },
          displayHeaderFooter: !options.draft,
          headerTemplate: options.headerTemplate,
          footerTemplate: options.footerTemplate,
          printBackground: true,
          outline: options.outline && !options.draft,
          tagged: options.tagged && !options.draft,
        });
        options.onTiming?.({ loadMs: printStart - loadStart, printMs: performance.now() - printStart });
        return pdf;
      } catch (error) {
        if (options.signal?.aborted) throw new ExportCancelledError();
        throw error;
      } finally {
        options.signal?.removeEventListener('abort', cancel);
        await releasePage(page);
      }
    },
    async close() {
      const running = browser;
      browser = null;
      idlePage = null;
      if (running) await (await running.catch(() => null))?.close();
    },
  };
}
