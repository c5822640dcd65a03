import { execFileSync } from 'node:child_process';
import { type Briefing, enterBriefing, exportBriefingPack, newMeeting, printedText, typeScheme } from './briefings.helpers.ts';
import { test } from './fixtures.ts';
import { expect, sidebar } from './views.helpers.ts';

// A new desk's briefing, entered through the interface: a Mercosur summit in Brasília (America/Sao_Paulo, -03)
// prepared at home there, under the desk's own Portuguese scheme typed into Settings, with video calls to a minister
// in Lisbon and a delegation in Auckland (+13 in December, so the call is on the next calendar day there). Names in
// Portuguese and Spanish with compound surnames, a Guaraní name with ĝ, g̃ (no precomposed letter) and the puso ʼ
// (U+02BC), a Korean participant; a G20 in Johannesburg in the same store stays out of the pack. Fictional meetings.

const brasilia: Briefing = {
  homeTimeZone: 'America/Sao_Paulo',
  scheme: '',
  meetingLevel: 1,
  source: { title: 'Comunicado Conjunto, Cúpula de Brasília', publisher: 'Itamaraty', publishedOn: '2026-12-01' },
  summit: {
    title: 'Cúpula do Mercosul, Brasília 2026',
    city: 'Brasília',
    startDate: '2026-12-10',
    endDate: '2026-12-11',
    timeZone: 'America/Sao_Paulo',
    description: 'Cúpula de Presidentes do Mercosul e Estados Associados.',
  },
  people: [
    { name: 'María José Peña-Ibáñez', nativeName: '', title: 'Canciller del Uruguay', biography: 'Abogada; ex embajadora en Asunción.' },
    { name: 'João Güell Ñúñez de Araújo', nativeName: '', title: 'Ministro das Relações Exteriores', biography: 'Nascido em São Luís.' },
    { name: 'Kuñataĩ Mbaʼe Ĝuyrá', nativeName: 'Kuñataĩ Mbaʼe G\u0303uyrá', title: 'Asesora', biography: 'Habla guaraní.' },
    { name: 'Kim Min-jun', nativeName: '김민준', title: '외교부 차관보', biography: '한국 대표단.' },
  ],
  meeting: {
    title: 'Plenária da Cúpula',
    date: '2026-12-10',
    time: '10:00',
    venue: 'Palácio Itamaraty',
    counterpart: 0,
    objectives: '1. Avançar o acordo de facilitação de comércio.',
    pointsToMake: '- Propor um grupo de trabalho sobre defesa cibernética.',
    defensivePoints: 'Se perguntado: não há mudança na TEC.',
    counterpartBiography: 'Encontrou o Presidente em Montevidéu em 2025.',
  },
  participants: [
    { person: 1, side: 'Our side', role: 'Chefe da delegação' },
    { person: 0, side: 'Their side', role: 'Contraparte' },
    { person: 2, side: 'Their side', role: 'Asesora' },
    { person: 3, side: 'Their side', role: 'Observador' },
  ],
  event: { date: '2026-12-09', title: 'Reunião de coordenadores nacionais', excerpt: 'os coordenadores acordaram a agenda' },
  note: { title: 'Protocolo no Itamaraty', body: 'Peña-Ibáñez fala primeiro; Mbaʼe: confirmar intérprete de guaraní.' },
  pack: { name: 'Pacote Brasília', title: 'Cúpula do Mercosul: plenária' },
};

test('a Mercosur summit in Brasília under a Portuguese scheme, with calls to Lisbon and Auckland, prints only its own', async ({
  sherpa,
}, testInfo) => {
  test.setTimeout(300_000);
  const { page } = sherpa;
  await typeScheme(page, 'Brasil (Lei de Acesso à Informação)', [
    ['OSTENSIVO', 'O'],
    ['RESERVADO', 'R'],
    ['SECRETO', 'S'],
    ['ULTRASSECRETO', 'US'],
  ]);
  await enterBriefing(page, brasilia);

  await newMeeting(
    page,
    brasilia.summit.title,
    { title: 'Bilateral em Montevidéu', date: '2026-12-09', time: '11:00', zone: 'America/Montevideo' },
    'SECRETO',
  );
  await newMeeting(
    page,
    brasilia.summit.title,
    { title: 'Videochamada com Lisboa', date: '2026-12-10', time: '14:00', zone: 'Europe/Lisbon' },
    'RESERVADO',
  );
  await newMeeting(
    page,
    brasilia.summit.title,
    { title: 'Videochamada com Auckland', date: '2026-12-11', time: '09:30', zone: 'Pacific/Auckland' },
    'RESERVADO',
  );
  // Friday morning in Auckland is Thursday afternoon at home; the day before the summit is said to be so.
  await expect(page.getByText('Fri, 11 Dec 2026, 09:30 NZDT (GMT+13)')).toBeVisible();
  await expect(page.getByText('Thu, 10 Dec 2026, 17:30 GMT-3')).toBeVisible();
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: brasilia.summit.title }).first().click();
  await expect(page.getByText('Wednesday, 9 December 2026 (1 meeting) · before the summit’s dates')).toBeVisible();
  const lisbon = page.locator('.meeting-row').filter({ hasText: 'Videochamada com Lisboa' });
  await expect(lisbon).toContainText('Thu, 10 Dec 2026, 14:00 WET');
  await expect(lisbon).toContainText('Home time (America/Sao_Paulo): Thu, 10 Dec 2026, 11:00 GMT-3');
  await page.screenshot({ path: testInfo.outputPath('programme.png'), fullPage: true });

  // Found as a keyboard without ñ, ĩ, ĝ or ʼ types them.
  await page.keyboard.press('Control+k');
  const results = page.locator('.search-results li');
  for (const typed of ['Mbae', 'Kunatai Guyra', 'pena ibanez', 'nunez de araujo', '김민준']) {
    await page.getByRole('searchbox', { name: 'Search' }).fill(typed);
    await expect(results.filter({ has: page.locator('mark') }).first(), `a hit for “${typed}”`).toBeVisible();
  }
  await page.keyboard.press('Escape');

  // A G20 in Johannesburg in the same store, SECRETO, with Peña-Ibáñez at a meeting of its own.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'New summit' }).first().click();
  await page.getByLabel('Title').fill('G20 Leaders’ Summit, Johannesburg');
  await page.getByLabel('Start date').fill('2026-11-21');
  await page.getByLabel('End date').fill('2026-11-22');
  await page.getByLabel(/Time zone/).fill('Africa/Johannesburg');
  await page.getByLabel('Classification').selectOption('SECRETO');
  await page.getByRole('button', { name: 'Create' }).click();
  // As the desk does, on to the next step once the new summit shows: a click on Summits before then was undone
  // by the creation's own move to the summit.
  await expect(page.getByRole('heading', { level: 1, name: 'G20 Leaders’ Summit, Johannesburg' })).toBeVisible();
  await newMeeting(
    page,
    'G20 Leaders’ Summit, Johannesburg',
    { title: 'JOANESBURGO bilateral', date: '2026-11-21', time: '16:00' },
    'SECRETO',
  );

  const file = await exportBriefingPack(page, brasilia);
  await expect(page.getByText(/Exported \d+ pages, banner RESERVADO/)).toBeVisible();
  execFileSync('pdftoppm', ['-png', '-r', '60', file, testInfo.outputPath('pack-page')]);
  const text = printedText(file);
  for (const own of [
    'María José Peña-Ibáñez',
    'Kuñataĩ Mbaʼe Ĝuyrá',
    'Kim Min-jun (김민준)',
    'confirmar intérprete de guaraní',
    '(R) Plenária',
  ])
    expect(text, `the pack should print “${own}”`).toContain(own);
  for (const foreign of ['Johannesburg', 'JOANESBURGO', 'SECRETO', 'Stoltenberg'])
    expect(text, `the pack must not print “${foreign}”`).not.toContain(foreign);
  // The banner at the top and foot of every page.
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  expect(text.match(/RESERVADO/g)?.length ?? 0).toBeGreaterThanOrEqual(2 * pages);
});
