import { execFileSync } from 'node:child_process';
import { type Briefing, enterBriefing, exportBriefingPack, printedText } from './briefings.helpers.ts';
import { test } from './fixtures.ts';
import { expect, sidebar } from './views.helpers.ts';

// Two briefings of a desk's own beside the Vilnius sample, entered through the
// interface: other hosts, venue zones and home zones, names in Japanese,
// Korean and Arabic script. Each pack, read back from its PDF, must hold its
// own briefing and nothing of the sample or of the other briefing.
// Fictional people and events: test material only.

const tokyo: Briefing = {
  homeTimeZone: 'Europe/London',
  scheme: 'UK',
  meetingLevel: 1,
  source: { title: 'Tokyo desk record 2026', publisher: 'Northeast Asia desk', publishedOn: '2026-02-20' },
  summit: {
    title: 'Tokyo Maritime Ministerial 2026',
    city: 'Tokyo',
    startDate: '2026-03-04',
    endDate: '2026-03-05',
    timeZone: 'Asia/Tokyo',
    description: 'Ministers meet on maritime surveillance.',
  },
  people: [
    { name: 'Kishimoto Yuma', nativeName: '岸本悠真', title: 'Foreign Minister', biography: 'Hosts the ministerial in Tokyo.' },
    { name: 'Jeong Da-eun', nativeName: '정다은', title: 'Deputy sherpa', biography: 'Leads the desk’s Tokyo preparation.' },
    { name: 'Layla Haddad', nativeName: 'ليلى حداد', title: 'Observer envoy', biography: 'Observes the maritime talks.' },
  ],
  meeting: {
    title: 'Jeong–Kishimoto maritime bilateral',
    date: '2026-03-04',
    time: '10:30',
    venue: 'Iikura Guest House',
    counterpart: 0,
    objectives: 'Secure a pilot for shared buoy telemetry.',
    pointsToMake: '1. Pool the buoy readings by June.',
    defensivePoints: 'If raised: the cost split is still under review.',
    counterpartBiography: 'Met our minister in Busan; prefers short sessions.',
  },
  participants: [
    { person: 1, side: 'Our side', role: 'Lead' },
    { person: 0, side: 'Their side', role: 'Host' },
    { person: 2, side: 'Their side', role: 'Observer' },
  ],
  event: { date: '2025-11-20', title: 'Tokyo preparatory call held', excerpt: 'the call closed without a text' },
  note: { title: 'Tokyo seating plan', body: 'Round table; flags at the door.' },
  pack: { name: 'Tokyo desk pack', title: 'Tokyo ministerial: the maritime bilateral' },
};

const washington: Briefing = {
  homeTimeZone: 'Asia/Seoul',
  scheme: 'US',
  meetingLevel: 2,
  source: { title: 'Washington embassy cable 14', publisher: 'Embassy in Washington', publishedOn: '2026-02-27' },
  summit: {
    title: 'Washington Energy Dialogue 2026',
    city: 'Washington',
    startDate: '2026-03-10',
    endDate: '2026-03-11',
    timeZone: 'America/New_York',
    description: 'A dialogue on grid security and energy supply.',
  },
  people: [
    { name: 'Morgan Ellis', nativeName: '', title: 'Deputy Secretary of Energy', biography: 'Chairs the energy dialogue.' },
    { name: 'Han Seo-yeon', nativeName: '한서연', title: 'Vice Minister', biography: 'Heads the delegation to Washington.' },
    { name: 'Omar Khalil', nativeName: 'عمر خليل', title: 'Grid adviser', biography: 'Advises on grid interconnection.' },
  ],
  meeting: {
    title: 'Han–Ellis grid security talks',
    date: '2026-03-10',
    time: '09:00',
    venue: 'Forrestal Building',
    counterpart: 0,
    objectives: 'Agree a joint exercise on grid attacks.',
    pointsToMake: '1. Propose a tabletop exercise in May.',
    defensivePoints: 'If raised: our supply contracts are not on the table.',
    counterpartBiography: 'New in post since January; ran the grid regulator before.',
  },
  participants: [
    { person: 1, side: 'Our side', role: 'Head of delegation' },
    { person: 2, side: 'Our side', role: 'Adviser' },
    { person: 0, side: 'Their side', role: 'Host' },
  ],
  event: { date: '2026-01-15', title: 'Grid incident reported in the capital region', excerpt: 'a substation was taken offline' },
  note: { title: 'Washington motorcade timing', body: 'Allow forty minutes from the hotel.' },
  pack: { name: 'Washington desk pack', title: 'Washington: grid security talks' },
};

/** What only the Vilnius sample holds: none of it may print in another summit's pack. */
const vilniusMaterial = [
  'Vilnius',
  'Stoltenberg',
  'Yoon Suk Yeol',
  '윤석열',
  'ITPP',
  'IPCP',
  'Korea becomes a NATO partner state',
  'Tailored partnership',
  'Cybersecurity',
  'President Yoon',
];

/**
 * The first three words of a text: they sit on one line even in a narrow table cell, whose wrapped
 * lines the PDF reader interleaves with the next column's.
 */
const opening = (text: string) => text.split(/\s+/).slice(0, 3).join(' ');

/** Titles, names and excerpts only this briefing holds, by their opening words. */
const ownMaterial = (briefing: Briefing) =>
  [
    briefing.summit.title,
    briefing.meeting.title,
    briefing.source.title,
    briefing.event.title,
    briefing.event.excerpt,
    briefing.meeting.objectives,
    briefing.note.title,
    briefing.note.body,
    ...briefing.people.flatMap((person, index) => [
      person.name,
      person.nativeName,
      // The counterpart's shared biography gives way to the one written for the meeting.
      index === briefing.meeting.counterpart ? briefing.meeting.counterpartBiography : person.biography,
    ]),
  ]
    .filter(Boolean)
    .map(opening);

test('two briefings of one’s own, entered through the interface, each export a pack of their own material only', async ({
  sherpa,
}, testInfo) => {
  test.setTimeout(300_000);
  const { page } = sherpa;
  const printed = new Map<Briefing, string>();
  for (const briefing of [tokyo, washington]) {
    const { scheme, meetingMarking } = await enterBriefing(page, briefing);
    if (scheme !== briefing.scheme)
      testInfo.annotations.push({ type: 'scheme', description: `${briefing.scheme} is not offered in Settings yet; used ${scheme}` });
    const file = await exportBriefingPack(page, briefing);
    // The banner is the meeting's marking: the highest of anything in the pack.
    await expect(page.getByText(new RegExp(`Exported \\d+ pages, banner ${meetingMarking}`))).toBeVisible();
    printed.set(briefing, printedText(file));
    // The pages themselves, for a person to look at.
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '6', file, testInfo.outputPath(`${briefing.pack.name}-page`)]);
    await page.screenshot({ path: testInfo.outputPath(`${briefing.pack.name}-builder.png`), fullPage: true });
  }

  // The meeting brief with the counterpart's biography written for it, for a person to look at.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: tokyo.summit.title }).first().click();
  await page.getByRole('link', { name: tokyo.meeting.title }).click();
  await expect(page.getByRole('heading', { name: `Biography for this meeting: ${tokyo.people[0]?.name}` })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('meeting-biography.png'), fullPage: true });

  const [tokyoText, washingtonText] = [printed.get(tokyo) ?? '', printed.get(washington) ?? ''];
  for (const [briefing, text, other] of [
    [tokyo, tokyoText, washington],
    [washington, washingtonText, tokyo],
  ] as const) {
    for (const own of ownMaterial(briefing)) expect(text, `${briefing.pack.name} should print “${own}”`).toContain(own);
    for (const foreign of [...vilniusMaterial, ...ownMaterial(other)])
      expect(text, `${briefing.pack.name} must not print “${foreign}”`).not.toContain(foreign);
  }

  // The counterpart's biography written for the meeting prints instead of the shared one.
  for (const briefing of [tokyo, washington]) {
    const text = printed.get(briefing) ?? '';
    const counterpart = briefing.people[briefing.meeting.counterpart];
    expect(text).toContain(`${briefing.meeting.counterpartBiography} Written for the meeting “${briefing.meeting.title}”.`);
    expect(text).not.toContain(counterpart?.biography ?? '-');
  }

  // Venue time and home time, each in its own zone, on the full brief.
  expect(tokyoText).toMatch(/4 March 2026, 10:30 [^;]{1,24}\(venue\); 01:30 [^;]{1,24}\(home\)/);
  expect(washingtonText).toMatch(/10 March 2026, 09:00 [^;]{1,24}\(venue\); 22:00 [^;]{1,24}\(home\)/);
});
