import { test } from './fixtures.ts';
import { expect, sidebar } from './views.helpers.ts';

// What a desk officer types survives a reload, and what a colleague saved in
// another window on the same store survives an editor left open here.

test('a half-filled record form is found again after a reload, and saves', async ({ sherpa }) => {
  const { page } = sherpa;
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  await page.getByRole('link', { name: 'New person' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Maria da Conceição “Tê” & <Filhos>');
  await page.getByLabel('Name in native script').fill('מריה');
  await page.getByLabel('Biography').fill('b'.repeat(10_000));
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Restored what you had typed here before the page reloaded' })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Maria da Conceição “Tê” & <Filhos>');
  await expect(page.getByLabel('Biography')).toHaveValue('b'.repeat(10_000));
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Maria da Conceição “Tê” & <Filhos>' })).toBeVisible();
});

test('a brief section left open in one window does not undo what another window saved', async ({ sherpa }) => {
  const { page } = sherpa;
  const other = await page.context().newPage();
  await other.goto(page.url());
  for (const window of [page, other]) {
    await sidebar(window).getByRole('link', { name: 'Summits' }).click();
    await window
      .getByRole('link', { name: /NATO Summit, Vilnius/ })
      .first()
      .click();
    await window.getByRole('link', { name: 'Secretary General Stoltenberg – President Yoon' }).first().click();
    await window.getByRole('button', { name: 'Edit Our objectives' }).click();
  }
  await other.getByLabel('Our objectives text').fill('Saved in the other window');
  // This window hears of the save and reads the brief again; then its user leaves the untouched editor.
  const heard = page.waitForResponse((response) => response.url().includes('/rpc/meeting.brief'));
  await other.keyboard.press('Control+Enter');
  await expect(other.getByText('Saved in the other window')).toBeVisible();
  await heard;
  await sidebar(page).getByRole('link', { name: 'Today' }).click();
  await other.reload();
  await expect(other.getByText('Saved in the other window')).toBeVisible();
});

test('Back after creating a meeting leads to the summit, not to a blank form for the same meeting again', async ({ sherpa }) => {
  const { page } = sherpa;
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page
    .getByRole('link', { name: /NATO Summit, Vilnius/ })
    .first()
    .click();
  await page.getByRole('link', { name: 'New meeting' }).click();
  await page.getByLabel('Title').fill('Midnight pull-aside at 00:00');
  await page.getByLabel('Time (venue)').fill('00:00');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Midnight pull-aside at 00:00' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'NATO Summit, Vilnius 2023' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Midnight pull-aside at 00:00' })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: 'Midnight pull-aside at 00:00' })).toBeVisible();
});
