import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, inject } from 'vitest';
import { createChromiumEngine } from './chromiumEngine.ts';
import type { PdfEngine } from './engine.ts';

/**
 * A print engine for a test file: the engine the app uses, printing in the one Chromium the test run shares
 * (testing/printBrowser.ts) instead of launching its own. Run without that setup, it launches one as the app does.
 */
export function testPrintEngine(): PdfEngine {
  const broker = inject('printBrowserBroker');
  if (!broker) return createChromiumEngine();
  return createChromiumEngine({
    connect: async () => {
      const answer = await fetch(broker);
      if (!answer.ok) throw new Error(await answer.text());
      const { chromium } = await import('playwright-core');
      return chromium.connect(await answer.text());
    },
  });
}

/**
 * A print engine and a scratch folder for one test file. The engine connects
 * to the shared Chromium on its first print; both are closed and removed
 * after the file's last test.
 */
export function printScratch(prefix: string): { folder: string; engine: PdfEngine } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const engine = testPrintEngine();
  afterAll(async () => {
    await engine.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });
  return { folder, engine };
}
