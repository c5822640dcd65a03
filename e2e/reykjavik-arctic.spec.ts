import { execFileSync } from 'node:child_process';
import {
  type Briefing,
  enterBriefing,
  newEntryWithAnnotation,
  newMeeting,
  newProgramme,
  newSector,
  printedText,
  typeScheme,
} from './briefings.helpers.ts';
import { test } from './fixtures.ts';
import { chooseRecord, expect, sidebar } from './views.helpers.ts';

// A new desk's own briefing, entered through the interface: an Arctic Council ministerial in Reykjavík
// (Atlantic/Reykjavik, UTC+0 all year), prepared from Oslo, with a side meeting in Nuuk (America/Nuuk: -03 until
// March 2023, -02 since, with summer time -01 from 2024) and a bilateral with an Israeli delegation. Icelandic,
// Sámi, Greenlandic names; Hebrew with and without niqqud. Fictional meetings: test material only.

const reykjavik: Briefing = {
  homeTimeZone: 'Europe/Oslo',
  scheme: '',
  meetingLevel: 1,
  source: { title: 'Arctic Council ministerial programme', publisher: 'Arctic desk', publishedOn: '2027-04-30' },
  summit: {
    title: 'Arctic Council Ministerial, Reykjavík 2027',
    city: 'Reykjavík (Harpa)',
    startDate: '2027-05-12',
    endDate: '2027-05-13',
    timeZone: 'Atlantic/Reykjavik',
    description: 'Ministers of the eight Arctic states and the Permanent Participants; a side meeting in Nuuk.',
  },
  people: [
    {
      name: 'Guðlaugur Þór Þórðarson',
      nativeName: '',
      title: 'Minister, Iceland',
      biography: 'Chair of the ministerial. Fæddur í Reykjavík.',
    },
    { name: 'Múte Bourup Egede', nativeName: '', title: 'Premier of Greenland', biography: 'Naalakkersuisut Siulittaasua.' },
    {
      name: 'Áillohaš Niillas Ŋuoras',
      nativeName: '',
      title: 'Saami Council delegate',
      biography: 'Sámiráđđi: đ, ŧ and ŋ as Northern Sámi writes them.',
    },
    {
      name: 'Isaac Herzog',
      nativeName: 'יִצְחָק הֶרְצוֹג',
      title: 'President of Israel',
      biography: 'Leads the Israeli delegation (observer state).',
    },
    { name: 'Gideon Sa’ar', nativeName: 'גדעון סער', title: 'Foreign Minister of Israel', biography: 'שר החוץ. נפגש עם המלך צ׳ארלס.' },
  ],
  meeting: {
    title: 'Bilateral with Israel (Herzog)',
    date: '2027-05-12',
    time: '15:00',
    venue: 'Harpa, room Ríma',
    counterpart: 3,
    objectives: 'Agree observer-state cooperation on Arctic research.',
    pointsToMake: '1. Welcome יִצְחָק הֶרְצוֹג to Reykjavík.\n2. Ask גדעון סער about the research vessel.',
    defensivePoints: 'If raised: no change on the observer rules.',
    counterpartBiography: 'Met our minister in Jerusalem in 2025.',
  },
  participants: [
    { person: 3, side: 'Their side', role: 'Counterpart' },
    { person: 4, side: 'Their side', role: 'Guest' },
    { person: 0, side: 'Our side', role: 'Host' },
  ],
  event: { date: '2027-05-12', title: 'Opening of the ministerial in Harpa', excerpt: 'Ministers arrive' },
  note: {
    title: 'Logistics in Reykjavík',
    body: 'Car from the hotel: 10 min. יצחק הרצוג arrives at gate 2 with Þórðarson.',
  },
  pack: { name: 'Reykjavík pack', title: 'Arctic Council, Reykjavík: the Israel bilateral' },
};

const deskLevels = [
  ['RESTRICTED', 'R'],
  ['CONFIDENTIAL', 'C'],
  ['SECRET', 'S'],
] as const;

test('an Arctic Council ministerial in Reykjavík with a side meeting in Nuuk, entered through the interface', async ({
  sherpa,
}, testInfo) => {
  test.setTimeout(180_000);
  const { page } = sherpa;
  await typeScheme(page, 'Arctic desk', deskLevels);
  await enterBriefing(page, reykjavik);

  await page.keyboard.press('Control+k');
  const search = page.getByRole('searchbox', { name: 'Search' });
  const results = page.locator('.search-results li');
  for (const [typed, title] of [
    ['Gudlaugur', 'Guðlaugur Þór Þórðarson'],
    ['Thordarson', 'Guðlaugur Þór Þórðarson'],
    ['Mute Egede', 'Múte Bourup Egede'],
    ['Aillohas', 'Áillohaš Niillas Ŋuoras'],
    ['Samiraddi', 'Áillohaš Niillas Ŋuoras'],
    ['Nuoras', 'Áillohaš Niillas Ŋuoras'],
    ['יצחק הרצוג', 'Isaac Herzog'],
    ['הֶרְצוֹג', 'Isaac Herzog'],
    ['הרצוג', reykjavik.note.title],
    // The geresh typed as the Hebrew keyboard gives it.
    ["צ'ארלס", 'Gideon Sa’ar'],
  ] as const) {
    await search.fill(typed);
    const hit = results.filter({ hasText: title }).first();
    await expect(hit.locator('mark').first(), `“${typed}” should find ${title}`).toBeVisible();
    await expect(hit).toContainText('(R)');
  }
  await page.keyboard.press('Escape');

  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: reykjavik.summit.title }).first().click();
  await page.getByRole('link', { name: reykjavik.meeting.title }).first().click();
  await expect(page.getByText('Wed, 12 May 2027, 15:00 GMT')).toBeVisible();
  await expect(page.getByText('Home time (Europe/Oslo): Wed, 12 May 2027, 17:00 CEST')).toBeVisible();
  await newMeeting(
    page,
    reykjavik.summit.title,
    { title: 'Side meeting in Nuuk (Egede)', date: '2027-05-13', time: '09:00', zone: 'America/Nuuk' },
    'CONFIDENTIAL',
  );
  await expect(page.getByText('Thu, 13 May 2027, 09:00 GMT-1')).toBeVisible();
  await expect(page.getByText('Home time (Europe/Oslo): Thu, 13 May 2027, 12:00 CEST')).toBeVisible();
  // Greenland stayed at -02 through the winter of 2023 (no going back an hour), and since 2024 keeps EU summer time at
  // -01: the clocks skip 23:00–00:00 on the Saturday evening, refused as a time that does not exist there.
  await newMeeting(
    page,
    reykjavik.summit.title,
    { title: 'Last contact: Nuuk, October 2023', date: '2023-10-29', time: '10:00', zone: 'America/Nuuk' },
    'CONFIDENTIAL',
  );
  await expect(page.getByText('Sun, 29 Oct 2023, 10:00 GMT-2')).toBeVisible();
  await expect(page.getByText('Home time (Europe/Oslo): Sun, 29 Oct 2023, 13:00 CET')).toBeVisible();
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: reykjavik.summit.title }).first().click();
  await page.getByRole('link', { name: 'New meeting' }).click();
  await page.getByLabel('Title').fill('Late call to Nuuk');
  await page.getByLabel('Date (venue)').fill('2027-03-27');
  await page.getByLabel('Time (venue)').fill('23:30');
  await page.getByLabel(/Time zone/).fill('America/Nuuk');
  await page.getByLabel('Classification').selectOption('CONFIDENTIAL');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText('The clocks go forward past this time on that day in this time zone')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Another summit, marked higher: none of it may reach the Reykjavík pack.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'New summit' }).first().click();
  await page.getByLabel('Title').fill('Barents Summit, Kirkenes 2027');
  await page.getByLabel('Start date').fill('2027-06-10');
  await page.getByLabel('End date').fill('2027-06-10');
  await page.getByLabel(/Time zone/).fill('Europe/Oslo');
  await page.getByLabel('Classification').selectOption('SECRET');
  await page.getByRole('button', { name: 'Create' }).click();
  // Its page, once saved: the summit list may not hold it yet while the save is under way.
  await expect(page.getByRole('heading', { level: 1, name: 'Barents Summit, Kirkenes 2027' })).toBeVisible();
  await newMeeting(
    page,
    'Barents Summit, Kirkenes 2027',
    { title: 'Kirkenes border talks', date: '2027-06-10', time: '10:00' },
    'CONFIDENTIAL',
  );

  const programme = await newProgramme(page, { code: 'ARC', name: 'Arctic tracks' }, 'RESTRICTED');
  await newSector(page, programme, 'Research and shipping', 'CONFIDENTIAL');
  for (const [date, title, marking, annotation] of [
    ['2027-05-12', 'Research vessel: Reykjavík declaration', 'CONFIDENTIAL', 'Ask גדעון סער (Sa’ar) about the vessel.'],
    ['2027-06-10', 'Border crossing: Kirkenes follow-up', 'SECRET', 'Ask Norway about Kirkenes.'],
  ] as const) {
    await newEntryWithAnnotation(page, { date, title, source: reykjavik.source.title, annotation }, marking);
  }

  // Typed again without the niqqud, or from an English list without ð and þ: warned of, with the mark.
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  await page.getByRole('link', { name: 'New person' }).click();
  await page.getByLabel('Name in native script').fill('יצחק הרצוג');
  await expect(page.getByRole('list', { name: 'People of this name' })).toContainText('(R)Isaac Herzog');
  await page.getByLabel('Name in native script').fill('');
  await page.getByLabel('Name', { exact: true }).fill('Gudlaugur Thor Thordarson');
  await expect(page.getByRole('list', { name: 'People of this name' })).toContainText('(R)Guðlaugur Þór Þórðarson');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await sidebar(page).getByRole('link', { name: 'Briefing packs' }).click();
  await page.getByRole('button', { name: 'New pack' }).click();
  await page.getByLabel('Pack name').fill(reykjavik.pack.name);
  await page.getByLabel('Title on the cover').fill(reykjavik.pack.title);
  await chooseRecord(page.getByLabel('Summit', { exact: true }), reykjavik.summit.title);
  for (const name of [
    `Add: Full brief — ${reykjavik.meeting.title}`,
    'Add: Full brief — Side meeting in Nuuk (Egede)',
    'Add: Research and shipping',
    'Add: Timeline',
    'Add: Biographies (everyone in the pack’s meetings)',
    'Add: Notes',
  ])
    await page.getByRole('button', { name, exact: true }).click();
  await page.getByLabel('Stamp a copy for (optional)').fill('יִצְחָק כהן');
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved “${reykjavik.pack.name}”.` })).toBeVisible();
  const willPrint = page.getByRole('list', { name: 'Will print', exact: true });
  await expect(willPrint).not.toContainText('Kirkenes');
  await page.getByRole('button', { name: 'Export to PDF' }).click();
  await expect(page.getByText(/Exported \d+ pages, banner CONFIDENTIAL, copy 1/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/Printed with empty boxes/)).toHaveCount(0);
  const file = (await page.locator('code').filter({ hasText: '.pdf' }).textContent()) ?? '';
  // Looked at: Hebrew drawn right to left inside English lines, the marks beside it (page 3, the Israel bilateral).
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '3', '-l', '3', file, testInfo.outputPath('pack-page')]);
  const text = printedText(file);
  for (const printed of [
    '12 May 2027, 15:00 GMT (venue); 17:00 CEST (home)',
    // Nuuk's side meeting also at the summit's clock in Reykjavík.
    '13 May 2027, 09:00 GMT-1 (venue); 10:00 GMT (summit); 12:00 CEST (home)',
    '(C) 12 May 2027 — Research vessel: Reykjavík declaration',
    '(R) Guðlaugur Þór Þórðarson Minister, Iceland Chair of the ministerial. Fæddur í Reykjavík.',
    'גדעון סער',
    'Copy 1 · for (C)',
    '(R) Logistics in Reykjavík',
  ])
    expect(text, `the pack should print “${printed}”`).toContain(printed);
  for (const foreign of ['Barents', 'Kirkenes', 'SECRET', 'UNMARKED', 'Stoltenberg'])
    expect(text, `the pack must not print “${foreign}”`).not.toContain(foreign);
  const pages = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((page) => page.trim() !== '');
  expect(pages.length).toBeGreaterThan(3);
  for (const [index, printedPage] of pages.entries()) {
    const lines = printedPage
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    expect(lines.at(0), `page ${index + 1} top`).toBe('CONFIDENTIAL');
    expect(lines.at(-1), `page ${index + 1} foot`).toBe('CONFIDENTIAL');
  }
});
