import { execFileSync } from 'node:child_process';
import { type Briefing, enterBriefing, exportBriefingPack, newMeeting, printedText, typeScheme } from './briefings.helpers.ts';
import { test } from './fixtures.ts';
import { expect, markedChoice, sidebar } from './views.helpers.ts';

// A new desk's own briefing, entered through the interface: the European Political Community summit at Mimi Castle,
// Bulboaca, near Chișinău (Europe/Chisinau), prepared from Brussels under the EU scheme typed into Settings, and a
// side summit in Tbilisi (Asia/Tbilisi, no daylight saving) the week after. Names in Romanian with commas below and
// pasted again with the legacy cedillas (ş, ţ) many documents still carry, Azerbaijani, Armenian, Georgian and
// Ukrainian. Fictional meetings: test material only.

const chisinau: Briefing = {
  homeTimeZone: 'Europe/Brussels',
  scheme: '',
  meetingLevel: 1,
  source: { title: 'EPC Bulboaca programme note', publisher: 'EPC desk', publishedOn: '2027-05-20' },
  summit: {
    title: 'European Political Community, Bulboaca 2027',
    city: 'Bulboaca (Mimi Castle), near Chișinău',
    startDate: '2027-06-01',
    endDate: '2027-06-02',
    timeZone: 'Europe/Chisinau',
    description: 'Hosted by Moldova at Mimi Castle; Ştefan Vodă district delegations attend.',
  },
  people: [
    { name: 'Maia Sandu', nativeName: '', title: 'President of the Republic of Moldova', biography: 'Host; born in Risipeni.' },
    { name: 'Dorin Recean', nativeName: '', title: 'Prime Minister of Moldova', biography: 'Former national security adviser.' },
    {
      name: 'Ștefan Țurcanu',
      nativeName: '',
      title: 'State Secretary, Ministry of Energy',
      biography: 'Leads the Iași–Ungheni interconnector file.',
    },
    { name: 'İlham Əliyev', nativeName: '', title: 'President of Azerbaijan', biography: 'Attends the energy round table.' },
    { name: 'Nikol Pashinyan', nativeName: 'Նիկոլ Փաշինյան', title: 'Prime Minister of Armenia', biography: 'Peace treaty file.' },
    {
      name: 'Irakli Garibashvili',
      nativeName: 'ირაკლი ღარიბაშვილი',
      title: 'Head of the Georgian delegation',
      biography: 'Hosts the talks in Tbilisi.',
    },
    { name: 'Nicolae Ciucă', nativeName: '', title: 'Romanian delegation', biography: 'Former prime minister of Romania.' },
    {
      name: 'Mariana Betlii',
      nativeName: 'Мар’яна Бетлій',
      title: 'Deputy Minister, Ukraine',
      biography: 'Ґрунтовна розмова про енергетику.',
    },
  ],
  meeting: {
    title: 'Bilateral with Moldova (Sandu)',
    date: '2027-06-01',
    time: '09:30',
    venue: 'Mimi Castle, salonul mare',
    counterpart: 0,
    objectives: 'Confirm the Iași–Ungheni–Chișinău gas interconnector timetable.',
    pointsToMake: '1. Thank Moldova for hosting at Mimi Castle.\n2. Ştefan Ţurcanu leads on energy.',
    defensivePoints: 'If raised: no change on the Transnistria energy supply.',
    counterpartBiography: 'Met our principal in Chișinău in 2026.',
  },
  participants: [
    { person: 2, side: 'Their side', role: 'Energy' },
    { person: 0, side: 'Their side', role: 'Counterpart' },
    { person: 1, side: 'Their side', role: 'Prime Minister' },
    { person: 4, side: 'Their side', role: 'Guest' },
    { person: 5, side: 'Their side', role: 'Guest' },
    { person: 3, side: 'Their side', role: 'Guest' },
  ],
  event: { date: '2027-06-01', title: 'Opening plenary at Mimi Castle', excerpt: 'Leaders arrive at Bulboaca' },
  note: { title: 'Logistics at Bulboaca', body: 'Motorcade from Chișinău: 45 min. Țurcanu meets us at the gate.' },
  pack: { name: 'EPC Bulboaca pack', title: 'EPC summit, Bulboaca: the Moldova bilateral', copyFor: 'Ștefan Țurcanu' },
};

test('a European Political Community summit near Chișinău, prepared from Brussels under the EU scheme, entered through the interface', async ({
  sherpa,
}, testInfo) => {
  test.setTimeout(300_000);
  const { page } = sherpa;
  await typeScheme(page, 'EU (Council Decision 2013/488/EU)', [
    ['UNCLASSIFIED', 'U'],
    ['RESTREINT UE/EU RESTRICTED', 'R-UE'],
    ['CONFIDENTIEL UE/EU CONFIDENTIAL', 'C-UE'],
    ['SECRET UE/EU SECRET', 'S-UE'],
  ]);
  await enterBriefing(page, chisinau);

  // Typed on a keyboard without ș, ț, ă, Ə or the Armenian alphabet, or with another apostrophe, each name is found,
  // its own letters marked.
  await page.keyboard.press('Control+k');
  const search = page.getByRole('searchbox', { name: 'Search' });
  const results = page.locator('.search-results li');
  for (const [typed, title, marked] of [
    ['stefan turcanu', 'Ștefan Țurcanu', ['Ștefan', 'Țurcanu']],
    ['aliyev', 'İlham Əliyev', ['Əliyev']],
    ['Ilham Aliyev', 'İlham Əliyev', ['İlham', 'Əliyev']],
    ['pashinyan', 'Nikol Pashinyan', ['Pashinyan']],
    ['ciuca', 'Nicolae Ciucă', ['Ciucă']],
    // Typed with the standard's apostrophe (ʼ), or without one as Russian spells it; saved with a word processor's ’.
    ['марʼяна', 'Mariana Betlii', ['Мар’яна']],
    ['маряна бетлій', 'Mariana Betlii', ['Мар’яна', 'Бетлій']],
    // Pasted with the cedillas, as an old document gives it: the name saved with commas below.
    ['Ştefan Ţurcanu', 'Ștefan Țurcanu', ['Ștefan', 'Țurcanu']],
  ] as const) {
    await search.fill(typed);
    const hit = results.filter({ hasText: title }).first();
    await expect(hit.locator('.hit-title mark').first()).toBeVisible();
    expect(await hit.locator('.hit-title mark').allTextContents(), `marks for “${typed}”`).toEqual(marked);
    await expect(hit).toContainText('(U)');
  }
  await page.screenshot({ path: testInfo.outputPath('search.png') });
  await page.keyboard.press('Escape');

  // The same people typed again, with cedillas or without Ə: each is warned of, with the stored one's mark.
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  await page.getByRole('link', { name: 'New person' }).click();
  const namesakes = page.getByRole('list', { name: 'People of this name' });
  for (const [typed, stored] of [
    ['Ştefan Ţurcanu', '(U)Ștefan Țurcanu · State Secretary, Ministry of Energy'],
    ['Ilham Aliyev', '(U)İlham Əliyev · President of Azerbaijan'],
  ] as const) {
    await page.getByLabel('Name', { exact: true }).fill(typed);
    await expect(namesakes).toHaveText(new RegExp(`^${stored.replace(/[()]/g, '\\$&')}`));
  }
  await page.screenshot({ path: testInfo.outputPath('namesake.png'), fullPage: true });
  // A namesake may still be made: the same name pasted with cedillas, for an adviser. The pickers tell the two apart.
  await page.getByLabel('Name', { exact: true }).fill('Ştefan Ţurcanu');
  await page.getByLabel('Title').fill('Energy adviser');
  await page.getByLabel('Classification').selectOption('UNCLASSIFIED');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ştefan Ţurcanu' })).toBeVisible();
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: chisinau.summit.title }).first().click();
  await page.getByRole('link', { name: 'New meeting' }).click();
  await expect(page.getByLabel('Counterpart', { exact: true }).locator('option', { hasText: /urcanu/ })).toHaveText(
    [markedChoice('Ştefan Ţurcanu · Energy adviser'), markedChoice('Ștefan Țurcanu · State Secretary, Ministry of Energy')],
    { useInnerText: true },
  );
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Bilaterals the same day in two zones, ordered by when they happen, each with its home time in Brussels.
  await newMeeting(
    page,
    chisinau.summit.title,
    { title: 'Call with the Georgian delegation', date: '2027-06-01', time: '10:00', zone: 'Asia/Tbilisi' },
    'RESTREINT UE/EU RESTRICTED',
  );
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'New summit' }).first().click();
  await page.getByLabel('Title').fill('Tbilisi side summit 2027');
  await page.getByLabel('Start date').fill('2027-06-08');
  await page.getByLabel('End date').fill('2027-06-09');
  await page.getByLabel(/Time zone/).fill('Asia/Tbilisi');
  await page.getByLabel('Classification').selectOption('CONFIDENTIEL UE/EU CONFIDENTIAL');
  await page.getByRole('button', { name: 'Create' }).click();
  await newMeeting(
    page,
    'Tbilisi side summit 2027',
    { title: 'Bilateral with Georgia (Garibashvili)', date: '2027-06-08', time: '00:30' },
    'RESTREINT UE/EU RESTRICTED',
  );
  await expect(page.getByText('Tue, 8 Jun 2027, 00:30 GMT+4')).toBeVisible();
  await expect(page.getByText('Mon, 7 Jun 2027, 22:30 CEST')).toBeVisible();
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: chisinau.summit.title }).first().click();
  const rows = page.locator('.meeting-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Call with the Georgian delegation');
  await expect(rows.nth(0)).toContainText('Home time (Europe/Brussels): Tue, 1 Jun 2027, 08:00 CEST');
  await expect(rows.nth(1)).toContainText(chisinau.meeting.title);
  await expect(rows.nth(1)).toContainText('Home time (Europe/Brussels): Tue, 1 Jun 2027, 08:30 CEST');
  await page.screenshot({ path: testInfo.outputPath('summit.png'), fullPage: true });

  const file = await exportBriefingPack(page, chisinau);
  // The copy's recipient, typed before the first save, stamps the copy and enters it in the register.
  await expect(page.getByText(/Exported \d+ pages, banner RESTREINT UE\/EU RESTRICTED, copy 1/)).toBeVisible();
  execFileSync('pdftoppm', ['-png', '-r', '60', file, testInfo.outputPath('pack-page')]);
  const text = printedText(file);
  for (const own of [
    'Copy 1 · for (R-UE) Ștefan Țurcanu',
    '(R-UE) Bilateral with Moldova (Sandu)',
    '1 June 2027, 09:30 EEST (venue); 08:30 CEST (home)',
    '(U) İlham Əliyev',
    '(U) Nikol Pashinyan (Նիկոլ Փաշինյան)',
    '(U) Irakli Garibashvili (ირაკლი ღარიბაშვილი)',
    '(U) Ștefan Țurcanu',
    '2. Ştefan Ţurcanu leads on energy.',
    'Motorcade from Chișinău',
  ])
    expect(text, `the pack should print “${own}”`).toContain(own);
  for (const foreign of [
    'Tbilisi side summit',
    'Bilateral with Georgia',
    'Call with the Georgian delegation',
    'CONFIDENTIEL',
    'Vilnius',
    'Stoltenberg',
  ])
    expect(text, `the pack must not print “${foreign}”`).not.toContain(foreign);
});
