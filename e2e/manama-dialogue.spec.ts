import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import {
  type Briefing,
  enterBriefing,
  exportBriefingPack,
  newEntryWithAnnotation,
  newMeeting,
  newProgramme,
  newSector,
  printedText,
} from './briefings.helpers.ts';
import { test } from './fixtures.ts';
import { expect, paste, sidebar } from './views.helpers.ts';

// A London desk's own briefing, entered through the interface: a regional security dialogue in Manama (Asia/Bahrain,
// +03 all year) with side calls to Jerusalem (Asia/Jerusalem, whose clocks change on other days than London's) and
// Tehran (Asia/Tehran, +03:30). Counterparts named in Arabic (with and without tashkeel), Hebrew and Persian (ی, ک,
// and the zero-width non-joiner Persian words need), titles mixing right-to-left and left-to-right text with Persian
// ۱۲۳ and Arabic-Indic ١٢٣ digits. A March dialogue in the same store must not reach the pack.
// Fictional meetings: test material only.

const manama: Briefing = {
  homeTimeZone: 'Europe/London',
  scheme: 'UK',
  meetingLevel: 1,
  source: { title: 'Manama dialogue programme note', publisher: 'Gulf desk', publishedOn: '2026-11-20' },
  summit: {
    title: 'Regional Security Dialogue, Manama 2026',
    city: 'Manama (المنامة)',
    startDate: '2026-12-04',
    endDate: '2026-12-06',
    timeZone: 'Asia/Bahrain',
    description: 'الحوار الأمني الإقليمي ۲۰۲۶ — bilaterals in Manama; calls to Jerusalem and Tehran.',
  },
  people: [
    {
      name: 'Abdullatif Al Zayani',
      nativeName: 'عبد اللطيف الزياني',
      title: 'Minister of Foreign Affairs of Bahrain',
      biography: 'وزير الخارجية since 2020; Secretary-General of the GCC 2011–2020.',
    },
    {
      name: 'Muhammad Ali Rahmani',
      nativeName: 'مُحَمَّد عَلِي رَحْمَانِي',
      title: 'Adviser to the Minister (fictional)',
      biography: 'Born in المحرق, ١٩٧٢.',
    },
    {
      name: 'Gideon Saar',
      nativeName: 'גדעון סער',
      title: 'Minister of Foreign Affairs of Israel',
      biography: 'נולד בתל אביב, 1966.',
    },
    {
      name: 'Ali Akbar Velayati',
      nativeName: 'علی‌اکبر ولایتی',
      title: 'Adviser (fictional meeting)',
      biography: 'می‌گوید: نشست ۱۴۰۵ در منامه.',
    },
  ],
  meeting: {
    title: 'Meeting with وزير الخارجية on 5 December',
    date: '2026-12-05',
    time: '10:30',
    venue: 'Ritz-Carlton, قاعة البحرين',
    counterpart: 0,
    objectives: 'Agree the maritime security language: ١٢٣ nautical miles.',
    pointsToMake: '1. Thank عبد اللطيف الزياني for hosting.\n2. نرحب بالتعاون في مجال الأمن البحري.',
    defensivePoints: 'If raised: no change on the ۱۲ points.',
    counterpartBiography: 'Met our principal in المنامة, 2025.',
  },
  participants: [
    { person: 0, side: 'Their side', role: 'Counterpart' },
    { person: 1, side: 'Their side', role: 'مستشار' },
    { person: 2, side: 'Their side', role: 'Guest (by video)' },
  ],
  event: { date: '2026-12-04', title: 'Opening plenary — الجلسة الافتتاحية', excerpt: 'Ministers arrive in Manama' },
  note: { title: 'ملاحظات المنامة', body: 'السيارة من الفندق: ١٥ دقيقة.\nThen to the plenary at 09:00.' },
  pack: { name: 'Manama pack', title: 'Manama dialogue: the Bahraini bilateral' },
};

test('the Manama security dialogue, prepared from London, with Arabic, Hebrew and Persian names', async ({ sherpa }, testInfo) => {
  test.setTimeout(300_000);
  const { page } = sherpa;
  await enterBriefing(page, manama);

  // Found as each keyboard types it: without tashkeel, with Persian ی for Arabic ي, Persian digits for Arabic-Indic.
  await page.keyboard.press('Control+k');
  const search = page.getByRole('searchbox', { name: 'Search' });
  const results = page.locator('.search-results li');
  for (const [typed, title] of [
    ['محمد', 'Muhammad Ali Rahmani'],
    ['علی', 'Muhammad Ali Rahmani'],
    ['رحمانی', 'Muhammad Ali Rahmani'],
    ['الزياني', 'Abdullatif Al Zayani'],
    ['الزیانی', 'Abdullatif Al Zayani'],
    ['علی‌اکبر', 'Ali Akbar Velayati'],
    ['علیاکبر', 'Ali Akbar Velayati'],
    ['ولايتي', 'Ali Akbar Velayati'],
    ['סער', 'Gideon Saar'],
  ] as const) {
    await search.fill(typed);
    const hit = results.filter({ hasText: title }).first();
    await expect(hit.locator('mark').first(), `“${typed}” should find ${title}`).toBeVisible();
  }
  await page.screenshot({ path: testInfo.outputPath('search.png') });
  await page.keyboard.press('Escape');

  // The call with Jerusalem (+02 in December) and with Tehran (+03:30 all year): each at its venue, the summit and home.
  await newMeeting(
    page,
    manama.summit.title,
    { title: 'Call with Jerusalem', date: '2026-12-05', time: '16:00', zone: 'Asia/Jerusalem' },
    'OFFICIAL',
  );
  await expect(page.getByText('At the summit (Asia/Bahrain): Sat, 5 Dec 2026, 17:00 GMT+3')).toBeVisible();
  await expect(page.getByText('Home time (Europe/London): Sat, 5 Dec 2026, 14:00 GMT')).toBeVisible();
  await newMeeting(
    page,
    manama.summit.title,
    { title: 'Call with Tehran ۱۴۰۵', date: '2026-12-05', time: '18:00', zone: 'Asia/Tehran' },
    'OFFICIAL',
  );
  await expect(page.getByText('At the summit (Asia/Bahrain): Sat, 5 Dec 2026, 17:30 GMT+3')).toBeVisible();
  await expect(page.getByText('Home time (Europe/London): Sat, 5 Dec 2026, 14:30 GMT')).toBeVisible();

  // Its date, time and duration typed on a Persian keyboard, and by an Arabic input method: the date and number
  // controls take 0-9 only and dropped the digits without a sign, and the meeting kept its old day with no duration.
  // Now each says what was not typed and what to type; nothing is saved until it is typed in 0-9. The time is a text
  // field (round 35) and reads ١٩٠٠ as 19:00.
  await page.getByRole('link', { name: 'Edit meeting details' }).click();
  const date = page.getByLabel('Date (venue)');
  const time = page.getByLabel('Time (venue)');
  const duration = page.getByLabel('Duration in minutes');
  const cdp = await page.context().newCDPSession(page);
  const typeOnPersianKeyboard = async (digits: string) => {
    for (const digit of digits) {
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: digit, text: digit, unmodifiedText: digit });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: digit });
    }
  };
  await date.click();
  await typeOnPersianKeyboard('۱۲۰۶۲۰۲۶');
  // A text field (round 35): what it holds is selected first, as the time control's typing replaced it.
  await time.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('١٩٠٠');
  await duration.click();
  await typeOnPersianKeyboard('۴۵');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(time).toHaveValue('19:00');
  await expect(time).toHaveAttribute('aria-invalid', 'false');
  for (const [field, typed, digits] of [
    [date, '۱۲۰۶۲۰۲۶', '12062026'],
    [duration, '۴۵', '45'],
  ] as const)
    await expect(field).toHaveAccessibleDescription(
      new RegExp(
        `^This field takes the digits 0 to 9 only: ${typed} was not typed, and the field still holds what it held\\. Type ${digits} instead\\.`,
      ),
    );
  await page.screenshot({ path: testInfo.outputPath('persian-digits-refused.png') });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Sat, 5 Dec 2026, 18:00 GMT+3:30')).toBeVisible();
  // Typed again in 0-9: taken.
  await page.getByRole('link', { name: 'Edit meeting details' }).click();
  await duration.click();
  await typeOnPersianKeyboard('۴');
  await expect(duration).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Backspace');
  await duration.pressSequentially('45');
  await expect(duration).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('45 min')).toBeVisible();

  // The adviser typed again from a card without tashkeel, with Arabic ى and ك for ي and ک, or in Persian letters:
  // each warned of as the same name. A direction override pasted inside a name is refused at the field, named.
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  await page.getByRole('link', { name: 'New person' }).click();
  const name = page.getByLabel('Name', { exact: true });
  const nativeName = page.getByLabel('Name in native script');
  const namesakes = page.getByRole('list', { name: 'People of this name' });
  await name.fill('M. A. Rahmani');
  for (const [typed, stored] of [
    ['محمد علي رحماني', 'Muhammad Ali Rahmani'],
    ['محمد على رحمانى', 'Muhammad Ali Rahmani'],
    ['محمد علی رحمانی', 'Muhammad Ali Rahmani'],
    ['علي اكبر ولايتي', 'Ali Akbar Velayati'],
  ] as const) {
    await nativeName.fill(typed);
    await expect(namesakes, `“${typed}” reads as ${stored}`).toContainText(stored);
  }
  await page.getByLabel('Classification').selectOption('OFFICIAL');
  await nativeName.fill('');
  await name.fill('Rahmani\u202e inamhaR');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/Holds an invisible character that reorders or hides text/);
  await expect(page.getByText('Nothing was saved. Check: Name.')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // A March dialogue in the same store, with a call to Jerusalem on the Friday Israel's clocks go forward and
  // London's do not: +03 there, still GMT at home.
  const march = 'Gulf maritime talks, Manama 2027';
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'New summit' }).first().click();
  await page.getByLabel('Title').fill(march);
  await page.getByLabel('Start date').fill('2027-03-26');
  await page.getByLabel('End date').fill('2027-03-27');
  await page.getByLabel(/Time zone/).fill('Asia/Bahrain');
  await page.getByLabel('Classification').selectOption('SECRET');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: march })).toBeVisible();
  await newMeeting(page, march, { title: 'March call with ירושלים', date: '2027-03-26', time: '12:00', zone: 'Asia/Jerusalem' }, 'SECRET');
  await expect(page.getByText('Home time (Europe/London): Fri, 26 Mar 2027, 09:00 GMT')).toBeVisible();

  const programme = await newProgramme(page, { code: 'RSD', name: 'Regional security' }, 'OFFICIAL');
  for (const [sector, date, title, marking, annotation] of [
    ['Maritime security', '2026-12-05', 'Patrols in the Strait of Hormuz — مضيق هرمز', 'OFFICIAL-SENSITIVE', 'يثير الوزير موضوع ١٢ سفينة.'],
    ['Counter-terrorism', '2027-03-26', 'March item on financing', 'SECRET', 'March talks only.'],
  ] as const) {
    await newSector(page, programme, sector, 'OFFICIAL');
    await newEntryWithAnnotation(page, { date, title, source: manama.source.title, annotation }, marking);
  }

  // A note written in Arabic with a line of English, pasted as a desk would.
  await sidebar(page).getByRole('link', { name: 'Notes' }).click();
  await page.getByRole('button', { name: 'New note' }).click();
  const editor = page.getByRole('group', { name: 'Note editor' });
  await editor.getByLabel('Title').fill('نقاط للوزير on 5 December');
  await editor.getByRole('textbox', { name: 'Note text' }).focus();
  await paste(page, 'الاجتماع مع وزير الخارجية في ١٠:٣٠.\nAsk about the ۱۲ points.\n');
  await editor.getByLabel('Classification').selectOption('OFFICIAL-SENSITIVE');
  await expect(editor.getByText('Saved', { exact: true }).first()).toBeVisible();

  const file = await exportBriefingPack(page, manama);
  await page.getByRole('button', { name: 'Add: Maritime security' }).click();
  await page.getByRole('button', { name: 'Add: Full brief — Call with Tehran ۱۴۰۵' }).click();
  // The timeline's first day typed on a Persian keyboard: the control dropped it and the timeline printed every date.
  const from = page.getByLabel('Timeline from');
  await from.click();
  await typeOnPersianKeyboard('۱۲۰۴');
  await expect(from).toHaveAccessibleDescription(/^This field takes the digits 0 to 9 only: ۱۲۰۴ was not typed/);
  await page.keyboard.press('Backspace');
  await expect(from).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Save pack' }).click();
  const willPrint = page.getByRole('list', { name: 'Will print', exact: true });
  await expect(willPrint).toContainText('يثير الوزير موضوع ١٢ سفينة.');
  await expect(willPrint).not.toContainText('March');
  await page.getByRole('button', { name: 'Export to PDF' }).click();
  await expect(page.getByText(/Exported \d+ pages, banner OFFICIAL-SENSITIVE/).last()).toBeVisible({ timeout: 60_000 });
  const second = (await page.locator('code').filter({ hasText: '.pdf' }).last().textContent()) ?? '';
  expect(second).not.toBe('');
  // Looked at: the bilateral's key details and points (page 3), the biographies, the note and the staff note in Arabic.
  fs.copyFileSync(second, testInfo.outputPath('pack.pdf'));
  execFileSync('pdftoppm', ['-png', '-r', '110', second, testInfo.outputPath('pack-page')]);
  const text = printedText(second);
  for (const printed of [
    '5 December 2026, 10:30 GMT+3 (venue); 07:30 GMT (home)',
    '5 December 2026, 18:00 GMT+3:30 – 18:45 GMT+3:30 (venue); 17:30 GMT+3 – 18:15 GMT+3 (summit); 14:30 GMT – 15:15 GMT (home)',
    'Agree the maritime security language: ١٢٣ nautical miles.',
    'If raised: no change on the ۱۲ points.',
    '(O) Call with Tehran ۱۴۰۵',
    'Gideon Saar',
  ])
    expect(text, `the pack should print “${printed}”`).toContain(printed);
  for (const foreign of ['March', 'financing', 'ירושלים', 'SECRET ', 'Stoltenberg', 'UNMARKED', 'Velayati'])
    expect(text, `the pack must not print “${foreign}”`).not.toContain(foreign);
  // The banner at the top and the foot of every page, as laid out.
  const pages = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', second, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((printedPage) => printedPage.trim() !== '');
  expect(pages.length).toBeGreaterThan(8);
  // The note's English line under its Arabic one reads left to right, its full stop at its end (it printed as
  // ".Then to the plenary at 09:00", the whole note laid out right to left).
  const notesPage = pages.find((printedPage) => printedPage.includes('plenary at')) ?? '';
  expect(notesPage).toMatch(/^\s*Then to the plenary at 09:00\.\s*$/m);
  for (const [index, printedPage] of pages.entries()) {
    const lines = printedPage
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    expect(lines.at(0), `page ${index + 1} top`).toBe('OFFICIAL-SENSITIVE');
    expect(lines.at(-1), `page ${index + 1} foot`).toBe('OFFICIAL-SENSITIVE');
  }
  expect(file).not.toBe(second);
});
