import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHarnessProcess, test } from './fixtures.ts';
import { expect } from './views.helpers.ts';

// A passphrase pasted from a password manager's wrong field, or a whole
// paragraph, is longer than the lock accepts (1,024 characters). Setting it
// must say so, not "needs at least 8 characters"; typing it to unlock must say
// the passphrase is not right. Neither may show the store's own words.
test('a passphrase over 1,024 characters is refused by its length at setup, and as not right at unlock', async ({ browser, target }) => {
  test.skip(target !== 'web', 'Starts the web harness over an encrypted store.');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-passphrase-'));
  const harness = await startHarnessProcess(dataDir, { encrypted: true });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(harness.url);
    await expect(page.getByRole('heading', { name: 'Protect your briefs with a passphrase' })).toBeVisible();
    const pasted = 'ሰላም ʻOkina 日本 '.repeat(120);
    await page.getByLabel('New passphrase').fill(pasted);
    await page.getByLabel('Type the passphrase again').fill(pasted);
    await page.getByRole('button', { name: 'Encrypt and open' }).click();
    await expect(page.getByText('The passphrase can have at most 1,024 characters. Nothing was changed.')).toBeVisible();
    await expect(page.getByText('The passphrase needs at least 8 characters.')).toHaveCount(0);

    const passphrase = 'Nukuʻalofa-ሰላም-2026';
    await page.getByLabel('New passphrase').fill(passphrase);
    await page.getByLabel('Type the passphrase again').fill(passphrase);
    await page.getByRole('button', { name: 'Encrypt and open' }).click();
    await page.getByRole('button', { name: 'I have written it down' }).click();
    await page.getByRole('button', { name: /^Lock/ }).click();
    await expect(page.getByRole('heading', { name: 'Sherpa is locked' })).toBeVisible();

    await page.getByLabel('Passphrase', { exact: true }).fill(pasted);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByText('That passphrase is not right. Nothing was changed.')).toBeVisible();
    await expect(page.getByText(/at least 8|at most 1024|must be/)).toHaveCount(0);
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('heading', { name: 'Sherpa is locked' })).toBeHidden();
  } finally {
    await context.close();
    harness.process.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
