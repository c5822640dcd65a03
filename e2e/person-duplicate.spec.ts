import { test } from './fixtures.ts';
import { callStore } from './store.helpers.ts';
import { expect, markedChoice, sidebar } from './views.helpers.ts';

// A person typed in again (another case, spacing or Unicode form) is warned of,
// with the stored person to take instead; a namesake can still be made.

test('a new person named like a stored one is warned of, and from a picker the stored one is taken instead', async ({
  sherpa,
}, testInfo) => {
  const { page } = sherpa;
  // Stored as their own papers write them, before the people are first listed.
  const stored = { title: '', countryId: null, biography: '', classification: 'NATO UNCLASSIFIED', sourceId: null };
  await callStore(page, 'person.create', { ...stored, name: 'Novak Đoković', nativeName: 'Новак Ђоковић' });
  await callStore(page, 'person.create', { ...stored, name: 'K. Mitsotakis', nativeName: 'Κυριάκος Μητσοτάκης' });
  const countStoltenbergs = async () =>
    (await callStore(page, 'person.list', {})).filter((person) => person.name === 'Jens Stoltenberg').length;

  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'NATO Summit, Vilnius 2023' }).first().click();
  await page.getByRole('link', { name: 'Secretary General Stoltenberg – President Yoon' }).click();
  await page.getByRole('button', { name: 'Edit participants' }).click();
  const editor = page.getByRole('form', { name: 'Edit participants' });
  await editor.getByRole('button', { name: 'Add participant' }).click();
  const row = (await editor.getByRole('row').count()) - 1;
  await editor.getByRole('button', { name: `New person for “Person, row ${row}”` }).click();
  const dialog = page.getByRole('dialog', { name: 'New person' });
  await dialog.getByLabel('Name', { exact: true }).fill('  jens   STOLTENBERG ');
  const namesakes = dialog.getByRole('list', { name: 'People of this name' });
  await expect(namesakes).toContainText('Jens Stoltenberg · Secretary General of NATO');
  await page.screenshot({ path: testInfo.outputPath('namesake-in-picker.png') });
  await dialog.getByRole('button', { name: 'Use Jens Stoltenberg instead' }).click();
  await expect(dialog).toBeHidden();
  await expect(editor.getByLabel(`Person, row ${row}`, { exact: true }).locator('option:checked')).toHaveText(
    markedChoice('Jens Stoltenberg'),
  );
  expect(await countStoltenbergs()).toBe(1);
  await editor.getByRole('button', { name: 'Cancel' }).click();

  // From People, in Korean: said, and a namesake can still be created.
  await sidebar(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('ko');
  await page.goto(new URL('#/new/person', page.url()).toString());
  await page.getByLabel('이름', { exact: true }).fill('Ｊｅｎｓ Ｓｔｏｌｔｅｎｂｅｒｇ');
  await expect(page.getByRole('list', { name: '같은 이름의 인물' })).toContainText('Jens Stoltenberg');
  await expect(page.getByRole('button', { name: 'Jens Stoltenberg 열기' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('namesake-ko.png') });
  // Typed as an English newspaper writes them: đ as dj, Greek in Latin, as search finds them.
  await page.getByLabel('이름', { exact: true }).fill('Novak Djokovic');
  await expect(page.getByRole('list', { name: '같은 이름의 인물' })).toContainText('Novak Đoković');
  await page.getByLabel('이름', { exact: true }).fill('Kyriakos Mitsotakis');
  await expect(page.getByRole('list', { name: '같은 이름의 인물' })).toContainText('K. Mitsotakis');
  await page.screenshot({ path: testInfo.outputPath('namesake-greek-in-latin.png') });
  await page.getByLabel('이름', { exact: true }).fill('Jens Stoltenberg');
  await page.getByRole('button', { name: '만들기' }).click();
  await expect.poll(countStoltenbergs).toBe(2);
});
