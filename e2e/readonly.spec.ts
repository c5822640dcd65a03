import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { latestVersion } from '../db/migrations/index.ts';
import { openStore, storeFileName } from '../main/store.ts';
import { expect, startHarnessProcess, test } from './fixtures.ts';
import { callStore, goTo } from './store.helpers.ts';

// A store written by a newer Sherpa: this version shows it, read-only, and
// says why when asked to change it. The file is never touched.

test('a newer Sherpa’s store opens read-only: briefs can be read, a change is refused with the reason', async ({ browser, target }) => {
  test.skip(target !== 'web', 'the store is prepared before the web harness starts on it');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-e2e-newer-'));
  const file = path.join(dataDir, storeFileName);
  openStore(dataDir).db.close();
  const newer = new Database(file);
  newer.pragma(`user_version = ${latestVersion + 10}`);
  newer.close();
  const harness = await startHarnessProcess(dataDir);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(harness.url);
    await expect(page.locator('main h1').first()).toBeVisible();
    // Said above every view before anything is tried, not only when a save is refused.
    await expect(page.locator('.store-writes[role="status"]')).toHaveText(
      'This data was written by a newer version of Sherpa, so it is open for reading only until Sherpa is updated.',
    );

    await goTo(page, '#/summit/1');
    await expect(page.getByRole('heading', { level: 1, name: 'NATO Summit, Vilnius 2023' })).toBeVisible();
    await page.getByRole('link', { name: 'Secretary General Stoltenberg – President Yoon' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Secretary General Stoltenberg – President Yoon' })).toBeVisible();

    // What the user sees on trying to annotate: the reason, not a generic failure.
    await page.getByRole('button', { name: 'Add annotation' }).click();
    await expect(page.getByText(/written by a newer version of Sherpa/).first()).toBeVisible();
    await expect(callStore(page, 'note.create', { meetingId: 1, title: 'Prep', body: 'x', tags: [], classification: '' })).rejects.toThrow(
      /newer version of Sherpa.*read-only/s,
    );
  } finally {
    await context.close();
    harness.process.kill('SIGKILL');
  }
  const check = new Database(file, { readonly: true });
  expect(check.pragma('user_version', { simple: true })).toBe(latestVersion + 10);
  expect(check.prepare('SELECT count(*) FROM note').pluck().get()).toBe(0);
  check.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
