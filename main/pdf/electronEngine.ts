import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';
import { ExportCancelledError, type PdfEngine, type PrintOptions, paperNames, throwIfCancelled, waitForFonts } from './engine.ts';

const mmToInches = (mm: number) => mm / 25.4;
const printFolderPrefix = 'sherpa-print-';

/**
 * A print cut short by a crash or power loss skips its `finally`: its pack
 * HTML is removed the next time Sherpa starts. Only folders older than an
 * hour, so another Sherpa printing right now keeps its own.
 */
export async function sweepLeftoverPrintFolders(tempDir = os.tmpdir(), now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await fs.readdir(tempDir).catch(() => [] as string[])) {
    if (!name.startsWith(printFolderPrefix)) continue;
    const folder = path.join(tempDir, name);
    const stat = await fs.stat(folder).catch(() => null);
    if (!stat?.isDirectory() || now - stat.mtimeMs < 60 * 60 * 1000) continue;
    await fs.rm(folder, { recursive: true, force: true });
    removed.push(folder);
  }
  return removed;
}

/**
 * Prints in the app with Electron's own Chromium: a hidden, sandboxed window
 * loads the pack from a temporary file, waits for its fonts (no fixed sleep),
 * prints, and is destroyed in `finally` whatever happened.
 */
export function createElectronEngine(): PdfEngine {
  void sweepLeftoverPrintFolders();
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
      const folder = await fs.mkdtemp(path.join(os.tmpdir(), printFolderPrefix));
      const file = path.join(folder, 'pack.html');
      const fileUrl = pathToFileURL(file).href;
      let window: BrowserWindow | null = null;
      const cancel = () => window?.destroy();
      // The pack's HTML holds brief text in plaintext: it exists only inside this try, and `finally` removes it.
      try {
        await fs.writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
        printing.add(fileUrl);
        // electronegativity-ignore: AUXCLICK_JS_CHECK — this window is never shown, so nobody can middle-click in it, and its session cancels every URL but the pack file.
        window = new BrowserWindow({
          show: false,
          webPreferences: {
            session: sessionForPrinting(),
            sandbox: true,
            contextIsolation: true,
            nodeIntegration: false,
            webSecurity: true,
          },
        });
        options.signal?.addEventListener('abort', cancel, { once: true });
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
        if (window && !window.isDestroyed()) window.destroy();
        printing.delete(fileUrl);
        await fs.rm(folder, { recursive: true, force: true });
      }
    },
    async close() {},
  };
}
