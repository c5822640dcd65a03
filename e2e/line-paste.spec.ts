import type { Page } from '@playwright/test';
import { test } from './fixtures.ts';
import { callStore } from './store.helpers.ts';
import { expect, sidebar } from './views.helpers.ts';

// A name copied from a spreadsheet cell comes with the cell's tab after it, a title copied from a PDF with the line
// break where its line wrapped. In a one-line field each showed as a box and the store refused the record.

/** Pastes `text` from the clipboard into the focused field with Ctrl+V, as the officer does. */
async function paste(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.evaluate(
    (clipboardText) =>
      (globalThis as unknown as { navigator: { clipboard: { writeText(text: string): Promise<void> } } }).navigator.clipboard.writeText(
        clipboardText,
      ),
    text,
  );
  await page.keyboard.press('Control+V');
}

test('a name pasted from a spreadsheet cell and a title pasted from a PDF line save as one line', async ({ sherpa }, testInfo) => {
  const { page } = sherpa;
  await page.goto(new URL('#/new/person', page.url()).toString());
  const name = page.getByLabel('Name', { exact: true });
  await name.focus();
  await paste(page, 'Peña-Ibáñez\t');
  await expect(name).toHaveValue('Peña-Ibáñez');
  await name.fill('');
  await paste(page, 'Peña-Ibáñez, Ana\t');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect
    .poll(async () => (await callStore(page, 'person.list', {})).filter((person) => person.name === 'Peña-Ibáñez, Ana').length)
    .toBe(1);

  await sidebar(page).getByRole('link', { name: 'Notes' }).click();
  await page.getByRole('button', { name: 'New note' }).click();
  const editor = page.getByRole('group', { name: 'Note editor' });
  const title = editor.getByLabel('Title');
  await title.focus();
  await paste(page, 'Summit\nBrasília\u0000');
  await expect(title).toHaveValue('Summit Brasília');
  await expect(editor.locator('[data-save-state]').first()).toHaveText('Saved');
  await page.screenshot({ path: testInfo.outputPath('pasted-line.png') });
  expect((await callStore(page, 'note.list', { kind: 'note' })).some((note) => note.title === 'Summit Brasília')).toBe(true);
});
