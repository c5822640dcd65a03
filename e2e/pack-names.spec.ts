import { test } from './fixtures.ts';
import { chooseRecord, expect, sidebar } from './views.helpers.ts';

// A new pack given the name of a saved one would replace that pack without a
// word: the builder says so first, and replaces it only when asked again. A
// name copied from an e-mail with a non-breaking space reads the same: it is
// that pack, not a second one the desk (and the export) cannot tell apart.

test('a new pack under a saved pack’s name does not replace it unasked', async ({ sherpa }) => {
  const { page } = sherpa;
  const newPack = async (cover: string, name = 'Desk pack') => {
    await sidebar(page).getByRole('link', { name: 'Briefing packs' }).click();
    await page.getByRole('button', { name: 'New pack' }).click();
    await page.getByLabel('Pack name').fill(name);
    await page.getByLabel('Title on the cover').fill(cover);
    await chooseRecord(page.getByLabel('Summit', { exact: true }), 'NATO Summit, Vilnius 2023');
    await page.getByRole('button', { name: 'Add: Timeline' }).click();
    await page.getByRole('button', { name: 'Save pack' }).click();
  };
  await newPack('Vilnius: the desk’s first pack');
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Desk pack”.' })).toBeVisible();

  await newPack('Another pack, same name', 'Desk\u00a0pack');
  await expect(page.getByRole('alert')).toHaveText(
    'A saved pack is already named “Desk pack” (cover: “Vilnius: the desk’s first pack”); saving would replace it. Give this pack another name, or choose Save pack again to replace it. Nothing was saved.',
  );
  const saved = page.getByRole('region', { name: 'Saved packs' });
  await expect(saved.getByText('Vilnius: the desk’s first pack')).toBeVisible();

  await page.getByLabel('Pack name').fill('Desk pack (2)');
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Desk pack (2)”.' })).toBeVisible();
  await expect(saved.getByText('Vilnius: the desk’s first pack')).toBeVisible();
  await expect(saved.getByText('Another pack, same name')).toBeVisible();
});
