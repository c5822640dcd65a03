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

// A 10,000-character title (a paragraph pasted into the wrong field) was cut
// to its first 300 characters by the field without a word. The status line
// must say the title is too long, the text must stay to shorten, and the
// stored title must not change until it fits.
test('a 10,000-character note title is refused by its limit, nothing saved, and saves once shortened', async ({ sherpa }) => {
  const { page } = sherpa;
  const url = new URL(page.url());
  url.hash = '#/notes';
  await page.goto(url.toString());
  await page.getByRole('button', { name: 'New note' }).click();
  const titleBox = page.getByRole('textbox', { name: 'Title', exact: true });
  await titleBox.fill('Nukuʻalofa limits readout');
  await expect(saveState(page)).toHaveText('Saved');
  const pasted = 'Palēmia readout of the Nukuʻalofa call. '.repeat(250);
  await titleBox.fill(pasted);
  await expect(saveState(page)).toHaveText(
    `Not saved: “Title” is too long: ${pasted.length.toLocaleString('en')} characters, at most 300. Shorten it; the text is still here.`,
  );
  await expect(titleBox).toHaveValue(pasted);
  const noteUrl = page.url();
  const fresh = await page.context().newPage();
  await fresh.goto(noteUrl);
  await expect(fresh.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Nukuʻalofa limits readout');
  await fresh.close();
  await titleBox.fill(pasted.slice(0, 300).trim());
  await expect(saveState(page)).toHaveText('Saved');
});
