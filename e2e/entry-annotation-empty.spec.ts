import { test } from './fixtures.ts';
import { callStore } from './store.helpers.ts';
import { expect } from './views.helpers.ts';

// "Add annotation" on a sector entry and closed at once with nothing typed: the user wrote nothing,
// so the store keeps nothing (a blank record would be listed, counted and printed in a pack).
test('an entry annotation added and closed at once leaves nothing in the store', async ({ sherpa }) => {
  const { page } = sherpa;
  const url = new URL(page.url());
  url.hash = '#/sectors';
  await page.goto(url.toString());
  await page.getByRole('link', { name: 'Cybersecurity' }).click();
  const entry = page.locator('article.entry-card').first();
  const entryId = Number(
    JSON.parse((await entry.locator('[data-annotation-target]').getAttribute('data-annotation-target')) ?? '{}').sectorEntryId,
  );
  const annotationsOfEntry = async () => (await callStore(page, 'note.listFor', { sectorEntryId: entryId })).length;
  const before = await annotationsOfEntry();
  await entry.getByRole('button', { name: 'Add annotation' }).click();
  await entry.getByRole('button', { name: 'Done' }).click();
  await expect(entry.getByRole('button', { name: 'Add annotation' })).toBeEnabled();
  await expect.poll(annotationsOfEntry).toBe(before);
  await expect(entry.getByText('Nothing written yet.')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('article.entry-card').first().getByText('No annotations yet.')).toBeVisible();
  expect(await annotationsOfEntry()).toBe(before);
});

test('an entry annotation added and left by closing the page leaves nothing in the store', async ({ sherpa }) => {
  const { page } = sherpa;
  const url = new URL(page.url());
  url.hash = '#/sectors';
  await page.goto(url.toString());
  await page.getByRole('link', { name: 'Cybersecurity' }).click();
  const entry = page.locator('article.entry-card').first();
  const entryId = Number(
    JSON.parse((await entry.locator('[data-annotation-target]').getAttribute('data-annotation-target')) ?? '{}').sectorEntryId,
  );
  const annotationsOfEntry = async () => (await callStore(page, 'note.listFor', { sectorEntryId: entryId })).length;
  const before = await annotationsOfEntry();
  await entry.getByRole('button', { name: 'Add annotation' }).click();
  await expect(entry.getByRole('textbox', { name: 'Annotation text', exact: true })).toBeVisible();
  await page.reload();
  await expect(page.locator('article.entry-card').first()).toBeVisible();
  await expect.poll(annotationsOfEntry).toBe(before);
});
