import { execFileSync } from 'node:child_process';
import {
  type Briefing,
  enterBriefing,
  newEntryWithAnnotation,
  newMeeting,
  newProgramme,
  newSector,
  printedText,
  startPack,
  typeScheme,
} from './briefings.helpers.ts';
import { test } from './fixtures.ts';
import { searchAsTyped } from './trial.helpers.ts';
import { expect, paste, sidebar } from './views.helpers.ts';

// A new desk's own briefing, entered through the interface: an ECOWAS Authority summit in Abuja (Africa/Lagos, +01),
// prepared from Paris, with a side meeting in Dakar (+00) and a call with Praia (-01), under a French scheme typed
// into Settings. Hausa names with hooked letters (ɓ ɗ ƙ ƴ), Yoruba with dots below and tone marks, searched as a desk
// types them on a plain keyboard. A G7 summit in Évian in the same store must not reach the Abuja pack. The Hausa
// names are fictional; the meetings are test material only.

const abuja: Briefing = {
  homeTimeZone: 'Europe/Paris',
  scheme: '',
  meetingLevel: 1,
  source: { title: 'Programme du sommet de la CEDEAO', publisher: 'Direction Afrique', publishedOn: '2026-11-30' },
  summit: {
    title: 'ECOWAS Authority summit, Abuja 2026',
    city: 'Abuja (State House)',
    startDate: '2026-12-14',
    endDate: '2026-12-15',
    timeZone: 'Africa/Lagos',
    description: 'Ordinary session of the Authority of Heads of State; side meetings in Dakar, calls with Praia and Accra.',
  },
  people: [
    { name: 'Bọ́lá Tinúbú', nativeName: '', title: 'President of Nigeria, ECOWAS chair', biography: 'Born in Lagos; Ọ̀ṣun ties.' },
    {
      name: 'Ɗanjuma Ƙwankwaso',
      nativeName: '',
      title: 'Governor (fictional)',
      biography: 'From Ƙaura Namoda; met Ɓello Ƴarʼadua in Kano.',
    },
    { name: 'Ọláṣẹ̀gún Ọbásanjọ́', nativeName: '', title: 'Former President', biography: 'Envoy on the Sahel; speaks Yorùbá.' },
    { name: 'Bassirou Diomaye Faye', nativeName: '', title: 'President of Senegal', biography: 'Elected 2024.' },
    { name: 'Ousmane Sonko', nativeName: '', title: 'Prime Minister of Senegal', biography: '' },
    { name: 'José Maria Neves', nativeName: '', title: 'President of Cabo Verde', biography: 'Presidente da República; Praia.' },
    { name: 'Ɓello Ƴarʼadua', nativeName: '', title: 'Adviser (fictional)', biography: '' },
  ],
  meeting: {
    title: 'Bilateral with Nigeria (Tinúbú)',
    date: '2026-12-14',
    time: '10:00',
    venue: 'State House, Aso Rock',
    counterpart: 0,
    objectives: 'Agree a joint line on the Sahel transition timetables.',
    pointsToMake: '1. Thank Bọ́lá Tinúbú for hosting.\n2. Raise Gulf of Guinea piracy with Ɗanjuma Ƙwankwaso present.',
    defensivePoints: 'If raised: no change on the French posture in the Sahel.',
    counterpartBiography: 'Met the minister in Paris, June 2026.',
  },
  participants: [
    { person: 0, side: 'Their side', role: 'Counterpart' },
    { person: 1, side: 'Their side', role: 'Guest' },
    { person: 2, side: 'Their side', role: 'Envoy' },
  ],
  event: { date: '2026-12-14', title: 'Opening of the Authority session', excerpt: 'Heads of State arrive' },
  note: { title: 'Logistique à Abuja', body: 'Voiture depuis l’hôtel : 20 min. Ọbásanjọ́ arrive à 9 h.' },
  pack: { name: 'Abuja pack', title: 'Sommet de la CEDEAO, Abuja : entretien avec le Nigeria' },
};

const wordLines = '·\tWelcome the Authority’s Sahel roadmap.\r\no\tAsk Ɗanjuma Ƙwankwaso about Kano.\r\n§\tOnly if asked: Praia.\r\n';

const frenchLevels = [
  ['NON PROTÉGÉ', 'NP'],
  ['DIFFUSION RESTREINTE', 'DR'],
  ['CONFIDENTIEL', 'CONF'],
  ['SECRET', 'S'],
] as const;

test('an ECOWAS summit in Abuja with Hausa and Yoruba names, found as a plain keyboard types them', async ({ sherpa }, testInfo) => {
  test.setTimeout(240_000);
  const { page } = sherpa;
  await typeScheme(page, 'Schéma français', frenchLevels);
  await enterBriefing(page, abuja);

  await searchAsTyped(
    page,
    [
      ['Danjuma Kwankwaso', 'Ɗanjuma Ƙwankwaso'],
      ['DANJUMA', 'Ɗanjuma Ƙwankwaso'],
      ['Kaura Namoda', 'Ɗanjuma Ƙwankwaso'],
      ['Bello Yaradua', 'Ɓello Ƴarʼadua'],
      ["Bello Yar'adua", 'Ɓello Ƴarʼadua'],
      ['Olasegun Obasanjo', 'Ọláṣẹ̀gún Ọbásanjọ́'],
      ['Bola Tinubu', 'Bọ́lá Tinúbú'],
      ['Jose Maria Neves', 'José Maria Neves'],
    ],
    { portionMark: '(NP)' },
  );
  await page.keyboard.press('Escape');

  // Listed as the Hausa alphabet has them, each hooked letter after its base letter, not after every Z.
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  const people = page.getByRole('heading', { name: 'People', exact: true }).locator('xpath=following-sibling::*[1]').getByRole('link');
  const abujaNames = abuja.people.map((person) => person.name);
  await expect
    .poll(async () => (await people.allInnerTexts()).filter((name) => abujaNames.includes(name)))
    .toEqual([
      'Bassirou Diomaye Faye',
      'Bọ́lá Tinúbú',
      'Ɓello Ƴarʼadua',
      'Ɗanjuma Ƙwankwaso',
      'José Maria Neves',
      'Ọláṣẹ̀gún Ọbásanjọ́',
      'Ousmane Sonko',
    ]);

  // Typed again from a newspaper, without the hooks: warned of, with the mark.
  await page.getByRole('link', { name: 'New person' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Danjuma Kwankwaso');
  await expect(page.getByRole('list', { name: 'People of this name' })).toContainText('(NP)Ɗanjuma Ƙwankwaso');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Lines to take pasted from a Word brief: its bullets come as "·", "o" and "§" with a tab.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: abuja.summit.title }).first().click();
  await page.getByRole('link', { name: abuja.meeting.title }).first().click();
  await page.getByRole('button', { name: 'Edit Lines to take' }).click();
  await page.getByLabel('Lines to take text').focus();
  await paste(page, wordLines);
  await page.keyboard.press('Control+Enter');
  const lines = page.getByRole('region', { name: /Lines to take/ }).getByRole('listitem');
  await expect(lines).toHaveText(['Welcome the Authority’s Sahel roadmap.', 'Ask Ɗanjuma Ƙwankwaso about Kano.', 'Only if asked: Praia.']);

  // The same pasted into a note, whose Markdown knows no Word bullet: written as typed, "- ", it reads as a list.
  await sidebar(page).getByRole('link', { name: 'Notes' }).click();
  await page.getByRole('button', { name: 'New note' }).click();
  const editor = page.getByRole('group', { name: 'Note editor' });
  await editor.getByLabel('Title').fill('Appel avec Praia');
  await editor.getByRole('textbox', { name: 'Note text' }).focus();
  await paste(page, wordLines);
  await editor.getByLabel('Classification').selectOption('DIFFUSION RESTREINTE');
  await expect(editor.getByText('Saved', { exact: true }).first()).toBeVisible();
  await expect(editor.getByRole('textbox', { name: 'Note text' })).toHaveValue(
    '- Welcome the Authority’s Sahel roadmap.\n  - Ask Ɗanjuma Ƙwankwaso about Kano.\n    - Only if asked: Praia.\n',
  );
  await expect(editor.getByRole('listitem').last()).toHaveText('Only if asked: Praia.');

  await newMeeting(
    page,
    abuja.summit.title,
    { title: 'Side meeting in Dakar (Faye)', date: '2026-12-15', time: '09:00', zone: 'Africa/Dakar' },
    'CONFIDENTIEL',
  );
  await newMeeting(
    page,
    abuja.summit.title,
    { title: 'Call with Praia (Neves)', date: '2026-12-15', time: '08:00', zone: 'Atlantic/Cape_Verde' },
    'DIFFUSION RESTREINTE',
  );

  // Another summit, marked higher: none of it may reach the Abuja pack.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'New summit' }).first().click();
  await page.getByLabel('Title').fill('G7 Évian 2026');
  await page.getByLabel('Start date').fill('2026-06-14');
  await page.getByLabel('End date').fill('2026-06-16');
  await page.getByLabel(/Time zone/).fill('Europe/Paris');
  await page.getByLabel('Classification').selectOption('SECRET');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'G7 Évian 2026' })).toBeVisible();
  await newMeeting(page, 'G7 Évian 2026', { title: 'Évian: G7 sherpa dinner', date: '2026-06-14', time: '20:00' }, 'SECRET');

  const programme = await newProgramme(page, { code: 'AFR', name: 'Afrique de l’Ouest' }, 'DIFFUSION RESTREINTE');
  await newSector(page, programme, 'Counter-terrorism in the Sahel', 'CONFIDENTIEL');
  for (const [date, title, marking, annotation] of [
    ['2026-12-14', 'Sahel: Liptako-Gourma task force', 'CONFIDENTIEL', 'Demander à Ọbásanjọ́ : calendrier ?'],
    ['2026-06-15', 'Sahel item raised at Évian', 'SECRET', 'G7 only.'],
  ] as const)
    await newEntryWithAnnotation(page, { date, title, source: abuja.source.title, annotation }, marking);

  await startPack(page, abuja.pack, abuja.summit.title, [
    `Add: Full brief — ${abuja.meeting.title}`,
    'Add: Full brief — Side meeting in Dakar (Faye)',
    'Add: Pocket card — Call with Praia (Neves)',
    'Add: Counter-terrorism in the Sahel',
    'Add: Biographies (everyone in the pack’s meetings)',
    'Add: Notes',
  ]);
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved “${abuja.pack.name}”.` })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Will print', exact: true })).not.toContainText('Évian');
  await page.getByRole('button', { name: 'Export to PDF' }).click();
  await expect(page.getByText(/Exported \d+ pages, banner CONFIDENTIEL/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/Printed with empty boxes/)).toHaveCount(0);
  const file = (await page.locator('code').filter({ hasText: '.pdf' }).textContent()) ?? '';
  // Looked at: the participants table and the points to make (page 3).
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '3', '-l', '3', file, testInfo.outputPath('pack-page')]);
  const text = printedText(file);
  for (const printed of [
    '14 December 2026, 10:00 WAT (GMT+1) (venue); 10:00 CET (home)',
    '15 December 2026, 09:00 GMT (venue); 10:00 WAT (GMT+1) (summit); 10:00 CET (home)',
    '15 December 2026, 08:00 GMT-1 (venue); 10:00 WAT (GMT+1) (summit); 10:00 CET (home)',
    '2. Raise Gulf of Guinea piracy with Ɗanjuma Ƙwankwaso present.',
    '(NP) Ɗanjuma Ƙwankwaso Governor (fictional) From Ƙaura Namoda; met Ɓello Ƴarʼadua in Kano.',
    '(CONF) 14 December 2026 — Sahel: Liptako-Gourma task force',
    '(NP) Logistique à Abuja',
    'Welcome the Authority’s Sahel roadmap.',
  ])
    expect(text, `the pack should print “${printed}”`).toContain(printed);
  for (const foreign of ['Évian', 'G7', 'SECRET', 'UNMARKED', 'Stoltenberg', '· Welcome', 'o Ask', '§'])
    expect(text, `the pack must not print “${foreign}”`).not.toContain(foreign);
});
