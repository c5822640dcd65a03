import { expect, test } from './fixtures.ts';
import { chooseRecord, markedChoice, sidebar } from './views.helpers.ts';

// A desk meets namesakes: a second Jens Stoltenberg, say a journalist. Both are
// real records; the pickers must let the officer tell which one is chosen.
test('two people of the same name read differently in the counterpart picker', async ({ sherpa }) => {
  const { page } = sherpa;
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  await page.getByRole('link', { name: 'New person' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Jens Stoltenberg');
  await page.getByLabel('Title').fill('Correspondent, Aftenposten');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jens Stoltenberg' })).toBeVisible();

  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'NATO Summit, Vilnius 2023' }).first().click();
  await page.getByRole('link', { name: 'New meeting' }).click();
  const counterpart = page.getByLabel('Counterpart', { exact: true });
  const namesakes = counterpart.locator('option', { hasText: 'Jens Stoltenberg' });
  await expect(namesakes).toHaveText(
    [markedChoice('Jens Stoltenberg · Secretary General of NATO'), markedChoice('Jens Stoltenberg · Correspondent, Aftenposten')],
    {
      useInnerText: true,
    },
  );
  await chooseRecord(counterpart, 'Jens Stoltenberg · Correspondent, Aftenposten');
  await expect(counterpart.locator('option:checked')).toHaveText(markedChoice('Jens Stoltenberg · Correspondent, Aftenposten'));
});
