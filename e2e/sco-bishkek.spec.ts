import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import {
  type Briefing,
  enterBriefing,
  newEntryWithAnnotation,
  newMeeting,
  newProgramme,
  newSector,
  newSummit,
  pageEdges,
  printedText,
  startPack,
  typeScheme,
} from './briefings.helpers.ts';
import { test } from './fixtures.ts';
import { callStore } from './store.helpers.ts';
import { searchAsTyped } from './trial.helpers.ts';
import { chooseRecord, expect, sidebar } from './views.helpers.ts';

// A new desk in Islamabad (Asia/Karachi, +05) prepares its head of government for the SCO Heads of State Council
// in Bishkek (Asia/Bishkek, +06), with bilaterals there and in Cholpon-Ata, entered through the interface only. The
// desk keeps an earlier SCO summit (Tashkent, 2026) and a CICA summit in Astana (+05) whose days overlap Bishkek's.
// Names in Russian with patronymics (ё), Kyrgyz and Kazakh Cyrillic, simplified Chinese, Persian and Urdu; the
// desk's own scheme with a caveat. Fictional people and meetings: test material only.

const deskLevels = [
  ['RESTRICTED', 'R'],
  ['CONFIDENTIAL', 'C'],
  ['SECRET', 'S'],
  ['SECRET//PAK EYES ONLY', 'S//PEO'],
  ['TOP SECRET//PAK EYES ONLY', 'TS//PEO'],
] as const;

const bishkek: Briefing = {
  homeTimeZone: 'Asia/Karachi',
  scheme: '',
  meetingLevel: 1,
  source: { title: 'SCO Bishkek desk file', publisher: 'SCO desk, Islamabad', publishedOn: '2027-06-30' },
  summit: {
    title: 'SCO Heads of State Council, Bishkek 2027',
    city: 'Bishkek',
    startDate: '2027-07-14',
    endDate: '2027-07-15',
    timeZone: 'Asia/Bishkek',
    description: 'Шанхай кызматташтык уюму: Бишкек саммити. شنگھائی تعاون تنظیم کا اجلاس۔',
  },
  people: [
    {
      name: 'Fyodor Viktorovich Lavrenyov',
      nativeName: 'Фёдор Викторович Лавренёв',
      title: 'Minister of Foreign Affairs, Russia',
      biography: 'Министр иностранных дел. Родился в Орёл.',
    },
    { name: 'Wang Jianguo', nativeName: '王建国', title: 'Foreign Minister, China', biography: '外交部长。上海合作组织。' },
    {
      name: 'Azamat Tölögönov',
      nativeName: 'Азамат Төлөгөнов',
      title: 'Minister of Foreign Affairs, Kyrgyzstan',
      biography: 'Кыргыз Республикасынын Тышкы иштер министри.',
    },
    {
      name: 'Hossein Karimzadeh',
      nativeName: 'حسین کریم‌زاده',
      title: 'Minister of Foreign Affairs, Iran',
      biography: 'وزیر امور خارجه جمهوری اسلامی ایران.',
    },
    {
      name: 'Shahbaz Qureshi',
      nativeName: 'شہباز قریشی',
      title: 'Prime Minister of Pakistan',
      biography: 'وزیرِ اعظم پاکستان۔ بھارت کے ساتھ مذاکرات کی تیاری۔',
    },
  ],
  meeting: {
    title: 'Bilateral with Russia (Lavrenyov)',
    date: '2027-07-14',
    time: '10:00',
    venue: 'Ала-Арча state residence, Bishkek',
    counterpart: 0,
    objectives: 'Agree the RATS counter-terrorism annex.',
    pointsToMake: '1. Thank Russia for the RATS data line.\n2. Фёдор Викторович to co-chair the connectivity track.',
    defensivePoints: 'If raised: no change on the CASA-1000 tariff.',
    counterpartBiography: 'Met our principal in Tashkent in 2026.',
  },
  participants: [
    { person: 0, side: 'Their side', role: 'Counterpart' },
    { person: 4, side: 'Our side', role: 'Principal' },
  ],
  event: { date: '2027-07-14', title: 'Opening of the Council of Heads of State', excerpt: 'Leaders arrive at Ала-Арча' },
  note: {
    title: 'Cholpon-Ata logistics',
    body: 'Motorcade Bishkek → Cholpon-Ata: 3 h 30 min.\nوزیرِ اعظم کا قافلہ صبح سات بجے روانہ ہوگا۔',
  },
  pack: { name: 'Bishkek pack', title: 'SCO Bishkek 2027: the Prime Minister’s pack' },
};

test('the SCO summit in Bishkek, prepared from Islamabad beside an earlier summit and an overlapping one', async ({ sherpa }, testInfo) => {
  test.setTimeout(420_000);
  const { page } = sherpa;
  await typeScheme(page, 'Desk scheme', deskLevels);
  await enterBriefing(page, bishkek);

  // The earlier SCO summit, and the CICA summit in Astana the same week, each with a meeting.
  await newSummit(
    page,
    {
      title: 'SCO Heads of State Council, Tashkent 2026',
      city: 'Tashkent',
      startDate: '2026-06-10',
      endDate: '2026-06-11',
      timeZone: 'Asia/Tashkent',
    },
    'SECRET',
  );
  await newMeeting(
    page,
    'SCO Heads of State Council, Tashkent 2026',
    { title: 'Tashkent bilateral with Lavrenyov', date: '2026-06-10', time: '11:00' },
    'SECRET',
  );
  await newSummit(
    page,
    { title: 'CICA Summit, Astana 2027', city: 'Astana', startDate: '2027-07-15', endDate: '2027-07-17', timeZone: 'Asia/Almaty' },
    'SECRET',
  );
  await newMeeting(page, 'CICA Summit, Astana 2027', { title: 'CICA pull-aside with Iran', date: '2027-07-15', time: '12:00' }, 'SECRET');

  // Days and times at each venue, and at home in Islamabad: the Cholpon-Ata dinner past midnight is the day before at home.
  await newMeeting(
    page,
    bishkek.summit.title,
    { title: 'Bilateral with Kazakhstan in Cholpon-Ata', date: '2027-07-15', time: '00:30', zone: 'Asia/Bishkek' },
    'CONFIDENTIAL',
  );
  await expect(page.getByText('Thu, 15 Jul 2027, 00:30 GMT+6')).toBeVisible();
  await expect(page.getByText(/Home time \(Asia\/Karachi\): Wed, 14 Jul 2027, 23:30 PKT/)).toBeVisible();
  await newMeeting(
    page,
    bishkek.summit.title,
    { title: 'Bilateral with China (王建国)', date: '2027-07-15', time: '09:00' },
    'SECRET//PAK EYES ONLY',
  );
  await expect(page.getByText(/Home time \(Asia\/Karachi\): Thu, 15 Jul 2027, 08:00 PKT/)).toBeVisible();
  await expect(page.getByText('(S//PEO)').first()).toBeVisible();

  // One sector written in at all three summits, each entry annotated.
  const programme = await newProgramme(page, { code: 'SCO', name: 'Regional tracks' }, 'RESTRICTED');
  await newSector(page, programme, 'Water and energy', 'CONFIDENTIAL');
  for (const [date, title, marking] of [
    ['2026-06-10', 'Tashkent: Rogun reservoir statement', 'SECRET'],
    ['2027-07-14', 'Bishkek: CASA-1000 power line', 'CONFIDENTIAL'],
    ['2027-07-15', 'Astana: CICA water declaration', 'TOP SECRET//PAK EYES ONLY'],
    ['2027-07-16', 'Astana: CICA energy ministers', 'TOP SECRET//PAK EYES ONLY'],
  ] as const)
    await newEntryWithAnnotation(page, { date, title, source: bishkek.source.title, annotation: `Desk view on ${title}.` }, marking);
  // A note on the sector written offline now, for the CICA summit: the app can tell only from when it was written.
  await sidebar(page).getByRole('link', { name: 'Notes' }).click();
  await page.getByRole('button', { name: 'New note' }).click();
  const editor = page.getByRole('group', { name: 'Note editor' });
  await editor.getByLabel('Title').fill('CICA line on Rogun');
  await editor.getByRole('textbox', { name: 'Note text' }).fill('For Astana only.');
  await editor.getByLabel('Classification').selectOption('TOP SECRET//PAK EYES ONLY');
  await chooseRecord(editor.getByLabel('Linked to'), 'Sector: SCO: Water and energy');
  await expect(editor.getByText('Link saved.')).toBeVisible();

  // Search across scripts: ё typed as е, Urdu typed on a Persian keyboard, Persian on an Arabic one.
  await searchAsTyped(
    page,
    [
      ['Лавренев', 'Fyodor Viktorovich Lavrenyov'],
      ['Федор Викторович', 'Fyodor Viktorovich Lavrenyov'],
      ['Орел', 'Fyodor Viktorovich Lavrenyov'],
      ['Толого', 'Azamat Tölögönov'],
      ['王建国', 'Wang Jianguo'],
      ['شهباز', 'Shahbaz Qureshi'],
      ['بهارت', 'Shahbaz Qureshi'],
      ['كريم‌زاده', 'Hossein Karimzadeh'],
      ['قافله', bishkek.note.title],
    ],
    { portionMark: '(R)' },
  );
  await page.keyboard.press('Escape');

  // The Russian minister typed again in Cyrillic: the form names the one already saved, with his mark.
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  await page.getByRole('link', { name: 'New person' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Федор Викторович Лавренев');
  await expect(page.getByRole('list', { name: 'People of this name' })).toContainText('(R)Fyodor Viktorovich Lavrenyov');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // The pack of Bishkek: nothing of Tashkent nor of the CICA summit, even what is dated in the shared week.
  await startPack(page, bishkek.pack, bishkek.summit.title, [
    `Add: Full brief — ${bishkek.meeting.title}`,
    'Add: Full brief — Bilateral with Kazakhstan in Cholpon-Ata',
    'Add: Water and energy',
    'Add: Timeline',
    'Add: Biographies (everyone in the pack’s meetings)',
    'Add: Notes',
  ]);
  await expect(page.getByRole('button', { name: 'Add: Full brief — CICA pull-aside with Iran' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved “${bishkek.pack.name}”.` })).toBeVisible();
  const willPrint = page.getByRole('list', { name: 'Will print', exact: true });
  await expect(willPrint).toContainText('Desk view on Bishkek: CASA-1000 power line.');
  for (const other of ['Tashkent', 'CICA', 'Astana']) await expect(willPrint, `the pack must not list “${other}”`).not.toContainText(other);
  const entries = page.getByRole('list', { name: 'Entries of this sector' });
  await expect(entries.getByRole('listitem').filter({ hasText: 'CICA water declaration' })).toContainText(
    'dated during \u2068CICA Summit, Astana 2027\u2069',
  );
  await expect(page.getByText('Banner on every page: CONFIDENTIAL')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('pack-builder.png'), fullPage: true });
  await page.getByRole('button', { name: 'Export to PDF' }).click();
  await expect(page.getByText(/Exported \d+ pages, banner CONFIDENTIAL/)).toBeVisible({ timeout: 90_000 });
  // Cyrillic, Chinese and Persian have a font here. Urdu's own letters (ہ, ے, the full stop ۔) need one that a
  // machine with only basic Arabic lacks: the builder then names each record holding them, and nothing else.
  const boxes = await page.getByRole('list', { name: 'Some text will print as empty boxes' }).getByRole('listitem').allTextContents();
  for (const box of boxes)
    expect(box).toMatch(
      /^[^:]+ “(SCO Heads of State Council, Bishkek 2027|Shahbaz Qureshi|Cholpon-Ata logistics)”: Arabic \([ہےۓۂھۃ۔]+\)$/,
    );
  const file = (await page.locator('code').filter({ hasText: '.pdf' }).textContent()) ?? '';
  fs.copyFileSync(file, testInfo.outputPath('pack.pdf'));
  execFileSync('pdftoppm', ['-png', '-r', '70', file, testInfo.outputPath('pack-page')]);
  const text = printedText(file);
  for (const printed of [
    '14 July 2027, 10:00 GMT+6 (venue); 09:00 PKT (GMT+5) (home)',
    '15 July 2027, 00:30 GMT+6 (venue); 14 July 2027, 23:30 PKT (GMT+5) (home)',
    '(C) 14 July 2027 — Bishkek: CASA-1000 power line',
    'Фёдор Викторович Лавренёв',
    'Cholpon-Ata logistics',
  ])
    expect(text, `the pack should print “${printed}”`).toContain(printed);
  for (const foreign of ['Tashkent: Rogun', 'CICA', 'Astana', 'TOP SECRET', 'Stoltenberg', 'UNMARKED'])
    expect(text, `the pack must not print “${foreign}”`).not.toContain(foreign);
  // The Urdu as printed, read back (the words whose letters basic Arabic fonts draw; the page images show the rest).
  for (const urdu of ['قریشی', 'پاکستان', 'بھارت', 'مذاکرات']) expect(text, `the pack should print “${urdu}”`).toContain(urdu);
  const edges = pageEdges(file);
  expect(edges.length).toBeGreaterThan(4);
  for (const [index, edge] of edges.entries()) expect(edge, `page ${index + 1}`).toEqual({ top: 'CONFIDENTIAL', foot: 'CONFIDENTIAL' });
});

test('a Bishkek pack whose timeline ends before it starts is told so, in English and Korean, and nothing is saved', async ({ sherpa }) => {
  test.setTimeout(120_000);
  const { page } = sherpa;
  const title = 'SCO Heads of State Council, Bishkek 2027';
  await newSummit(
    page,
    { title, city: 'Bishkek', startDate: '2027-07-14', endDate: '2027-07-15', timeZone: 'Asia/Bishkek' },
    'NATO RESTRICTED',
  );
  for (const ui of [
    {
      language: 'en',
      labels: ['New pack', 'Pack name', 'Title on the cover', 'Summit', 'Add: Timeline', 'Timeline from', 'Timeline to', 'Save pack'],
      said: '“Timeline to” is before “Timeline from”: the timeline would print nothing. Change one of them, then save.',
      tooLong: '“Title on the cover” is too long: 227 characters, at most 200. Shorten it, then save.',
      copyFor: 'Stamp a copy for (optional)',
      export: 'Export to PDF',
      copyForTooLong: '“Stamp a copy for (optional)” is too long: 214 characters, at most 200. Shorten it. Nothing was exported.',
    },
    {
      language: 'ko',
      labels: ['새 자료', '자료 이름', '표지 제목', '정상회의', '추가: 연표', '연표 시작일', '연표 종료일', '저장'],
      said: '“연표 종료일”이(가) “연표 시작일”보다 앞섭니다. 이대로는 연표에 아무것도 인쇄되지 않습니다. 둘 중 하나를 고친 뒤 저장하십시오.',
      tooLong: '“표지 제목”이(가) 너무 깁니다: 227자, 최대 200자. 줄인 뒤 저장하십시오.',
      copyFor: '사본 수신자 (선택)',
      export: 'PDF로 내보내기',
      copyForTooLong: '“사본 수신자 (선택)”이(가) 너무 깁니다: 214자, 최대 200자. 줄이십시오. 내보내지 않았습니다.',
    },
  ] as const) {
    const [newPack, name, cover, summit, addTimeline, from, to, save] = ui.labels;
    const packsBefore = await callStore(page, 'pack.list', {});
    // The interface is in English until the language is chosen.
    await sidebar(page).getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Language').selectOption(ui.language);
    await page.goto(new URL('#/packs', page.url()).toString());
    await page.getByRole('button', { name: newPack, exact: true }).click();
    await page.getByLabel(name, { exact: true }).fill('Bishkek pack');
    await page.getByLabel(cover, { exact: true }).fill('SCO Bishkek 2027');
    await chooseRecord(page.getByLabel(summit, { exact: true }), title);
    await page.getByRole('button', { name: addTimeline, exact: true }).click();
    await page.getByLabel(from, { exact: true }).fill('2027-07-15');
    await page.getByLabel(to, { exact: true }).fill('2027-07-14');
    // The list of what will print says what is wrong before Save is pressed; so does Save.
    await expect(page.getByText(ui.said)).toBeVisible();
    await page.getByRole('button', { name: save, exact: true }).click();
    await expect(page.getByText(ui.said).first()).toBeVisible();
    await expect(page.getByText(/not accepted|받아들여지지/)).toHaveCount(0);
    expect(await callStore(page, 'pack.list', {})).toEqual(packsBefore);

    // A cover title pasted too long is said, with its length, not cut where the field ends.
    await page.getByLabel(to, { exact: true }).fill('');
    const longTitle = `SCO Bishkek 2027:${' Бишкек'.repeat(30)}`;
    await page.getByLabel(cover, { exact: true }).fill(longTitle);
    await expect(page.getByLabel(cover, { exact: true })).toHaveValue(longTitle);
    await page.getByRole('button', { name: save, exact: true }).click();
    await expect(page.getByText(ui.tooLong)).toBeVisible();
    expect(await callStore(page, 'pack.list', {})).toEqual(packsBefore);
    await page.getByLabel(cover, { exact: true }).fill('SCO Bishkek 2027');
    await page.getByLabel(name, { exact: true }).fill(`Bishkek pack (${ui.language})`);
    await page.getByRole('button', { name: save, exact: true }).click();
    await expect
      .poll(async () => (await callStore(page, 'pack.list', {})).map((pack) => pack.name))
      .toContain(`Bishkek pack (${ui.language})`);
    // So is a copy's recipient: the export is not run, rather than stamp a name cut short.
    const copyFor = Array(12).fill('Азамат Төлөгөнов').join(', ');
    await page.getByLabel(ui.copyFor, { exact: true }).fill(copyFor);
    await expect(page.getByLabel(ui.copyFor, { exact: true })).toHaveValue(copyFor);
    await page.getByRole('button', { name: ui.export, exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: ui.copyForTooLong })).toBeVisible();
    await expect(page.locator('code').filter({ hasText: '.pdf' })).toHaveCount(0);
  }
});
