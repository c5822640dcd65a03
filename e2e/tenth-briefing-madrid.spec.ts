import { test } from './fixtures.ts';
import { callStore } from './store.helpers.ts';
import { chooseRecord, expect, sidebar } from './views.helpers.ts';

// A desk's tenth briefing, not its first: the Cumbre Iberoamericana in Madrid (Europe/Madrid), prepared from Mexico
// City. The desk has titled every edition the same, and met José María Álvarez-Peña at each. The earlier editions are
// the desk's history, written in through the store; the new one is entered through the interface. A picker or a search
// hit naming "Cumbre Iberoamericana" alone left the officer guessing which edition a meeting was filed under.
// Fictional meetings: test material only.

const editions = [
  { city: 'Andorra la Vella', startDate: '2021-04-21', endDate: '2021-04-21', timeZone: 'Europe/Andorra' },
  { city: 'Santo Domingo', startDate: '2023-03-24', endDate: '2023-03-25', timeZone: 'America/Santo_Domingo' },
  { city: 'Cuenca', startDate: '2024-11-14', endDate: '2024-11-15', timeZone: 'America/Guayaquil' },
] as const;

test('a tenth Cumbre Iberoamericana, in Madrid: every picker and search hit tells the editions apart', async ({ sherpa }) => {
  test.setTimeout(180_000);
  const { page } = sherpa;
  const marked = { classification: 'NATO UNCLASSIFIED' };
  const source = await callStore(page, 'source.create', {
    ...marked,
    title: 'Nota de la SEGIB',
    publisher: 'Desk Iberoamérica',
    location: '',
    publishedOn: null,
    note: '',
  });
  const alvarez = await callStore(page, 'person.create', {
    ...marked,
    name: 'José María Álvarez-Peña',
    nativeName: '',
    title: 'Secretario de Estado (ficticio)',
    biography: 'Nacido en La Coruña; habla en Ñuñoa, 2023.',
    countryId: null,
    sourceId: source.id,
  });
  const [sample] = await callStore(page, 'summit.list', {});
  if (!sample) throw new Error('the sample has no summit');
  const [sampleMeeting] = (await callStore(page, 'summit.view', { id: sample.id })).meetings;
  if (!sampleMeeting) throw new Error('the sample summit has no meeting');
  const { id: _meetingId, ...meetingFields } = await callStore(page, 'meeting.get', { id: sampleMeeting.id });
  for (const edition of editions) {
    const summit = await callStore(page, 'summit.create', {
      ...marked,
      ...edition,
      title: 'Cumbre Iberoamericana',
      countryId: null,
      description: '',
      sourceId: source.id,
    });
    await callStore(page, 'meeting.create', {
      ...meetingFields,
      ...marked,
      summitId: summit.id,
      title: 'Bilateral con España (Álvarez-Peña)',
      startsAt: `${edition.startDate}T15:00:00Z`,
      timeZone: edition.timeZone,
      counterpartId: alvarez.id,
      sourceId: source.id,
    });
  }

  // The tenth edition, through the interface.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'New summit' }).first().click();
  await page.getByLabel('Title').fill('Cumbre Iberoamericana');
  await page.getByLabel('City').fill('Madrid');
  await page.getByLabel('Start date').fill('2026-11-13');
  await page.getByLabel('End date').fill('2026-11-14');
  await page.getByLabel(/Time zone/).fill('Europe/Madrid');
  await chooseRecord(page.getByLabel('Source', { exact: true }), 'Nota de la SEGIB');
  await page.getByLabel('Classification').selectOption('NATO UNCLASSIFIED');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cumbre Iberoamericana' })).toBeVisible();

  // Its new meeting is filed under this edition, and the picker says which one that is.
  await page.getByRole('link', { name: 'New meeting' }).click();
  const summitPicker = page.getByLabel('Summit', { exact: true });
  await expect(summitPicker.locator('option:checked')).toHaveText('(NU) Cumbre Iberoamericana · Madrid, 2026');
  const offered = await summitPicker.locator('option').allInnerTexts();
  expect(offered.filter((label) => label.includes('Cumbre Iberoamericana'))).toEqual([
    '(NU) Cumbre Iberoamericana · Madrid, 2026',
    '(NU) Cumbre Iberoamericana · Cuenca, 2024',
    '(NU) Cumbre Iberoamericana · Santo Domingo, 2023',
    '(NU) Cumbre Iberoamericana · Andorra la Vella, 2021',
  ]);
  await page.getByLabel('Title').fill('Bilateral con España (Álvarez-Peña)');
  await page.getByLabel('Date (venue)').fill('2026-11-13');
  await page.getByLabel('Time (venue)').fill('10:00');
  await chooseRecord(page.getByLabel('Counterpart', { exact: true }), 'José María Álvarez-Peña');
  await page.getByLabel('Classification').selectOption('NATO UNCLASSIFIED');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bilateral con España (Álvarez-Peña)' })).toBeVisible();

  // Search, as the desk types the name without accents: each edition's bilateral says which edition it is.
  await page.keyboard.press('Control+k');
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill('bilateral con espana alvarez pena');
  const hits = page.locator('.search-results li').filter({ hasText: 'Bilateral con España (Álvarez-Peña)' });
  await expect(hits).toHaveCount(4);
  for (const where of ['Madrid, 2026', 'Cuenca, 2024', 'Santo Domingo, 2023', 'Andorra la Vella, 2021']) {
    // The portion mark sits before the title as its own box: no space between them in the text.
    await expect(hits.filter({ hasText: `at (NU)Cumbre Iberoamericana · ${where}` }), where).toHaveCount(1);
  }
  // The editions themselves, found by their title, each with its city and year.
  await search.fill('cumbre iberoamericana');
  const editionHits = page.locator('.search-results li').filter({ hasText: /^Summit/ });
  await expect(editionHits.filter({ hasText: 'Cumbre Iberoamericana · Madrid, 2026' })).toHaveCount(1);
  await expect(editionHits.filter({ hasText: 'Cumbre Iberoamericana · Andorra la Vella, 2021' })).toHaveCount(1);
  await search.fill('bilateral con espana alvarez pena');
  // The summit filter names the editions as the pickers do, and keeps to the one chosen.
  const filter = page.getByRole('dialog', { name: 'Search and commands' }).getByRole('combobox', { name: 'Summit', exact: true });
  await filter.selectOption({ label: '(NU) Cumbre Iberoamericana · Madrid, 2026' });
  await expect(hits).toHaveCount(1);
  await expect(hits).toContainText('Madrid, 2026');
  await page.keyboard.press('Escape');

  // The oldest edition deleted: found in the list by its city, and named by it in the dialog and the message.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('listitem').filter({ hasText: 'Andorra la Vella' }).getByRole('link', { name: 'Cumbre Iberoamericana' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog.getByRole('heading')).toHaveText('Delete Cumbre Iberoamericana · Andorra la Vella, 2021?');
  // Its bilateral is kept, no longer linked to it: the desk's history of Álvarez-Peña stays.
  await expect(dialog.getByRole('listitem')).toHaveText(
    '1 meeting (kept, no longer linked to it): (NU)Bilateral con España (Álvarez-Peña)',
  );
  await dialog
    .getByRole('button', { name: /^Delete/ })
    .first()
    .click();
  await expect(page.getByRole('status')).toContainText('Deleted: Cumbre Iberoamericana · Andorra la Vella, 2021');
  await expect(page.getByRole('heading', { level: 1, name: 'Summits' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Andorra la Vella' })).toHaveCount(0);
});
