import { expect, test } from './fixtures.ts';

test('opens on the bundled Vilnius sample and shows the Stoltenberg–Yoon brief', async ({ sherpa }, testInfo) => {
  const { page } = sherpa;
  await expect(page.getByRole('link', { name: 'NATO Summit, Vilnius 2023' }).first()).toBeVisible();
  await page.getByRole('link', { name: 'NATO Summit, Vilnius 2023' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'NATO Summit, Vilnius 2023' })).toBeVisible();
  await page.getByRole('link', { name: 'Secretary General Stoltenberg – President Yoon' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Secretary General Stoltenberg – President Yoon' })).toBeVisible();
  // The counterpart is named in the key details (as the PDF names it) and linked on their side among the participants.
  await expect(page.getByRole('region', { name: 'Key details' }).locator('bdi', { hasText: 'Yoon Suk Yeol (윤석열)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Yoon Suk Yeol (윤석열)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Points to make' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('meeting-brief.png'), fullPage: true });
});
