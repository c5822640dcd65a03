import type { Browser, CDPSession, LaunchOptions, Page } from 'playwright-core';
import { printLaunchOptions } from './chromiumLaunch.ts';
import { ExportCancelledError, type PdfEngine, type PrintOptions, paperNames, throwIfCancelled, waitForLoadAndFonts } from './engine.ts';

export interface ChromiumEngineOptions {
  launchOptions?: LaunchOptions;
  /** Told of each request a pack's page tried and was refused (all of them: the pack is printed from memory). */
  onBlockedRequest?: (url: string) => void;
  /**
   * A browser already running to print with, instead of launching one: the unit tests share one Chromium between
   * their files (testing/printBrowser.ts), where each file launching its own cost about 1.2 s of CPU. `close`
   * then leaves that browser running, closing only the pages this engine opened.
   */
  connect?: () => Promise<Browser>;
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
 *
 * The content is set with the DevTools protocol's own Page.setDocumentContent,
 * one call that parses the pack in the renderer, where Playwright's setContent
 * sends the HTML through a script and waits on its lifecycle events: about
 * half the time a 200-page pack takes to load before printing.
 */
/** A page kept between prints, with the protocol session that sets its content. */
interface PrintPage {
  page: Page;
  session: CDPSession;
  /** The page's main frame, whose document each print replaces. */
  frameId: string;
}

export function createChromiumEngine(options: ChromiumEngineOptions = {}): PdfEngine {
  const launchOptions = options.launchOptions ?? printLaunchOptions();
  let browser: Promise<Browser> | null = null;
  const launch = () => {
    // Loaded on the first print, not at start: playwright-core takes most of a second to load, and most sessions print nothing.
    browser ??= (
      options.connect ? options.connect() : import('playwright-core').then(({ chromium }) => chromium.launch(launchOptions))
    ).catch((error: unknown) => {
      browser = null;
      throw new Error(
        `Chromium could not be started (${launchOptions.executablePath ?? 'default'}): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}. ` +
          'Install Debian’s chromium or set SHERPA_CHROMIUM.',
      );
    });
    return browser;
  };
  let idlePage: PrintPage | null = null;
  const takePage = async (): Promise<PrintPage> => {
    const kept = idlePage;
    idlePage = null;
    if (kept && !kept.page.isClosed()) return kept;
    const page = await (await launch()).newPage({ javaScriptEnabled: true, serviceWorkers: 'block' });
    await page.route('**/*', (route) => {
      options.onBlockedRequest?.(route.request().url());
      return route.abort('blockedbyclient');
    });
    await page.routeWebSocket(/.*/, (socket) => {
      options.onBlockedRequest?.(socket.url());
      return socket.close();
    });
    const session = await page.context().newCDPSession(page);
    const { frameTree } = await session.send('Page.getFrameTree');
    return { page, session, frameId: frameTree.frame.id };
  };
  const releasePage = async (kept: PrintPage): Promise<void> => {
    if (kept.page.isClosed()) return;
    if (idlePage === null) idlePage = kept;
    else await kept.page.close();
  };

  return {
    name: 'chromium',
    async print(html: string, options: PrintOptions): Promise<Buffer> {
      throwIfCancelled(options.signal);
      const kept = await takePage();
      const { page } = kept;
      const cancel = () => void page.close();
      options.signal?.addEventListener('abort', cancel, { once: true });
      try {
        const loadStart = performance.now();
        await kept.session.send('Page.setDocumentContent', { frameId: kept.frameId, html });
        // Fonts are local, but layout must not start before they are in.
        await page.evaluate(waitForLoadAndFonts);
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
        await releasePage(kept);
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
