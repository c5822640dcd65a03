import { type Briefing, enterBriefing } from './briefings.helpers.ts';
import { test } from './fixtures.ts';
import { expect, sidebar } from './views.helpers.ts';

// A new desk's own briefing, entered through the interface: a meeting in Yerevan with Armenian, Persian and Tajik
// participants, their names and notes in the scripts as sources give them: Armenian with a question mark written
// inside a word and և in the reformed spelling, Persian pasted from an Arabic source (ي, ك) with Persian digits,
// Tajik Ҷ. The desk types them as its keyboards allow, and finds them; the people list files the Armenian names
// as the Armenian alphabet does. Fictional meeting: test material only.
const yerevan: Briefing = {
  homeTimeZone: 'Europe/Berlin',
  scheme: '',
  meetingLevel: 1,
  source: { title: 'Yerevan talks programme note', publisher: 'South Caucasus desk', publishedOn: '2027-09-01' },
  summit: {
    title: 'South Caucasus connectivity talks, Yerevan 2027',
    city: 'Yerevan',
    startDate: '2027-09-14',
    endDate: '2027-09-15',
    timeZone: 'Asia/Yerevan',
    description: 'Armenia hosts Iran and Tajikistan on the North–South road corridor.',
  },
  people: [
    { name: 'Ararat Mirzoyan', nativeName: 'Արարատ Միրզոյան', title: 'Yerevan talks: host', biography: 'Ո՞վ է Երևա՞ն գալիս։' },
    { name: 'Սետրակյան Արամ', nativeName: '', title: 'Yerevan talks: transport', biography: 'Roads ministry.' },
    { name: 'Սևակ Պարույր', nativeName: '', title: 'Yerevan talks: protocol', biography: 'Protocol office.' },
    // Pasted from an Arabic-script source: ي and ك, not the Persian ی and ک a Persian keyboard types.
    { name: 'Abbas Araghchi', nativeName: 'عباس عراقچي', title: 'Yerevan talks: Iran', biography: 'وزير امور خارجه؛ نشست ۱۴۰۶.' },
    { name: 'Jamshed Jurayev', nativeName: 'Ҷамшед Ҷӯраев', title: 'Yerevan talks: Tajikistan', biography: 'Ҷумҳурии Тоҷикистон.' },
  ],
  meeting: {
    title: 'Trilateral on the road corridor',
    date: '2027-09-14',
    time: '11:00',
    venue: 'Ministry of Foreign Affairs, Yerevan',
    counterpart: 0,
    objectives: 'Agree the Meghri crossing timetable.',
    pointsToMake: '1. Thank Armenia for hosting.\n2. Ask Iran about the Norduz crossing.',
    defensivePoints: 'If raised: no position on tolls.',
    counterpartBiography: 'Met our principal in Berlin in 2026.',
  },
  participants: [
    { person: 0, side: 'Their side', role: 'Counterpart' },
    { person: 3, side: 'Their side', role: 'Guest' },
    { person: 4, side: 'Their side', role: 'Guest' },
  ],
  event: { date: '2027-09-14', title: 'Opening of the Yerevan talks', excerpt: 'Delegations arrive' },
  note: { title: 'Logistics in Yerevan', body: 'Սևակ meets us at the gate. Ҷамшед brings the maps.' },
  pack: { name: 'Yerevan pack', title: 'Yerevan talks' },
};

test('a meeting in Yerevan with Armenian, Persian and Tajik names, found as a desk types them and listed in order', async ({
  sherpa,
}, testInfo) => {
  test.setTimeout(300_000);
  const { page } = sherpa;
  await enterBriefing(page, yerevan);

  await page.keyboard.press('Control+k');
  const search = page.getByRole('searchbox', { name: 'Search' });
  const results = page.locator('.search-results li');
  for (const [typed, title] of [
    // Typed without the question mark written inside the word, in the classical and the reformed spellings.
    ['Երևան', 'Ararat Mirzoyan'],
    ['Երեւան', 'Ararat Mirzoyan'],
    ['Սեւակ', 'Սևակ Պարույր'],
    // On a Persian keyboard (ی, ک), and with the digits the desk's keyboard types.
    ['عراقچی', 'Abbas Araghchi'],
    ['وزیر', 'Abbas Araghchi'],
    ['1406', 'Abbas Araghchi'],
    // As Russian texts write the Tajik Ҷ, and as a Russian keyboard types it.
    ['Джамшед', 'Jamshed Jurayev'],
    ['Чамшед', 'Jamshed Jurayev'],
    ['Джумхурии', 'Jamshed Jurayev'],
  ] as const) {
    await search.fill(typed);
    const hit = results.filter({ hasText: title }).first();
    await expect(hit.locator('mark').first(), `“${typed}” should find ${title}`).toBeVisible();
  }
  // Only the Tajik and Serbian letters fold: the Russian Ч is not read as Дж, so "Чон" finds no Джамшед.
  await search.fill('Чон');
  await expect(page.getByText('Nothing matches “Чон”.', { exact: false })).toBeVisible();
  await page.keyboard.press('Escape');

  // Վ comes before Տ in the Armenian alphabet: Սևակ before Սետրակյան (read as ե then ւ, it came after).
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  const people = page.getByRole('region', { name: 'People' }).getByRole('listitem').filter({ hasText: 'Yerevan talks' }).locator('bdi');
  // Each name, then its native name where it has one.
  await expect(people).toHaveText([
    'Abbas Araghchi',
    'عباس عراقچي',
    'Ararat Mirzoyan',
    'Արարատ Միրզոյան',
    'Jamshed Jurayev',
    'Ҷамшед Ҷӯраев',
    'Սևակ Պարույր',
    'Սետրակյան Արամ',
  ]);
  await page.screenshot({ path: testInfo.outputPath('yerevan-people.png'), fullPage: true });
});
