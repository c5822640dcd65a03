import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test } from './fixtures.ts';
import { callStore } from './store.helpers.ts';

test('assembles a pack from the sample, reorders it, saves it and exports it to PDF', async ({ sherpa }, testInfo) => {
  const { page } = sherpa;
  await page.getByRole('link', { name: 'Briefing packs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Briefing packs' })).toBeVisible();

  await page.getByLabel('Pack name').fill('Vilnius car pack');
  await page.getByLabel('Title on the cover').fill('Vilnius: the Yoon meeting');
  await page.getByLabel('Recipient', { exact: true }).fill('Private Office');
  await page.getByLabel('Summit').selectOption({ label: 'NATO Summit, Vilnius 2023' });
  await page.getByLabel('Principal').selectOption({ label: 'Jens Stoltenberg' });
  await page
    .getByRole('listitem')
    .filter({ hasText: 'Secretary General Stoltenberg – President Yoon' })
    .getByRole('button', { name: 'Add: Pocket card' })
    .click();
  await page.getByRole('button', { name: 'Add: Cybersecurity' }).click();
  await page.getByRole('button', { name: 'Add: Biographies (everyone in the pack’s meetings)' }).click();
  await page.getByRole('button', { name: 'Move up: Cybersecurity' }).click();

  const sections = page.getByRole('list', { name: 'Sections, in print order' }).getByRole('listitem');
  await expect(sections).toHaveText([
    /1\. Cybersecurity/,
    /2\. Secretary General Stoltenberg – President Yoon · Pocket card/,
    /3\. Biographies/,
  ]);

  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Vilnius car pack”.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Vilnius car pack' })).toBeVisible();

  await page.getByLabel('Stamp a copy for (optional)').fill('Ambassador Kim');
  await page.getByRole('button', { name: 'Export to PDF' }).click();
  const result = page.getByText(/Exported \d+ pages, banner NATO UNCLASSIFIED, copy 1/);
  await expect(result).toBeVisible({ timeout: 60_000 });
  const path = await page.locator('code').filter({ hasText: '.pdf' }).textContent();
  expect(path && fs.readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
  expect(path).toContain(sherpa.dataDir);
  await page.screenshot({ path: testInfo.outputPath('pack-builder.png'), fullPage: true });
  // The exported pages themselves, as a person would look at them.
  if (path) execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '3', path, testInfo.outputPath('exported-page')]);
});

test('refuses to save a pack without a name or a title, and says which field', async ({ sherpa }) => {
  const { page } = sherpa;
  await page.goto(`${page.url().split('#')[0]}#/packs`);
  await page.getByRole('button', { name: 'Add: Timeline' }).click();
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByRole('alert')).toContainText('name: must not be empty');
  await page.getByLabel('Pack name').fill('Cover test');
  await page.getByLabel('Title on the cover').fill('');
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByRole('alert')).toContainText('title: must not be empty');
  expect((await callStore(page, 'pack.list', {})).map((pack) => pack.name)).not.toContain('Cover test');
});
