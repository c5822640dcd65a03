import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { createChromiumEngine } from './chromiumEngine.ts';
import type { PdfEngine } from './engine.ts';

/**
 * A print engine and a scratch folder for one test file. The engine starts
 * Chromium on its first print; both are closed and removed after the file's
 * last test.
 */
export function printScratch(prefix: string): { folder: string; engine: PdfEngine } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const engine = createChromiumEngine();
  afterAll(async () => {
    await engine.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });
  return { folder, engine };
}
