import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
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
import { callStore } from './store.helpers.ts';
import { sha256 } from './trial.helpers.ts';
import { chooseRecord, expect, sidebar } from './views.helpers.ts';

// Canada's desk in Ottawa (America/Toronto, EDT in June) prepares the Prime Minister for the G7 Leaders' Summit at
// Évian-les-Bains (Europe/Paris, CEST), 15–17 June 2026, on a store nobody tuned for it: a Canadian scheme the desk
// types into Settings (UNCLASSIFIED < PROTECTED A < PROTECTED B < CONFIDENTIAL < SECRET, each caveat CANADIAN EYES
// ONLY a level of its own above the one it qualifies), French and English names with accents, hyphens and particles,
// a Japanese name in both orders, bilaterals on the margins (one at a quarter past midnight in Évian, the evening
// before in Ottawa), sector entries, notes typed on the plane with French punctuation, the laptop's clock moving to
// Paris mid-trip, then the pack exported and read back, and the command line given bad paths. Every person and
// meeting is fictional: test material only.

const canadianLevels = [
  ['UNCLASSIFIED', 'U'],
  ['PROTECTED A', 'PA'],
  ['PROTECTED B', 'PB'],
  ['CONFIDENTIAL', 'C'],
  ['CONFIDENTIAL//CANADIAN EYES ONLY', 'C//CEO'],
  ['SECRET', 'S'],
  ['SECRET//CANADIAN EYES ONLY', 'S//CEO'],
] as const;

// French typography as a word processor writes it: a non-breaking space before « : » and « ! », a narrow one before
// « ; » and « ? », inside guillemets.
const nbsp = '\u00a0';
const narrow = '\u202f';
const planeNote = `Remarque${nbsp}: le PM veut parler des «${nbsp}minéraux critiques${nbsp}»${narrow}; puis de l’IA${nbsp}!\nQuestion${nbsp}: feux de forêt${narrow}?`;

const evian: Briefing = {
  homeTimeZone: 'America/Toronto',
  scheme: '',
  meetingLevel: 2,
  source: { title: 'Note de la présidence française du G7', publisher: 'Bureau du sherpa, Ottawa', publishedOn: '2026-05-20' },
  summit: {
    title: 'G7 Leaders’ Summit, Évian-les-Bains',
    city: 'Évian-les-Bains',
    startDate: '2026-06-15',
    endDate: '2026-06-17',
    timeZone: 'Europe/Paris',
    description: `Sommet des dirigeants du G7${nbsp}: présidence française.`,
  },
  people: [
    {
      name: 'Hélène Lévesque-Tremblay',
      nativeName: '',
      title: 'Sherpa du G7 (Canada)',
      biography: `Née à Trois-Rivières${narrow}; sherpa depuis 2025.`,
    },
    {
      name: 'Jean-Étienne de La Rochefoucauld',
      nativeName: '',
      title: 'Conseiller diplomatique (France)',
      biography: 'Ancien ambassadeur à Ottawa.',
    },
    {
      name: 'Ōtsuka Kōji',
      nativeName: '大塚 浩二',
      title: 'Deputy Minister for Foreign Affairs (Japan)',
      biography: 'G7 sous-sherpa, 2024–2026.',
    },
    { name: 'Giulia D’Alessandro', nativeName: '', title: 'Consigliere diplomatico (Italia)', biography: 'Sherpa italienne.' },
  ],
  meeting: {
    title: 'Bilatérale Canada–France (La Rochefoucauld)',
    date: '2026-06-15',
    time: '23:45',
    venue: 'Hôtel Royal, salon Lumière',
    counterpart: 1,
    objectives: `«${nbsp}Minéraux critiques${nbsp}»${nbsp}: accord sur la feuille de route${narrow}; calendrier${nbsp}!`,
    pointsToMake: `1. Remercier la France pour l’accueil à Évian.\n2. Proposer un groupe de travail${nbsp}: feux de forêt${narrow}?`,
    defensivePoints: `Si soulevé${nbsp}: pas de changement sur l’IA générative${nbsp}!`,
    counterpartBiography: `Rencontré à Ottawa en avril 2026${narrow}; parle anglais.`,
  },
  participants: [
    { person: 1, side: 'Their side', role: 'Counterpart' },
    { person: 0, side: 'Our side', role: 'Sherpa' },
  ],
  event: { date: '2026-06-15', title: 'Arrivée des dirigeants à Évian', excerpt: 'Les dirigeants arrivent' },
  note: { title: `Notes d’avion${nbsp}: «${nbsp}Évian${nbsp}»`, body: planeNote },
  pack: { name: 'Évian PM pack', title: 'Premier ministre — Sommet du G7, Évian-les-Bains', copyFor: 'Cabinet du Premier ministre' },
};

/** Chooses the open meeting's counterpart through its edit form. */
async function chooseCounterpart(page: Page, meeting: string, person: string): Promise<void> {
  await page.getByRole('link', { name: 'Edit meeting details' }).click();
  await chooseRecord(page.getByLabel('Counterpart', { exact: true }), person);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: meeting })).toBeVisible();
  await expect(page.getByRole('link', { name: person.replace(/ \(.*\)$/, '') }).first()).toBeVisible();
}

async function newPersonForm(page: Page): Promise<void> {
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  await page.getByRole('link', { name: 'New person' }).click();
}

test('G7 Évian, prepared from Ottawa under a Canadian scheme: names, midnight meetings, French notes, the pack and the command line', async ({
  sherpa,
}, testInfo) => {
  test.setTimeout(360_000);
  const { page } = sherpa;
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  // The desk laptop starts in Ottawa; the window's clock moves when it lands in France.
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Emulation.setTimezoneOverride', { timezoneId: 'America/Toronto' });

  await typeScheme(page, 'Canada (Politique sur la sécurité du gouvernement)', canadianLevels);
  // The portion mark typed as a Canadian document prints it, in its brackets: refused at its field, nothing saved
  // (saved, every paragraph of the pack printed "((PA))").
  const portionA = page.getByRole('textbox', { name: 'Portion mark of level 2' });
  await portionA.fill('(PA)');
  await page.getByRole('button', { name: 'Apply markings' }).click();
  await expect(page.getByRole('alert')).toContainText('Type the portion mark of level 2 without its brackets');
  const savedScheme = async () =>
    (await callStore(page, 'settings.get', {} as never)).classificationScheme.levels.map((level) => level.portion);
  expect(await savedScheme()).toEqual(canadianLevels.map(([, portion]) => portion));
  await portionA.fill('PA');
  // CONFIDENTIAL//CANADIAN EYES ONLY moved above SECRET: a page holding both would be bannered CONFIDENTIAL. Refused,
  // naming both levels, nothing saved; moved back, it applies.
  await page.getByRole('button', { name: 'Move level 5 down' }).click();
  await page.getByRole('button', { name: 'Apply markings' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Level 6 is ranked above level 5, though the classification it names before “//” ranks below level 5',
  );
  expect(await savedScheme()).toEqual(canadianLevels.map(([, portion]) => portion));
  await shot('scheme-refused');
  await page.getByRole('button', { name: 'Move level 6 up' }).click();
  // Ottawa is no zone of the tz database: the answer names the one to type.
  await sidebar(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Home time zone').fill('Ottawa');
  await page.getByRole('button', { name: 'Save' }).first().click();
  await expect(page.getByText('America/Toronto').first()).toBeVisible();
  await shot('settings');

  await enterBriefing(page, evian);

  // The same people typed again as another list writes them: each is warned of, never refused.
  for (const [typed, stored] of [
    ['Helene Levesque Tremblay', 'Hélène Lévesque-Tremblay'],
    ['JEAN-ETIENNE DE LA ROCHEFOUCAULD', 'Jean-Étienne de La Rochefoucauld'],
    ['Otsuka Koji', 'Ōtsuka Kōji'],
    ['Kōji Ōtsuka', 'Ōtsuka Kōji'],
    ['Koji Otsuka', 'Ōtsuka Kōji'],
  ] as const) {
    await newPersonForm(page);
    await page.getByLabel('Name', { exact: true }).fill(typed);
    await expect(page.getByRole('list', { name: 'People of this name' }), typed).toContainText(stored);
  }
  await shot('namesake');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Bilaterals on the margins: Japan at a quarter past midnight in Évian, still the 15th in Ottawa; a call from the
  // Ottawa office at 18:30 on the 16th, already the 17th at the summit.
  await newMeeting(
    page,
    evian.summit.title,
    { title: 'Bilatérale Canada–Japon (Ōtsuka)', date: '2026-06-16', time: '00:15', durationMinutes: 30 },
    'CONFIDENTIAL',
  );
  await expect(page.getByText('Tue, 16 Jun 2026, 00:15 CEST')).toBeVisible();
  await expect(page.getByText('Mon, 15 Jun 2026, 18:15 EDT')).toBeVisible();
  await chooseCounterpart(page, 'Bilatérale Canada–Japon (Ōtsuka)', 'Ōtsuka Kōji (大塚 浩二)');
  await newMeeting(
    page,
    evian.summit.title,
    { title: 'Appel avec le BCP, Ottawa', date: '2026-06-16', time: '18:30', zone: 'America/Toronto' },
    'SECRET//CANADIAN EYES ONLY',
  );
  await expect(page.getByText('Wed, 17 Jun 2026, 00:30 CEST')).toBeVisible();
  await newMeeting(
    page,
    evian.summit.title,
    { title: 'Bilatérale Canada–Italie (D’Alessandro)', date: '2026-06-16', time: '09:00' },
    'PROTECTED A',
  );
  await chooseCounterpart(page, 'Bilatérale Canada–Italie (D’Alessandro)', 'Giulia D’Alessandro');
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: evian.summit.title }).first().click();
  await shot('programme');
  // The programme files each meeting under its venue's day, the other clock beside it.
  await expect(page.getByRole('heading', { name: /^Tuesday, 16 June 2026/ })).toContainText('3 meetings');
  await expect(page.getByText('Mon, 15 Jun 2026, 18:15 EDT – 18:45 EDT')).toBeVisible();

  // Sector entries.
  const programme = await newProgramme(page, { code: 'G7', name: 'Priorités canadiennes au G7' }, 'UNCLASSIFIED');
  await newSector(page, programme, 'Minéraux critiques', 'PROTECTED A');
  await newEntryWithAnnotation(
    page,
    {
      date: '2026-06-16',
      title: 'Plan d’action du G7 sur les minéraux critiques',
      source: evian.source.title,
      annotation: `À suivre${nbsp}: Ressources naturelles Canada${nbsp}!`,
    },
    'PROTECTED A',
  );

  // On the plane, the laptop lands in Paris; the desk's home zone stays Ottawa's. The note typed there keeps every
  // non-breaking space as typed.
  await devtools.send('Emulation.setTimezoneOverride', { timezoneId: 'Europe/Paris' });
  await sidebar(page).getByRole('link', { name: 'Notes' }).click();
  await page.getByRole('button', { name: 'New note' }).click();
  const editor = page.getByRole('group', { name: 'Note editor' });
  await editor.getByLabel('Title').fill(`Atterrissage à Genève${nbsp}: logistique`);
  const inFlight = `Navette vers Évian à 14${narrow}h${nbsp}; «${nbsp}zone rouge${nbsp}» autour de l’Hôtel Royal${nbsp}!`;
  await editor.getByRole('textbox', { name: 'Note text' }).fill(inFlight);
  await editor.getByLabel('Classification').selectOption('PROTECTED A');
  await chooseRecord(editor.getByLabel('Linked to'), `Summit: ${evian.summit.title}`);
  await expect(editor.getByText('Saved', { exact: true }).first()).toBeVisible();
  const stored = await callStore(page, 'note.list', {} as never);
  expect(stored.map((note) => note.body)).toEqual(expect.arrayContaining([planeNote, inFlight]));

  // Too long a title is refused at its field, nothing saved; the longest allowed is kept whole.
  const longTitle = `Réunion de travail des dirigeants sur la gouvernance de l’intelligence artificielle, les minéraux critiques et la coopération contre les feux de forêt, avec l’Union européenne et l’Inde (invitée)`;
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: evian.summit.title }).first().click();
  await page.getByRole('link', { name: 'New meeting' }).click();
  await page.getByLabel('Title').fill(`${longTitle} ${'x'.repeat(200 - longTitle.length)}`);
  await page.getByLabel('Date (venue)').fill('2026-06-17');
  await page.getByLabel('Time (venue)').fill('10:00');
  await page.getByLabel('Classification').selectOption('PROTECTED B');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText(/Too long: 2\d\d characters, at most 200\./)).toBeVisible();
  await page.getByLabel('Title').fill(longTitle);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: longTitle })).toBeVisible();

  // The pack: every bilateral, the sector, the annexes and the notes.
  await startPack(page, evian.pack, evian.summit.title, [
    `Add: Full brief — ${evian.meeting.title}`,
    'Add: Full brief — Bilatérale Canada–Japon (Ōtsuka)',
    'Add: Pocket card — Bilatérale Canada–Italie (D’Alessandro)',
    'Add: Full brief — Appel avec le BCP, Ottawa',
    `Add: Full brief — ${longTitle}`,
    'Add: Minéraux critiques',
    'Add: Timeline',
    'Add: Biographies (everyone in the pack’s meetings)',
    'Add: Sources',
    'Add: Notes',
  ]);
  await page.getByLabel('Recipient', { exact: true }).fill('Premier ministre / Prime Minister');
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved “${evian.pack.name}”.` })).toBeVisible();
  await shot('builder');
  await page.getByRole('button', { name: 'Export to PDF' }).click();
  await expect(page.getByText(/Exported \d+ pages, banner SECRET\/\/CANADIAN EYES ONLY/)).toBeVisible({ timeout: 90_000 });
  const file = (await page.locator('code').filter({ hasText: '.pdf' }).textContent()) ?? '';
  execFileSync('pdftoppm', ['-png', '-r', '60', file, testInfo.outputPath('pack-page')]);
  const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  fs.writeFileSync(testInfo.outputPath('pack.txt'), raw);
  const text = printedText(file);
  for (const printed of [
    '15 June 2026, 23:45 CEST (venue); 17:45 EDT (home)',
    '16 June 2026, 00:15 CEST – 00:45 CEST (venue); 15 June 2026, 18:15 EDT – 18:45 EDT (home)',
    '16 June 2026, 18:30 EDT (venue); 17 June 2026, 00:30 CEST (summit)',
    'Jean-Étienne de La Rochefoucauld',
    'Ōtsuka Kōji',
    'Giulia D’Alessandro',
    'Plan d’action du G7 sur les minéraux critiques',
    longTitle,
  ])
    expect(text, `the pack should print “${printed}”`).toContain(printed);
  for (const edge of pageEdges(file)) {
    expect(edge.top).toBe('SECRET//CANADIAN EYES ONLY');
    expect(edge.foot).toBe('SECRET//CANADIAN EYES ONLY');
  }
  expect(text).not.toContain('Stoltenberg');

  // A bilateral deleted and put back: the pack lists it again.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: evian.summit.title }).first().click();
  await page.getByRole('link', { name: 'Bilatérale Canada–Italie (D’Alessandro)' }).click();
  await page.getByRole('button', { name: 'Delete meeting' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(evian.pack.name);
  await shot('delete-dialog');
  await dialog
    .getByRole('button', { name: /^Delete/ })
    .last()
    .click();
  const status = page.getByRole('status').filter({ hasText: 'Deleted:' });
  await expect(status).toContainText('Bilatérale Canada–Italie (D’Alessandro)');
  await status.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored:' })).toContainText('Bilatérale Canada–Italie (D’Alessandro)');
  await sidebar(page).getByRole('link', { name: 'Briefing packs' }).click();
  await page.getByRole('button', { name: evian.pack.name }).first().click();
  await expect(page.getByRole('list', { name: 'Will print', exact: true })).toContainText('Bilatérale Canada–Italie (D’Alessandro)');

  // Optional fields left blank: a meeting whose hour is not known yet, an action with no owner or due date.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: evian.summit.title }).first().click();
  await page.getByRole('link', { name: 'New meeting' }).click();
  await page.getByLabel('Title').fill('Bilatérale Canada–UE');
  await page.getByLabel('Date (venue)').fill('2026-06-17');
  await page.getByLabel('Time of day is known').uncheck();
  await page.getByLabel('Classification').selectOption('PROTECTED A');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bilatérale Canada–UE' })).toBeVisible();
  await shot('eu-no-time');
  await page.getByRole('link', { name: 'Add follow-up' }).click();
  await page.getByLabel('Description').fill(`Envoyer le compte rendu à Ottawa${nbsp}!`);
  await page.getByLabel('Classification').selectOption('PROTECTED A');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText(`Envoyer le compte rendu à Ottawa${nbsp}!`)).toBeVisible();
  await shot('eu-follow-up');

  // The Korean interface: the same bad input, refused in Korean, nothing saved.
  await sidebar(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('ko');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await page.getByRole('textbox', { name: '2번째 등급의 문단 표시' }).fill('（PA）');
  await page.getByRole('button', { name: '보안 등급 적용' }).click();
  await expect(page.getByRole('alert')).toContainText('2번째 등급의 문단 표시는 괄호 없이 입력하세요.');
  expect(await savedScheme()).toEqual(canadianLevels.map(([, portion]) => portion));
  await shot('ko-portion');
  await page.getByLabel('본국 시간대').fill('Ottawa');
  await page.getByRole('button', { name: '저장', exact: true }).first().click();
  await expect(
    page.getByText('“Ottawa”라는 시간대는 없습니다. Ottawa은(는) America/Toronto의 시간을 씁니다.', { exact: false }),
  ).toBeVisible();
  await shot('ko-zone');
  expect((await callStore(page, 'settings.get', {} as never)).homeTimeZone).toBe('America/Toronto');
  await page.reload();
  await page.getByLabel('언어').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // The command line, given the store the app has open and bad places to write: never changes what it reads.
  const store = path.join(sherpa.dataDir, 'sherpa.sqlite');
  const exportCli = (...args: string[]) =>
    spawnSync(process.execPath, [path.resolve('scripts/export.ts'), ...args], { encoding: 'utf8', timeout: 120_000 });
  const signedOff = path.join(sherpa.dataDir, 'signed-off.pdf');
  fs.copyFileSync(file, signedOff);
  fs.chmodSync(signedOff, 0o444);
  const signedBefore = sha256(signedOff);
  for (const [args, said] of [
    [['--db', store, '--pack', evian.pack.name, '--out', signedOff, '--replace'], 'is read-only'],
    [['--db', store, '--pack', evian.pack.name, '--out', path.join(sherpa.dataDir, 'nowhere', 'pack.pdf')], 'does not exist'],
    [['--db', store, '--pack', evian.pack.name, '--out', `${sherpa.dataDir}/./sherpa.sqlite`], 'is the store given with --db'],
    [['--db', path.join(sherpa.dataDir, 'exports'), '--pack', evian.pack.name, '--out', path.join(sherpa.dataDir, 'a.pdf')], 'is a folder'],
    [['--db', store, '--pack', 'Evian PM pack', '--out', path.join(sherpa.dataDir, 'b.pdf')], 'No pack named'],
  ] as const) {
    const run = exportCli(...args);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain(said);
  }
  expect(sha256(signedOff)).toBe(signedBefore);
  const good = path.join(sherpa.dataDir, 'cli-pack.pdf');
  const run = exportCli('--db', store, '--pack', evian.pack.name, '--out', good, '--copy-for', 'Hélène Lévesque-Tremblay');
  expect(run.status, run.stderr).toBe(0);
  expect(printedText(good)).toContain('Unregistered copy · for (S//CEO) Hélène Lévesque-Tremblay');
  expect(
    fs
      .readdirSync(sherpa.dataDir)
      .filter((name) => name.endsWith('.pdf'))
      .sort(),
  ).toEqual(['cli-pack.pdf', 'signed-off.pdf']);
});
