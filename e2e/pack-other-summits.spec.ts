import { expect, test } from './fixtures.ts';
import { callStore } from './store.helpers.ts';

// A desk's tenth summit: the same sector is written in at every summit. An
// entry dated during another of the desk's summits is that summit's material,
// with the annotations written for it: the builder starts it out of this pack,
// names the summit, and prints it only when the officer keeps it.

test('starts an entry dated during another summit out of the pack, naming that summit, and keeps it when chosen', async ({ sherpa }) => {
  const { page } = sherpa;
  const programmes = await callStore(page, 'programme.list', {});
  const cyber = programmes.flatMap((programme) => programme.sectors).find((sector) => sector.name === 'Cybersecurity');
  const vilnius = (await callStore(page, 'summit.list', {})).find((summit) => summit.title.includes('Vilnius'));
  if (!cyber || !vilnius) throw new Error('the sample has no Cybersecurity sector or no Vilnius summit');
  const marked = { classification: 'NATO UNCLASSIFIED' };
  const source = await callStore(page, 'source.create', {
    ...marked,
    title: 'Madrid desk cable',
    publisher: '',
    location: '',
    publishedOn: null,
    note: '',
  });
  await callStore(page, 'summit.create', {
    ...marked,
    title: 'NATO Summit Madrid (other-summits spec)',
    city: 'Madrid',
    countryId: null,
    startDate: '2022-06-28',
    endDate: '2022-06-30',
    timeZone: 'Europe/Madrid',
    description: '',
    sourceId: source.id,
  });
  const madridEntry = await callStore(page, 'sectorEntry.create', {
    ...marked,
    sectorId: cyber.id,
    occurredOn: '2022-06-29',
    title: 'Madrid cyber pledge',
    body: '',
    sourceId: source.id,
    sourceExcerpt: '',
  });
  await callStore(page, 'note.create', {
    sectorEntryId: madridEntry.id,
    title: 'Madrid reading of the pledge',
    body: 'Written for the Madrid pack.',
    tags: [],
    classification: 'NATO SECRET',
  });
  await callStore(page, 'pack.save', {
    name: 'Vilnius cyber (other-summits spec)',
    expected: null,
    definition: {
      title: 'Vilnius: cyber',
      recipient: '',
      summitId: vilnius.id,
      principalId: null,
      paper: 'a4',
      sections: [{ kind: 'sector', sectorId: cyber.id }, { kind: 'sources' }],
    },
  });
  await page.goto(`${page.url().split('#')[0]}#/packs`);
  await page.getByRole('button', { name: 'Vilnius cyber (other-summits spec)' }).click();

  const willPrint = page.getByRole('list', { name: 'Will print' });
  const banner = page.getByText(/^Banner on every page:/);
  await expect(willPrint).toContainText('Yoon proposes international cyber training');
  await expect(willPrint).not.toContainText('Madrid');
  await expect(banner).toHaveText('Banner on every page: NATO UNCLASSIFIED');
  const entries = page.getByRole('list', { name: 'Entries of this sector' });
  await expect(entries.getByRole('listitem').filter({ hasText: 'Madrid cyber pledge' })).toHaveText(
    /\(NU\) 29 June 2022 Madrid cyber pledge · dated during \u2068NATO Summit Madrid \(other-summits spec\)\u2069 · Left out of this pack/,
  );
  const box = page.getByRole('checkbox', { name: 'Take out of this pack: Madrid cyber pledge' });
  await expect(box).toBeChecked();

  await box.uncheck();
  await expect(willPrint).toContainText('Madrid reading of the pledge');
  await expect(willPrint).toContainText('Madrid desk cable');
  await expect(banner).toHaveText('Banner on every page: NATO SECRET');
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Vilnius cyber (other-summits spec)”.' })).toBeVisible();
  const saved = (await callStore(page, 'pack.list', {})).find((pack) => pack.name === 'Vilnius cyber (other-summits spec)');
  expect(saved?.definition.sections[0]).toMatchObject({ kind: 'sector', keptEntryIds: [madridEntry.id] });
});
