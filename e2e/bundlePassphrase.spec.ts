import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { startHarnessProcess, test } from './fixtures.ts';
import { callStore, goTo } from './store.helpers.ts';
import { expect } from './views.helpers.ts';

async function openDesk(browser: Browser) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-e2e-desk-'));
  const { process: harness, url } = await startHarnessProcess(dataDir);
  const page = await (await browser.newContext()).newPage();
  await page.goto(url);
  return { page, dataDir, harness };
}

// A bundle for a desk whose card this one has not accepted opens with a
// passphrase told another way: too short a one is refused at its field, a
// wrong one is asked again, and the right one shows the review.
test('a bundle sealed with a passphrase opens on a desk it was not addressed to, once the passphrase is right', async ({ browser }) => {
  const a = await openDesk(browser);
  const b = await openDesk(browser);
  await callStore(a.page, 'summit.create', {
    title: 'Washington Summit',
    city: 'Washington',
    countryId: null,
    startDate: '2024-07-09',
    endDate: '2024-07-11',
    timeZone: 'America/New_York',
    description: 'NATO at 75',
    sourceId: null,
    classification: 'NATO CONFIDENTIAL',
  });
  await goTo(a.page, '#/exchange');
  const send = a.page.getByRole('region', { name: 'Send a summit' });
  await send.getByLabel('Summit', { exact: true }).selectOption({ label: 'Washington Summit' });
  await send.getByLabel('Also open with a passphrase').check();
  const box = send.getByLabel('Passphrase', { exact: true });
  await expect(box).toHaveAttribute('type', 'password');
  await expect(box).toHaveAttribute('autocomplete', 'new-password');
  await box.fill('short');
  await send.getByRole('button', { name: 'Export bundle' }).click();
  await expect(send.getByText('The passphrase must be at least 12 characters.')).toBeVisible();
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await box.fill('correct horse battery');
  await send.getByRole('button', { name: 'Export bundle' }).click();
  await expect(send.getByRole('status')).toContainText('Bundle written');
  const exports = path.join(a.dataDir, 'exports');
  const file = path.join(exports, fs.readdirSync(exports).find((name) => name.endsWith('.sherpa')) as string);

  await goTo(b.page, '#/exchange');
  const receive = b.page.getByRole('region', { name: 'Receive a bundle' });
  await receive.getByLabel('Bundle file (.sherpa)').setInputFiles(file);
  const asked = receive.getByLabel('Passphrase', { exact: true });
  await expect(asked).toHaveAttribute('autocomplete', 'off');
  await expect(receive.getByRole('button', { name: 'Open bundle' })).toBeDisabled();
  await asked.fill('wrong horse battery');
  await receive.getByRole('button', { name: 'Open bundle' }).click();
  await expect(receive.getByRole('alert')).toContainText('The passphrase does not open this bundle');
  await asked.fill('correct horse battery');
  await receive.getByRole('button', { name: 'Open bundle' }).click();
  await expect(receive.getByTestId('review-signer')).toBeVisible();

  await expect(receive.getByTestId('review-counts')).toContainText('New: 1');
  for (const desk of [a, b]) {
    const exited = new Promise((resolve) => desk.harness.once('exit', resolve));
    desk.harness.kill('SIGTERM');
    await exited;
    fs.rmSync(desk.dataDir, { recursive: true, force: true });
  }
});
