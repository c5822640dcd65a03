import { test } from './fixtures.ts';
import { chooseRecord, expect, sidebar } from './views.helpers.ts';

// A Malaysian or Bruneian name in full (titles, patronymic, a name in Jawi beside it) fills the row of the
// pack builder's biographies: the button beside it keeps its word whole, on one line, as beside a short name.

test('beside a long name, the biographies’ Leave out button keeps its text on one line', async ({ sherpa }, testInfo) => {
  const { page } = sherpa;
  const longName = 'Datuk Seri Panglima Haji Mohamad bin Haji Hasan Al-Musawi Bin Abdullah Sulaiman Rahman Iskandar Zulkarnain Shah';
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  await page.getByRole('link', { name: 'Jens Stoltenberg' }).click();
  await page.getByRole('link', { name: 'Edit person' }).click();
  await page.getByLabel('Name', { exact: true }).fill(longName);
  await page.getByLabel('Name in native script').fill('محمد بن حسن');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(longName) })).toBeVisible();

  await sidebar(page).getByRole('link', { name: 'Briefing packs' }).click();
  await page.getByRole('button', { name: 'New pack' }).click();
  await chooseRecord(page.getByLabel('Summit', { exact: true }), 'NATO Summit, Vilnius 2023');
  await page.getByRole('button', { name: 'Add: Full brief — Secretary General Stoltenberg – President Yoon' }).click();
  await page.getByRole('button', { name: /^Add: Biographies/ }).click();
  const long = page.getByRole('button', { name: `Leave out: ${longName}` });
  const short = page.getByRole('button', { name: 'Leave out: Yoon Suk Yeol' });
  await expect(long).toBeVisible();
  await long.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('biographies-long-name.png') });
  // One line, as the one-word Remove button beside the section is.
  const oneLine = (await page.getByRole('button', { name: /^Remove: Biographies/ }).boundingBox())?.height;
  const [longBox, shortBox] = [await long.boundingBox(), await short.boundingBox()];
  expect(longBox?.height).toBe(oneLine);
  expect(shortBox?.height).toBe(oneLine);
  expect(longBox?.width).toBe(shortBox?.width);
});
