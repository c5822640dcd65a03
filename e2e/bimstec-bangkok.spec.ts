import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import {
  type Briefing,
  enterBriefing,
  newEntryWithAnnotation,
  newMeeting,
  newProgramme,
  newSector,
  pageEdges,
  printedText,
  startPack,
  typeScheme,
} from './briefings.helpers.ts';
import { test } from './fixtures.ts';
import { searchAsTyped } from './trial.helpers.ts';
import { expect, sidebar } from './views.helpers.ts';

// A new desk in Dhaka (Asia/Dhaka, +06) prepares a BIMSTEC summit in Bangkok (Asia/Bangkok, +07) through the
// interface, under a marking scheme of its own: bilaterals with Thailand, Myanmar, Bhutan, Nepal and Sri Lanka, names
// in Thai (written without spaces between words), Burmese, Bengali, Sinhala and Devanagari, and sector briefs on
// maritime security and counter-terrorism. No font on this machine draws any of those scripts: the app must say so
// wherever they show, as they are typed, and before and after export. Fictional people and events: test material only.

const deskScheme = [
  ['UNCLASSIFIED', 'U'],
  ['RESTRICTED', 'R'],
  ['CONFIDENTIAL', 'C'],
  ['SECRET', 'S'],
] as const;

const bangkok: Briefing = {
  homeTimeZone: 'Asia/Dhaka',
  // The desk's scheme typed below is kept.
  scheme: '',
  meetingLevel: 2,
  source: { title: 'Dhaka desk record BIMSTEC 2026', publisher: 'South and Southeast Asia wing', publishedOn: '2026-11-02' },
  summit: {
    title: 'Seventh BIMSTEC Summit, Bangkok',
    city: 'Bangkok',
    startDate: '2026-11-18',
    endDate: '2026-11-20',
    timeZone: 'Asia/Bangkok',
    description: 'การประชุมสุดยอดบิมสเทคครั้งที่เจ็ด ที่กรุงเทพมหานคร',
  },
  people: [
    {
      name: 'Thanakorn Srisuwannaphum',
      nativeName: 'ธนากรศรีสุวรรณภูมิ',
      title: 'ปลัดกระทรวงการต่างประเทศ',
      biography: 'ปลัดกระทรวงการต่างประเทศตั้งแต่ปี๒๕๖๘ เคยเป็นเอกอัครราชทูตประจำกรุงธากา',
    },
    { name: 'Kyaw Zin Htet', nativeName: 'ကျော်ဇင် ထက်', title: 'Deputy Minister, Myanmar', biography: 'နိုင်ငံခြားရေးဝန်ကြီးဌာန' },
    { name: 'Ram Prasad Adhikari', nativeName: 'राम प्रसाद अधिकारी', title: 'Foreign Secretary, Nepal', biography: 'परराष्ट्र सचिव' },
    { name: 'Dilani Wickramasinghe', nativeName: 'දිලානි වික්‍රමසිංහ', title: 'Secretary, Sri Lanka', biography: 'විදේශ කටයුතු' },
    { name: 'Farhana Rahman', nativeName: 'ফারহানা রহমান', title: 'Director General, Dhaka desk', biography: 'পররাষ্ট্র মন্ত্রণালয়' },
  ],
  meeting: {
    title: 'Bilateral with Thailand',
    date: '2026-11-19',
    time: '10:30',
    venue: 'Queen Sirikit National Convention Centre, room 3',
    counterpart: 0,
    objectives: 'Agree the Bay of Bengal patrol exchange. ตกลงเรื่องการลาดตระเวนทางทะเลร่วมกันในอ่าวเบงกอลภายในสิ้นปีนี้',
    pointsToMake: '1. Thank the host.\n2. Maritime security: joint patrol schedule by March.',
    defensivePoints: 'If raised: no change on the Rakhine line.',
    counterpartBiography: 'พบรัฐมนตรีของเราที่กรุงธากาเมื่อปี๒๕๖๘',
  },
  participants: [
    { person: 0, side: 'Their side', role: 'Permanent Secretary' },
    { person: 4, side: 'Our side', role: 'Note-taker' },
  ],
  event: { date: '2026-11-18', title: 'Opening plenary', excerpt: 'พิธีเปิดการประชุมสุดยอด' },
  note: { title: 'Corridor notes, Bangkok day 1', body: 'ধারণা: নেপালের সাথে জ্বালানি চুক্তি\n- Thai host: agenda unchanged' },
  pack: { name: 'Bangkok pack', title: 'BIMSTEC Summit, Bangkok 2026' },
};

test('a BIMSTEC summit in Bangkok prepared from Dhaka: unspaced Thai and Burmese names, scripts no font draws, +06 and +07', async ({
  sherpa,
}, testInfo) => {
  test.setTimeout(420_000);
  const { page } = sherpa;
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  const boxes = page.getByRole('status').filter({ hasText: 'Some text on this page shows as empty boxes' });

  // The desk first tries its levels in Bangla: Settings say, as the level is typed, that it shows (and would print) as
  // boxes. Before, a field's value was no text of the page's and Settings said nothing until the banner was boxes.
  await sidebar(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Scheme', { exact: true }).selectOption('custom');
  await page.getByRole('textbox', { name: 'Name of level 2' }).fill('সীমিত');
  await expect(boxes).toContainText('Bangla characters');
  await shot('settings-bangla-level');
  await page.getByRole('textbox', { name: 'Name of level 2' }).fill('RESTRICTED');
  await expect(boxes).toHaveCount(0);
  await typeScheme(page, 'Dhaka desk scheme', deskScheme);

  // BST typed for the desk's own zone: the runtime reads it as Dhaka, a London desk as its summer time. Refused.
  await page.getByLabel('Home time zone').fill('BST');
  await page.getByRole('button', { name: 'Save' }).first().click();
  await expect(page.getByText('An abbreviation names different zones in different places').first()).toBeVisible();

  await enterBriefing(page, bangkok);
  const summit = bangkok.summit.title;

  // The Thai counterpart typed again from a card, given name and surname spaced as a card writes them, and the
  // Burmese deputy minister spaced by syllable: each is warned of as the person already stored (before, neither was),
  // and the form says, while the name is typed, that the name shows as boxes.
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  await page.getByRole('link', { name: 'New person' }).click();
  const namesakes = page.getByRole('list', { name: 'People of this name' });
  await page.getByLabel('Name', { exact: true }).fill('T. Srisuwannaphum');
  const nativeName = page.getByLabel('Name in native script');
  await nativeName.fill('ธนากร ศรีสุวรรณภูมิ');
  await expect(namesakes).toContainText('Thanakorn Srisuwannaphum');
  await expect(boxes).toContainText('Thai characters');
  await shot('namesake-thai');
  await nativeName.fill('ကျော်ဇင်ထက်');
  await expect(namesakes).toContainText('Kyaw Zin Htet');
  await expect(namesakes).not.toContainText('Thanakorn');
  await expect(boxes).toContainText('Myanmar characters');
  await expect(boxes).not.toContainText('Thai');
  // Another given name is another person.
  await nativeName.fill('ธนพล ศรีสุวรรณภูมิ');
  await expect(namesakes).toHaveCount(0);
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Search finds a word inside a Thai run written without spaces (a surname, the ministry in a title), and Burmese,
  // Bangla and Devanagari names; a Burmese name and a Thai phrase typed without the space they were written with
  // are found and marked (before, neither was found).
  await searchAsTyped(
    page,
    [
      ['ศรีสุวรรณ', 'Thanakorn Srisuwannaphum'],
      ['การต่างประเทศ', 'Thanakorn Srisuwannaphum'],
      ['ลาดตระเวน', 'Bilateral with Thailand'],
      ['บิมสเทค', summit],
      ['ထက်', 'Kyaw Zin Htet'],
      ['ကျော်ဇင်ထက်', 'Kyaw Zin Htet'],
      ['ครั้งที่เจ็ดที่กรุงเทพ', summit],
      ['রহমান', 'Farhana Rahman'],
      ['अधिकारी', 'Ram Prasad Adhikari'],
    ],
    { retyped: true },
  );
  await page.keyboard.press('Escape');

  // Meetings at the venue (+07), a call with Thimphu (+06), a bilateral in Kathmandu (+05:45): each at the summit and at home.
  await newMeeting(page, summit, { title: 'Bilateral with Myanmar', date: '2026-11-19', time: '14:00', durationMinutes: 45 }, 'SECRET');
  await newMeeting(page, summit, { title: 'Call with Thimphu', date: '2026-11-18', time: '20:00', zone: 'Asia/Thimphu' }, 'RESTRICTED');
  await expect(page.getByText('At the summit (Asia/Bangkok): Wed, 18 Nov 2026, 21:00 GMT+7')).toBeVisible();
  await expect(page.getByText('Home time (Asia/Dhaka): Wed, 18 Nov 2026, 20:00 GMT+6')).toBeVisible();
  await page.getByRole('button', { name: 'Delete meeting' }).click();
  await page
    .getByRole('alertdialog')
    .getByRole('button', { name: /^Delete/ })
    .last()
    .click();
  await expect(page.getByRole('status').getByText(/Deleted: .*Call with Thimphu/)).toBeVisible();
  await newMeeting(
    page,
    summit,
    { title: 'Bilateral with Nepal', date: '2026-11-20', time: '09:00', zone: 'Asia/Kathmandu' },
    'CONFIDENTIAL',
  );
  await expect(page.getByText('At the summit (Asia/Bangkok): Fri, 20 Nov 2026, 10:15 GMT+7')).toBeVisible();
  await expect(page.getByText('Home time (Asia/Dhaka): Fri, 20 Nov 2026, 09:15 GMT+6')).toBeVisible();

  // Sector briefs of the desk's own programme: maritime security and counter-terrorism, each with an annotated entry.
  const programme = await newProgramme(page, { code: 'BIMSTEC', name: 'BIMSTEC areas of cooperation' }, 'RESTRICTED');
  await newSector(page, programme, 'Maritime security', 'RESTRICTED');
  await newEntryWithAnnotation(
    page,
    {
      date: '2026-11-19',
      title: 'Bay of Bengal patrol exchange agreed ad ref',
      source: bangkok.source.title,
      annotation: 'Navy to confirm.',
    },
    'CONFIDENTIAL',
  );
  await newSector(page, programme, 'Counter-terrorism', 'RESTRICTED');
  await newEntryWithAnnotation(
    page,
    { date: '2026-11-20', title: 'Joint working group on terrorist financing', source: bangkok.source.title, annotation: 'FIU lead.' },
    'SECRET',
  );

  await startPack(page, bangkok.pack, summit, [
    `Add: Full brief — ${bangkok.meeting.title}`,
    'Add: Pocket card — Bilateral with Myanmar',
    'Add: Maritime security',
    'Add: Counter-terrorism',
    'Add: Timeline',
    'Add: Biographies (everyone in the pack’s meetings)',
    'Add: Sources',
    'Add: Notes',
  ]);
  await page.getByLabel('Stamp a copy for (optional)').fill('ফারহানা রহমান');
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved “${bangkok.pack.name}”.` })).toBeVisible();
  const unprintable = page.getByRole('list', { name: 'Some text will print as empty boxes' });
  await expect(unprintable).toContainText('Copy stamped for “ফারহানা রহমান”: Bangla');
  await expect(unprintable).toContainText('Person “Thanakorn Srisuwannaphum”: Thai');
  await expect(unprintable).toContainText('Note “Corridor notes, Bangkok day 1”: Bangla');
  const willPrint = page.getByRole('list', { name: 'Will print', exact: true });
  for (const foreign of ['Stoltenberg', 'Vilnius', 'Call with Thimphu']) await expect(willPrint).not.toContainText(foreign);
  await shot('pack-builder');
  await page.getByRole('button', { name: 'Export to PDF' }).click();
  const exported = page.getByRole('status').filter({ hasText: /Exported \d+ pages/ });
  await expect(exported).toContainText('banner SECRET', { timeout: 60_000 });
  await expect(exported).toContainText('Printed with empty boxes where no font draws the characters');
  const file = (await page.locator('code').filter({ hasText: '.pdf' }).textContent()) ?? '';
  fs.copyFileSync(file, testInfo.outputPath('pack.pdf'));
  // Looked at: every page (the banner at the top and foot, the Thai, Bangla and Burmese as boxes, wrapped within the margins).
  execFileSync('pdftoppm', ['-png', '-r', '60', file, testInfo.outputPath('pack-page')]);
  const text = printedText(file);
  for (const printed of [
    '19 November 2026, 10:30 GMT+7 (venue); 09:30 GMT+6 (home)',
    '19 November 2026, 14:00 GMT+7 – 14:45 GMT+7 (venue); 13:00 GMT+6 – 13:45 GMT+6 (home)',
    'POCKET CARD (S) Bilateral with Myanmar',
    'Maritime security',
    'Bay of Bengal patrol exchange agreed ad ref',
    'Joint working group on terrorist financing',
    'Thanakorn Srisuwannaphum',
  ])
    expect(text, `the pack should print “${printed}”`).toContain(printed);
  for (const foreign of ['Stoltenberg', 'Vilnius', 'ITPP', 'Thimphu', 'Nepal'])
    expect(text, `the pack must not print “${foreign}”`).not.toContain(foreign);
  for (const [index, { top, foot }] of pageEdges(file).entries()) {
    expect(top, `page ${index + 1} top`).toBe('SECRET');
    expect(foot, `page ${index + 1} foot`).toBe('SECRET');
  }
});
