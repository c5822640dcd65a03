import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { type Briefing, enterBriefing, exportBriefingPack, newMeeting, printedText, typeScheme } from './briefings.helpers.ts';
import { test } from './fixtures.ts';
import { expect, sidebar } from './views.helpers.ts';

// A new desk's own briefing, entered through the interface: a Mercosur–CELAC summit in Montevideo (UTC−3, no daylight
// saving) prepared from Madrid, whose clocks go back on 25 October 2026 between the meetings, under the desk's own
// Spanish scheme typed into Settings. Names in Spanish and Portuguese with particles and accents; a second summit of
// the desk's stays out of the pack. Fictional meetings: test material only.

const montevideo: Briefing = {
  homeTimeZone: 'Europe/Madrid',
  scheme: '',
  meetingLevel: 2,
  source: { title: 'Acta de la cumbre de Montevideo', publisher: 'Dirección General de Iberoamérica', publishedOn: '2026-10-20' },
  summit: {
    title: 'Cumbre Mercosur–CELAC, Montevideo 2026',
    city: 'Montevideo',
    startDate: '2026-10-23',
    endDate: '2026-10-27',
    timeZone: 'America/Montevideo',
    description: 'Cumbre de jefes de Estado; reunión de São Paulo preparatoria.',
  },
  people: [
    {
      name: 'Luiz Inácio Lula da Silva',
      nativeName: '',
      title: 'Presidente de Brasil',
      biography: 'Nació en Garanhuns; vive en São Paulo.',
    },
    { name: 'Santiago Peña Palacios', nativeName: '', title: 'Presidente de Paraguay', biography: 'Economista.' },
    { name: 'Yamandú Orsi', nativeName: '', title: 'Presidente de Uruguay', biography: 'Anfitrión.' },
    { name: 'Alejandro García de la Cruz', nativeName: '', title: 'Embajador', biography: 'Nuestro embajador en Montevideo.' },
    { name: 'Gabriel Boric Font', nativeName: '', title: 'Presidente de Chile', biography: 'Magallanes.' },
  ],
  meeting: {
    title: 'Bilateral España–Brasil',
    date: '2026-10-24',
    time: '15:00',
    venue: 'Torre Ejecutiva, sala 2',
    counterpart: 0,
    objectives: 'Acuerdo UE–Mercosur: ratificación.',
    pointsToMake: '1. Agradecer la acogida en São Paulo.',
    defensivePoints: 'Si se plantea: no hay cambio en la cuota de carne.',
    counterpartBiography: 'Se reunió con el Presidente en Madrid en 2025.',
  },
  participants: [
    { person: 3, side: 'Our side', role: 'Embajador' },
    { person: 0, side: 'Their side', role: 'Contraparte' },
    { person: 4, side: 'Their side', role: 'Observador' },
  ],
  event: { date: '2026-10-22', title: 'Reunión preparatoria en São Paulo', excerpt: 'los sherpas acordaron la agenda' },
  note: { title: 'Protocolo en la Torre Ejecutiva', body: 'Peña llega a las 23:30; Lula da Silva habla primero.' },
  pack: { name: 'Paquete Montevideo', title: 'Cumbre Mercosur–CELAC: bilateral con Brasil' },
};

/** The Spanish scheme, typed over the five rows Settings start with; `top` names its highest level. */
const spanishScheme = (page: Page, top = 'SECRETO') =>
  typeScheme(page, 'España (Ley de Secretos Oficiales)', [
    ['SIN CLASIFICAR', 'SC'],
    ['DIFUSIÓN LIMITADA', 'DL'],
    ['CONFIDENCIAL', 'C'],
    ['RESERVADO', 'R'],
    [top, 'S'],
  ]);

async function openSummit(page: Page, title: string): Promise<void> {
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: title }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('a Mercosur–CELAC summit in Montevideo, prepared from Madrid under a Spanish scheme, entered through the interface', async ({
  sherpa,
}, testInfo) => {
  test.setTimeout(300_000);
  const { page } = sherpa;
  await spanishScheme(page);
  await enterBriefing(page, montevideo);

  // Typed without the tilde, the cedilla-less "a" or the accents, each name is found, its own letters marked.
  await page.keyboard.press('Control+k');
  const search = page.getByRole('searchbox', { name: 'Search' });
  const results = page.locator('.search-results li');
  for (const [typed, title, marked] of [
    ['pena', 'Santiago Peña Palacios', ['Peña']],
    ['inacio', 'Luiz Inácio Lula da Silva', ['Inácio']],
    ['sao paulo', 'Reunión preparatoria en São Paulo', ['São', 'Paulo']],
    ['garcia de la cruz', 'Alejandro García de la Cruz', ['García', 'de', 'la', 'Cruz']],
  ] as const) {
    await search.fill(typed);
    const hit = results.filter({ hasText: title }).first();
    await expect(hit.locator('mark').first()).toBeVisible();
    expect(await hit.locator('.hit-title mark').allTextContents(), `marks for “${typed}”`).toEqual(marked);
  }
  await page.screenshot({ path: testInfo.outputPath('search.png') });
  await page.keyboard.press('Escape');

  // Madrid's clocks go back in the night of 24 to 25 October; Montevideo's do not move.
  await newMeeting(
    page,
    montevideo.summit.title,
    { title: 'Cena de trabajo con Uruguay', date: '2026-10-25', time: '23:30' },
    'DIFUSIÓN LIMITADA',
  );
  await newMeeting(
    page,
    montevideo.summit.title,
    { title: 'Bilateral con Paraguay', date: '2026-10-26', time: '15:00' },
    'DIFUSIÓN LIMITADA',
  );
  await openSummit(page, montevideo.summit.title);
  // The summit's own overview carries its Spanish mark, as every text shown does.
  await expect(page.getByRole('heading', { level: 2, name: /Overview/ })).toHaveText('(SC)Overview');
  const timeOf = (title: string) => page.locator('.meeting-row').filter({ hasText: title });
  await expect(timeOf(montevideo.meeting.title)).toContainText('Home time (Europe/Madrid): Sat, 24 Oct 2026, 20:00 CEST');
  await expect(timeOf('Cena de trabajo con Uruguay')).toContainText('Home time (Europe/Madrid): Mon, 26 Oct 2026, 03:30 CET');
  await expect(timeOf('Bilateral con Paraguay')).toContainText('Home time (Europe/Madrid): Mon, 26 Oct 2026, 19:00 CET');
  await page.screenshot({ path: testInfo.outputPath('summit.png'), fullPage: true });

  // A second summit of the desk's, with Lula at a SECRETO meeting: none of it belongs in the Montevideo pack.
  // Its dates typed as a Spanish desk types them, day first, into a control that reads month first.
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'New summit' }).first().click();
  await page.getByLabel('Title').fill('Cumbre UE–CELAC, Bruselas 2027');
  const start = page.getByLabel('Start date');
  await start.click();
  await page.keyboard.type('24/10/2026');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(start).toHaveAccessibleDescription(/This field reads a typed date as MM\/DD\/YYYY/);
  await start.click();
  await page.keyboard.press('Home');
  await page.keyboard.type('05/11/2027');
  // 5 November typed day first reads as 11 May, and the form says so in words; the refusal of the year is gone.
  await expect(start).toHaveAccessibleDescription('Reads as Tuesday, 11 May 2027.');
  await expect(start).toHaveAttribute('aria-invalid', 'false');
  await page.screenshot({ path: testInfo.outputPath('date-typed-day-first.png'), fullPage: true });
  await start.fill('2027-07-17');
  await page.getByLabel(/Time zone/).fill('Europe/Brussels');
  await page.getByLabel('Classification').selectOption('SECRETO');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('link', { name: 'New meeting' }).click();
  await page.getByLabel('Title').fill('Bilateral reservada con Lula');
  await page.getByLabel('Date (venue)').fill('2027-07-17');
  await page.getByLabel('Classification').selectOption('SECRETO');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bilateral reservada con Lula' })).toBeVisible();

  // Settings name each summit to share after its mark, and the banner counts them.
  await sidebar(page).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('checkbox', { name: /^\(S\) ?Cumbre UE–CELAC, Bruselas 2027$/ })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^\(SC\) ?Cumbre Mercosur–CELAC, Montevideo 2026$/ })).toBeVisible();
  await expect(page.locator('.screen-banner').first()).toHaveText(/^SECRETO/);

  const file = await exportBriefingPack(page, montevideo);
  await expect(page.getByText(/Exported \d+ pages, banner CONFIDENCIAL/)).toBeVisible();
  execFileSync('pdftoppm', ['-png', '-r', '60', file, testInfo.outputPath('pack-page')]);
  const text = printedText(file);
  for (const own of ['Luiz Inácio Lula da Silva', 'Alejandro García de la Cruz', 'Peña llega a las 23:30', '(C)', '(SC)'])
    expect(text, `the pack should print “${own}”`).toContain(own);
  for (const foreign of ['Bruselas', 'Bilateral reservada', 'SECRETO', 'Stoltenberg', 'Vilnius'])
    expect(text, `the pack must not print “${foreign}”`).not.toContain(foreign);
  expect(text).toMatch(/24 October 2026, 15:00 GMT-3 \(venue\); 20:00 CEST \(home\)/);
  // The participants table reads as the brief on screen: our side, then theirs, each by name.
  // Read by side, not by line: a name wrapped in its cell puts its second line after the next row's side in the
  // printed text's order (the Role column is as wide as its longest word since round 35).
  expect([...text.matchAll(/(Our|Their) side/g)].map((side) => side[1])).toEqual(['Our', 'Their', 'Their']);
  expect(text).toContain('Name Alejandro García de la Cruz Gabriel Boric Font Luiz Inácio Lula da Silva');
});

test('a level named at the full 100 characters keeps the note editor and the record forms inside the window', async ({
  sherpa,
}, testInfo) => {
  const { page } = sherpa;
  const longest = 'SECRETO — USO EXCLUSIVO DE LA DIRECCIÓN GENERAL DE IBEROAMÉRICA Y DE LA EMBAJADA EN MONTEVIDEO (URY)';
  expect([...longest].length).toBe(100);
  await spanishScheme(page, longest);
  // A picker offering the level grew to its width and pushed the editor and its preview off the right edge.
  // Runs in the page; typed structurally because e2e/ is compiled without the DOM library.
  const overflow = () =>
    page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document
        .documentElement;
      return root.scrollWidth - root.clientWidth;
    });
  await sidebar(page).getByRole('link', { name: 'Notes' }).click();
  await page.getByRole('button', { name: 'New note' }).click();
  await expect(page.getByRole('group', { name: 'Note editor' }).getByLabel('Classification')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('note-editor.png') });
  expect(await overflow()).toBeLessThanOrEqual(0);
  await openSummit(page, 'NATO Summit, Vilnius 2023');
  await page.getByRole('link', { name: 'New meeting' }).click();
  await expect(page.getByLabel('Classification')).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
});
