import { expect, test } from './fixtures.ts';
import { callStore } from './store.helpers.ts';
import { chooseRecord } from './views.helpers.ts';

// The cover's title and recipient print too: Ge'ez on a cover with no Ethiopic
// font prints as boxes, and the builder must say so before export, not only in
// the message after it.

test('Will print warns, before export, of a cover title in a script no font draws', async ({ sherpa }) => {
  const { page } = sherpa;
  const markings = await callStore(page, 'settings.get', {});
  const marking = markings.classificationScheme.levels[0]?.name ?? '';
  await callStore(page, 'summit.create', {
    title: 'AU cover check, Addis Ababa 2027',
    city: 'Addis Ababa',
    countryId: null,
    startDate: '2027-02-13',
    endDate: '2027-02-14',
    timeZone: 'Africa/Addis_Ababa',
    description: '',
    sourceId: null,
    classification: marking,
  });

  await page.getByRole('link', { name: 'Briefing packs' }).click();
  await page.getByLabel('Pack name').fill('AU cover pack');
  await page.getByLabel('Title on the cover').fill('Briefing ጉባኤ 2027');
  await page.getByLabel('Recipient').fill('Ambassador ወ/ሮ Almaz');
  await chooseRecord(page.getByLabel('Summit'), 'AU cover check, Addis Ababa 2027');
  await page.getByRole('button', { name: 'Add: Timeline' }).click();
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “AU cover pack”.' })).toBeVisible();

  const boxes = page.getByRole('alert').filter({ hasText: 'Some text will print as empty boxes' });
  await expect(boxes).toContainText('Title on the cover “Briefing ጉባኤ 2027”: Ethiopic (ጉባኤ)');
  await expect(boxes).toContainText('Recipient “Ambassador ወ/ሮ Almaz”: Ethiopic (ወሮ)');
});
