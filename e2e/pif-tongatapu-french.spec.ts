import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
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
import { chooseRecord, expect, sidebar } from './views.helpers.ts';

// A new desk's own briefing, entered through the interface: the Pacific Islands Forum Leaders Meeting in Nukuʻalofa
// (Pacific/Tongatapu, UTC+13), prepared from Paris under the French scheme typed into Settings, with bilaterals in
// New Zealand's, Australia's and Fiji's zones and a call with Honolulu (UTC−10, the previous calendar day there).
// Tongan names with the ʻokina (U+02BB) and macrons, a Fijian and a Māori name; an OSCE ministerial in Valletta in
// the same store, kept out of the Pacific pack. Fictional meetings: test material only.

const pif: Briefing = {
  homeTimeZone: 'Europe/Paris',
  scheme: '',
  meetingLevel: 1,
  source: { title: 'PIF Nukuʻalofa programme note', publisher: 'Pacific desk', publishedOn: '2026-11-20' },
  summit: {
    title: 'Pacific Islands Forum Leaders Meeting, Nukuʻalofa 2026',
    city: 'Nukuʻalofa',
    startDate: '2026-12-09',
    endDate: '2026-12-11',
    timeZone: 'Pacific/Tongatapu',
    description: 'Leaders’ retreat at Fāng̱ olo; climate finance and ocean boundaries.',
  },
  people: [
    {
      name: 'ʻAkilisi Pōhiva',
      nativeName: '',
      title: 'Deputy Prime Minister of Tonga',
      biography: 'Pronounced ah-kee-LEE-see POH-hee-vah.',
    },
    { name: 'Sālote Tupou', nativeName: '', title: 'Minister of Foreign Affairs, Tonga', biography: 'Chairs the Forum Foreign Ministers.' },
    { name: 'Siaosi Sovaleni', nativeName: '', title: 'Prime Minister of Tonga', biography: 'Host of the Leaders Meeting.' },
    { name: 'Sitiveni Rabuka', nativeName: '', title: 'Prime Minister of Fiji', biography: 'Ocean of Peace initiative.' },
    { name: 'Te Ururoa Flavell', nativeName: '', title: 'New Zealand envoy', biography: 'Former Māori Party co-leader.' },
  ],
  meeting: {
    title: 'Bilateral with Tonga (Sovaleni)',
    date: '2026-12-10',
    time: '09:00',
    venue: 'Faleʻikona, Nukuʻalofa',
    counterpart: 2,
    objectives: 'Secure Tonga’s support for the ocean boundaries declaration.',
    pointsToMake: '1. Thank Tonga for hosting.\n2. ʻAkilisi Pōhiva leads on fisheries.',
    defensivePoints: 'If raised: the deep-sea mining moratorium is under review.',
    counterpartBiography: 'Met our minister in Suva in 2025.',
  },
  participants: [
    { person: 2, side: 'Their side', role: 'Prime Minister' },
    { person: 1, side: 'Their side', role: 'Foreign Minister' },
    { person: 0, side: 'Their side', role: 'Fisheries' },
  ],
  event: { date: '2026-12-09', title: 'Opening of the Leaders Meeting', excerpt: 'Leaders arrive at Fuaʻamotu' },
  note: { title: 'Logistics — Fuaʻamotu', body: 'Motorcade from Fuaʻamotu: 35 min. Sālote Tupou meets us.' },
  pack: { name: 'PIF Nukuʻalofa pack', title: 'Pacific Islands Forum, Nukuʻalofa' },
};

test('a Pacific Islands Forum meeting in Nukuʻalofa under a French scheme, with Honolulu the day before', async ({ sherpa }, testInfo) => {
  test.setTimeout(400_000);
  const { page } = sherpa;
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  await typeScheme(page, 'France (IGI 1300)', [
    ['NON PROTÉGÉ', 'NP'],
    ['DIFFUSION RESTREINTE', 'DR'],
    ['SECRET', 'S'],
    ['TRÈS SECRET', 'TS'],
  ]);
  await shot('settings');
  await enterBriefing(page, pif);

  for (const [title, date, time, zone] of [
    ['Bilateral with New Zealand (Flavell)', '2026-12-10', '11:00', 'Pacific/Auckland'],
    ['Bilateral with Australia', '2026-12-10', '12:00', 'Australia/Sydney'],
    ['Bilateral with Fiji (Rabuka)', '2026-12-10', '14:00', 'Pacific/Fiji'],
    ['Call with Honolulu', '2026-12-09', '18:00', 'Pacific/Honolulu'],
  ] as const) {
    await newMeeting(page, pif.summit.title, { title, date, time, zone }, 'DIFFUSION RESTREINTE');
    await shot(`meeting-${zone.replace('/', '-')}`);
  }
  // Typed on Nukuʻalofa's date by mistake, the call's form says it would be Friday at the summit, before it is saved.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: pif.summit.title }).first().click();
  await page.getByRole('link', { name: 'New meeting' }).click();
  await page.getByLabel('Date (venue)').fill('2026-12-10');
  await page.getByLabel('Time (venue)').fill('18:00');
  await page.getByLabel(/Time zone/).fill('Pacific/Honolulu');
  await expect(page.locator('.meeting-time-at-summit')).toHaveText('At the summit (Pacific/Tongatapu): Fri, 11 Dec 2026, 17:00 GMT+13');
  await page.getByLabel(/Time zone/).fill('Pacific/Auckland');
  await expect(page.locator('.meeting-time-at-summit')).toHaveCount(0);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('link', { name: 'Call with Honolulu' }).click();

  // The call is listed under Honolulu's Wednesday, above bilaterals it follows: its row says when it is in Nukuʻalofa.
  await expect(page.getByRole('heading', { level: 1, name: 'Call with Honolulu' })).toBeVisible();
  const when = page.locator('.key-details .meeting-time');
  await expect(when).toContainText('Wed, 9 Dec 2026, 18:00 HST (GMT-10) (Pacific/Honolulu)');
  await expect(when).toContainText('At the summit (Pacific/Tongatapu): Thu, 10 Dec 2026, 17:00 GMT+13');
  await expect(when).toContainText('Home time (Europe/Paris): Thu, 10 Dec 2026, 05:00 CET');
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: pif.summit.title }).first().click();
  const rows = page.locator('.meeting-row');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(0)).toContainText('Call with Honolulu');
  await expect(rows.nth(0)).toContainText('At the summit (Pacific/Tongatapu): Thu, 10 Dec 2026, 17:00 GMT+13');
  await expect(rows.filter({ hasText: 'Fiji' })).toContainText('At the summit (Pacific/Tongatapu): Thu, 10 Dec 2026, 15:00 GMT+13');
  // New Zealand keeps Tonga's offset in December: nothing to add to its venue time.
  await expect(rows.filter({ hasText: 'New Zealand' })).not.toContainText('At the summit');
  await expect(rows.filter({ hasText: 'Tonga (Sovaleni)' })).not.toContainText('At the summit');
  await shot('summit');

  // Typed on a keyboard with no ʻokina and no macrons, or with a plain apostrophe: each name is found, its own letters
  // marked.
  await page.keyboard.press('Control+k');
  const search = page.getByRole('searchbox', { name: 'Search' });
  const results = page.locator('.search-results li');
  for (const [typed, title, marked] of [
    ["'Akilisi Pohiva", 'ʻAkilisi Pōhiva', ['ʻAkilisi', 'Pōhiva']],
    ['akilisi pohiva', 'ʻAkilisi Pōhiva', ['ʻAkilisi', 'Pōhiva']],
    ['Salote Tupou', 'Sālote Tupou', ['Sālote', 'Tupou']],
    ['sovaleni', 'Siaosi Sovaleni', ['Sovaleni']],
    ['rabuka', 'Sitiveni Rabuka', ['Rabuka']],
    ['Te Ururoa', 'Te Ururoa Flavell', ['Te', 'Ururoa']],
    ["Nuku'alofa 2026", pif.summit.title, ['Nukuʻalofa', '2026']],
  ] as const) {
    await search.fill(typed);
    const hit = results.filter({ hasText: title }).first();
    await expect(hit.locator('.hit-title mark').first()).toBeVisible();
    expect(await hit.locator('.hit-title mark').allTextContents(), `marks for “${typed}”`).toEqual(marked);
  }
  await page.keyboard.press('Escape');

  // A sector brief of the desk's own, with an annotated entry.
  const programme = await newProgramme(page, { code: 'PIF', name: 'Pacific tracks' }, 'NON PROTÉGÉ');
  await newSector(page, programme, 'Ocean boundaries', 'DIFFUSION RESTREINTE');
  await newEntryWithAnnotation(
    page,
    {
      date: '2026-12-10',
      title: 'Declaration on maritime zones',
      source: pif.source.title,
      annotation: 'ʻAkilisi Pōhiva wants a line on sea-level rise.',
    },
    'DIFFUSION RESTREINTE',
  );

  // Edited: Sālote Tupou's title. Deleted: the Australian bilateral, moved to Canberra.
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  await page.getByRole('link', { name: 'Sālote Tupou' }).first().click();
  await page.getByRole('link', { name: 'Edit' }).first().click();
  await page.getByLabel('Title').fill('Minister of Foreign Affairs and Tourism, Tonga');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Minister of Foreign Affairs and Tourism, Tonga').first()).toBeVisible();
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: pif.summit.title }).first().click();
  await page.getByRole('link', { name: 'Bilateral with Australia' }).click();
  await page.getByRole('button', { name: 'Delete meeting' }).click();
  await page
    .getByRole('alertdialog')
    .getByRole('button', { name: /^Delete/ })
    .last()
    .click();
  await expect(page.getByRole('status').getByText(/Deleted: .*Bilateral with Australia/)).toBeVisible();

  // An OSCE ministerial in Valletta in the same store, marked SECRET: none of it may reach the Pacific pack.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'New summit' }).first().click();
  await page.getByLabel('Title').fill('OSCE Ministerial Council, Valletta 2026');
  await page.getByLabel('City').fill('Valletta');
  await page.getByLabel('Start date').fill('2026-12-03');
  await page.getByLabel('End date').fill('2026-12-04');
  await page.getByLabel(/Time zone/).fill('Europe/Malta');
  await page.getByLabel('Classification').selectOption('SECRET');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'OSCE Ministerial Council, Valletta 2026' })).toBeVisible();
  await newMeeting(
    page,
    'OSCE Ministerial Council, Valletta 2026',
    { title: 'Bilateral with Malta (Borg)', date: '2026-12-03', time: '10:00' },
    'SECRET',
  );
  await sidebar(page).getByRole('link', { name: 'Notes' }).click();
  await page.getByRole('button', { name: 'New note' }).click();
  const editor = page.getByRole('group', { name: 'Note editor' });
  await editor.getByLabel('Title').fill('Valletta corridor talk');
  await editor.getByRole('textbox', { name: 'Note text' }).fill('Ian Borg on the Chairmanship handover.');
  await editor.getByLabel('Classification').selectOption('SECRET');
  await chooseRecord(editor.getByLabel('Linked to'), 'Summit: OSCE Ministerial Council, Valletta 2026');
  await expect(editor.getByText('Link saved.')).toBeVisible();
  await expect(editor.getByText('Saved', { exact: true }).first()).toBeVisible();

  // The Pacific pack: three briefs (the New Zealand one with its venue, counterpart and duration left blank), the
  // sector brief, the annexes and the notes.
  await startPack(page, pif.pack, pif.summit.title, [
    `Add: Full brief — ${pif.meeting.title}`,
    'Add: Full brief — Bilateral with New Zealand (Flavell)',
    'Add: Full brief — Call with Honolulu',
    'Add: Ocean boundaries',
    'Add: Timeline',
    'Add: Biographies (everyone in the pack’s meetings)',
    'Add: Sources',
    'Add: Notes',
  ]);
  const willPrint = page.getByRole('list', { name: 'Will print', exact: true });
  await expect(willPrint).toContainText('Declaration on maritime zones');
  await expect(willPrint).not.toContainText('Valletta');
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved “${pif.pack.name}”.` })).toBeVisible();
  await page.getByRole('button', { name: 'Export to PDF' }).click();
  await expect(page.getByText(/Exported \d+ pages, banner DIFFUSION RESTREINTE/)).toBeVisible({ timeout: 60_000 });
  const file = (await page.locator('code').filter({ hasText: '.pdf' }).textContent()) ?? '';
  execFileSync('pdftoppm', ['-png', '-r', '60', file, testInfo.outputPath('pack-page')]);
  const text = printedText(file);
  fs.writeFileSync(testInfo.outputPath('pack.txt'), text);

  // The banner at the top and bottom of every page.
  const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
  expect(pages).toBeGreaterThan(3);
  const perPage = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, pages);
  for (const [index, page] of perPage.entries())
    expect(page.match(/DIFFUSION RESTREINTE/g)?.length ?? 0, `banners on page ${index + 1}`).toBeGreaterThanOrEqual(2);
  for (const own of [
    '(DR) Bilateral with Tonga (Sovaleni)',
    '10 December 2026, 09:00 GMT+13 (venue); 9 December 2026, 21:00 CET (home)',
    '(DR) Call with Honolulu',
    '9 December 2026, 18:00 HST (GMT-10) (venue); 10 December 2026, 17:00 GMT+13 (summit); 10 December 2026, 05:00 CET (home)',
    // New Zealand keeps Tonga's clock in December: venue and home only.
    '10 December 2026, 11:00 NZDT (GMT+13) (venue); 9 December 2026, 23:00 CET (home)',
    '(DR) Bilateral with New Zealand (Flavell)',
    '2. ʻAkilisi Pōhiva leads on fisheries.',
    '(NP) Sālote Tupou',
    'Minister of Foreign Affairs and Tourism, Tonga',
    '(DR) Ocean boundaries',
    'Declaration on maritime zones',
    'ʻAkilisi Pōhiva wants a line on sea-level rise.',
    'Motorcade from Fuaʻamotu: 35 min. Sālote Tupou meets us.',
  ])
    expect(text, `the pack should print “${own}”`).toContain(own);
  for (const foreign of ['Valletta', 'OSCE', 'Malta', 'Borg', 'Bilateral with Australia', 'Minister of Foreign Affairs, Tonga', 'Vilnius'])
    expect(text, `the pack must not print “${foreign}”`).not.toContain(foreign);
});
