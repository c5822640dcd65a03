import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { chooseRecord } from './views.helpers.ts';

// `npm run build && npm run preview:web` is how the README tells a person to
// look at the web target: the bundled harness (out/harness/serve.mjs), started
// here exactly as that script starts it, with no option but the data folder.
// Its bundle once could not export a single pack ("DOMMatrix is not defined"),
// when the other specs still started the TypeScript source.
const builtHarness = path.resolve(import.meta.dirname, '../out/harness/serve.mjs');

test('the built web harness exports a briefing pack to PDF', async ({ target, browser }) => {
  test.skip(target !== 'web', 'the bundled harness is the web target');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-built-'));
  const harness = spawn(process.execPath, [builtHarness, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'ignore'] });
  const context = await browser.newContext();
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let buffered = '';
      harness.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const line = buffered.split('\n')[0];
        if (buffered.includes('\n') && line) resolve((JSON.parse(line) as { url: string }).url);
      });
      harness.once('exit', (code) => reject(new Error(`The built harness exited with code ${code}`)));
    });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('link', { name: 'Briefing packs' }).click();
    await page.getByLabel('Pack name').fill('Built harness pack');
    await page.getByLabel('Title on the cover').fill('Vilnius timeline');
    await chooseRecord(page.getByLabel('Summit'), 'NATO Summit, Vilnius 2023');
    await page.getByRole('button', { name: 'Add: Timeline' }).click();
    await page.getByRole('button', { name: 'Save pack' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved “Built harness pack”.' })).toBeVisible();
    await page.getByRole('button', { name: 'Export to PDF' }).click();
    // A failed export says why at once; waiting out the whole print for it would hide the reason behind a timeout.
    const exported = page.getByText(/Exported \d+ pages/);
    const refusal = page.getByRole('alert');
    await expect(exported.or(refusal)).toBeVisible({ timeout: 50_000 });
    expect(await refusal.allInnerTexts()).toEqual([]);
    await expect(exported).toBeVisible();
    const file = await page.locator('code').filter({ hasText: '.pdf' }).textContent();
    expect(file && fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  } finally {
    await context.close();
    harness.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
