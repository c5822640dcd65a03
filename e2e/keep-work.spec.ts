import { test } from './fixtures.ts';
import { expect } from './views.helpers.ts';

// Work a desk officer has typed is never thrown away by moving on.
const stoltenbergYoon = 'Secretary General Stoltenberg – President Yoon';

test('a brief section left open while navigating away keeps what was typed', async ({ sherpa }) => {
  const { page } = sherpa;
  await page.getByRole('link', { name: 'NATO Summit, Vilnius 2023' }).first().click();
  await page.getByRole('link', { name: stoltenbergYoon }).first().click();
  await page.getByRole('button', { name: 'Edit Lines to take' }).click();
  await page
    .getByRole('textbox', { name: 'Lines to take text' })
    .fill('If asked about the centre: welcome the proposal, no commitment yet.');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: stoltenbergYoon })).toBeVisible();
  await expect(page.getByText('If asked about the centre: welcome the proposal, no commitment yet.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('If asked about the centre: welcome the proposal, no commitment yet.')).toBeVisible();
});

test('adding an annotation from the keyboard puts the cursor in it and makes exactly one', async ({ sherpa }) => {
  const { page } = sherpa;
  const url = new URL(page.url());
  url.hash = '#/sectors';
  await page.goto(url.toString());
  await page.getByRole('link', { name: 'Cybersecurity' }).click();
  await page.getByRole('button', { name: 'Add annotation' }).first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Annotation text', exact: true })).toBeFocused();
  await page.keyboard.type('Check dates with the cyber range team');
  await expect(page.locator('[data-save-state]').first()).toHaveText('Saved');
  await page.reload();
  await expect(page.getByRole('figure', { name: /^Annotation \d+$/ })).toHaveCount(1);
  await expect(page.getByRole('figure', { name: /^Annotation \d+$/ })).toContainText('Check dates with the cyber range team');
});

test('a dated event is added to the timeline through its form, and edited', async ({ sherpa }) => {
  const { page } = sherpa;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' }).click();
  await page.getByRole('link', { name: 'New event' }).click();
  await page.getByLabel('Date', { exact: true }).fill('2024-07-10');
  await page.getByLabel('Title', { exact: true }).fill('Washington Summit declaration');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Timeline' })).toBeVisible();
  await expect(page.getByText('Washington Summit declaration')).toBeVisible();
  await page.getByRole('link', { name: 'Edit Washington Summit declaration' }).click();
  await page.getByLabel('How precise the date is').selectOption('year');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Washington Summit declaration' }).locator('time')).toHaveText('2024');
});
