import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures.ts';
import { callStore } from './store.helpers.ts';

// Sector entries belong to no summit: a sector shared by two summits holds the
// entries of both. The officer takes the other summit's entry out of this pack
// in the builder, and neither it nor what hangs on it prints or marks the pack.

test('takes one sector entry out of a pack: the “Will print” list, the banner and the exported PDF lose it', async ({
  sherpa,
}, testInfo) => {
  const { page } = sherpa;
  const programmes = await callStore(page, 'programme.list', {});
  const cyber = programmes.flatMap((programme) => programme.sectors).find((sector) => sector.name === 'Cybersecurity');
  const summit = (await callStore(page, 'summit.list', {}))[0];
  if (!cyber || !summit) throw new Error('the sample has no Cybersecurity sector or no summit');
  const jakartaSource = await callStore(page, 'source.create', {
    title: 'Jakarta desk cable on the cyber hub',
    publisher: 'Southeast Asia desk',
    location: 'Cable JKT-9',
    publishedOn: null,
    note: '',
    classification: 'NATO UNCLASSIFIED',
  });
  const jakartaEntry = await callStore(page, 'sectorEntry.create', {
    sectorId: cyber.id,
    occurredOn: '2023-09-05',
    title: 'ASEAN cyber hub agreed in Jakarta',
    body: 'Agreed at the ASEAN Summit.',
    sourceId: jakartaSource.id,
    sourceExcerpt: '',
    classification: 'NATO UNCLASSIFIED',
  });
  await callStore(page, 'note.create', {
    sectorEntryId: jakartaEntry.id,
    title: 'Jakarta reading of the hub',
    body: 'For the ASEAN file only.',
    tags: [],
    classification: 'NATO SECRET',
  });
  await callStore(page, 'pack.save', {
    name: 'Vilnius cyber pack',
    expected: null,
    definition: {
      title: 'Vilnius: cyber',
      recipient: '',
      summitId: summit.id,
      principalId: null,
      paper: 'a4',
      sections: [{ kind: 'sector', sectorId: cyber.id }, { kind: 'timeline' }, { kind: 'sources' }],
    },
  });
  await page.goto(`${page.url().split('#')[0]}#/packs`);
  await page.getByRole('button', { name: 'Vilnius cyber pack' }).click();

  const willPrint = page.getByRole('list', { name: 'Will print' });
  const banner = page.getByText(/^Banner on every page:/);
  await expect(willPrint).toContainText('ASEAN cyber hub agreed in Jakarta');
  await expect(willPrint).toContainText('Jakarta desk cable on the cyber hub');
  await expect(banner).toHaveText('Banner on every page: NATO SECRET');

  // Each entry is listed with its portion mark, date and title; one dated after the summit says so.
  const entries = page.getByRole('list', { name: 'Entries of this sector' });
  await expect(entries.getByRole('listitem').filter({ hasText: 'ASEAN cyber hub' })).toHaveText(
    /\(NU\) 5 September 2023 ASEAN cyber hub agreed in Jakarta · dated after the summit ended/,
  );
  await page.getByRole('checkbox', { name: 'Take out of this pack: ASEAN cyber hub agreed in Jakarta' }).check();
  await expect(banner).toHaveText('Banner on every page: NATO UNCLASSIFIED');
  await expect(willPrint).not.toContainText('ASEAN cyber hub');
  await expect(willPrint).not.toContainText('Jakarta reading of the hub');
  await expect(willPrint).not.toContainText('Jakarta desk cable');
  await expect(willPrint).toContainText('Yoon proposes international cyber training');
  await page.screenshot({ path: testInfo.outputPath('entry-taken-out.png'), fullPage: true });

  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Vilnius cyber pack”.' })).toBeVisible();
  await page.getByRole('button', { name: 'Export to PDF' }).click();
  await expect(page.getByText(/Exported \d+ pages, banner NATO UNCLASSIFIED/)).toBeVisible({ timeout: 60_000 });
  const path = await page.locator('code').filter({ hasText: '.pdf' }).textContent();
  if (!path) throw new Error('no exported file named');
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Yoon proposes international cyber training');
  for (const jakarta of ['ASEAN cyber hub', 'Jakarta reading', 'For the ASEAN file', 'Jakarta desk cable', 'NATO SECRET'])
    expect(text, jakarta).not.toContain(jakarta);
});
