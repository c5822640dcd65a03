import { execFileSync } from 'node:child_process';
import {
  type Briefing,
  enterBriefing,
  newEntryWithAnnotation,
  newMeeting,
  newProgramme,
  newSector,
  printedText,
  startPack,
  typeScheme,
} from './briefings.helpers.ts';
import { test } from './fixtures.ts';
import { expect, sidebar } from './views.helpers.ts';

// A new desk's own briefing, entered through the interface: a "Central Asia + partner" (C5) summit in Astana,
// prepared from Seoul, with side meetings in Tashkent, Bishkek and Dushanbe. Kazakhstan moved the whole country to
// UTC+05 on 1 March 2024 (Asia/Almaty, whose clock Astana keeps: the tz database has no Asia/Astana); Tashkent and
// Dushanbe are +05, Bishkek +06. Names in Kazakh and Russian Cyrillic, Uzbek Latin with its apostrophes written
// three ways, Tajik Cyrillic; a desk scheme in Russian typed into Settings; another summit, in Baku, kept out of
// the pack. Fictional meetings: test material only.

const astana: Briefing = {
  homeTimeZone: 'Asia/Seoul',
  scheme: '',
  meetingLevel: 1,
  source: { title: 'C5 summit programme note', publisher: 'Central Asia desk', publishedOn: '2027-04-20' },
  summit: {
    title: 'Central Asia + Korea Summit, Astana 2027',
    city: 'Astana (Palace of Independence)',
    startDate: '2027-05-20',
    endDate: '2027-05-21',
    timeZone: 'Asia/Almaty',
    description: 'Leaders of the five Central Asian states meet in Astana; side meetings in Tashkent, Bishkek and Dushanbe.',
  },
  people: [
    {
      name: 'Kassym-Jomart Tokayev',
      nativeName: 'Қасым-Жомарт Тоқаев',
      title: 'President of Kazakhstan',
      biography: 'Host of the summit. Ақорда.',
    },
    {
      name: 'Shavkat Mirziyoyev',
      nativeName: 'Шавкат Мирзиёев',
      title: 'President of Uzbekistan',
      biography: 'O‘zbekiston Respublikasi Prezidenti.',
    },
    { name: 'Gʻayrat Oʻroqov', nativeName: '', title: 'Deputy Minister, Uzbekistan', biography: 'Oʻzbekiston: water and energy file.' },
    {
      name: 'Sadyr Japarov',
      nativeName: 'Садыр Жапаров',
      title: 'President of Kyrgyzstan',
      biography: 'Кыргыз Республикасынын Президенти. Өкмөт.',
    },
    { name: 'Emomali Rahmon', nativeName: 'Эмомалӣ Раҳмон', title: 'President of Tajikistan', biography: 'Ҷумҳурии Тоҷикистон.' },
  ],
  meeting: {
    title: 'Bilateral with Kazakhstan (Tokayev)',
    date: '2027-05-20',
    time: '10:00',
    venue: 'Ақорда, Astana',
    counterpart: 0,
    objectives: 'Agree the critical minerals roadmap.',
    pointsToMake: '1. Thank Kazakhstan for hosting.\n2. Қасым-Жомарт Тоқаев to co-chair the transport corridor track.',
    defensivePoints: 'If raised: no change on the Caspian pipeline file.',
    counterpartBiography: 'Met our principal in Seoul in 2024.',
  },
  participants: [
    { person: 0, side: 'Their side', role: 'Counterpart' },
    { person: 1, side: 'Their side', role: 'Guest' },
    { person: 2, side: 'Their side', role: 'Guest' },
    { person: 3, side: 'Their side', role: 'Guest' },
    { person: 4, side: 'Their side', role: 'Guest' },
  ],
  event: { date: '2027-05-20', title: 'Opening session in the Palace of Independence', excerpt: 'Leaders arrive' },
  // Pasted from a message: a line separator, a tab and no-break spaces inside, і written as a Latin i.
  note: {
    title: 'Logistics in Astana',
    body: 'Motorcade from the hotel: 25 min.\u2028Ғабит and Әйгерiм from protocol meet us at gate 2.\tBring\u00a0\u00a0badges.',
  },
  pack: { name: 'Astana pack', title: 'C5 Summit, Astana: the Kazakhstan bilateral' },
};

/** The desk's own scheme, in Russian, typed into Settings. */
const deskLevels = [
  ['ДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ', 'ДСП'],
  ['КОНФИДЕНЦИАЛЬНО', 'К'],
  ['СЕКРЕТНО', 'С'],
  ['СОВЕРШЕННО СЕКРЕТНО', 'СС'],
] as const;

test('a C5 summit in Astana with side meetings in Tashkent, Bishkek and Dushanbe, entered through the interface', async ({
  sherpa,
}, testInfo) => {
  test.setTimeout(300_000);
  const { page } = sherpa;
  await typeScheme(page, 'Схема отдела', deskLevels);
  // Astana typed as the desk's home zone: the tz database names no zone after it, and the field says which to type.
  await sidebar(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Home time zone').fill('Asia/Astana');
  await page.getByRole('button', { name: 'Save' }).first().click();
  await expect(
    page.getByText('No time zone is named “Asia/Astana”: Astana keeps the time of Asia/Almaty. Type Asia/Almaty.'),
  ).toBeVisible();
  await enterBriefing(page, astana);

  // Each name found however it is typed: with the Kazakh, Kyrgyz and Tajik letters or with the Russian ones a
  // keyboard without them gives, and an Uzbek oʻ or gʻ with whichever apostrophe, or none.
  await page.keyboard.press('Control+k');
  const search = page.getByRole('searchbox', { name: 'Search' });
  const results = page.locator('.search-results li');
  for (const [typed, title] of [
    ['Тоқаев', 'Kassym-Jomart Tokayev'],
    ['Токаев', 'Kassym-Jomart Tokayev'],
    ['Касым-Жомарт', 'Kassym-Jomart Tokayev'],
    ['Рахмон', 'Emomali Rahmon'],
    ['Чумхурии', 'Emomali Rahmon'],
    ['Окмот', 'Sadyr Japarov'],
    ['O‘zbekiston', 'Gʻayrat Oʻroqov'],
    ["O'zbekiston", 'Shavkat Mirziyoyev'],
    ['Gayrat', 'Gʻayrat Oʻroqov'],
    ['Габит', astana.note.title],
    // Pasted from an older text that writes і as a Latin i.
    ['Айгерим', astana.note.title],
  ] as const) {
    await search.fill(typed);
    const hit = results.filter({ hasText: title }).first();
    await expect(hit.locator('mark').first(), `“${typed}” should find ${title}`).toBeVisible();
    await expect(hit).toContainText('(ДСП)');
  }
  await page.keyboard.press('Escape');

  // Astana keeps Asia/Almaty's clock: +05 since March 2024, printed as the tz database names it (no letters).
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: astana.summit.title }).first().click();
  await page.getByRole('link', { name: astana.meeting.title }).first().click();
  await expect(page.getByText('Thu, 20 May 2027, 10:00 GMT+5')).toBeVisible();
  await expect(page.getByText('Home time (Asia/Seoul): Thu, 20 May 2027, 14:00 KST')).toBeVisible();
  await newMeeting(
    page,
    astana.summit.title,
    { title: 'Side meeting in Tashkent (Mirziyoyev)', date: '2027-05-21', time: '09:00', zone: 'Asia/Tashkent' },
    'КОНФИДЕНЦИАЛЬНО',
  );
  await expect(page.getByText('Home time (Asia/Seoul): Fri, 21 May 2027, 13:00 KST')).toBeVisible();
  await newMeeting(
    page,
    astana.summit.title,
    { title: 'Side meeting in Bishkek (Japarov)', date: '2027-05-21', time: '09:00', zone: 'Asia/Bishkek' },
    'КОНФИДЕНЦИАЛЬНО',
  );
  await expect(page.getByText('Home time (Asia/Seoul): Fri, 21 May 2027, 12:00 KST')).toBeVisible();
  await newMeeting(
    page,
    astana.summit.title,
    { title: 'Side meeting in Dushanbe (Rahmon)', date: '2027-05-21', time: '23:30', zone: 'Asia/Dushanbe' },
    'КОНФИДЕНЦИАЛЬНО',
  );
  await expect(page.getByText('Home time (Asia/Seoul): Sat, 22 May 2027, 03:30 KST')).toBeVisible();
  // The last contact, a dinner in Almaty on the evening Kazakhstan went from +06 to +05: kept at 22:30, not moved
  // to 23:30 and refused as a time the clocks skip.
  await newMeeting(
    page,
    astana.summit.title,
    { title: 'Last contact: dinner in Almaty', date: '2024-02-29', time: '22:30', zone: 'Asia/Almaty' },
    'КОНФИДЕНЦИАЛЬНО',
  );
  await expect(page.getByText('Thu, 29 Feb 2024, 22:30 GMT+6')).toBeVisible();
  await expect(page.getByText('Home time (Asia/Seoul): Fri, 1 Mar 2024, 01:30 KST')).toBeVisible();

  // Another summit in Baku, marked higher, with its own meeting: none of it may reach the Astana pack.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'New summit' }).first().click();
  await page.getByLabel('Title').fill('Caspian Summit, Baku 2027');
  await page.getByLabel('Start date').fill('2027-06-10');
  await page.getByLabel('End date').fill('2027-06-10');
  await page.getByLabel(/Time zone/).fill('Asia/Baku');
  await page.getByLabel('Classification').selectOption('СЕКРЕТНО');
  await page.getByRole('button', { name: 'Create' }).click();
  // Its page, once saved: the summit list may not hold it yet while the save is under way.
  await expect(page.getByRole('heading', { level: 1, name: 'Caspian Summit, Baku 2027' })).toBeVisible();
  await newMeeting(
    page,
    'Caspian Summit, Baku 2027',
    { title: 'Baku pipeline talks', date: '2027-06-10', time: '10:00' },
    'КОНФИДЕНЦИАЛЬНО',
  );

  // A sector brief with an entry for each summit and an annotation on each.
  const programme = await newProgramme(page, { code: 'C5', name: 'Central Asia tracks' }, 'ДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ');
  await newSector(page, programme, 'Water and energy', 'КОНФИДЕНЦИАЛЬНО');
  for (const [date, title, marking] of [
    ['2027-05-20', 'Rogun dam: Astana declaration', 'КОНФИДЕНЦИАЛЬНО'],
    ['2027-06-10', 'Caspian pipeline: Baku follow-up', 'СЕКРЕТНО'],
  ] as const) {
    // Pasted with the spaces round it a document gives.
    const typedTitle = `\u00a0 ${title}\t`;
    await newEntryWithAnnotation(
      page,
      { date, title, typedTitle, source: astana.source.title, annotation: `Ask Oʻroqov about ${title}.` },
      marking,
    );
  }

  // The president typed again with the Russian letters a keyboard without Kazakh ones gives: warned of, with his mark.
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  await page.getByRole('link', { name: 'New person' }).click();
  await page.getByLabel('Name in native script').fill('Касым-Жомарт Токаев');
  await expect(page.getByRole('list', { name: 'People of this name' })).toContainText('(ДСП)Kassym-Jomart Tokayev');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // The pack of the Astana summit, stamped for a Kazakh name.
  await startPack(page, astana.pack, astana.summit.title, [
    `Add: Full brief — ${astana.meeting.title}`,
    'Add: Full brief — Side meeting in Dushanbe (Rahmon)',
    'Add: Water and energy',
    'Add: Timeline',
    'Add: Biographies (everyone in the pack’s meetings)',
    'Add: Notes',
  ]);
  await page.getByLabel('Stamp a copy for (optional)').fill('Ғабит Мұсірепов');
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved “${astana.pack.name}”.` })).toBeVisible();
  const willPrint = page.getByRole('list', { name: 'Will print', exact: true });
  await expect(willPrint).toContainText('(К) Ask Oʻroqov about Rogun dam: Astana declaration.');
  await expect(willPrint).not.toContainText('Baku');
  await expect(page.getByText('Banner on every page: КОНФИДЕНЦИАЛЬНО')).toBeVisible();
  await page.getByRole('button', { name: 'Export to PDF' }).click();
  await expect(page.getByText(/Exported \d+ pages, banner КОНФИДЕНЦИАЛЬНО, copy 1/)).toBeVisible({ timeout: 60_000 });
  // Every letter here has a font: nothing prints as an empty box.
  await expect(page.getByText(/Printed with empty boxes/)).toHaveCount(0);
  const file = (await page.locator('code').filter({ hasText: '.pdf' }).textContent()) ?? '';
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '3', '-l', '3', file, testInfo.outputPath('pack-page')]);
  const text = printedText(file);
  for (const printed of [
    '(ДСП) Kassym-Jomart Tokayev (Қасым-Жомарт Тоқаев), President of Kazakhstan',
    '20 May 2027, 10:00 GMT+5 (venue); 14:00 KST (home)',
    '21 May 2027, 23:30 GMT+5 (venue); 22 May 2027, 03:30 KST (home)',
    '(К) 20 May 2027 — Rogun dam: Astana declaration',
    '(ДСП) Emomali Rahmon (Эмомалӣ Раҳмон) President of Tajikistan Ҷумҳурии Тоҷикистон.',
    'O‘zbekiston Respublikasi Prezidenti.',
    'Copy 1 · for (К) Ғабит Мұсірепов',
    '(ДСП) Logistics in Astana',
  ])
    expect(text, `the pack should print “${printed}”`).toContain(printed);
  for (const foreign of ['Caspian Summit', 'Baku', 'СЕКРЕТНО', 'Vilnius', 'Stoltenberg', 'UNMARKED'])
    expect(text, `the pack must not print “${foreign}”`).not.toContain(foreign);
  // The banner at the top and the foot of every page, as laid out.
  const pages = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((page) => page.trim() !== '');
  expect(pages.length).toBeGreaterThan(3);
  for (const [index, printedPage] of pages.entries()) {
    const lines = printedPage
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    expect(lines.at(0), `page ${index + 1} top`).toBe('КОНФИДЕНЦИАЛЬНО');
    expect(lines.at(-1), `page ${index + 1} foot`).toBe('КОНФИДЕНЦИАЛЬНО');
  }
});
