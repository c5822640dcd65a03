import { type Briefing, enterBriefing, exportBriefingPack, newMeeting, printedText } from './briefings.helpers.ts';
import { test } from './fixtures.ts';
import { expect, sidebar } from './views.helpers.ts';

// A new desk's own briefing under the US scheme, entered through the interface: a Pacific Islands Forum leaders'
// meeting in Nukuʻalofa (Pacific/Tongatapu, UTC+13, across the date line from the desk in New York), a bilateral at
// 23:30 on 29 February 2028 that ends on 1 March, and a stopover on the Chatham Islands (Pacific/Chatham, UTC+13:45
// in February), whose 1 March is New York's 29 February. Tongan names with the ʻokina, a Nepali one in Devanagari.
// Fictional meetings: test material only.

const nukualofa: Briefing = {
  homeTimeZone: 'America/New_York',
  scheme: 'US',
  meetingLevel: 1,
  source: { title: 'Nukuʻalofa Communiqué draft, Forum Officials Committee', publisher: 'PIF Secretariat', publishedOn: '2028-02-20' },
  summit: {
    title: 'Pacific Islands Forum Leaders’ Meeting, Nukuʻalofa 2028',
    city: 'Nukuʻalofa',
    startDate: '2028-02-28',
    endDate: '2028-03-01',
    timeZone: 'Pacific/Tongatapu',
    description: 'Leaders’ retreat at the Faʻonelua Convention Centre: climate finance, ocean boundaries.',
  },
  people: [
    {
      name: 'Semisi Fakahauʻa',
      nativeName: 'Sēmisi Fakahauʻa',
      title: 'Prime Minister of the Kingdom of Tonga',
      biography: 'Pronounced seh-MEE-see fah-kah-HOW-ah.',
    },
    { name: 'Sita Poudel', nativeName: 'सीता पौडेल', title: 'Foreign Secretary of Nepal', biography: 'Former ambassador to Canberra.' },
  ],
  meeting: {
    title: 'Bilateral with Prime Minister Fakahauʻa',
    date: '2028-02-29',
    time: '23:30',
    venue: 'Faʻonelua Convention Centre, Room 2',
    counterpart: 0,
    objectives: 'Secure Tonga’s support for the ocean boundaries declaration.',
    pointsToMake: '- Condolences on Cyclone Lola.\n- We will co-chair the climate finance track.',
    defensivePoints: 'If raised: the deep-sea mining moratorium is under review.',
    counterpartBiography: 'Met the Secretary in Suva in 2026.',
  },
  participants: [
    { person: 0, side: 'Their side', role: 'Prime Minister' },
    { person: 1, side: 'Our side', role: 'Observer' },
  ],
  event: { date: '2028-02-28', title: 'Opening of the leaders’ retreat', excerpt: 'Leaders arrive at Fuaʻamotu' },
  note: { title: 'Arrival logistics — Fuaʻamotu', body: 'Motorcade from Fuaʻamotu airport: 40 min.' },
  pack: { name: 'PIF 2028 pack', title: 'Pacific Islands Forum, Nukuʻalofa' },
};

test('a Pacific Islands Forum meeting in Nukuʻalofa: the bilateral’s pocket card does not silently take its full brief’s place', async ({
  sherpa,
}, testInfo) => {
  test.setTimeout(180_000);
  const { page } = sherpa;
  await enterBriefing(page, nukualofa);
  const title = nukualofa.meeting.title;

  await newMeeting(
    page,
    nukualofa.summit.title,
    { title: 'Chatham Islands stopover', date: '2028-03-01', time: '00:15', zone: 'Pacific/Chatham', durationMinutes: 30 },
    'UNCLASSIFIED',
  );
  await expect(page.locator('.key-details .venue-time')).toContainText('Wed, 1 Mar 2028, 00:15 GMT+13:45');
  // The stopover's brief names the CONFIDENTIAL bilateral it overlaps, in the stopover's zone too.
  await expect(page.getByRole('list', { name: 'Overlapping meetings' })).toHaveText(
    `(C) ${nukualofa.meeting.title} · Tue, 29 Feb 2028, 23:30 GMT+13 (Pacific/Tongatapu) · Wed, 1 Mar 2028, 00:15 GMT+13:45 in this meeting’s time zone`,
  );
  await expect(page.getByText('Home time (America/New_York): Tue, 29 Feb 2028, 05:30 EST')).toBeVisible();

  // A follow-up of the CONFIDENTIAL bilateral, not yet marked: the bilateral's title is in its picker, so the
  // window's banner says CONFIDENTIAL as well as the unmarked follow-up.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: nukualofa.summit.title }).first().click();
  // The stopover's 00:15 on 1 March is the bilateral's 23:30 on 29 February: listed under two days, each marked
  // with the other's name and marking.
  const markOf = (meeting: string) =>
    page
      .locator('.meeting-row')
      .filter({ has: page.getByRole('link', { name: meeting, exact: true }) })
      .locator('.overlap-mark');
  await expect(markOf(title)).toHaveText('⚠ Overlaps (U) Chatham Islands stopover');
  await expect(markOf('Chatham Islands stopover')).toHaveText(`⚠ Overlaps (C) ${title}`);
  await page.screenshot({ path: testInfo.outputPath('programme-overlaps.png'), fullPage: true });
  await page.getByRole('link', { name: title }).first().click();
  await expect(page.getByText('Tue, 29 Feb 2028, 23:30 GMT+13 (Pacific/Tongatapu)')).toBeVisible();
  // Its brief says so too, naming the stopover, which it links to.
  const overlapping = page.getByRole('list', { name: 'Overlapping meetings' });
  await expect(overlapping).toHaveText(
    '(U) Chatham Islands stopover · Wed, 1 Mar 2028, 00:15 GMT+13:45 – 00:45 GMT+13:45 (Pacific/Chatham) · Tue, 29 Feb 2028, 23:30 GMT+13 – Wed, 1 Mar 2028, 00:00 GMT+13 in this meeting’s time zone',
  );
  await expect(overlapping.getByRole('link', { name: 'Chatham Islands stopover' })).toBeVisible();
  // Its form names the stopover with its time at its venue and in Nukuʻalofa's zone; it warns, and saves.
  await page.getByRole('link', { name: 'Edit meeting details' }).click();
  await expect(page.getByRole('list', { name: 'Overlapping meetings' })).toHaveText(
    '(U) Chatham Islands stopover · Wed, 1 Mar 2028, 00:15 GMT+13:45 – 00:45 GMT+13:45 (Pacific/Chatham) · Tue, 29 Feb 2028, 23:30 GMT+13 – Wed, 1 Mar 2028, 00:00 GMT+13 in this meeting’s time zone',
  );
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('link', { name: 'Add follow-up' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New follow-up action' })).toBeVisible();
  await expect(page.getByTestId('screen-banner-top')).toHaveText('CONFIDENTIAL + UNMARKED MATERIAL');
  await page.screenshot({ path: testInfo.outputPath('follow-up-banner.png'), fullPage: true });
  await page.getByRole('button', { name: 'Cancel' }).click();

  const file = await exportBriefingPack(page, nukualofa);
  const printed = printedText(file);
  expect(printed).toContain('29 February 2028, 23:30 GMT+13 (venue); 05:30 EST (home)');
  expect(printed).toContain('Prime Minister Fakahauʻa');

  // The full brief is in the pack: its own button is off, and the pocket card's says it would take its place.
  await expect(page.getByRole('button', { name: `Add: Full brief — ${title}` })).toBeDisabled();
  await expect(page.getByRole('button', { name: `Add: Pocket card — ${title}` })).toHaveCount(0);
  const meetingRow = page.getByRole('listitem').filter({ hasText: 'In the pack as a full brief.' });
  await expect(meetingRow).toContainText(title);
  await page.getByRole('button', { name: `Print as a pocket card instead — ${title}` }).click();
  const sections = page.getByRole('list', { name: 'Sections, in print order' }).locator(':scope > li');
  await expect(sections.first()).toContainText(`1. ${title} · Pocket card`);
  await expect(page.getByRole('button', { name: `Print as a full brief instead — ${title}` })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('pack-builder-pocket.png'), fullPage: true });
});
