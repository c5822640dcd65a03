import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { type Briefing, enterBriefing, exportBriefingPack, newMeeting, printedText } from './briefings.helpers.ts';
import { test } from './fixtures.ts';
import { chooseRecord, expect, sidebar } from './views.helpers.ts';

// A new desk of a US-aligned partner prepares an ASEAN Summit in Vientiane (Asia/Vientiane, +07:00) through the
// interface, from Sydney, under its own scheme with US control markings: CONFIDENTIAL//REL TO USA, AUS beside plain
// CONFIDENTIAL, SECRET//REL TO USA, AUS beside plain SECRET, and SECRET//NOFORN. A bilateral in Luang Prabang, a
// side meeting in Yangon (+06:30), two calls with a delegation in Adelaide either side of South Australia's move
// to summer time on Sunday 4 October 2026 (+09:30, then +10:30), a dinner past midnight, a day-only pull-aside and
// a cancelled breakfast; a G20 sherpa meeting kept in the same store. Fictional people and events: test material only.

const controlledScheme = [
  ['UNCLASSIFIED', 'U'],
  ['CONFIDENTIAL//REL TO USA, AUS', 'C//REL'],
  ['CONFIDENTIAL', 'C'],
  ['SECRET//REL TO USA, AUS', 'S//REL'],
  ['SECRET', 'S'],
  ['SECRET//NOFORN', 'S//NF'],
] as const;

const vientiane: Briefing = {
  homeTimeZone: 'Australia/Sydney',
  // The custom scheme typed below is kept.
  scheme: '',
  meetingLevel: 3,
  source: { title: 'Vientiane desk record 2026', publisher: 'ASEAN desk', publishedOn: '2026-09-20' },
  summit: {
    title: '48th ASEAN Summit, Vientiane',
    city: 'Vientiane',
    startDate: '2026-10-01',
    endDate: '2026-10-06',
    timeZone: 'Asia/Vientiane',
    description: 'ກອງປະຊຸມສຸດຍອດອາຊຽນ ທີ່ນະຄອນຫຼວງວຽງຈັນ.',
  },
  people: [
    { name: 'Somsack Inthavong', nativeName: 'ສົມສັກ ອິນທະວົງ', title: 'Deputy Foreign Minister, Lao PDR', biography: 'ຮອງລັດຖະມົນຕີ.' },
    { name: 'Nguyen Thi Anh', nativeName: 'Nguyễn Thị Ánh', title: 'Vice Minister, Viet Nam', biography: 'Thứ trưởng Bộ Ngoại giao.' },
    { name: 'Aung Kyaw Moe', nativeName: 'အောင်ကျော်မိုး', title: 'Permanent Secretary, Myanmar', biography: 'မြန်မာ' },
  ],
  meeting: {
    title: 'Bilateral with Vice Minister Ánh in Luang Prabang',
    date: '2026-10-03',
    time: '10:00',
    venue: 'Luang Prabang, Royal Palace annex',
    counterpart: 1,
    objectives: 'Agree the Mekong data-sharing annex.',
    pointsToMake: '1. Thank the host.\n2. Mekong data annex by December.',
    defensivePoints: 'If raised: no change on the maritime line.',
    counterpartBiography: 'Met our Minister in Hà Nội in 2025.',
  },
  participants: [
    { person: 1, side: 'Their side', role: 'Vice Minister' },
    { person: 0, side: 'Their side', role: 'Host' },
  ],
  event: { date: '2026-10-01', title: 'Opening plenary', excerpt: 'ພິທີເປີດ' },
  note: {
    title: 'Corridor notes, day 1',
    body: '- Lao host: agenda unchanged\n- Yangon meeting moved to 14:00\n- Adelaide call confirmed',
  },
  pack: { name: 'Vientiane pack', title: 'ASEAN Summit, Vientiane 2026' },
};

/** Settings › Custom, started from the US scheme, with the desk's levels typed over its rows and added below. */
async function typeControlledScheme(page: Page): Promise<void> {
  await sidebar(page).getByRole('link', { name: 'Settings' }).click();
  const scheme = page.getByLabel('Scheme', { exact: true });
  await scheme.selectOption({ label: 'US' });
  await scheme.selectOption('custom');
  await page.getByRole('textbox', { name: 'Scheme name' }).fill('US with control markings');
  const rows = page.getByRole('textbox', { name: /^Name of level \d+$/ });
  while ((await rows.count()) < controlledScheme.length) await page.getByRole('button', { name: 'Add a level' }).click();
  for (const [index, [level, portion]] of controlledScheme.entries()) {
    await page.getByRole('textbox', { name: `Name of level ${index + 1}` }).fill(level);
    await page.getByRole('textbox', { name: `Portion mark of level ${index + 1}` }).fill(portion);
  }
  // CONFIDENTIAL under SECRET//REL TO USA, AUS is no problem: SECRET above keeps both (before, it was refused).
  const form = page.locator('form.markings-form');
  await expect(form.getByText(/would carry the banner of level/)).toHaveCount(0);
  await form.getByRole('button', { name: 'Apply markings' }).click();
  // The sample's NATO levels are dropped: Apply asks once more.
  await form.getByRole('button', { name: /^Apply, leaving \d+ records? to be marked again$/ }).click();
  await expect(page.getByRole('status').getByText('Markings saved.')).toBeVisible();
}

/** The PDF's pages, each as pdftotext lays it out (banners first and last). */
const printedPages = (file: string) =>
  execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((page) => page.trim() !== '');

test('an ASEAN summit in Vientiane under a scheme with REL TO and NOFORN: each venue’s time, banners that keep every control', async ({
  sherpa,
}, testInfo) => {
  test.setTimeout(240_000);
  const { page } = sherpa;
  await typeControlledScheme(page);
  await enterBriefing(page, vientiane);
  const summit = vientiane.summit.title;

  // Times in each venue's zone and at home in Sydney, which also moves to summer time on 4 October.
  await newMeeting(
    page,
    summit,
    { title: 'Side meeting in Yangon', date: '2026-10-04', time: '14:00', zone: 'Asia/Yangon', durationMinutes: 60 },
    'SECRET//NOFORN',
  );
  await newMeeting(
    page,
    summit,
    { title: 'Adelaide call, Saturday', date: '2026-10-03', time: '18:00', zone: 'Australia/Adelaide', durationMinutes: 30 },
    'CONFIDENTIAL',
  );
  await newMeeting(
    page,
    summit,
    { title: 'Adelaide call, Monday', date: '2026-10-05', time: '18:00', zone: 'Australia/Adelaide', durationMinutes: 30 },
    'CONFIDENTIAL',
  );
  await newMeeting(page, summit, { title: 'Gala dinner', date: '2026-10-05', time: '22:30', durationMinutes: 150 }, 'UNCLASSIFIED');

  // 24:00 typed into the time: refused at the field, not saved as a meeting whose time of day is unknown.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: summit }).first().click();
  await page.getByRole('link', { name: 'New meeting' }).click();
  await page.getByLabel('Title').fill('Pull-aside with the Thai minister');
  await page.getByLabel('Date (venue)').fill('2026-10-02');
  await page.getByLabel('Classification').selectOption('SECRET');
  const time = page.getByLabel('Time (venue)');
  await time.focus();
  await page.keyboard.type('2400');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(time).toHaveAttribute('aria-invalid', 'true');
  await expect(
    page.getByText('Not a time of day. Type hours and minutes on the 24-hour clock, from 00:00 to 23:59: 09:30, 0930 or 21:30.'),
  ).toBeVisible();
  await expect(page.getByRole('alert').first()).toContainText('Nothing was saved');
  // Cleared, the time of day is unknown: a day-only meeting.
  await time.fill('');
  await expect(page.getByLabel('Time of day is known')).not.toBeChecked();
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText('Fri, 2 Oct 2026 · Time of day not known')).toBeVisible();

  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: summit }).first().click();
  await page.getByRole('link', { name: 'New meeting' }).click();
  await page.getByLabel('Title').fill('Khmer delegation breakfast');
  await page.getByLabel('Date (venue)').fill('2026-10-04');
  await page.getByLabel('Time (venue)').fill('07:30');
  await page.getByLabel('Status').selectOption({ label: 'Cancelled' });
  await page.getByLabel('Classification').selectOption('UNCLASSIFIED');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Khmer delegation breakfast' })).toBeVisible();

  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: summit }).first().click();
  const row = (title: string) => page.locator('.meeting-row').filter({ hasText: title });
  await expect(row('Side meeting in Yangon')).toContainText('Sun, 4 Oct 2026, 14:00 GMT+6:30 – 15:00 GMT+6:30 (Asia/Yangon)');
  await expect(row('Side meeting in Yangon')).toContainText('Sun, 4 Oct 2026, 18:30 AEDT (GMT+11) – 19:30 AEDT (GMT+11)');
  await expect(row('Adelaide call, Saturday')).toContainText('Sat, 3 Oct 2026, 18:00 GMT+9:30 – 18:30 GMT+9:30 (Australia/Adelaide)');
  await expect(row('Adelaide call, Saturday')).toContainText('Sat, 3 Oct 2026, 18:30 AEST (GMT+10)');
  await expect(row('Adelaide call, Monday')).toContainText('Mon, 5 Oct 2026, 18:00 GMT+10:30 – 18:30 GMT+10:30 (Australia/Adelaide)');
  await expect(row('Adelaide call, Monday')).toContainText('Mon, 5 Oct 2026, 18:30 AEDT (GMT+11)');
  await expect(row('Khmer delegation breakfast')).toContainText('Cancelled');
  await expect(row('Pull-aside with the Thai minister')).toContainText('(S)');
  await expect(row('Side meeting in Yangon')).toContainText('(S//NF)');
  // The programme draws the rows near the viewport only: the last day's dinner once scrolled to.
  await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
  await expect(row('Gala dinner')).toContainText('Mon, 5 Oct 2026, 22:30 GMT+7 – Tue, 6 Oct 2026, 01:00 GMT+7 (Asia/Vientiane)');
  await expect(row('Gala dinner')).toContainText(
    'Home time (Australia/Sydney): Tue, 6 Oct 2026, 02:30 AEDT (GMT+11) – 05:00 AEDT (GMT+11)',
  );

  // A follow-up of the S//REL bilateral, marked CONFIDENTIAL (not released): the brief's window is bannered SECRET.
  await page.getByRole('link', { name: vientiane.meeting.title }).first().click();
  await page.getByRole('link', { name: 'Add follow-up' }).click();
  await page.getByLabel('Description').fill('Send the Mekong annex draft to Hà Nội');
  await page.getByLabel('Due on').fill('2026-10-20');
  await page.getByLabel('Classification').selectOption('CONFIDENTIAL');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: vientiane.meeting.title })).toBeVisible();
  await expect(page.getByText('Send the Mekong annex draft to Hà Nội')).toBeVisible();
  await expect(page.getByTestId('screen-banner-top')).toHaveText('SECRET');
  await page.screenshot({ path: testInfo.outputPath('brief-banner.png'), fullPage: true });

  // A G20 sherpa meeting in the same store, with a note of its own.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'New summit' }).first().click();
  await page.getByLabel('Title').fill('G20 Sherpa Meeting, Miami');
  await page.getByLabel('City').fill('Miami');
  await page.getByLabel('Start date').fill('2026-10-12');
  await page.getByLabel(/Time zone/).fill('America/New_York');
  await page.getByLabel('Classification').selectOption('SECRET');
  await page.getByRole('button', { name: 'Create' }).click();
  await newMeeting(
    page,
    'G20 Sherpa Meeting, Miami',
    { title: 'G20 sherpa bilateral with Brazil', date: '2026-10-12', time: '09:00' },
    'SECRET',
  );
  await sidebar(page).getByRole('link', { name: 'Notes' }).click();
  await page.getByRole('button', { name: 'New note' }).click();
  const editor = page.getByRole('group', { name: 'Note editor' });
  await editor.getByLabel('Title').fill('G20 debt talking notes');
  await editor.getByRole('textbox', { name: 'Note text' }).fill('Miami only: debt relief line');
  await editor.getByLabel('Classification').selectOption('SECRET');
  await chooseRecord(editor.getByLabel('Linked to'), 'Summit: G20 Sherpa Meeting, Miami');
  await expect(editor.getByText('Link saved.')).toBeVisible();

  const file = await exportBriefingPack(page, vientiane);
  await expect(page.getByRole('status').filter({ hasText: /Exported \d+ pages/ })).toContainText('banner SECRET,');
  execFileSync('pdftoppm', ['-png', '-r', '50', file, testInfo.outputPath('pack-page')]);
  const text = printedText(file);
  const pages = printedPages(file);

  // Every page is bannered SECRET, top and bottom: neither S//REL (C is not released) nor CONFIDENTIAL.
  for (const [index, printed] of pages.entries()) {
    const lines = printed
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    expect([lines[0], lines.at(-1)], `page ${index + 1}'s banners`).toEqual(['SECRET', 'SECRET']);
  }
  // The brief holds S//REL sections and a CONFIDENTIAL follow-up: its heading is (S), its sections keep (S//REL).
  expect(text).toContain('(S) Bilateral with Vice Minister Ánh in Luang Prabang (S//REL) Key details');
  expect(text).toMatch(/\(C\) Follow-up actions .*\(C\) Send the Mekong annex draft to Hà Nội/);
  expect(text).toContain('3 October 2026, 10:00 GMT+7 (venue); 13:00 AEST (GMT+10) (home)');
  expect(text).toContain('ສົມສັກ ອິນທະວົງ');
  expect(text).toContain('Nguyễn Thị Ánh');
  // The note's lines print as a list.
  expect(text).toContain('Lao host: agenda unchanged Yangon meeting moved to 14:00 Adelaide call confirmed');
  for (const foreign of ['Miami', 'G20', 'Brazil', 'Stoltenberg', 'Vilnius'])
    expect(text, `must not print “${foreign}”`).not.toContain(foreign);

  // The contents page gives each part's page: the page that prints its heading.
  const contents = pages.find((printed) => printed.includes('Contents')) ?? '';
  for (const [heading, part] of [
    [vientiane.meeting.title, `(S) ${vientiane.meeting.title}`],
    ['Biographies', '(S//REL) Biographies'],
    ['Notes', '(U) Notes'],
  ] as const) {
    const listed = new RegExp(`${heading.replace(/[()]/g, '\\$&')}\\s+(\\d+)`).exec(contents.replace(/\s+/g, ' '));
    const number = Number(listed?.[1]);
    expect(pages[number - 1] ?? '', `“${heading}” is on page ${number}`).toContain(part);
  }
});
