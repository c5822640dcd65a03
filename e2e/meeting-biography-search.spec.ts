import { test } from './fixtures.ts';
import { expect } from './views.helpers.ts';

// A biography written for one meeting (the pack prints it instead of the shared one) was found by no search.
// Written on the brief, it is found from the palette as a kind of its own, naming the person and the meeting,
// under its own portion mark, and opens the brief at that biography.
test('a biography written for a meeting is found from the palette and opens the brief at it', async ({ sherpa }, testInfo) => {
  const { page } = sherpa;
  await page.goto(new URL('#/meeting/1', page.url()).toString());
  await page.getByRole('button', { name: 'Write a biography of Yoon Suk Yeol for this meeting' }).click();
  await page
    .getByRole('textbox', { name: 'Biography for this meeting: Yoon Suk Yeol' })
    .fill('Prefers a short opening; will raise the Indo-Pacific partners.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Biography for this meeting: Yoon Suk Yeol/ })).toBeVisible();

  await page.goto(new URL('#/today', page.url()).toString());
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Meeting biography' });
  await page.getByRole('searchbox', { name: 'Search' }).fill('opening indo');
  const hit = page.locator('.search-results li');
  await expect(hit).toHaveCount(1);
  await expect(hit.locator('.badge')).toHaveText('Meeting biography');
  await expect(hit.locator('.hit-title')).toContainText('Yoon Suk Yeol');
  await expect(hit.locator('.hit-meeting')).toContainText('Secretary General Stoltenberg – President Yoon');
  await page.screenshot({ path: testInfo.outputPath('search-meeting-biography.png') });
  await hit.getByRole('link').click();
  await expect(page).toHaveURL(/#\/meeting\/1\?biography=2$/);
  await expect(page.getByRole('heading', { name: /Biography for this meeting: Yoon Suk Yeol/ })).toBeFocused();
});
