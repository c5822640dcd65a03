import { expect, test } from './fixtures.ts';
import { callStore, goTo } from './store.helpers.ts';

// A name in Ge'ez, a meeting's title in Thai: with no font for those scripts on
// the machine, the pages show them as empty boxes. Each page says so, as the
// pack builder does before a pack prints them, and says nothing once they are gone.

test('a person’s and a meeting’s pages warn of text no installed font draws', async ({ sherpa }, testInfo) => {
  const { page } = sherpa;
  const settings = await callStore(page, 'settings.get', {});
  const marking = settings.classificationScheme.levels[0]?.name ?? '';
  const summit = await callStore(page, 'summit.create', {
    title: 'Mekong boxes check, Bangkok 2027',
    city: 'Bangkok',
    countryId: null,
    startDate: '2027-03-01',
    endDate: '2027-03-02',
    timeZone: 'Asia/Bangkok',
    description: '',
    sourceId: null,
    classification: marking,
  });
  const person = await callStore(page, 'person.create', {
    name: 'Almaz Tesfaye',
    nativeName: 'አልማዝ ተስፋዬ',
    title: 'Ambassador',
    countryId: null,
    biography: '',
    classification: marking,
    sourceId: null,
  });
  const meeting = await callStore(page, 'meeting.create', {
    summitId: summit.id,
    title: 'Bilateral การประชุม',
    format: 'bilateral',
    startsAt: '2027-03-01T03:00:00.000Z',
    startTimeKnown: true,
    durationMinutes: 30,
    timeZone: 'Asia/Bangkok',
    venue: '',
    interpreters: '',
    press: 'closed',
    purpose: '',
    objectives: '',
    theirAsks: '',
    pointsToMake: '',
    linesToTake: '',
    defensivePoints: '',
    background: '',
    sensitivities: '',
    protocolNotes: '',
    pressLine: '',
    outcome: '',
    status: 'planned',
    counterpartId: null,
    classification: marking,
    sourceId: null,
  });

  const warning = page.getByRole('status').filter({ hasText: 'Some text on this page shows as empty boxes' });
  await goTo(page, `#/people/${person.id}`);
  await expect(page.getByRole('heading', { name: /Almaz Tesfaye/ })).toBeVisible();
  await expect(warning).toContainText('Ethiopic characters (አልማዝተስፋዬ)');
  await page.screenshot({ path: testInfo.outputPath('person-boxes.png') });

  await goTo(page, `#/meeting/${meeting.id}`);
  await expect(page.getByRole('heading', { name: /Bilateral/, level: 1 })).toBeVisible();
  await expect(warning).toContainText('Thai characters');
  await expect(warning).not.toContainText('Ethiopic');

  // The summit's programme lists the meeting by its title: the same boxes, the same warning.
  await goTo(page, `#/summit/${summit.id}`);
  await expect(page.getByRole('heading', { name: /Mekong boxes check/, level: 1 })).toBeVisible();
  await expect(warning).toContainText('Thai characters');

  // A page whose every letter draws says nothing.
  await goTo(page, '#/sources');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(warning).toHaveCount(0);
});
