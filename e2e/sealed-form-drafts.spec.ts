import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../main/pdf/chromiumLaunch.ts';
import { findPlaintext } from '../main/plaintextScan.ts';
import { startHarnessProcess, test } from './fixtures.ts';
import { goTo } from './store.helpers.ts';
import { expect } from './views.helpers.ts';

// A record form keeps what was typed across a reload in the tab's session
// storage, which Chromium writes to the profile (`Session Storage/`) to
// restore tabs. Over an encrypted store that copy is sealed as the note
// journal is: the profile holds no word of an unsaved summit or biography.

const passphrase = 'harbour-of-vilnius-2023';
const canaries = { summitTitle: 'QuokkaSummitTitle', biography: 'QuokkaBiographyLine', hangul: '쿼카요약회의' };

test('a form’s unsaved values come back after a reload but rest sealed in the browser profile', async ({ target }) => {
  test.skip(target !== 'web', 'Scans a browser profile the test launches itself.');
  test.setTimeout(120_000);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-form-drafts-'));
  const dataDir = path.join(scratch, 'data');
  const profileDir = path.join(scratch, 'profile');
  fs.mkdirSync(profileDir);
  const harness = await startHarnessProcess(dataDir, { encrypted: true });
  let context: BrowserContext | null = null;
  try {
    context = await chromium.launchPersistentContext(profileDir, chromiumLaunchOptions());
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(harness.url);
    await page.getByLabel('New passphrase').fill(passphrase);
    await page.getByLabel('Type the passphrase again').fill(passphrase);
    await page.getByRole('button', { name: 'Encrypt and open' }).click();
    await page.getByRole('button', { name: 'I have written it down' }).click();
    await expect(page.getByRole('link', { name: 'Sherpa' })).toBeVisible();

    await goTo(page, '#/new/summit');
    await page.getByLabel('Title', { exact: true }).fill(`${canaries.summitTitle} ${canaries.hangul}`);
    await goTo(page, '#/new/person');
    await page.getByLabel('Name', { exact: true }).fill('Kristjan Tamm');
    await page.getByLabel('Biography', { exact: true }).fill(`Career: ${canaries.biography}`);
    // Kept as a user expects: the reload brings the typed biography back.
    await page.reload();
    await expect(page.getByLabel('Biography', { exact: true })).toHaveValue(`Career: ${canaries.biography}`);
    await goTo(page, '#/new/summit');
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue(`${canaries.summitTitle} ${canaries.hangul}`);

    await context.close();
    context = null;
    expect(fs.readdirSync(path.join(profileDir, 'Default'))).toContain('Session Storage');
    expect(findPlaintext([profileDir], Object.values(canaries))).toEqual([]);
  } finally {
    await context?.close();
    harness.process.kill('SIGKILL');
    fs.rmSync(scratch, { recursive: true, force: true });
  }
});
