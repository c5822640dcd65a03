import type { Page } from '@playwright/test';
import { test } from './fixtures.ts';
import { expect } from './views.helpers.ts';

const noteBox = (page: Page) => page.getByRole('textbox', { name: 'Note text', exact: true });
const saveState = (page: Page) => page.locator('[data-save-state]').first();

// A desk officer pastes a whole report (1 MB) into a note. Sherpa keeps at
// most 100,000 characters of note text: the status line must say that, with
// the field's name and how long the text is, not a sentence about bytes or
// "control characters", and the text must still be there to shorten.
test('a 1 MB paste into a note is refused by the note text’s limit, and saves once shortened', async ({ sherpa }) => {
  const { page } = sherpa;
  const url = new URL(page.url());
  url.hash = '#/notes';
  await page.goto(url.toString());
  await page.getByRole('button', { name: 'New note' }).click();
  const report = 'Fakatapu ki he ʻEiki Palēmia. '.repeat(35_000);
  await noteBox(page).fill(report);
  await expect(saveState(page)).toHaveText(
    `Not saved: “Note text” is too long: ${report.length.toLocaleString('en')} characters, at most 100,000. Shorten it or split it into several notes; the text is still here.`,
  );
  await expect(noteBox(page)).toHaveValue(report);
  await noteBox(page).fill(report.slice(0, 90_000));
  await expect(saveState(page)).toHaveText('Saved');
  await page.reload();
  await expect(noteBox(page)).toHaveValue(report.slice(0, 90_000));
});
