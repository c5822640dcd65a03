import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';
import { ExportCancelledError, type PdfEngine, type PrintOptions, paperNames, throwIfCancelled, waitForFonts } from './engine.ts';

const mmToInches = (mm: number) => mm / 25.4;

/**
 * Prints in the app with Electron's own Chromium: a hidden, sandboxed window
 * loads the pack from a temporary file, waits for its fonts (no fixed sleep),
 * prints, and is destroyed in `finally` whatever happened.
 */
export function createElectronEngine(): PdfEngine {
  // The pack files being printed right now: the print session loads these and nothing else.
  const printing = new Set<string>();
  let printSession: Electron.Session | null = null;
  const sessionForPrinting = (): Electron.Session => {
    if (!printSession) {
      // Its own session: the app's session refuses every URL but app://.
      printSession = session.fromPartition('sherpa-print');
      printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !printing.has(details.url) }));
    }
    return printSession;
  };
  return {
    name: 'electron',
    async print(html: string, options: PrintOptions): Promise<Buffer> {
      throwIfCancelled(options.signal);
      const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'sherpa-print-'));
      const file = path.join(folder, 'pack.html');
      await fs.writeFile(file, html, 'utf8');
      const fileUrl = pathToFileURL(file).href;
      printing.add(fileUrl);
      // electronegativity-ignore: AUXCLICK_JS_CHECK — this window is never shown, so nobody can middle-click in it, and its session cancels every URL but the pack file.
      const window = new BrowserWindow({
        show: false,
        webPreferences: { session: sessionForPrinting(), sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
      });
      const cancel = () => window.destroy();
      options.signal?.addEventListener('abort', cancel, { once: true });
      try {
        const loadStart = performance.now();
        await window.loadURL(fileUrl);
        await window.webContents.executeJavaScript(waitForFonts);
        const printStart = performance.now();
        const pdf = await window.webContents.printToPDF({
          pageSize: paperNames[options.paper],
          margins: {
            top: mmToInches(options.margins.top),
            bottom: mmToInches(options.margins.bottom),
            left: mmToInches(options.margins.left),
            right: mmToInches(options.margins.right),
          },
          displayHeaderFooter: !options.draft,
          headerTemplate: options.headerTemplate,
          footerTemplate: options.footerTemplate,
          printBackground: true,
          generateDocumentOutline: options.outline && !options.draft,
          generateTaggedPDF: options.tagged && !options.draft,
        });
        options.onTiming?.({ loadMs: printStart - loadStart, printMs: performance.now() - printStart });
        return pdf;
      } catch (error) {
        if (options.signal?.aborted) throw new ExportCancelledError();
        throw error;
      } finally {
        options.signal?.removeEventListener('abort', cancel);
        if (!window.isDestroyed()) window.destroy();
        printing.delete(fileUrl);
        await fs.rm(folder, { recursive: true, force: true });
      }
    },
    async close() {},
  };
}
