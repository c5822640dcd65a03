import type { Page } from '@playwright/test';
import { type Briefing, enterBriefing, exportBriefingPack, newMeeting, pageEdges, printedText, typeScheme } from './briefings.helpers.ts';
import { test } from './fixtures.ts';
import { exportHandedOverCopy, searchAsTyped } from './trial.helpers.ts';
import { expect, sidebar } from './views.helpers.ts';

// Australia's desk in Canberra (Australia/Sydney's clock, typed as the Australia/Canberra link) prepares the
// EU–Western Balkans summit in Tirana, 26–29 March 2027, which crosses Europe's spring-forward (28 March, 02:00 →
// 03:00): a bilateral from 01:30 across the change, a time that never comes refused, a side meeting in Podgorica
// overnight, an arrival dinner that is already the next morning in Canberra, and a desk pre-brief at 02:30 on
// 4 April, the night Canberra's own clocks go back. PSPF levels typed in Settings; Albanian, Macedonian and
// Montenegrin names in Latin and Cyrillic; a Vietnamese-Australian officer. Fictional meetings: test material only.

const tirana: Briefing = {
  homeTimeZone: 'Australia/Canberra',
  scheme: '',
  meetingLevel: 3,
  source: { title: 'DFAT Europe Division programme note', publisher: 'DFAT', publishedOn: '2027-03-01' },
  summit: {
    title: 'EU–Western Balkans Summit, Tirana 2027',
    city: 'Tiranë',
    startDate: '2027-03-26',
    endDate: '2027-03-29',
    timeZone: 'Europe/Tirane',
    description: 'Hosted by Albania; Europe moves to summer time on the Sunday.',
  },
  people: [
    { name: 'Edi Rama', nativeName: '', title: 'Prime Minister of Albania', biography: 'Host of the summit.' },
    { name: 'Blerta Çeliku', nativeName: '', title: 'Albanian sherpa', biography: 'Runs the Tiranë programme.' },
    {
      name: 'Hristijan Mickoski',
      nativeName: 'Христијан Мицкоски',
      title: 'Prime Minister of North Macedonia',
      biography: 'Skopje bilateral.',
    },
    { name: 'Milojko Spajić', nativeName: 'Милојко Спајић', title: 'Prime Minister of Montenegro', biography: 'Podgorica side meeting.' },
    { name: 'Nguyễn Thị Hồng Nhung', nativeName: '', title: 'Second Secretary, Australian Embassy Rome', biography: 'Notetaker.' },
  ],
  meeting: {
    title: 'Bilateral with Albania (Rama)',
    date: '2027-03-28',
    time: '01:30',
    venue: 'Kryeministria, Tiranë',
    counterpart: 0,
    objectives: 'Agree the Tiranë–Canberra working holiday arrangement.',
    pointsToMake: '1. Thank Albania for hosting.\n2. Blerta Çeliku leads on the programme.',
    defensivePoints: 'If raised: no change on visas.',
    counterpartBiography: 'Met our principal in 2025.',
  },
  participants: [
    { person: 1, side: 'Their side', role: 'Sherpa' },
    { person: 4, side: 'Our side', role: 'Notetaker' },
  ],
  event: { date: '2027-03-28', title: 'Europe moves to summer time', excerpt: 'Clocks go forward at 02:00' },
  note: { title: 'Logistics in Tiranë', body: 'Motorcade from Rinas: 25 min. Çeliku meets us.' },
  pack: { name: 'Tirana pack', title: 'EU–Western Balkans Summit: the Albania bilateral', copyFor: 'Nguyễn Thị Hồng Nhung' },
};

/** The programme's row of the meeting whose title begins `title` (another row names it where the two overlap). */
const meetingRow = (page: Page, title: string) => page.locator('.meeting-row').filter({ hasText: new RegExp(`^\\([^)]*\\)${title}`) });

test('EU–Western Balkans in Tirana from Canberra across Europe’s clock change: a skipped time refused, times and pack right', async ({
  sherpa,
}, testInfo) => {
  test.setTimeout(150_000);
  const { page } = sherpa;
  await typeScheme(page, 'Australia (PSPF)', [
    ['UNOFFICIAL', 'U'],
    ['OFFICIAL', 'O'],
    ['OFFICIAL: Sensitive', 'O:S'],
    ['PROTECTED', 'P'],
    ['SECRET', 'S'],
    ['TOP SECRET', 'TS'],
  ]);
  await enterBriefing(page, tirana);

  // The bilateral runs two hours from 01:30: the clocks jump at 02:00, so it ends at 04:30 summer time.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: tirana.summit.title }).first().click();
  await page.getByRole('link', { name: tirana.meeting.title }).click();
  await page.getByRole('link', { name: 'Edit meeting details' }).click();
  await page.getByLabel('Duration in minutes').fill('120');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Sun, 28 Mar 2027, 01:30 CET – 04:30 CEST (Europe/Tirane)')).toBeVisible();
  await expect(page.getByText('Home time (Australia/Canberra): Sun, 28 Mar 2027, 11:30 AEDT (GMT+11) – 13:30 AEDT (GMT+11)')).toBeVisible();

  // A call typed at 02:30 that night, its zone typed as the city is spelt: both refused at their fields, nothing saved.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: tirana.summit.title }).first().click();
  await page.getByRole('link', { name: 'New meeting' }).click();
  await page.getByLabel('Title').fill('Night call with the Albanian sherpa');
  await page.getByLabel('Date (venue)').fill('2027-03-28');
  await page.getByLabel('Time (venue)').fill('02:30');
  await page.getByLabel(/Time zone/).fill('Europe/Tirana');
  await page.getByLabel('Classification').selectOption('PROTECTED');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(
    page.getByText('No time zone is named “Europe/Tirana”: Tirana keeps the time of Europe/Tirane. Type Europe/Tirane.'),
  ).toBeVisible();
  await page.getByLabel(/Time zone/).fill('Europe/Tirane');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(
    page.getByText('The clocks go forward past this time on that day in this time zone, so it does not exist there.'),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'New meeting' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Overnight in Podgorica, on Tirana's clock: the bilateral it overlaps is given its time once.
  await newMeeting(
    page,
    tirana.summit.title,
    { title: 'Side meeting in Podgorica (Spajić)', date: '2027-03-27', time: '23:30', zone: 'Europe/Podgorica', durationMinutes: 240 },
    'OFFICIAL',
  );
  await expect(page.getByRole('list', { name: 'Overlapping meetings' })).toHaveText(
    '(P) Bilateral with Albania (Rama) · Sun, 28 Mar 2027, 01:30 CET – 04:30 CEST (Europe/Tirane)',
  );
  // Friday evening in Tirana is Saturday morning in Canberra.
  await newMeeting(
    page,
    tirana.summit.title,
    { title: 'Arrival dinner', date: '2027-03-26', time: '20:00', durationMinutes: 90 },
    'OFFICIAL',
  );
  await newMeeting(
    page,
    tirana.summit.title,
    { title: 'Bilateral in Skopje (Мицкоски)', date: '2027-03-29', time: '09:00', zone: 'Europe/Skopje', durationMinutes: 45 },
    'SECRET',
  );

  // 02:30 on 4 April happens twice in Canberra: the form offers both, and the first is kept.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: tirana.summit.title }).first().click();
  await page.getByRole('link', { name: 'New meeting' }).click();
  await page.getByLabel('Title').fill('Desk pre-brief, Canberra');
  await page.getByLabel('Date (venue)').fill('2027-04-04');
  await page.getByLabel('Time (venue)').fill('02:30');
  await page.getByLabel(/Time zone/).fill('Australia/Canberra');
  await page.getByLabel('Classification').selectOption('OFFICIAL');
  await page.getByLabel('Which of the two times').selectOption({ label: 'The first: 02:30 AEDT (GMT+11)' });
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText('Sun, 4 Apr 2027, 02:30 AEDT (GMT+11) (Australia/Canberra)')).toBeVisible();
  await expect(page.getByText('At the summit (Europe/Tirane): Sat, 3 Apr 2027, 17:30 CEST')).toBeVisible();

  // The summit's programme, in venue time and Canberra's.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: tirana.summit.title }).first().click();
  await expect(meetingRow(page, 'Arrival dinner')).toContainText(
    'Home time (Australia/Canberra): Sat, 27 Mar 2027, 06:00 AEDT (GMT+11) – 07:30 AEDT (GMT+11)',
  );
  await expect(meetingRow(page, 'Side meeting in Podgorica')).toContainText(
    'Sat, 27 Mar 2027, 23:30 CET – Sun, 28 Mar 2027, 04:30 CEST (Europe/Podgorica)',
  );
  await expect(meetingRow(page, 'Bilateral in Skopje')).toContainText('Mon, 29 Mar 2027, 09:00 CEST – 09:45 CEST (Europe/Skopje)');
  // Today lists them in the same times.
  await sidebar(page).getByRole('link', { name: 'Today' }).click();
  await expect(page.locator('.today-rows li').filter({ hasText: 'Bilateral with Albania' })).toContainText(
    'Home time (Australia/Canberra): Sun, 28 Mar 2027, 11:30 AEDT (GMT+11) – 13:30 AEDT (GMT+11)',
  );

  // Names found typed with and without their marks, in Cyrillic and in Latin.
  await searchAsTyped(page, [
    ['Celiku', 'Albanian sherpa'],
    ['Çeliku', 'Albanian sherpa'],
    ['Мицкоски', 'North Macedonia'],
    ['Spajic', 'Montenegro'],
    ['Спајић', 'Montenegro'],
    ['nguyen thi hong', 'Second Secretary'],
    ['Tirane', 'Logistics in Tiranë'],
  ]);
  await page.keyboard.press('Escape');

  // The Podgorica meeting deleted and put back.
  await page.locator('.today-rows').getByRole('link', { name: 'Side meeting in Podgorica (Spajić)' }).click();
  await page.getByRole('button', { name: 'Delete meeting' }).click();
  await page
    .getByRole('alertdialog')
    .getByRole('button', { name: /^Delete/ })
    .last()
    .click();
  const deleted = page.getByRole('status').filter({ hasText: 'Deleted:' });
  await expect(deleted).toContainText('Side meeting in Podgorica (Spajić)');
  await deleted.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored:' })).toContainText('Side meeting in Podgorica (Spajić)');

  // The pack prints the bilateral in both times, PROTECTED at the top and foot of every page, nothing of Vilnius.
  const file = await exportBriefingPack(page, tirana);
  const printed = printedText(file);
  expect(printed).toContain('28 March 2027, 01:30 CET – 04:30 CEST (venue); 11:30 AEDT (GMT+11) – 13:30 AEDT (GMT+11) (home)');
  expect(printed).toContain('(P) Bilateral with Albania (Rama)');
  expect(printed).toContain('(U) Blerta Çeliku');
  expect(printed).not.toMatch(/Vilnius|Stoltenberg/);
  for (const edge of pageEdges(file)) expect(edge).toEqual({ top: 'PROTECTED', foot: 'PROTECTED' });

  // The command line, on a read-only copy, prints the same times.
  const handedOver = await exportHandedOverCopy(sherpa.dataDir, testInfo, tirana.pack, 'Europe/Tirane');
  expect(handedOver).toContain('28 March 2027, 01:30 CET – 04:30 CEST (venue); 11:30 AEDT (GMT+11) – 13:30 AEDT (GMT+11) (home)');

  // In Korean, a time the clocks skip is refused in Korean.
  await sidebar(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('ko');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await page.getByRole('navigation').getByRole('link', { name: '정상회의', exact: true }).click();
  await page.getByRole('link', { name: tirana.summit.title }).first().click();
  await expect(meetingRow(page, 'Arrival dinner')).toContainText(
    '본국 시각 (Australia/Canberra): 2027년 3월 27일 (토) 06:00 AEDT (GMT+11)',
  );
  await page.getByRole('link', { name: '새 회담' }).click();
  await page.getByLabel('제목').fill('심야 통화');
  await page.getByLabel('날짜 (현지)').fill('2027-03-28');
  await page.getByLabel('시각 (현지)').fill('02:30');
  await page.getByLabel('보안 등급', { exact: true }).selectOption('OFFICIAL');
  await page.getByRole('button', { name: '만들기' }).click();
  await expect(page.getByText('이 시간대에서는 그날 시계를 앞당기므로 이 시각이 존재하지 않습니다.', { exact: false })).toBeVisible();
});
