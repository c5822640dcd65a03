import type { Page } from '@playwright/test';
import { newMeeting, typeScheme } from './briefings.helpers.ts';
import { test } from './fixtures.ts';
import { searchAsTyped } from './trial.helpers.ts';
import { expect, sidebar } from './views.helpers.ts';

// Indonesia's desk in Jakarta (Asia/Jakarta, +07) prepares COP30 in Belém (America/Belem, −03), a store nobody tuned
// for it: its scheme typed in Settings, zones typed as a desk types them (a city in lower case, an Etc/GMT zone whose
// sign is the other way round), a side meeting in Manaus (−04), a bilateral after Jakarta's midnight, an annotation
// trashed, a programme code typed again, and a Vietnamese name typed once precomposed and once decomposed, found by a
// plain keyboard. Fictional meetings and people.

const zoneField = (page: Page) => page.getByLabel(/Time zone/);

test('COP30 in Belém from Jakarta: wrong zones and a taken code named, times across Jakarta’s midnight, NFC and NFD names found', async ({
  sherpa,
}) => {
  test.setTimeout(120_000);
  const { page } = sherpa;
  await typeScheme(page, 'Indonesia (UU KIP)', [
    ['TERBATAS', 'T'],
    ['RAHASIA', 'R'],
    ['SANGAT RAHASIA', 'SR'],
  ]);

  // Jakarta typed as Etc/GMT+7 is UTC−7, fourteen hours out: refused, saying so; nothing saved.
  const home = page.getByLabel('Home time zone');
  await home.fill('Etc/GMT+7');
  await home.press('Enter');
  await expect(page.getByText('Etc/GMT+7 keeps the time of UTC\u22127', { exact: false })).toBeVisible();
  await home.fill('Asia/Jakarta');
  await home.press('Enter');
  await expect(page.getByRole('status').getByText('Settings saved.')).toBeVisible();

  // Belém typed in lower case was refused as an abbreviation; it is answered with the zone to type.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'New summit' }).first().click();
  await page.getByLabel('Title').fill('COP30, Belém');
  await page.getByLabel('Start date').fill('2025-11-10');
  await page.getByLabel('End date').fill('2025-11-21');
  await zoneField(page).fill('belem');
  await page.getByLabel('Classification').selectOption('TERBATAS');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText('No time zone is named “belem”: Belem keeps the time of America/Belem. Type America/Belem.')).toBeVisible();
  await zoneField(page).fill('Etc/GMT-3');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText('Etc/GMT-3 keeps the time of UTC+3', { exact: false })).toBeVisible();
  await zoneField(page).fill('America/Belem');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'COP30, Belém' })).toBeVisible();

  await newMeeting(
    page,
    'COP30, Belém',
    { title: 'Encontro em Manaus', date: '2025-11-12', time: '12:15', zone: 'America/Manaus' },
    'TERBATAS',
  );
  await newMeeting(page, 'COP30, Belém', { title: 'Bilateral tengah malam', date: '2025-11-13', time: '14:00' }, 'RAHASIA');
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'COP30, Belém' }).first().click();
  const manaus = page.locator('.meeting-row').filter({ hasText: 'Encontro em Manaus' });
  await expect(manaus).toContainText('Wed, 12 Nov 2025, 12:15 GMT-4');
  await expect(manaus).toContainText('At the summit (America/Belem): Wed, 12 Nov 2025, 13:15 GMT-3');
  // Thursday afternoon in Belém is Friday at home.
  await expect(page.locator('.meeting-row').filter({ hasText: 'Bilateral tengah malam' })).toContainText(
    'Home time (Asia/Jakarta): Fri, 14 Nov 2025, 00:00 WIB (GMT+7)',
  );

  // An annotation moved to the trash is named by its words, not by a number the desk never saw.
  await page.getByRole('link', { name: 'Bilateral tengah malam' }).click();
  await page.getByRole('button', { name: 'Add annotation' }).click();
  await page.getByRole('textbox', { name: 'Annotation text', exact: true }).fill('Catatan: Simão hadir, Conceição tidak.');
  await expect(page.locator('[data-save-state]').first()).toHaveText('Saved');
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.getByRole('status').getByText('Moved to the trash: Catatan: Simão hadir, Conceição tidak.')).toBeVisible();

  // A programme code already in use is said at its field, not as "a rule of the store".
  await sidebar(page).getByRole('link', { name: 'Sectors' }).click();
  await page.getByRole('link', { name: 'New programme' }).click();
  const code = page.getByLabel('Code (e.g. ITPP)');
  await code.fill('ITPP');
  await page.getByLabel('Name', { exact: true }).fill('Kerja sama iklim');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Another record already uses this name or code. Nothing was changed.')).toBeVisible();
  await code.fill('IKLIM');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'IKLIM – Kerja sama iklim' })).toBeVisible();

  // One envoy typed precomposed, a deputy of the same name typed with combining marks: both found as "nguyen thi anh".
  const precomposed = 'Nguyễn Thị Ánh Tuyết';
  for (const [name, title] of [
    [precomposed, 'Vietnam climate envoy'],
    [precomposed.normalize('NFD'), 'Deputy envoy'],
  ] as const) {
    await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
    await page.getByRole('link', { name: 'New person' }).click();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Title').fill(title);
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByText(title)).toBeVisible();
  }
  await searchAsTyped(page, [['nguyen thi anh', 'Vietnam climate envoy']]);
  await expect(page.locator('.search-results li').filter({ hasText: 'Deputy envoy' }).locator('mark').first()).toBeVisible();
  await page.keyboard.press('Escape');
});
