import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportCancelledError, type PrintOptions, waitForFonts } from './engine.ts';

// Electron is the boundary here: a recording fake window stands in for it, so
// the test checks what the engine asks of Electron and that the hidden window
// never outlives a print.

interface FakeWindow {
  calls: string[];
  loadedUrl: string | null;
  loadedHtml: string | null;
  printOptions: unknown;
  destroyed: boolean;
  /** Whether the print session let the pack file through while the window loaded it. */
  allowedWhileLoading: boolean | null;
  options: { show?: boolean; webPreferences?: Record<string, unknown> };
}

const fake = vi.hoisted(() => ({
  windows: [] as FakeWindow[],
  printResult: null as null | (() => Promise<Buffer>),
  requestFilter: null as null | ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void),
}));

vi.mock('electron', () => {
  class BrowserWindow {
    readonly record: FakeWindow;
    readonly webContents;
    constructor(options: FakeWindow['options']) {
      const record: FakeWindow = {
        calls: [],
        loadedUrl: null,
        loadedHtml: null,
        printOptions: null,
        destroyed: false,
        allowedWhileLoading: null,
        options,
      };
      this.record = record;
      fake.windows.push(record);
      this.webContents = {
        executeJavaScript: async (code: string) => {
          record.calls.push(`executeJavaScript ${code}`);
          return true;
        },
        printToPDF: async (printOptions: unknown) => {
          record.calls.push('printToPDF');
          record.printOptions = printOptions;
          return fake.printResult ? fake.printResult() : Buffer.from('%PDF-1.4 fake');
        },
      };
    }
    async loadURL(url: string) {
      this.record.calls.push('loadURL');
      this.record.loadedUrl = url;
      fake.requestFilter?.({ url }, (response) => {
        this.record.allowedWhileLoading = !response.cancel;
      });
      this.record.loadedHtml = fs.readFileSync(fileURLToPath(url), 'utf8');
    }
    isDestroyed() {
      return this.record.destroyed;
    }
    destroy() {
      this.record.calls.push('destroy');
      this.record.destroyed = true;
    }
  }
  return {
    BrowserWindow,
    session: {
      fromPartition: () => ({
        webRequest: {
          onBeforeRequest: (filter: typeof fake.requestFilter) => {
            fake.requestFilter = filter;
          },
        },
      }),
    },
  };
});

const { createElectronEngine, sweepLeftoverPrintFolders } = await import('./electronEngine.ts');

const options: PrintOptions = {
  paper: 'letter',
  margins: { top: 25.4, bottom: 25.4, left: 12.7, right: 12.7 },
  headerTemplate: '<div>banner</div>',
  footerTemplate: '<div><span class="pageNumber"></span></div>',
  outline: false,
  tagged: true,
};

beforeEach(() => {
  fake.windows.length = 0;
  fake.printResult = null;
  fake.requestFilter = null;
});

describe('the Electron engine', () => {
  it('loads the pack in a hidden sandboxed window, waits for its fonts, prints with the shared options, then destroys the window', async () => {
    const pdf = await createElectronEngine().print('<p>pack</p>', options);
    expect(pdf.toString()).toBe('%PDF-1.4 fake');
    const [window] = fake.windows;
    expect(window?.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(window?.calls).toEqual(['loadURL', `executeJavaScript ${waitForFonts}`, 'printToPDF', 'destroy']);
    expect(window?.loadedHtml).toBe('<p>pack</p>');
    expect(window?.printOptions).toMatchObject({
      pageSize: 'Letter',
      margins: { top: 1, bottom: 1, left: 0.5, right: 0.5 },
      displayHeaderFooter: true,
      headerTemplate: '<div>banner</div>',
      generateTaggedPDF: true,
    });
    expect(fs.existsSync(fileURLToPath(window?.loadedUrl ?? ''))).toBe(false);
  });

  it('lets the print window load the pack file while printing it, and nothing else', async () => {
    await createElectronEngine().print('<p>pack</p>', options);
    expect(fake.windows[0]?.allowedWhileLoading).toBe(true);
    const allowed = (url: string) => {
      let cancel = true;
      fake.requestFilter?.({ url }, (response) => {
        cancel = response.cancel;
      });
      return !cancel;
    };
    expect(allowed(fake.windows[0]?.loadedUrl ?? '')).toBe(false);
    expect(allowed('https://fonts.example.org/noto.woff2')).toBe(false);
    expect(allowed('file:///etc/passwd')).toBe(false);
  });

  it('destroys the window and removes the pack file when printing fails', async () => {
    fake.printResult = () => Promise.reject(new Error('printing failed'));
    await expect(createElectronEngine().print('<p>pack</p>', options)).rejects.toThrow('printing failed');
    expect(fake.windows[0]?.destroyed).toBe(true);
    expect(fs.existsSync(fileURLToPath(fake.windows[0]?.loadedUrl ?? ''))).toBe(false);
  });

  it('destroys the window at once when the export is cancelled, and says it was cancelled', async () => {
    const controller = new AbortController();
    fake.printResult = () => {
      controller.abort();
      return Promise.reject(new Error('Object has been destroyed'));
    };
    await expect(createElectronEngine().print('<p>pack</p>', { ...options, signal: controller.signal })).rejects.toThrow(
      ExportCancelledError,
    );
    expect(fake.windows[0]?.calls.filter((call) => call === 'destroy')).toEqual(['destroy']);
  });

  it('skips the header, footer and tags on a draft pass, which only measures where things land', async () => {
    await createElectronEngine().print('<p>pack</p>', { ...options, draft: true });
    expect(fake.windows[0]?.printOptions).toMatchObject({ displayHeaderFooter: false, generateTaggedPDF: false });
  });
});

describe('pack HTML left by a print that never finished', () => {
  it('is removed at the next start once an hour old; a print running now keeps its file', async () => {
    const tempDir = fs.mkdtempSync(`${os.tmpdir()}/sherpa-sweep-`);
    const stale = `${tempDir}/sherpa-print-stale`;
    const running = `${tempDir}/sherpa-print-running`;
    for (const folder of [stale, running]) {
      fs.mkdirSync(folder);
      fs.writeFileSync(`${folder}/pack.html`, '<p>Canary brief text</p>');
    }
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.utimesSync(stale, twoHoursAgo, twoHoursAgo);
    expect(await sweepLeftoverPrintFolders(tempDir)).toEqual([stale]);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(`${running}/pack.html`)).toBe(true);
    fs.rmSync(tempDir, { recursive: true, force: true });
  });
});
