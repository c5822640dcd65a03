import { test } from './fixtures.ts';
import { callStore } from './store.helpers.ts';
import { expect, sidebar } from './views.helpers.ts';

// SQLite compares code points: "Élysée" and "ʻAkilisi" were listed after
// "Zoran". A desk officer looks for them where a reader files them.
test('People lists Élysée beside Elgin, ʻAkilisi among the A’s and Łukasz with the L’s', async ({ sherpa }, testInfo) => {
  const { page } = sherpa;
  const names = ['Zoran Milanović', 'Élysée Martin', 'ʻAkilisi Pōhiva', 'Elgin Abbott', 'Łukasz Nowak', 'Lund Berg'];
  for (const name of names)
    await callStore(page, 'person.create', {
      name,
      nativeName: '',
      title: 'Order check',
      countryId: null,
      biography: '',
      classification: '',
      sourceId: null,
    });
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  const people = page.getByRole('region', { name: 'People' }).getByRole('listitem').filter({ hasText: 'Order check' }).locator('bdi');
  await expect(people).toHaveText(['ʻAkilisi Pōhiva', 'Elgin Abbott', 'Élysée Martin', 'Łukasz Nowak', 'Lund Berg', 'Zoran Milanović']);
  await page.screenshot({ path: testInfo.outputPath('names-order.png'), fullPage: true });
});
