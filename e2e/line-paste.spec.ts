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

// The same paste into the one-line fields outside the record forms: left to the browser, a text, search or URL field
// kept a spreadsheet cell's tab (a desk name or user name saved with a tab in it, a search for "Stoltenberg\t").
test('a paste into Settings, the sync panel, the desk name and the search box is one line, a space between its words', async ({
  sherpa,
}) => {
  const { page } = sherpa;
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await page.keyboard.press('Control+k');
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.focus();
  await paste(page, 'Jens\nStoltenberg\t');
  await expect(search).toHaveValue('Jens Stoltenberg');
  await expect(page.locator('.search-results li').first()).toContainText('Stoltenberg');
  await page.keyboard.press('Escape');

  await sidebar(page).getByRole('link', { name: 'Settings' }).click();
  const zone = page.getByLabel('Home time zone');
  await zone.fill('');
  await paste(page, 'Pacific/Tongatapu\t');
  await expect(zone).toHaveValue('Pacific/Tongatapu');
  const user = page.getByLabel('User name');
  await user.focus();
  await paste(page, 'pacific\ndesk\t');
  await expect(user).toHaveValue('pacific desk');
  const server = page.getByLabel('Server address');
  await server.focus();
  await paste(page, 'http://127.0.0.1:5984\t');
  await expect(server).toHaveValue('http://127.0.0.1:5984');

  await sidebar(page).getByRole('link', { name: 'Exchange' }).click();
  const desk = page.getByLabel('Desk name');
  await desk.fill('');
  await paste(page, 'Pacific desk,\nNukuʻalofa\t');
  await expect(desk).toHaveValue('Pacific desk, Nukuʻalofa');
});
