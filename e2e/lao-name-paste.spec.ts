import { test } from './fixtures.ts';
import { callStore } from './store.helpers.ts';
import { expect } from './views.helpers.ts';

// A Lao name pasted from a ministry's document carries the zero-width space Lao, Thai, Khmer and Burmese documents
// put between words. The form takes it there, and only there: inside a Latin name it still hides a look-alike.
test('a Lao name pasted with a zero-width space is saved, found typed without it, and warned of as a namesake', async ({
  sherpa,
}, testInfo) => {
  const { page } = sherpa;
  await page.goto(new URL('#/new/person', page.url()).toString());
  const name = page.getByLabel('Name', { exact: true });
  const nativeName = page.getByLabel('Name in native script', { exact: true });
  await name.fill('Pu\u200btin');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText(/Holds an invisible character/)).toBeVisible();

  await name.fill('Somsak Phan');
  await nativeName.fill('ສົມ\u200bສັກ');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect
    .poll(async () => (await callStore(page, 'person.list', {})).filter((person) => person.nativeName === 'ສົມ\u200bສັກ').length)
    .toBe(1);
  await expect(page.getByText(/Holds an invisible character/)).toHaveCount(0);

  await page.keyboard.press('Control+k');
  await page.getByRole('searchbox', { name: 'Search' }).fill('ສົມສັກ');
  await expect(page.locator('.search-results li').filter({ hasText: 'Somsak Phan' })).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('lao-name-found.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Search and commands' })).toBeHidden();

  await page.goto(new URL('#/new/person', page.url()).toString());
  await page.getByLabel('Name in native script', { exact: true }).fill('ສົມສັກ');
  await expect(page.getByRole('list', { name: 'People of this name' })).toContainText('Somsak Phan');
});
