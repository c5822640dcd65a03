import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test } from './fixtures.ts';
import { callStore } from './store.helpers.ts';
import { chooseRecord } from './views.helpers.ts';

test('assembles a pack from the sample, reorders it, saves it and exports it to PDF', async ({ sherpa }, testInfo) => {
  const { page } = sherpa;
  await page.getByRole('link', { name: 'Briefing packs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Briefing packs' })).toBeVisible();

  await page.getByLabel('Pack name').fill('Vilnius car pack');
  await page.getByLabel('Title on the cover').fill('Vilnius: the Yoon meeting');
  await page.getByLabel('Recipient', { exact: true }).fill('Private Office');
  await chooseRecord(page.getByLabel('Summit'), 'NATO Summit, Vilnius 2023');
  await chooseRecord(page.getByLabel('Principal'), 'Jens Stoltenberg');
  // Each add button names its meeting, so a screen reader's list of buttons tells them apart.
  await page.getByRole('button', { name: 'Add: Pocket card — Secretary General Stoltenberg – President Yoon' }).click();
  await page.getByRole('button', { name: 'Add: Cybersecurity' }).click();
  await page.getByRole('button', { name: 'Add: Biographies (everyone in the pack’s meetings)' }).click();
  await page.getByRole('button', { name: 'Move up: Cybersecurity' }).click();

  // The sections themselves, not the people listed inside the biographies section.
  const sections = page.getByRole('list', { name: 'Sections, in print order' }).locator(':scope > li');
  await expect(sections).toHaveText([
    /1\. Cybersecurity/,
    /2\. Secretary General Stoltenberg – President Yoon · Pocket card/,
    /3\. Biographies/,
  ]);

  // The builder says what each section prints, and lists every record that will print.
  await expect(sections.nth(1)).toContainText('Prints one page: key details, the counterpart in one line');
  const willPrint = page.getByRole('list', { name: 'Will print' });
  await expect(willPrint).toContainText('Yoon proposes international cyber training');
  await expect(willPrint).toContainText('Yoon Suk Yeol');
  // Leaving a person out of the biographies takes them off the list before anything is exported.
  await page.getByRole('button', { name: 'Leave out: Jens Stoltenberg' }).click();
  await expect(page.getByRole('button', { name: 'Put back: Jens Stoltenberg' })).toBeVisible();
  await expect(willPrint.getByRole('listitem').filter({ hasText: /Biographies/ })).not.toContainText('Jens Stoltenberg');

  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Vilnius car pack”.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Vilnius car pack' })).toBeVisible();

  await page.getByLabel('Stamp a copy for (optional)').fill('Ambassador Kim');
  await page.getByRole('button', { name: 'Export to PDF' }).click();
  const result = page.getByText(/Exported \d+ pages, banner NATO UNCLASSIFIED, copy 1/);
  await expect(result).toBeVisible({ timeout: 60_000 });
  const path = await page.locator('code').filter({ hasText: '.pdf' }).textContent();
  expect(path && fs.readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
  expect(path).toContain(sherpa.dataDir);
  // A second export the same day keeps the first file and says which file it wrote.
  await page.getByRole('button', { name: 'Export to PDF' }).click();
  await expect(page.getByText(/copy 2/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('this export got the next number')).toBeVisible();
  const second = await page.locator('code').filter({ hasText: '.pdf' }).textContent();
  expect(second).toMatch(/ \(2\)\.pdf$/);
  expect(path && fs.existsSync(path)).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('pack-builder.png'), fullPage: true });
  // The exported pages themselves, as a person would look at them.
  if (path) execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '3', path, testInfo.outputPath('exported-page')]);
});

test('refuses to save a pack without a name, a title or a sensible timeline, naming the field as the builder labels it', async ({
  sherpa,
}) => {
  const { page } = sherpa;
  await page.goto(`${page.url().split('#')[0]}#/packs`);
  await page.getByRole('button', { name: 'Add: Timeline' }).click();
  const alert = page.getByRole('alert');
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(alert).toHaveText('“Pack name” is empty: fill it in, then save. Nothing was saved.');
  await page.getByLabel('Pack name').fill('Cover test');
  await page.getByLabel('Title on the cover').fill('');
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(alert).toHaveText('“Title on the cover” is empty: fill it in, then save. Nothing was saved.');
  await page.getByLabel('Title on the cover').fill('Cover test');
  await page.getByLabel('Timeline from').fill('2023-07-12');
  await page.getByLabel('Timeline to').fill('2023-07-01');
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(alert).toContainText('“Timeline to” is before “Timeline from”');
  // No validator's own words (a field path, "must not be empty") ever reach the page.
  await expect(alert).not.toContainText('definition');
  expect((await callStore(page, 'pack.list', {})).map((pack) => pack.name)).not.toContain('Cover test');
});

test('deleting a pack asks first, and Undo brings it back', async ({ sherpa }) => {
  const { page } = sherpa;
  await page.goto(`${page.url().split('#')[0]}#/packs`);
  await page.getByLabel('Pack name').fill('Short-lived pack');
  await page.getByLabel('Title on the cover').fill('Short-lived');
  await page.getByRole('button', { name: 'Add: Timeline' }).click();
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByRole('button', { name: 'Short-lived pack' })).toBeVisible();
  const idOf = async () => (await callStore(page, 'pack.list', {})).find((pack) => pack.name === 'Short-lived pack')?.id;
  const savedId = await idOf();
  expect(savedId).toBeDefined();

  await page.getByRole('button', { name: 'Delete pack' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete the pack “Short-lived pack”?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Short-lived pack' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete pack' }).click();
  await dialog.getByRole('button', { name: 'Delete pack' }).click();
  await expect(page.getByRole('button', { name: 'Short-lived pack' })).toHaveCount(0);
  await expect(page.getByRole('status').getByText('Pack “Short-lived pack” deleted.')).toBeVisible();
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').getByText('Pack “Short-lived pack” restored.')).toBeVisible();
  // The same pack, not a copy saved again under its name.
  expect(await idOf()).toBe(savedId);
  await page.getByRole('button', { name: 'Short-lived pack' }).click();
  await expect(page.getByLabel('Title on the cover')).toHaveValue('Short-lived');
});

test('an open pack drops a sector deleted elsewhere, takes it back on Undo, and saves without it', async ({ sherpa }) => {
  const { page } = sherpa;
  const programmes = await callStore(page, 'programme.list', {});
  const cyber = programmes.flatMap((programme) => programme.sectors).find((sector) => sector.name === 'Cybersecurity');
  const summit = (await callStore(page, 'summit.list', {}))[0];
  if (!cyber || !summit) throw new Error('the sample has no Cybersecurity sector or no summit');
  await callStore(page, 'pack.save', {
    name: 'Cyber pack',
    expected: null,
    definition: {
      title: 'Cyber',
      recipient: '',
      summitId: summit.id,
      principalId: null,
      paper: 'a4',
      sections: [{ kind: 'sector', sectorId: cyber.id }, { kind: 'timeline' }],
    },
  });
  await page.goto(`${page.url().split('#')[0]}#/packs`);
  await page.getByRole('button', { name: 'Cyber pack' }).click();
  const sections = page.getByRole('list', { name: 'Sections, in print order' }).locator(':scope > li');
  await expect(sections).toHaveText([/1\. Cybersecurity/, /2\. Timeline/]);

  // Deleted from another window (here, straight through the store) while the builder is open.
  const deleted = await callStore(page, 'sector.delete', { id: cyber.id, takeAlong: true });
  await expect(sections).toHaveText([/1\. Timeline/]);
  await expect(page.getByText(`#${cyber.id}`)).toHaveCount(0);

  await callStore(page, 'deletion.undo', { id: deleted.undoId });
  await expect(sections).toHaveText([/1\. Cybersecurity/, /2\. Timeline/]);

  await callStore(page, 'sector.delete', { id: cyber.id, takeAlong: true });
  await expect(sections).toHaveText([/1\. Timeline/]);
  await page.getByLabel('Title on the cover').fill('Cyber, revised');
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Cyber pack”.' })).toBeVisible();
  const saved = (await callStore(page, 'pack.list', {})).find((pack) => pack.name === 'Cyber pack');
  expect(saved?.definition).toMatchObject({ title: 'Cyber, revised', sections: [{ kind: 'timeline' }] });
});
