import type { Page } from '@playwright/test';
import { test } from './fixtures.ts';
import { expect } from './views.helpers.ts';

const noteBox = (page: Page) => page.getByRole('textbox', { name: 'Note text', exact: true });
const saveState = (page: Page) => page.locator('[data-save-state]').first();
const versions = (page: Page) => page.locator('.revision-list > li');

test('the history keeps one version per typing session, however often autosave ran', async ({ sherpa }) => {
  const { page } = sherpa;
  await page.goto(new URL('#/notes', page.url()).toString());
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill('Plane notes');
  await expect(saveState(page)).toHaveText('Saved');
  for (const text of ['Raise cyber', 'Raise cyber defence', 'Raise cyber defence first.']) {
    await noteBox(page).fill(text);
    await expect(saveState(page)).toHaveText('Saved');
  }
  await page.getByRole('button', { name: 'Show history' }).click();
  // The note as created, and the session's last state.
  await expect(versions(page)).toHaveCount(2);

  // Leaving the note ends the session: typing after coming back starts another version.
  const noteUrl = page.url();
  await page.goto(new URL('#/', page.url()).toString());
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await page.goto(noteUrl);
  await noteBox(page).fill('Raise cyber defence first. Then the budget.');
  await expect(saveState(page)).toHaveText('Saved');
  await page.getByRole('button', { name: 'Show history' }).click();
  await expect(versions(page)).toHaveCount(3);
  await page
    .getByRole('button', { name: /^Version \d+ / })
    .nth(1)
    .click();
  await expect(page.locator('.revision').getByText('Raise cyber defence first.')).toBeVisible();
});
