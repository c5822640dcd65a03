import { expect, test } from './fixtures.ts';
import { callStore } from './store.helpers.ts';

// Two summits of the desk share a sector. A note linked to the sector, written
// while the first was the desk's next summit, is that summit's: the second
// summit's pack lists it struck through as left out, naming the first, prints
// it once the officer clears its box, and keeps that choice when saved.

test('leaves out of one summit’s pack a sector note written for another, naming that summit, and keeps it when chosen', async ({
  sherpa,
}) => {
  const { page } = sherpa;
  const programmes = await callStore(page, 'programme.list', {});
  const cyber = programmes.flatMap((programme) => programme.sectors).find((sector) => sector.name === 'Cybersecurity');
  if (!cyber) throw new Error('the sample has no Cybersecurity sector');
  const marked = { classification: 'NATO UNCLASSIFIED', city: '', countryId: null, description: '', sourceId: null };
  // Far ahead, so that a note written today was written before both.
  await callStore(page, 'summit.create', {
    ...marked,
    title: 'Reykjavik Cable Summit (notes spec)',
    startDate: '2090-03-10',
    endDate: '2090-03-11',
    timeZone: 'Atlantic/Reykjavik',
  });
  const lisbon = await callStore(page, 'summit.create', {
    ...marked,
    title: 'Lisbon Cable Summit (notes spec)',
    startDate: '2090-09-20',
    endDate: '2090-09-21',
    timeZone: 'Europe/Lisbon',
  });
  const note = await callStore(page, 'note.create', {
    title: 'Reykjavik landing-station line',
    body: 'Written for the Reykjavik pack.',
    tags: [],
    classification: 'NATO SECRET',
  });
  await callStore(page, 'note.link', { id: note.id, link: { sectorId: cyber.id } });
  await callStore(page, 'pack.save', {
    name: 'Lisbon cyber (notes spec)',
    expected: null,
    definition: {
      title: 'Lisbon: cyber',
      recipient: '',
      summitId: lisbon.id,
      principalId: null,
      paper: 'a4',
      sections: [{ kind: 'sector', sectorId: cyber.id }, { kind: 'notes' }],
    },
  });
  await page.goto(`${page.url().split('#')[0]}#/packs`);
  await page.getByRole('button', { name: 'Lisbon cyber (notes spec)' }).click();

  const willPrint = page.getByRole('list', { name: 'Will print' });
  const banner = page.getByText(/^Banner on every page:/);
  // The sample's cyber entries are dated during Vilnius: left out of this pack too (pack-other-summits.spec.ts).
  await expect(willPrint).toContainText('Cybersecurity');
  await expect(willPrint).not.toContainText('Reykjavik');
  await expect(banner).toHaveText('Banner on every page: NATO UNCLASSIFIED');
  const notes = page.getByRole('list', { name: 'Sector notes written for another summit' });
  await expect(notes.getByRole('listitem')).toHaveText(
    /^\(NS\) Reykjavik landing-station line · written \d{4}-\d{2}-\d{2}, before \u2068Reykjavik Cable Summit \(notes spec\)\u2069 ended · Left out of this pack$/,
  );
  const box = page.getByRole('checkbox', { name: 'Leave out of this pack: Reykjavik landing-station line' });
  await expect(box).toBeChecked();

  await box.uncheck();
  await expect(willPrint).toContainText('Reykjavik landing-station line');
  await expect(banner).toHaveText('Banner on every page: NATO SECRET');
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Lisbon cyber (notes spec)”.' })).toBeVisible();
  const saved = (await callStore(page, 'pack.list', {})).find((pack) => pack.name === 'Lisbon cyber (notes spec)');
  expect(saved?.definition.sections[1]).toMatchObject({ kind: 'notes', keptNoteIds: [note.id] });
});
