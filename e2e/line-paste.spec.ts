import { test } from './fixtures.ts';
import { callStore } from './store.helpers.ts';
import { expect, paste, sidebar } from './views.helpers.ts';

// A name copied from a spreadsheet cell comes with the cell's tab after it, a title copied from a PDF with the line
// break where its line wrapped. In a one-line field each showed as a box and the store refused the record.

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
