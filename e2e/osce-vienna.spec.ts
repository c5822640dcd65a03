import { execFileSync } from 'node:child_process';
import {
  type Briefing,
  enterBriefing,
  exportBriefingPack,
  newEntryWithAnnotation,
  newMeeting,
  newProgramme,
  newSector,
  printedText,
  typeScheme,
} from './briefings.helpers.ts';
import { test } from './fixtures.ts';
import { chooseRecord, expect, paste, sidebar } from './views.helpers.ts';

// A new desk's own briefing, entered through the interface: the OSCE Ministerial Council in Vienna (Europe/Vienna),
// prepared from Berlin, with side meetings in Tbilisi (Asia/Tbilisi, +04 all year) and Ankara (Europe/Istanbul, +03
// all year), under an OSCE-style scheme typed into Settings. Names in Georgian (Mkhedruli, and Mtavruli capitals,
// which no font here draws), Turkish (dotted and dotless i), Greek (final sigma, tonos), German (ß, umlauts) and
// Azerbaijani (Ə). A Chairpersonship conference in Vienna in March, in the same store, must not reach the pack.
// Fictional meetings: test material only.

const osce: Briefing = {
  homeTimeZone: 'Europe/Berlin',
  scheme: '',
  meetingLevel: 1,
  source: { title: 'MC.GAL Vienna programme note', publisher: 'OSCE desk', publishedOn: '2026-11-20' },
  summit: {
    title: 'OSCE Ministerial Council, Vienna 2026',
    city: 'Vienna (Hofburg)',
    startDate: '2026-12-03',
    endDate: '2026-12-04',
    timeZone: 'Europe/Vienna',
    description: 'Thirty-third Ministerial Council; side meetings in Tbilisi and Ankara. Delegations from İstanbul and Tbilisi.',
  },
  people: [
    {
      name: 'Irakli Kobakhidze',
      nativeName: 'ირაკლი კობახიძე',
      title: 'Prime Minister of Georgia',
      biography: 'Born in ქუთაისი; leads the Georgian delegation.',
    },
    {
      name: 'Işık Demirtaş',
      nativeName: '',
      title: 'Deputy Director, Türkiye MFA (fictional)',
      biography: 'Born in İstanbul; IŞIK in the press.',
    },
    {
      name: 'Giorgos Gerapetritis',
      nativeName: 'Γιώργος Γεραπετρίτης',
      title: 'Minister for Foreign Affairs of Greece',
      biography: 'Ο Γιώργος Γεραπετρίτης, καθηγητής.',
    },
    {
      name: 'Jürgen Weiß',
      nativeName: '',
      title: 'Head of Division, Auswärtiges Amt (fictional)',
      biography: 'Straße der Pariser Kommune.',
    },
    { name: 'Əli Əhmədov', nativeName: '', title: 'Adviser, Azerbaijan (fictional)', biography: 'Bakı, Azərbaycan.' },
    { name: 'İbrahim Kalın', nativeName: '', title: 'Director of MIT', biography: 'Ankara; İstanbul Üniversitesi.' },
  ],
  meeting: {
    title: 'Bilateral with Georgia (Kobakhidze)',
    date: '2026-12-03',
    time: '10:30',
    venue: 'Hofburg, Neuer Saal',
    counterpart: 0,
    objectives: 'Agree the OSCE field presence language for the South Caucasus.',
    pointsToMake: '1. Thank ირაკლი კობახიძე for Tbilisi’s hosting offer.\n2. Γιώργος Γεραπετρίτης joins at 11:00.',
    defensivePoints: 'If raised: no change on the Geneva International Discussions.',
    counterpartBiography: 'Met our principal in თბილისი, 2025.',
  },
  participants: [
    { person: 0, side: 'Their side', role: 'Counterpart' },
    { person: 2, side: 'Their side', role: 'Guest' },
    { person: 3, side: 'Our side', role: 'Note-taker' },
  ],
  event: { date: '2026-12-03', title: 'Opening plenary at the Hofburg', excerpt: 'Ministers arrive at the Hofburg' },
  note: { title: 'Logistik in Wien', body: 'Fahrt vom Hotel: 15 Min. Weiß trifft uns am Heldenplatz.' },
  pack: { name: 'Vienna MC pack', title: 'OSCE Ministerial Council, Vienna: the Georgian bilateral' },
};

const osceLevels = [
  ['OSCE PUBLIC', 'PUB'],
  ['OSCE RESTRICTED', 'RES'],
  ['OSCE CONFIDENTIAL', 'CONF'],
] as const;

test('the OSCE Ministerial Council in Vienna, prepared from Berlin, with Georgian, Turkish, Greek, German and Azerbaijani names', async ({
  sherpa,
}, testInfo) => {
  test.setTimeout(300_000);
  const { page } = sherpa;
  await typeScheme(page, 'OSCE desk scheme', osceLevels);
  await enterBriefing(page, osce);

  // Each name found as a desk's keyboard types it, its own letters marked: Turkish I and İ, ı and i; Georgian in
  // capitals (Mtavruli); Greek without its tonos and with σ for ς; German ß as ss and ü as u or ue; Ə as A.
  await page.keyboard.press('Control+k');
  const search = page.getByRole('searchbox', { name: 'Search' });
  const results = page.locator('.search-results li');
  for (const [typed, title] of [
    ['istanbul', 'Işık Demirtaş'],
    ['ISIK', 'Işık Demirtaş'],
    ['isik demirtas', 'Işık Demirtaş'],
    ['IBRAHIM KALIN', 'İbrahim Kalın'],
    ['კობახიძე', 'Irakli Kobakhidze'],
    ['ᲙᲝᲑᲐᲮᲘᲫᲔ', 'Irakli Kobakhidze'],
    ['γεραπετριτησ', 'Giorgos Gerapetritis'],
    ['ΓΕΡΑΠΕΤΡΙΤΗΣ', 'Giorgos Gerapetritis'],
    ['WEISS', 'Jürgen Weiß'],
    ['jurgen', 'Jürgen Weiß'],
    // As his e-mail address and his passport's machine-readable line write him.
    ['juergen weiss', 'Jürgen Weiß'],
    ['Ali Ahmadov', 'Əli Əhmədov'],
  ] as const) {
    await search.fill(typed);
    const hit = results.filter({ hasText: title }).first();
    await expect(hit.locator('mark').first(), `“${typed}” should find ${title}`).toBeVisible();
    await expect(hit).toContainText('(PUB)');
  }
  await search.fill('juergen');
  await expect(results.filter({ hasText: 'Jürgen Weiß' }).locator('.hit-title mark')).toHaveText(['Jürgen']);
  await page.screenshot({ path: testInfo.outputPath('search.png') });
  await page.keyboard.press('Escape');

  // Listed as a reader looks them up: İ, I and ı among the I's, Ə after E (none here), before G.
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  const people = page.getByRole('heading', { name: 'People', exact: true }).locator('xpath=following-sibling::*[1]').getByRole('link');
  await expect
    .poll(async () => (await people.allInnerTexts()).filter((name) => !/Stoltenberg|Yoon|Lee Do Woon/.test(name)))
    .toEqual([
      'Əli Əhmədov',
      'Giorgos Gerapetritis (Γιώργος Γεραπετρίτης)',
      'İbrahim Kalın',
      'Irakli Kobakhidze (ირაკლი კობახიძე)',
      'Işık Demirtaş',
      'Jürgen Weiß',
    ]);

  // Typed again from a passport, in capitals, decomposed or in the native script: each warned of, with its mark.
  await page.getByRole('link', { name: 'New person' }).click();
  const name = page.getByLabel('Name', { exact: true });
  const namesakes = page.getByRole('list', { name: 'People of this name' });
  for (const [typed, stored] of [
    ['IBRAHIM KALIN', 'İbrahim Kalın'],
    ['JUERGEN WEISS', 'Jürgen Weiß'],
    ['Ju\u0308rgen Weiss', 'Jürgen Weiß'],
    ['ΓΙΏΡΓΟΣ ΓΕΡΑΠΕΤΡΊΤΗΣ', 'Giorgos Gerapetritis'],
    ['ირაკლი კობახიძე', 'Irakli Kobakhidze'],
  ] as const) {
    await name.fill(typed);
    await expect(namesakes, `“${typed}” reads as ${stored}`).toContainText(`(PUB)${stored}`);
  }
  // A direction override or a zero-width space pasted inside a name, or a name too long: refused at the field, named.
  await page.getByLabel('Classification').selectOption('OSCE PUBLIC');
  for (const [typed, problem] of [
    ['Irakli\u202e Kobakhidze', /Holds an invisible character that reorders or hides text/],
    ['Kobak\u200bhidze', /Holds an invisible character that reorders or hides text/],
    ['K'.repeat(400), /Too long: 400 characters, at most 200\./],
  ] as const) {
    await name.fill(typed);
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription(problem);
    await expect(page.getByText('Nothing was saved. Check: Name.')).toBeVisible();
  }
  await page.screenshot({ path: testInfo.outputPath('refused-name.png') });
  await page.getByRole('button', { name: 'Cancel' }).click();

  // A Georgian name pasted in capitals (Mtavruli), which no font here draws: the page says so, naming the script.
  await page.getByRole('link', { name: 'New person' }).click();
  await name.fill('Mamuka Mdinaradze');
  await page.getByLabel('Name in native script').fill('ᲛᲐᲛᲣᲙᲐ ᲛᲓᲘᲜᲐᲠᲐᲫᲔ');
  await page.getByLabel('Title').fill('Head of the Georgian delegation in Tbilisi');
  await page.getByLabel('Classification').selectOption('OSCE PUBLIC');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mamuka Mdinaradze' })).toBeVisible();
  await expect(page.getByText(/No font on this computer can draw these Georgian characters/)).toBeVisible();

  // The side meeting in Tbilisi, its zone typed first as a desk in Europe thinks of it: told the zone to type.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: osce.summit.title }).first().click();
  await page.getByRole('link', { name: 'New meeting' }).click();
  await page.getByLabel('Title').fill('Side meeting in Tbilisi');
  await page.getByLabel('Date (venue)').fill('2026-12-04');
  await page.getByLabel('Time (venue)').fill('18:00');
  const zone = page.getByLabel(/Time zone/);
  await zone.fill('Europe/Tbilisi');
  await chooseRecord(page.getByLabel('Counterpart', { exact: true }), 'Mamuka Mdinaradze (ᲛᲐᲛᲣᲙᲐ ᲛᲓᲘᲜᲐᲠᲐᲫᲔ)');
  await page.getByLabel('Classification').selectOption('OSCE RESTRICTED');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(zone).toHaveAccessibleDescription(
    /No time zone is named “Europe\/Tbilisi”: Tbilisi keeps the time of Asia\/Tbilisi\. Type Asia\/Tbilisi\./,
  );
  await page.screenshot({ path: testInfo.outputPath('zone-refused.png') });
  await zone.fill('Asia/Tbilisi');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Side meeting in Tbilisi' })).toBeVisible();
  await expect(page.getByText('At the summit (Europe/Vienna): Fri, 4 Dec 2026, 15:00 CET')).toBeVisible();
  await expect(page.getByText('Home time (Europe/Berlin): Fri, 4 Dec 2026, 15:00 CET')).toBeVisible();
  await newMeeting(
    page,
    osce.summit.title,
    { title: 'Side meeting in Ankara', date: '2026-12-04', time: '09:00', zone: 'Europe/Istanbul' },
    'OSCE RESTRICTED',
  );

  // 31 April typed into the Ankara meeting's date: refused by name, and the meeting keeps its day.
  await page.getByRole('link', { name: 'Edit meeting details' }).click();
  await page.getByLabel('Date (venue)').focus();
  await page.keyboard.type('04312027');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(
    page.getByText('“Date (venue)” is not a day that exists (for example 30 February or 31 April). Type a real date.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Fri, 4 Dec 2026, 09:00 GMT+3')).toBeVisible();

  // Deleting the counterpart of the main bilateral asks first, naming what refers to him; cancelled, nothing goes.
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  await page.getByRole('link', { name: /^Irakli Kobakhidze/ }).click();
  await page.getByRole('button', { name: 'Delete person' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete Irakli Kobakhidze?' });
  await expect(dialog).toContainText('1 participant');
  await expect(dialog).toContainText('1 biography written for the meeting');
  await page.screenshot({ path: testInfo.outputPath('delete-counterpart.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Irakli Kobakhidze/ })).toBeVisible();

  // The March conference in the same store: the clocks go forward in Vienna at 02:00 on 28 March 2027.
  const march = 'OSCE Chairpersonship conference, Vienna 2027';
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'New summit' }).first().click();
  await page.getByLabel('Title').fill(march);
  await page.getByLabel('Start date').fill('2027-03-28');
  await page.getByLabel('End date').fill('2027-03-29');
  await page.getByLabel(/Time zone/).fill('Europe/Vienna');
  await page.getByLabel('Classification').selectOption('OSCE CONFIDENTIAL');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: march })).toBeVisible();
  await page.getByRole('link', { name: 'New meeting' }).click();
  await page.getByLabel('Title').fill('Night session on the Vienna Document');
  await page.getByLabel('Date (venue)').fill('2027-03-28');
  await page.getByLabel('Time (venue)').fill('02:30');
  await page.getByLabel('Classification').selectOption('OSCE CONFIDENTIAL');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByLabel('Time (venue)')).toHaveAccessibleDescription(/The clocks go forward past this time on that day/);
  await page.getByLabel('Time (venue)').fill('03:30');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Night session on the Vienna Document' })).toBeVisible();
  await expect(page.getByText('Sun, 28 Mar 2027, 03:30 CEST', { exact: true })).toBeVisible();

  const programme = await newProgramme(page, { code: 'OSCE', name: 'Politico-military dimension' }, 'OSCE PUBLIC');
  for (const [sector, date, title, marking, annotation] of [
    ['Arms control', '2026-12-03', 'Vienna Document modernisation', 'OSCE RESTRICTED', 'Ask Weiß about the CSBM chapter.'],
    ['Conflict prevention', '2026-12-04', 'Early warning in the South Caucasus', 'OSCE RESTRICTED', 'კობახიძე may raise it.'],
    ['Counter-terrorism', '2027-03-28', 'Chairpersonship item on foreign fighters', 'OSCE CONFIDENTIAL', 'March conference only.'],
  ] as const) {
    await newSector(page, programme, sector, 'OSCE PUBLIC');
    await newEntryWithAnnotation(page, { date, title, source: osce.source.title, annotation }, marking);
  }

  // Lines for Ankara pasted from Word: curly quotes, non-breaking spaces round a dash, a soft hyphen, a bullet.
  await sidebar(page).getByRole('link', { name: 'Notes' }).click();
  await page.getByRole('button', { name: 'New note' }).click();
  const editor = page.getByRole('group', { name: 'Note editor' });
  await editor.getByLabel('Title').fill('Lines for Ankara');
  await editor.getByRole('textbox', { name: 'Note text' }).focus();
  await paste(page, '“Işık”\u00a0–\u00a0İstanbul\u00ad-Konferenz\r\n·\tAsk Əli Əhmədov.\r\n');
  await editor.getByLabel('Classification').selectOption('OSCE RESTRICTED');
  await chooseRecord(editor.getByLabel('Linked to'), `Summit: ${osce.summit.title}`);
  await expect(editor.getByText('Saved', { exact: true }).first()).toBeVisible();
  await expect(editor.getByRole('listitem')).toHaveText('Ask Əli Əhmədov.');

  await exportBriefingPack(page, osce);
  for (const add of [
    'Add: Pocket card — Side meeting in Tbilisi',
    'Add: Full brief — Side meeting in Ankara',
    'Add: Arms control',
    'Add: Counter-terrorism',
  ])
    await page.getByRole('button', { name: add, exact: true }).click();
  // The March entry is the March conference's: listed as left out, naming it.
  await expect(page.getByText(/dated during .*OSCE Chairpersonship conference, Vienna 2027/)).toBeVisible();
  await page.getByRole('button', { name: 'Save pack' }).click();
  const willPrint = page.getByRole('list', { name: 'Will print', exact: true });
  await expect(willPrint).toContainText('(RES) Ask Weiß about the CSBM chapter.');
  await expect(willPrint).not.toContainText('foreign fighters');
  await expect(willPrint).not.toContainText('Night session');
  await expect(page.getByRole('list', { name: 'Some text will print as empty boxes' })).toContainText('Mamuka Mdinaradze');
  await page.screenshot({ path: testInfo.outputPath('builder.png'), fullPage: true });
  await page.getByRole('button', { name: 'Export to PDF' }).click();
  await expect(page.getByText(/Exported \d+ pages, banner OSCE RESTRICTED/).last()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/Printed with empty boxes where no font draws the characters: .*Mamuka Mdinaradze/)).toBeVisible();
  const file = (await page.locator('code').filter({ hasText: '.pdf' }).last().textContent()) ?? '';
  // Looked at: the Georgian bilateral's key details (page 3), the biographies, and the Tbilisi pocket card.
  execFileSync('pdftoppm', ['-png', '-r', '70', file, testInfo.outputPath('pack-page')]);
  const text = printedText(file);
  for (const printed of [
    '(PUB) Irakli Kobakhidze (ირაკლი კობახიძე), Prime Minister of Georgia',
    '3 December 2026, 10:30 CET (venue); 10:30 CET (home)',
    '4 December 2026, 18:00 GMT+4 (venue); 15:00 CET (summit); 15:00 CET (home)',
    '4 December 2026, 09:00 GMT+3 (venue); 07:00 CET (summit); 07:00 CET (home)',
    '1. Thank ირაკლი კობახიძე for Tbilisi’s hosting offer.',
    '2. Γιώργος Γεραπετρίτης joins at 11:00.',
    '(PUB) Giorgos Gerapetritis (Γιώργος Γεραπετρίτης) Minister for Foreign Affairs of Greece Ο Γιώργος Γεραπετρίτης, καθηγητής.',
    '(PUB) Jürgen Weiß Head of Division, Auswärtiges Amt (fictional) Straße der Pariser Kommune.',
    '(RES) 3 December 2026 — Vienna Document modernisation',
    '(RES) Lines for Ankara',
    'Ask Əli Əhmədov.',
  ])
    expect(text, `the pack should print “${printed}”`).toContain(printed);
  for (const foreign of [
    'Chairpersonship',
    'Night session',
    'foreign fighters',
    'March conference',
    'CONFIDENTIAL',
    'Stoltenberg',
    'UNMARKED',
    '·\t',
  ])
    expect(text, `the pack must not print “${foreign}”`).not.toContain(foreign);
  // The banner at the top and the foot of every page, as laid out.
  const pages = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((printedPage) => printedPage.trim() !== '');
  expect(pages.length).toBeGreaterThan(8);
  // The Tbilisi pocket card names its counterpart once, in the line with his title.
  const pocketCard = pages.find((printedPage) => printedPage.includes('POCKET CARD')) ?? '';
  expect(pocketCard.match(/Mamuka Mdinaradze/g)).toHaveLength(1);
  expect(pocketCard.replace(/\s+/g, ' ')).toContain('(PUB) Counterpart: Mamuka Mdinaradze');
  for (const [index, printedPage] of pages.entries()) {
    const lines = printedPage
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    expect(lines.at(0), `page ${index + 1} top`).toBe('OSCE RESTRICTED');
    expect(lines.at(-1), `page ${index + 1} foot`).toBe('OSCE RESTRICTED');
  }
});
