import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { type Briefing, enterBriefing, newMeeting, newSummit, pageEdges, printedText, startPack, typeScheme } from './briefings.helpers.ts';
import { test } from './fixtures.ts';
import { callStore } from './store.helpers.ts';
import { exportHandedOverCopy, searchAsTyped } from './trial.helpers.ts';
import { expect, sidebar } from './views.helpers.ts';

// Canada's desk in Ottawa (America/Toronto: EDT, −04:00, until 1 November; EST, −05:00, after) prepares its principal
// for the Sommet de la Francophonie in Siem Reap, Cambodia (Asia/Phnom_Penh, +07:00), a store nobody tuned for it: the
// desk's bilingual scheme typed in Settings, French names with accents and apostrophes, Cambodian names in Latin
// letters and in Khmer script (which no font on this machine draws), a trip across Ottawa's change of clocks, a
// meeting whose time of day nobody knows yet, and another summit the same week in the same store. Every person,
// meeting and text is FICTIONAL: test material only.

const canadianLevels = [
  ['UNCLASSIFIED / NON CLASSIFIÉ', 'U'],
  ['PROTECTED A / PROTÉGÉ A', 'PA'],
  ['PROTECTED B / PROTÉGÉ B', 'PB'],
  ['CONFIDENTIAL / CONFIDENTIEL', 'C'],
  ['SECRET', 'S'],
  ['SECRET//CANADIAN EYES ONLY', 'S//CEO'],
] as const;

const siemReap: Briefing = {
  homeTimeZone: 'America/Toronto',
  scheme: '',
  meetingLevel: 2,
  source: { title: 'Note du pupitre Francophonie (fictive)', publisher: 'Pupitre Francophonie, Ottawa', publishedOn: '2026-10-15' },
  summit: {
    title: 'XXe Sommet de la Francophonie, Siem Reap 2026 (fictif)',
    city: 'Siem Reap',
    startDate: '2026-10-31',
    endDate: '2026-11-02',
    timeZone: 'Asia/Phnom_Penh',
    description: 'À Siem Reap : la Francophonie économique. Ça commence le samedi. ÉÀÇ. សន្និសីទកំពូលហ្វ្រង់កូហ្វូនី។',
  },
  people: [
    {
      name: 'Élise D’Amours',
      nativeName: '',
      title: 'Ministre des Affaires étrangères (fictive)',
      biography: 'Née à Trois-Rivières. Chef de la délégation canadienne. Fictive.',
    },
    {
      name: 'Jean-François Côté',
      nativeName: '',
      title: 'Sherpa du Canada pour la Francophonie (fictif)',
      biography: 'Ancien ambassadeur à Hanoï. Fictif.',
    },
    {
      name: 'Chea Sovannarith',
      nativeName: 'ជា សុវណ្ណរិទ្ធ',
      title: 'Ministre des Affaires étrangères du Cambodge (fictif)',
      biography: 'Diplômé de l’Université de Montréal. Fictif.',
    },
    {
      name: 'Marie-Ève L’Heureux',
      nativeName: '',
      title: 'Conseillère, Ambassade du Canada à Phnom Penh (fictive)',
      biography: 'Parle le khmer. Fictive.',
    },
  ],
  meeting: {
    title: 'Bilatérale Canada–Cambodge (Chea Sovannarith)',
    date: '2026-10-31',
    time: '10:00',
    venue: 'Centre de conférences, salle Angkor, Siem Reap',
    counterpart: 2,
    objectives: 'Conclure le protocole sur l’éducation en français. À signer à Phnom Penh.',
    pointsToMake: '1. Remercier le Cambodge pour l’accueil du Sommet.\n2. Ça avance : l’École française de Siem Reap.',
    defensivePoints: 'Si la question est soulevée : pas de changement sur le déminage.',
    counterpartBiography: 'A rencontré Élise D’Amours à Montréal en 2025.',
  },
  participants: [
    { person: 0, side: 'Our side', role: 'Principale' },
    { person: 1, side: 'Our side', role: 'Sherpa' },
    { person: 2, side: 'Their side', role: 'Homologue' },
  ],
  event: { date: '2026-10-31', title: 'Ouverture du Sommet à Siem Reap', excerpt: 'Les chefs d’État arrivent à Angkor.' },
  note: {
    title: 'Logistique : Ottawa → Siem Reap',
    body: 'Départ d’Ottawa le 29 octobre. À noter : l’heure change à Ottawa le 1er novembre.\nFRANÇAIS, ÉTÉ, ÇA.',
  },
  pack: { name: 'Dossier Siem Reap', title: 'Sommet de la Francophonie 2026 : dossier de la ministre' },
};

const kualaLumpur = {
  title: 'Sommet Canada–ASEAN, Kuala Lumpur 2026 (fictif)',
  city: 'Kuala Lumpur',
  startDate: '2026-11-01',
  endDate: '2026-11-02',
  timeZone: 'Asia/Kuala_Lumpur',
};

test('the Francophonie summit in Siem Reap, prepared from Ottawa across its change of clocks, beside another summit the same week', async ({
  sherpa,
}, testInfo) => {
  test.setTimeout(480_000);
  const { page } = sherpa;
  // Sherpa makes no network request: anything but the loopback harness is refused and counted.
  const outside: string[] = [];
  await page.context().route(
    (url) => !['127.0.0.1', 'localhost'].includes(url.hostname),
    (route) => {
      outside.push(route.request().url());
      return route.abort();
    },
  );
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });

  await typeScheme(page, 'Canada (bilingue)', canadianLevels);
  await enterBriefing(page, siemReap);

  // The other summit the same week, with a meeting and a note of its own.
  await newSummit(page, kualaLumpur, 'SECRET');
  await newMeeting(page, kualaLumpur.title, { title: 'Rencontre avec la Malaisie à KL', date: '2026-11-01', time: '11:00' }, 'SECRET');

  // Across Ottawa's change of clocks: 31 October at the venue is EDT at home, 2 November EST.
  await newMeeting(
    page,
    siemReap.summit.title,
    { title: 'Petit-déjeuner des sherpas (Côté)', date: '2026-11-02', time: '08:00' },
    'PROTECTED A / PROTÉGÉ A',
  );
  await expect(page.getByText(/Home time \(America\/Toronto\): Sun, 1 Nov 2026, 20:00 EST/)).toBeVisible();
  await shot('meeting-after-change');

  // A meeting with no time of day yet: its date, said so.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: siemReap.summit.title }).first().click();
  await page.getByRole('link', { name: 'New meeting' }).click();
  await page.getByLabel('Title').fill('Entretien avec l’Administratrice de l’OIF');
  await page.getByLabel('Date (venue)').fill('2026-11-01');
  await page.getByLabel('Classification').selectOption('PROTECTED A / PROTÉGÉ A');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Entretien avec l’Administratrice de l’OIF' })).toBeVisible();
  await shot('meeting-no-time');

  // The first meeting's brief: the venue and Ottawa, before the change.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: siemReap.summit.title }).first().click();
  await shot('programme');
  await page.getByRole('link', { name: siemReap.meeting.title }).click();
  await expect(page.getByText(/Home time \(America\/Toronto\): Fri, 30 Oct 2026, 23:00 EDT/)).toBeVisible();
  await shot('meeting-brief');

  // The Cambodian minister's page: Khmer, which no font here draws, is said at the top.
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  await page
    .getByRole('link', { name: /Chea Sovannarith/ })
    .first()
    .click();
  await expect(page.getByText('Some text on this page shows as empty boxes')).toBeVisible();
  await shot('person-khmer');

  // Search: names typed without accents or apostrophes.
  await searchAsTyped(page, [
    ['Elise DAmours', 'Élise D’Amours'],
    ["d'amours", 'Élise D’Amours'],
    ['jean-francois cote', 'Jean-François Côté'],
    ['Marie-Eve LHeureux', 'Marie-Ève L’Heureux'],
    ['សុវណ្ណរិទ្ធ', 'Chea Sovannarith'],
  ]);
  await page.keyboard.press('Escape');

  // The pack: nothing of Kuala Lumpur.
  await startPack(page, siemReap.pack, siemReap.summit.title, [
    `Add: Full brief — ${siemReap.meeting.title}`,
    'Add: Full brief — Petit-déjeuner des sherpas (Côté)',
    'Add: Full brief — Entretien avec l’Administratrice de l’OIF',
    'Add: Timeline',
    'Add: Biographies (everyone in the pack’s meetings)',
    'Add: Sources',
    'Add: Notes',
  ]);
  await expect(page.getByRole('button', { name: 'Add: Full brief — Rencontre avec la Malaisie à KL' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved “${siemReap.pack.name}”.` })).toBeVisible();
  const willPrint = page.getByRole('list', { name: 'Will print', exact: true });
  for (const other of ['Kuala Lumpur', 'Malaisie', 'Stoltenberg'])
    await expect(willPrint, `the pack must not list “${other}”`).not.toContainText(other);
  await expect(page.getByText('Banner on every page: PROTECTED B / PROTÉGÉ B', { exact: true })).toBeVisible();
  // Khmer has no font here: the builder names what prints it, the minister's name in key details and biographies, and
  // not the summit, whose description (with its Khmer line) no page prints (before, “Summit …: Khmer” was named).
  const boxes = page.getByRole('list', { name: 'Some text will print as empty boxes' }).getByRole('listitem');
  await expect(boxes).toHaveText(['Person “Chea Sovannarith”: Khmer (ជាសុវណ្ណរិទ្ធ)', 'Participant “Chea Sovannarith”: Khmer (ជាសុវណ្ណរិទ្ធ)']);
  await shot('pack-builder');
  await page.getByRole('button', { name: 'Export to PDF' }).click();
  await expect(page.getByText(/Exported \d+ pages, banner PROTECTED B \/ PROTÉGÉ B/)).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText(/Printed with empty boxes where no font draws the characters/)).not.toContainText('Summit');
  await shot('pack-exported');
  const file = (await page.locator('code').filter({ hasText: '.pdf' }).textContent()) ?? '';
  fs.copyFileSync(file, testInfo.outputPath('pack.pdf'));
  execFileSync('pdftoppm', ['-png', '-r', '60', file, testInfo.outputPath('pack-page')]);
  const text = printedText(file);
  fs.writeFileSync(testInfo.outputPath('pack.txt'), text);
  for (const printed of [
    'Élise D’Amours',
    'Jean-François Côté',
    'Chea Sovannarith',
    'FRANÇAIS, ÉTÉ, ÇA.',
    'À noter',
    '31 October 2026, 10:00 GMT+7 (venue); 30 October 2026, 23:00 EDT (home)',
    '2 November 2026, 08:00 GMT+7 (venue); 1 November 2026, 20:00 EST (home)',
    '1 November 2026 (time not set)',
    'Logistique : Ottawa → Siem Reap',
  ])
    expect(text, `the pack should print “${printed}”`).toContain(printed);
  for (const foreign of ['Kuala Lumpur', 'Malaisie', 'CANADIAN EYES ONLY', 'Stoltenberg', 'UNMARKED'])
    expect(text, `the pack must not print “${foreign}”`).not.toContain(foreign);
  // The cover as laid out: the French colon stays after its word, and each of the summit's dates whole on its line
  // (before, “: dossier de la ministre” started the title's second line, and “2” ended a line before “November 2026”).
  const cover = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
  expect(cover).not.toMatch(/^\s*:/m);
  expect(cover).toMatch(/2026[ \u00a0]+: dossier|2026[ \u00a0]*:\s*\n/);
  expect(cover).toMatch(/31[ \u00a0]+October[ \u00a0]+2026/);
  expect(cover).toMatch(/2[ \u00a0]+November[ \u00a0]+2026/);
  const edges = pageEdges(file);
  expect(edges.length).toBeGreaterThan(3);
  for (const [index, edge] of edges.entries())
    expect(edge, `page ${index + 1}`).toEqual({ top: 'PROTECTED B / PROTÉGÉ B', foot: 'PROTECTED B / PROTÉGÉ B' });

  // The command line on a read-only copy in a read-only folder: it prints, and nothing there changes.
  expect(await exportHandedOverCopy(sherpa.dataDir, testInfo, { name: siemReap.pack.name, copyFor: 'Élise D’Amours' })).toContain(
    'Jean-François Côté',
  );
  expect(outside).toEqual([]);
  expect(await callStore(page, 'pack.list', {})).toHaveLength(1);
});

test('bad input at the Ottawa desk, in English and Korean: said in the desk’s language, nothing saved changes; deleting and undoing; a message follows the language', async ({
  sherpa,
}, testInfo) => {
  test.setTimeout(180_000);
  const { page } = sherpa;
  await typeScheme(page, 'Canada (bilingue)', canadianLevels);
  await newSummit(page, { ...siemReap.summit }, 'PROTECTED A / PROTÉGÉ A');
  const summit = (await callStore(page, 'summit.list', {})).find((each) => each.title === siemReap.summit.title);
  for (const ui of [
    {
      language: 'en',
      homeZone: 'Home time zone',
      save: 'Save',
      ottawa: 'No time zone is named “Ottawa”: Ottawa keeps the time of America/Toronto. Type America/Toronto.',
      abbreviation: /An abbreviation names different zones in different places/,
      portion: 'Portion mark of level 2',
      apply: 'Apply markings',
      bracketed: 'Type the portion mark of level 2 without its brackets',
      date: 'Date (venue)',
      time: 'Time (venue)',
      title: 'Title',
      create: 'Create',
      marking: 'Classification',
      impossibleDate: '“Date (venue)” is not a day that exists',
      name: 'Name',
      deleted: (name: string) => `Deleted: ${name}`,
      restored: (name: string) => `Restored: ${name}`,
      deletePerson: 'Delete person',
      undo: 'Undo',
    },
    {
      language: 'ko',
      homeZone: '본국 시간대',
      save: '저장',
      ottawa: '“Ottawa”라는 시간대는 없습니다. Ottawa은(는) America/Toronto의 시간을 씁니다. America/Toronto을(를) 입력하세요.',
      abbreviation: /약어/,
      portion: '2번째 등급의 문단 표시',
      apply: '보안 등급 적용',
      bracketed: '2번째 등급의 문단 표시는 괄호 없이 입력하세요',
      date: '날짜 (현지)',
      time: '시각 (현지)',
      title: '제목',
      create: '만들기',
      marking: '보안 등급',
      impossibleDate: '존재하지 않는',
      name: '이름',
      deleted: (name: string) => `삭제됨: ${name}`,
      restored: (name: string) => `복원됨: ${name}`,
      deletePerson: '인물 삭제',
      undo: '실행 취소',
    },
  ] as const) {
    await callStore(page, 'settings.update', { language: ui.language });
    await page.goto(new URL('#/settings', page.url()).toString());
    await expect(page.locator('html')).toHaveAttribute('lang', ui.language);
    const settingsBefore = await callStore(page, 'settings.get', {});
    // Ottawa is not a zone of the tz database: the desk is told which to type. An abbreviation is refused.
    for (const [typed, said] of [
      ['Ottawa', ui.ottawa],
      ['EST', ui.abbreviation],
    ] as const) {
      await page.getByLabel(ui.homeZone, { exact: true }).fill(typed);
      await page.getByRole('button', { name: ui.save, exact: true }).first().click();
      await expect(page.getByText(said).first()).toBeVisible();
      expect(await callStore(page, 'settings.get', {})).toEqual(settingsBefore);
    }
    // A portion mark typed as Canadian documents show it, in its brackets: refused, the scheme as it was.
    await page.goto(new URL('#/settings', page.url()).toString());
    await page.getByRole('textbox', { name: ui.portion, exact: true }).fill('(PA)');
    await page.getByRole('button', { name: ui.apply, exact: true }).click();
    await expect(page.getByText(ui.bracketed).first()).toBeVisible();
    expect(await callStore(page, 'settings.get', {})).toEqual(settingsBefore);

    // A meeting on 31 November: refused, nothing saved.
    await page.goto(new URL(`#/new/meeting?summitId=${summit?.id}`, page.url()).toString());
    await page.getByLabel(ui.title, { exact: true }).fill('Réunion du 31 novembre');
    // Typed into the date control as a person types it (the browser's month, day, year): it holds no value then.
    await page.getByLabel(ui.date, { exact: true }).focus();
    await page.keyboard.type('11312026');
    await page.getByLabel(ui.marking, { exact: true }).selectOption({ index: 2 });
    await page.getByRole('button', { name: ui.create, exact: true }).click();
    await expect(page.getByText(ui.impossibleDate).first()).toBeVisible();
    expect((await callStore(page, 'summit.view', { id: summit?.id ?? 0 })).meetings).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`bad-date-${ui.language}.png`), fullPage: true });

    // A person with only a name, with an apostrophe and accents: the optional fields left blank.
    const name = `Hélène D’Aragon-Çelik (${ui.language}, fictive)`;
    await page.goto(new URL('#/new/person', page.url()).toString());
    await page.getByLabel(ui.name, { exact: true }).fill(name);
    await page.getByRole('button', { name: ui.create, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    const people = await callStore(page, 'person.list', {});
    const person = people.find((each) => each.name === name);
    expect(person).toMatchObject({ nativeName: '', title: '', biography: '' });

    // Deleted, then undone: the person back as they were.
    await page.getByRole('button', { name: ui.deletePerson }).click();
    await page
      .getByRole('alertdialog')
      .getByRole('button')
      .filter({ hasNotText: /Cancel|취소/ })
      .last()
      .click();
    await expect(page.getByRole('status').filter({ hasText: ui.deleted(name) })).toBeVisible();
    await expect.poll(async () => (await callStore(page, 'person.list', {})).map((each) => each.name)).not.toContain(name);
    await page.getByRole('status').getByRole('button', { name: ui.undo }).click();
    await expect(page.getByRole('status').filter({ hasText: ui.restored(name) })).toBeVisible();
    expect((await callStore(page, 'person.list', {})).find((each) => each.name === name)).toEqual(person);
  }

  // The message on screen follows the language: a deletion said in English, then the interface switched to Korean
  // from a second window, says it in Korean (before, it stayed English beside a Korean Undo button).
  await callStore(page, 'settings.update', { language: 'en' });
  await page.goto(new URL('#/new/person', page.url()).toString());
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Name', { exact: true }).fill('Paul-Émile Lévesque (fictif)');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.getByRole('button', { name: 'Delete person' }).click();
  await page.getByRole('alertdialog').getByRole('button').filter({ hasNotText: 'Cancel' }).last().click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted: Paul-Émile Lévesque (fictif)' })).toBeVisible();
  const second = await page.context().newPage();
  await second.goto(new URL('#/settings', page.url()).toString());
  await second.getByLabel('Language').selectOption('ko');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('status').getByRole('button', { name: '실행 취소' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '삭제됨: Paul-Émile Lévesque (fictif)' })).toBeVisible();
  await page.getByRole('status').getByRole('button', { name: '실행 취소' }).click();
  await expect(page.getByRole('status').filter({ hasText: '복원됨: Paul-Émile Lévesque (fictif)' })).toBeVisible();
  await second.close();
});

test('a call from Ottawa in the hour its clocks pass twice, a name typed with a typewriter apostrophe, tags in French capitals', async ({
  sherpa,
}, testInfo) => {
  test.setTimeout(180_000);
  const { page } = sherpa;
  await typeScheme(page, 'Canada (bilingue)', canadianLevels);
  await newSummit(page, { ...siemReap.summit }, 'PROTECTED A / PROTÉGÉ A');
  // 01:30 on 1 November happens twice in Ottawa (EDT, then EST): the form asks which, the second unless told.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: siemReap.summit.title }).first().click();
  await page.getByRole('link', { name: 'New meeting' }).click();
  await page.getByLabel('Title').fill('Appel de coordination depuis Ottawa');
  await page.getByLabel('Date (venue)').fill('2026-11-01');
  await page.getByLabel('Time (venue)').fill('01:30');
  await page.getByLabel(/Time zone/).fill('America/Toronto');
  const which = page.getByLabel('Which of the two times');
  await expect(which).toBeVisible();
  await which.selectOption({ label: (await which.locator('option').first().textContent()) ?? '' });
  await page.getByLabel('Classification').selectOption('PROTECTED A / PROTÉGÉ A');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Appel de coordination depuis Ottawa' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('ottawa-call.png'), fullPage: true });
  // The first 01:30 is EDT (05:30 UTC): 12:30 at the summit in Siem Reap.
  await expect(page.getByText(/01:30 EDT/).first()).toBeVisible();
  await expect(page.getByText(/12:30/).first()).toBeVisible();

  // Élise D’Amours saved with a typographic apostrophe; typed again with the keyboard's: the form names her.
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  await page.getByRole('link', { name: 'New person' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Élise D’Amours');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Élise D’Amours' })).toBeVisible();
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  await page.getByRole('link', { name: 'New person' }).click();
  for (const typed of ["Elise D'Amours", 'ELISE DAMOURS', "D'AMOURS, Élise"]) {
    await page.getByLabel('Name', { exact: true }).fill(typed);
    await expect(page.getByRole('list', { name: 'People of this name' }), typed).toContainText('Élise D’Amours');
  }
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Tags typed in capitals and lower case, accented or not as French capitals often are: one tag each.
  for (const [title, tags] of [
    ['Note 1', 'Été, Sommet'],
    ['Note 2', 'ÉTÉ, SOMMET'],
  ] as const) {
    await sidebar(page).getByRole('link', { name: 'Notes' }).click();
    await page.getByRole('button', { name: 'New note' }).click();
    const editor = page.getByRole('group', { name: 'Note editor' });
    await editor.getByLabel('Title').fill(title);
    await editor.getByRole('textbox', { name: 'Tags (comma-separated)' }).fill(tags);
    await editor.getByLabel('Classification').selectOption('PROTECTED A / PROTÉGÉ A');
    await expect(editor.getByText('Saved', { exact: true }).first()).toBeVisible();
  }
  await sidebar(page).getByRole('link', { name: 'Notes' }).click();
  const tagFilter = page.getByRole('combobox', { name: 'Tag' });
  await expect(tagFilter.locator('option')).toHaveText(['All tags', 'Été (2)', 'Sommet (2)']);
});
