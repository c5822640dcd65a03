import { execFileSync } from 'node:child_process';
import { type Briefing, enterBriefing, exportBriefingPack, printedText, typeScheme } from './briefings.helpers.ts';
import { test } from './fixtures.ts';
import { callStore } from './store.helpers.ts';
import { expect } from './views.helpers.ts';

// A new desk's own briefing, entered through the interface: a Pacific Islands Leaders Meeting hosted
// in Tokyo, names in kanji and Tongan and Samoan names with the ʻokina and macrons, under a custom
// Japanese scheme (取扱注意 < 秘 < 極秘) typed into Settings. Fictional people: test material only.

const pacific: Briefing = {
  homeTimeZone: 'Pacific/Tongatapu',
  scheme: '',
  meetingLevel: 1,
  source: { title: 'Tokyo PALM desk record', publisher: 'Pacific desk', publishedOn: '2027-06-02' },
  summit: {
    title: 'Pacific Islands Leaders Meeting, Tokyo 2027',
    city: '東京',
    startDate: '2027-07-15',
    endDate: '2027-07-16',
    timeZone: 'Asia/Tokyo',
    description: 'Leaders of the Pacific Islands meet Japan on fisheries and climate finance.',
  },
  people: [
    { name: 'Takeda Haruka', nativeName: '武田遥', title: 'Prime Minister of Japan', biography: 'Hosts the meeting in Tokyo.' },
    { name: 'ʻAkosita Fīfita', nativeName: '', title: 'Prime Minister of Tonga', biography: 'Leads Tonga’s fisheries file.' },
    { name: 'Tuilaʻepa Sāmoa Mālietoa', nativeName: '', title: 'Prime Minister of Samoa', biography: 'Speaks for the Forum on climate.' },
  ],
  meeting: {
    title: 'Fīfita–Takeda bilateral on fisheries',
    date: '2027-07-15',
    time: '14:00',
    venue: '迎賓館赤坂離宮',
    counterpart: 0,
    objectives: 'Agree a joint patrol of the exclusive economic zone.',
    pointsToMake: '1. Thank Japan for the ʻEua wharf.\n2. 漁業協定の更新を提案する。',
    defensivePoints: 'If raised: the tuna quota stays with the Forum.',
    counterpartBiography: 'Met the Tongan delegation in Nukuʻalofa in 2025.',
  },
  participants: [
    { person: 1, side: 'Our side', role: 'Lead' },
    { person: 0, side: 'Their side', role: 'Host' },
    { person: 2, side: 'Our side', role: 'Forum chair' },
  ],
  event: { date: '2027-05-20', title: 'Senior officials met in Apia', excerpt: 'officials agreed the agenda' },
  note: { title: 'Seating at the Akasaka palace', body: 'ʻAkosita Fīfita sits at the host’s right; 通訳は2名。' },
  pack: { name: 'Tokyo PALM pack', title: 'PALM Tokyo 2027: the Tongan bilateral' },
};

test('a Pacific Islands meeting in Tokyo under a custom Japanese scheme, entered through the interface, prints whole', async ({
  sherpa,
}, testInfo) => {
  test.setTimeout(300_000);
  const { page } = sherpa;
  // Typed over the NATO rows, each level is the one it replaces renamed: the sample's records are carried to it.
  await typeScheme(page, '日本（政府機関）', [
    ['取扱注意', '取'],
    ['秘', '秘'],
    ['極秘', '極'],
  ]);
  await page.screenshot({ path: testInfo.outputPath('scheme.png'), fullPage: true });

  const { meetingMarking } = await enterBriefing(page, pacific);
  expect(meetingMarking).toMatch(/秘/);
  const file = await exportBriefingPack(page, pacific);
  await expect(page.getByText(/Exported \d+ pages, banner 秘/)).toBeVisible();
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '4', file, testInfo.outputPath('pack-page')]);
  await page.screenshot({ path: testInfo.outputPath('builder.png'), fullPage: true });
  const text = printedText(file);
  for (const own of [
    'ʻAkosita Fīfita',
    'Tuilaʻepa Sāmoa Mālietoa',
    '武田遥',
    '迎賓館赤坂離宮',
    '漁業協定の更新を提案する。',
    'Thank Japan for the ʻEua wharf.',
    '(秘)',
    '(取)',
    'Nukuʻalofa',
  ])
    expect(text, `the pack should print “${own}”`).toContain(own);
  expect(text).not.toContain('Stoltenberg');

  // Typed without the ʻokina or the macrons (a keyboard without them), the names are still found.
  for (const typed of ['Fifita', 'Akosita', 'Tuilaepa', 'Malietoa', '武田'])
    expect((await callStore(page, 'search.query', { text: typed })).map((hit) => hit.title).join(' | '), `search for “${typed}”`).toMatch(
      /Fīfita|Mālietoa|武田遥|Takeda/,
    );
});
