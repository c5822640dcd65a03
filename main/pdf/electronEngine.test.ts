import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeWindow } from '../../testing/electronFake.ts';
import { ExportCancelledError, type PrintOptions, waitForFonts } from './engine.ts';

// Electron is the boundary here: a recording fake window stands in for it, so
// the test checks what the engine asks of Electron and that the hidden window
// never outlives a print.

const electron = await vi.hoisted(async () => (await import('../../testing/electronFake.ts')).createElectronFake());
vi.mock('electron', () => electron.module);

/** Whether the print session let the pack file through while each window loaded it, by window. */
const allowedWhileLoading = new Map<FakeWindow, boolean>();
/** The pack as each window loaded it from its temporary file. */
const loadedHtml = new Map<FakeWindow, string>();

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
  electron.reset();
  allowedWhileLoading.clear();
  loadedHtml.clear();
  electron.onLoadURL = (window, url) => {
    printFilter()?.({ url }, (response) => allowedWhileLoading.set(window, !response.cancel));
    loadedHtml.set(window, fs.readFileSync(fileURLToPath(url), 'utf8'));
  };
  electron.printResult = async () => Buffer.from('%PDF-1.4 fake');
});

/** The request filter the engine put on its print session, the only partition it uses. */
const printFilter = () => [...electron.requestFilters.entries()].find(([name]) => name !== 'default')?.[1];

describe('the Electron engine', () => {
  it('loads the pack in a hidden sandboxed window, waits for its fonts, prints with the shared options, then destroys the window', async () => {
    const pdf = await createElectronEngine().print('<p>pack</p>', options);
    expect(pdf.toString()).toBe('%PDF-1.4 fake');
    const [window] = electron.windows;
    expect(window?.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(window?.calls).toEqual(['loadURL', `executeJavaScript ${waitForFonts}`, 'printToPDF', 'destroy']);
    expect(window && loadedHtml.get(window)).toBe('<p>pack</p>');
    expect(window?.webContents.printOptions).toMatchObject({
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
    expect(electron.windows[0] && allowedWhileLoading.get(electron.windows[0])).toBe(true);
    const allowed = (url: string) => {
      let cancel = true;
      printFilter()?.({ url }, (response) => {
        cancel = response.cancel;
      });
      return !cancel;
    };
    expect(allowed(electron.windows[0]?.loadedUrl ?? '')).toBe(false);
    expect(allowed('https://fonts.example.org/noto.woff2')).toBe(false);
    expect(allowed('file:///etc/passwd')).toBe(false);
  });

  it('destroys the window and removes the pack file when printing fails', async () => {
    electron.printResult = () => Promise.reject(new Error('printing failed'));
    await expect(createElectronEngine().print('<p>pack</p>', options)).rejects.toThrow('printing failed');
    expect(electron.windows[0]?.destroyed).toBe(true);
    expect(fs.existsSync(fileURLToPath(electron.windows[0]?.loadedUrl ?? ''))).toBe(false);
  });

  it('destroys the window at once when the export is cancelled, and says it was cancelled', async () => {
    const controller = new AbortController();
    electron.printResult = () => {
      controller.abort();
      return Promise.reject(new Error('Object has been destroyed'));
    };
    await expect(createElectronEngine().print('<p>pack</p>', { ...options, signal: controller.signal })).rejects.toThrow(
      ExportCancelledError,
    );
    expect(electron.windows[0]?.calls.filter((call) => call === 'destroy')).toEqual(['destroy']);
  });

  it('skips the header, footer and tags on a draft pass, which only measures where things land', async () => {
    await createElectronEngine().print('<p>pack</p>', { ...options, draft: true });
    expect(electron.windows[0]?.webContents.printOptions).toMatchObject({ displayHeaderFooter: false, generateTaggedPDF: false });
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
