import type { Page } from '@playwright/test';
import { test } from './fixtures.ts';
import { expect } from './views.helpers.ts';

const noteBox = (page: Page) => page.getByRole('textbox', { name: 'Note text', exact: true });
const saveState = (page: Page) => page.locator('[data-save-state]').first();

// A line pasted from a doctored cable holds a right-to-left override: typed as
// "Approve ‮evil", it would print "Approve live". The note editor says so
// before anything is saved, naming the field; the text stays as typed until the
// officer asks Sherpa to take out only those characters, and then it saves.
test('a note holding a direction override is not saved until the officer removes it, and Arabic with its marks saves', async ({
  sherpa,
}) => {
  const { page } = sherpa;
  const url = new URL(page.url());
  url.hash = '#/notes';
  await page.goto(url.toString());
  await page.getByRole('button', { name: 'New note' }).click();
  const doctored = 'Line to take: Approve \u202eevil\u202c and move on.';
  await noteBox(page).fill(doctored);
  await expect(saveState(page)).toHaveText(/^Not saved: “Note text” holds an invisible character that turns the text round/);
  await expect(noteBox(page)).toHaveValue(doctored);
  await page.screenshot({ path: 'test-results/note-direction-override.png' });
  await page.getByRole('button', { name: 'Remove the direction characters' }).click();
  await expect(noteBox(page)).toHaveValue('Line to take: Approve evil and move on.');
  await expect(saveState(page)).toHaveText('Saved');

  const arabic = 'د. سمير (القاهرة)\u200f: يؤيد البيان.';
  await noteBox(page).fill(arabic);
  await expect(saveState(page)).toHaveText('Saved');
  await page.reload();
  await expect(noteBox(page)).toHaveValue(arabic);
});
