import { test } from './fixtures.ts';
import { callStore } from './store.helpers.ts';
import { expect } from './views.helpers.ts';

// An entry annotation given a marking and closed with Done showed "(UNMARKED)" for a moment before its marking:
// the row's mark read the list as it was before the save reached the store and the list was read again. Every
// text the row's mark shows, from the moment the marking is chosen, is recorded here, with no fixed waits.
test('an entry annotation closed with Done shows the marking chosen, never the one it had before', async ({ sherpa }) => {
  const { page } = sherpa;
  const url = new URL(page.url());
  url.hash = '#/sectors';
  await page.goto(url.toString());
  await page.getByRole('link', { name: 'Cybersecurity' }).click();
  const entry = page.locator('article.entry-card').first();
  const entryId = Number(
    JSON.parse((await entry.locator('[data-annotation-target]').getAttribute('data-annotation-target')) ?? '{}').sectorEntryId,
  );
  await entry.getByRole('button', { name: 'Add annotation' }).click();
  await entry.getByRole('textbox', { name: 'Annotation text', exact: true }).fill('Check the exercise dates with the centre.');
  await expect(entry.getByText('Saved', { exact: true })).toBeVisible();
  const row = entry.locator('li.annotation').filter({ has: page.getByRole('button', { name: 'Done' }) });
  await expect(row.locator(':scope > .portion-mark')).toHaveText('(UNMARKED)');

  await row.getByRole('combobox', { name: 'Classification' }).selectOption('NATO RESTRICTED');
  // From here on the row's own mark (the one left when the editor closes) should read NR and nothing else.
  await row.evaluate((element) => {
    // This project's e2e code is typed without the DOM's names: the little of it used here, said in full.
    const scope = globalThis as unknown as {
      MutationObserver: new (callback: () => void) => { observe(target: unknown, options: Record<string, boolean>): void };
      marksShown: string[];
    };
    const rowElement = element as unknown as { querySelector(selector: string): { textContent: string | null } | null };
    const shown: string[] = [];
    const record = () => {
      const text = rowElement.querySelector(':scope > .portion-mark')?.textContent ?? '(none)';
      if (shown.at(-1) !== text) shown.push(text);
    };
    record();
    new scope.MutationObserver(record).observe(element, { subtree: true, childList: true, characterData: true });
    scope.marksShown = shown;
  });
  await row.getByRole('button', { name: 'Done' }).click();

  const closed = entry.locator('li.annotation').filter({ hasText: 'Check the exercise dates' });
  await expect(closed.getByRole('button', { name: 'Edit' })).toBeVisible();
  await expect
    .poll(async () => (await callStore(page, 'note.listFor', { sectorEntryId: entryId })).map((note) => note.classification))
    .toContain('NATO RESTRICTED');
  await expect(closed.locator(':scope > .portion-mark')).toHaveText('(NR)');
  expect(await page.evaluate(() => (globalThis as unknown as { marksShown: string[] }).marksShown)).toEqual(['(NR)']);
});
