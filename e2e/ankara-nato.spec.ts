import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { type Briefing, enterBriefing, exportBriefingPack, printedText } from './briefings.helpers.ts';
import { test } from './fixtures.ts';
import { chooseRecord, expect, sidebar } from './views.helpers.ts';

// A desk that has never seen the sample prepares a NATO summit hosted in Ankara through the interface: names in
// Turkish (dotted and dotless I), Greek (final sigma, tonos), Ukrainian and Russian Cyrillic and a German ß, the
// venue in Europe/Istanbul (UTC+3 all year) and home in Toronto (EDT in July). Fictional events: test material only.

const ankara: Briefing = {
  homeTimeZone: 'America/Toronto',
  scheme: 'NATO',
  meetingLevel: 1,
  source: { title: 'Ankara desk record 2026', publisher: 'NATO desk', publishedOn: '2026-06-30' },
  summit: {
    title: 'NATO Summit, Ankara 2026',
    city: 'Ankara',
    startDate: '2026-07-07',
    endDate: '2026-07-08',
    timeZone: 'Europe/Istanbul',
    description: 'Müttefik liderler Ankara’da; İSTANBUL boğazı ve IŞIK raporu gündemde. Iğdır sınır kapısı.',
  },
  people: [
    { name: 'Şükrü Saracoğlu', nativeName: '', title: 'Host delegation, Türkiye', biography: 'Çağlayan’da doğdu; İstanbul’da yaşar.' },
    {
      name: 'Kyriakos Mitsotakis',
      nativeName: 'ΚΥΡΙΑΚΟΣ ΜΗΤΣΟΤΑΚΗΣ',
      title: 'Prime Minister of Greece',
      biography: 'Ο Κυριάκος Μητσοτάκης.',
    },
    { name: 'Volodymyr Zelenskyy', nativeName: 'Зеленський', title: 'President of Ukraine', biography: 'Ґрунтовна розмова.' },
    { name: 'Franz Strauß', nativeName: '', title: 'Adviser', biography: 'STRAUSS in the German press.' },
    { name: 'Işık Gül', nativeName: '', title: 'Note-taker', biography: 'IŞIK takes the record.' },
  ],
  meeting: {
    title: 'Mitsotakis–Saracoğlu bilateral, late session',
    date: '2026-07-07',
    time: '23:30',
    venue: 'Çankaya Köşkü, İstanbul salonu',
    counterpart: 1,
    objectives: 'Agree a hotline on the Aegean.',
    pointsToMake: '1. Işık: thank Türkiye for hosting.\n2. Ёлка and елка are one word.',
    defensivePoints: 'If raised: no change on Iğdır.',
    counterpartBiography: 'Κυριάκος Μητσοτάκης met our principal in Αθήνα.',
  },
  participants: [
    { person: 4, side: 'Our side', role: 'Note-taker' },
    { person: 1, side: 'Their side', role: 'Counterpart' },
    { person: 0, side: 'Their side', role: 'Host' },
    { person: 3, side: 'Our side', role: 'Adviser' },
  ],
  event: { date: '2026-07-07', title: 'Opening session at the Beştepe complex', excerpt: 'Açılış oturumu' },
  note: { title: 'İstanbul notları', body: 'Işık Gül: ığdır, İSTANBUL, Strauß, ёлка, Κυριάκος.' },
  pack: { name: 'Ankara desk pack', title: 'NATO Summit, Ankara: the Greek bilateral' },
};

/** Creates a person from People with only a name, as a desk does for a name heard in a corridor. */
async function createPerson(page: Page, name: string): Promise<void> {
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  await page.getByRole('link', { name: 'New person' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Classification').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('a NATO summit in Ankara, entered through the interface: Turkish, Greek, Cyrillic and German names are found, listed and printed for this summit only', async ({
  sherpa,
}, testInfo) => {
  test.setTimeout(400_000);
  const { page } = sherpa;
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  await enterBriefing(page, ankara);

  // The meeting brief names its source with the source's own portion mark, as every other name there.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: ankara.summit.title }).first().click();
  await page.getByRole('link', { name: ankara.meeting.title }).click();
  await expect(page.locator('dt', { hasText: /^Source$/ }).locator('xpath=following-sibling::dd[1]')).toHaveText(
    /^\(NU\)\s*Ankara desk record 2026/,
  );
  await shot('meeting');

  // A second summit at the same venue, with a meeting and a source of its own: none of it may reach Ankara's pack.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'New summit' }).first().click();
  await page.getByLabel('Title').fill('İstanbul follow-up ministerial');
  await page.getByLabel('Start date').fill('2026-11-01');
  await page.getByLabel(/Time zone/).fill('Europe/Istanbul');
  await page.getByLabel('Classification').selectOption({ index: 2 });
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'İstanbul follow-up ministerial' })).toBeVisible();
  // 09:30 at the venue is 01:30 in Toronto twice that night: after the clocks go back, EST.
  await page.getByRole('link', { name: 'New meeting' }).click();
  await page.getByLabel('Title').fill('Zelenskyy pull-aside in İstanbul');
  await page.getByLabel('Date (venue)').fill('2026-11-01');
  await page.getByLabel('Time (venue)').fill('09:30');
  await chooseRecord(page.getByLabel('Counterpart', { exact: true }), 'Volodymyr Zelenskyy (Зеленський)');
  await page.getByLabel('Classification').selectOption({ index: 2 });
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zelenskyy pull-aside in İstanbul' })).toBeVisible();
  await expect(page.getByText('Sun, 1 Nov 2026, 01:30 EST')).toBeVisible();

  // Ukrainian names are listed by their alphabet: І after И and Є after Е, not after Я.
  for (const name of ['Юлія Свириденко', 'Ігор Жовква', 'Євген Перебийніс']) await createPerson(page, name);
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  const cyrillicListed = async () =>
    (await page.getByRole('main').getByRole('link').allTextContents()).filter((name) => /^[\u0400-\u04ff]/.test(name));
  await expect.poll(cyrillicListed).toEqual(['Євген Перебийніс', 'Ігор Жовква', 'Юлія Свириденко']);
  await shot('people');

  // The note-taker typed again in capitals, as a passport gives it, is the stored person.
  await page.getByRole('link', { name: 'New person' }).click();
  await page.getByLabel('Name', { exact: true }).fill('IŞIK GÜL');
  await expect(page.getByRole('button', { name: 'Open Işık Gül' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('FRANZ STRAUSS');
  await expect(page.getByRole('button', { name: 'Open Franz Strauß' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Search folds Turkish, Greek, Cyrillic and German letters both ways and marks the words as written.
  await page.keyboard.press('Control+k');
  const search = page.getByRole('searchbox', { name: 'Search' });
  const results = page.locator('.search-results li');
  await search.fill('istanbul');
  const summitHit = results.filter({ has: page.locator('.badge', { hasText: /^Summit$/ }), hasText: ankara.summit.title });
  await expect(summitHit).toHaveCount(1);
  // Every hit carries its portion mark, the summit's too.
  await expect(summitHit.locator('.hit-title')).toHaveText(/^\(NU\)\s*NATO Summit, Ankara 2026$/);
  await expect(summitHit.locator('mark')).toHaveText(['İSTANBUL']);
  await expect(results.filter({ hasText: 'Şükrü Saracoğlu' }).locator('mark')).toHaveText(['İstanbul']);
  await shot('search-istanbul');
  await search.fill('ışık');
  await expect(summitHit.locator('mark')).toHaveText(['IŞIK']);
  await search.fill('κυριακος');
  // The person, and the biography written for him for the Greek bilateral, a kind of its own.
  const personHit = results.filter({ has: page.locator('.badge', { hasText: /^Person$/ }), hasText: 'Kyriakos Mitsotakis' });
  await expect(personHit).toHaveCount(1);
  // Greek typed finds the name's Latin spelling too (round 35: Greek read in Latin, ELOT 743), and marks it.
  await expect(personHit.locator('mark')).toHaveText(['Kyriakos', 'ΚΥΡΙΑΚΟΣ', 'Κυριάκος']);
  await expect(
    results.filter({ has: page.locator('.badge', { hasText: /^Meeting biography$/ }), hasText: 'Kyriakos Mitsotakis' }),
  ).toHaveCount(1);
  await search.fill('елка');
  await expect(results.filter({ hasText: 'İstanbul notları' })).toHaveCount(1);
  await expect(results.filter({ hasText: 'İstanbul notları' }).locator('mark')).toHaveText(['ёлка']);
  await search.fill('strauss');
  await expect(results.filter({ hasText: 'İstanbul notları' }).locator('mark')).toHaveText(['Strauß']);
  await shot('search-strauss');
  await page.keyboard.press('Escape');

  const file = await exportBriefingPack(page, ankara);
  const exported = page.getByRole('status').filter({ hasText: /Exported \d+ pages/ });
  await expect(exported).toContainText('banner NATO RESTRICTED');
  const text = printedText(file);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, testInfo.outputPath('pack-page')]);
  for (const own of [
    'Şükrü Saracoğlu',
    'ΚΥΡΙΑΚΟΣ ΜΗΤΣΟΤΑΚΗΣ',
    'Κυριάκος Μητσοτάκης met our principal',
    'Franz Strauß',
    'Işık Gül',
    'İstanbul notları',
  ])
    expect(text, `the pack should print “${own}”`).toContain(own);
  for (const foreign of ['İstanbul follow-up ministerial', 'Zelenskyy pull-aside', 'Vilnius', 'Stoltenberg', 'Свириденко'])
    expect(text, `the pack must not print “${foreign}”`).not.toContain(foreign);
  // Ankara is UTC+3 all year, Toronto on summer time: 23:30 at the venue is 16:30 at home the same day.
  expect(text).toContain('7 July 2026, 23:30 GMT+3 (venue); 16:30 EDT (home)');
  // Each participant and biography carries its portion mark.
  expect(text).toMatch(/\(NU\) Participants/);
  expect(text).toMatch(/\(NR\) Kyriakos Mitsotakis \(ΚΥΡΙΑΚΟΣ ΜΗΤΣΟΤΑΚΗΣ\) Prime Minister of Greece/);
  for (const person of ['Şükrü Saracoğlu', 'Franz Strauß', 'Işık Gül']) expect(text).toContain(`(NU) ${person}`);
});
