import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { test } from './fixtures.ts';
import { chooseRecord, expect, screenshotBothThemes, sidebar } from './views.helpers.ts';

const topBanner = (page: Page) => page.getByRole('note', { name: 'Highest marking on screen' }).first();
const bottomBanner = (page: Page) => page.getByTestId('screen-banner-bottom');
const saveState = (page: Page) => page.locator('[data-save-state]').first();

async function openSettings(page: Page) {
  await sidebar(page).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Classification markings' })).toBeVisible();
}

async function setDefaultMarking(page: Page, marking: string) {
  await openSettings(page);
  await page.getByLabel('Marking of new records').selectOption({ label: marking });
  await page.getByRole('button', { name: 'Apply markings' }).click();
  await expect(page.getByRole('status').getByText('Markings saved.')).toBeVisible();
}

async function newNote(page: Page, title: string) {
  await sidebar(page).getByRole('link', { name: 'Notes' }).click();
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  await page.getByRole('textbox', { name: 'Note text', exact: true }).fill(`${title}: what was said.`);
  await expect(saveState(page)).toHaveText('Saved');
}

test('new notes start at the desk’s default marking or unmarked; Today and search show portion marks and the banner the highest marking', async ({
  sherpa,
}, testInfo) => {
  test.setTimeout(180_000);
  const { page } = sherpa;

  // The sample is marked at NATO's lowest level throughout.
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await setDefaultMarking(page, 'NATO CONFIDENTIAL');
  // A new record's form offers the desk's default, and the banner counts what the form shows.
  await page.goto(`${page.url().split('#')[0]}#/new/meeting?summitId=1`);
  await expect(page.getByLabel('Classification')).toHaveValue('NATO CONFIDENTIAL');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('(NC)');
  await newNote(page, 'Corridor talk with the Korean delegation');
  await expect(page.getByRole('combobox', { name: 'Classification' })).toHaveValue('NATO CONFIDENTIAL');

  await sidebar(page).getByRole('link', { name: 'Today' }).click();
  const recent = page.getByRole('region', { name: 'Recently edited notes' }).getByRole('listitem');
  await expect(recent.filter({ hasText: 'Corridor talk with the Korean delegation' })).toContainText('(NC)');
  await expect(topBanner(page)).toHaveText('NATO CONFIDENTIAL');
  await expect(bottomBanner(page)).toHaveText('NATO CONFIDENTIAL');

  // An author who asks to be asked gets an unmarked note that says so, never the lowest level.
  await setDefaultMarking(page, 'Ask (start unmarked)');
  await newNote(page, 'Dinner seating');
  await expect(page.getByRole('combobox', { name: 'Classification' })).toHaveValue('');
  await expect(page.getByRole('combobox', { name: 'Classification' })).toHaveAccessibleDescription(/Not marked yet/);
  await screenshotBothThemes(page, testInfo, 'markings-note-unmarked');

  await sidebar(page).getByRole('link', { name: 'Today' }).click();
  await expect(recent.filter({ hasText: 'Dinner seating' })).toContainText('(UNMARKED)');
  await expect(recent.filter({ hasText: 'Corridor talk' })).toContainText('(NC)');
  await expect(topBanner(page)).toHaveText('NATO CONFIDENTIAL + UNMARKED MATERIAL');
  await screenshotBothThemes(page, testInfo, 'markings-today');

  // Search results carry the marks, and the palette its own banner over the page.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Search and commands' });
  await palette.getByRole('searchbox').fill('corridor');
  const hit = palette.getByRole('link', { name: /Corridor talk with the Korean delegation/ });
  await expect(hit).toContainText('(NC)');
  await expect(palette.getByRole('note', { name: 'Highest marking on screen' })).toContainText('NATO CONFIDENTIAL');
  await page.screenshot({ path: testInfo.outputPath('markings-search-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('markings-search-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('Escape');

  // A sector of the sample: only NATO UNCLASSIFIED on screen.
  await sidebar(page).getByRole('link', { name: 'Sectors' }).click();
  await page.getByRole('link', { name: 'Cybersecurity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Cybersecurity/ })).toContainText('(NU)');
  await expect(topBanner(page)).toHaveText('NATO UNCLASSIFIED');
});

test('Settings switch to the Korean scheme, and a custom scheme is checked before it is saved', async ({ sherpa }, testInfo) => {
  test.setTimeout(120_000);
  const { page } = sherpa;
  await openSettings(page);
  const scheme = page.getByLabel('Scheme', { exact: true });

  await scheme.selectOption('custom');
  await page.getByRole('textbox', { name: 'Scheme name' }).fill('Desk');
  await page.getByRole('textbox', { name: 'Name of level 2' }).fill('');
  await page.getByRole('textbox', { name: 'Portion mark of level 3' }).fill('NU');
  await page.getByRole('button', { name: 'Apply markings' }).click();
  const problems = page.getByRole('alert').filter({ hasText: 'Give level 2 a name.' });
  await expect(problems).toContainText(
    'Level 3 has the same portion mark as another level (or “UNMARKED”), or one that prints the same: only case, spacing or characters that print as nothing differ.',
  );
  await expect(page.getByRole('textbox', { name: 'Name of level 2' })).toHaveAttribute('aria-invalid', 'true');
  // Sticky banners in a full-page image are drawn where the scrolled viewport had them: photograph from the top.
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshotBothThemes(page, testInfo, 'markings-settings-custom');

  await scheme.selectOption('rok');
  await page.getByRole('textbox', { name: 'Portion mark of level 2' }).fill('대');
  await page.getByLabel('Marking of new records').selectOption('대외비');
  await page.getByRole('button', { name: 'Apply markings' }).click();
  // The sample's records carry NATO levels, which the Korean scheme drops: counted, and applied when confirmed.
  await page.getByRole('button', { name: /^Apply, leaving \d+ records to be marked again$/ }).click();
  await expect(page.getByRole('status').getByText('Markings saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Scheme', { exact: true })).toHaveValue('rok');
  await expect(page.getByRole('textbox', { name: 'Portion mark of level 2' })).toHaveValue('대');
  await expect(page.getByLabel('Marking of new records')).toHaveValue('대외비');

  // The sample's NATO markings are not levels of this scheme: they show by name, and the banner names them as such
  // (neither ranked in this scheme nor called unmarked).
  await sidebar(page).getByRole('link', { name: 'Sectors' }).click();
  await page.getByRole('link', { name: 'Cybersecurity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Cybersecurity/ })).toContainText('(NATO UNCLASSIFIED)');
  await expect(topBanner(page)).toHaveText('MARKED OUTSIDE THIS SCHEME: NATO UNCLASSIFIED');
});

test('the pack builder lists unmarked material and exports only once it is marked; the copy stamp survives a right-to-left name', async ({
  sherpa,
}, testInfo) => {
  test.setTimeout(180_000);
  const { page } = sherpa;
  const meeting = 'Secretary General Stoltenberg – President Yoon';
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'NATO Summit, Vilnius 2023' }).first().click();
  await page.getByRole('link', { name: meeting }).first().click();
  await page.getByRole('button', { name: 'Add annotation' }).click();
  await page.getByRole('textbox', { name: 'Annotation text', exact: true }).fill('Raise the cyber centre before the photo.');
  await expect(saveState(page)).toHaveText('Saved');
  // Nobody chose a marking: the annotation says so, and the window's banner too.
  await expect(page.getByRole('listitem').filter({ hasText: 'Raise the cyber centre' }).first()).toContainText('(UNMARKED)');
  await expect(topBanner(page)).toHaveText('NATO UNCLASSIFIED + UNMARKED MATERIAL');

  await sidebar(page).getByRole('link', { name: 'Briefing packs' }).click();
  await page.getByLabel('Pack name').fill('Car pack');
  await page.getByLabel('Title on the cover').fill('Vilnius: the Yoon meeting');
  await chooseRecord(page.getByLabel('Summit'), 'NATO Summit, Vilnius 2023');
  await page.getByRole('listitem').filter({ hasText: meeting }).getByRole('button', { name: 'Add: Pocket card' }).click();
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Car pack”.' })).toBeVisible();
  const unmarked = page.getByRole('list', { name: 'Mark these before exporting' });
  await expect(unmarked.getByRole('listitem')).toHaveText([`Note on ${meeting}`]);
  await expect(page.getByRole('button', { name: 'Export to PDF' })).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('markings-pack-unmarked.png'), fullPage: true });

  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'NATO Summit, Vilnius 2023' }).first().click();
  await page.getByRole('link', { name: meeting }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: meeting })).toBeVisible();
  await page.getByRole('listitem').filter({ hasText: 'Raise the cyber centre' }).getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('combobox', { name: 'Classification' }).selectOption('NATO RESTRICTED');
  await expect(saveState(page)).toHaveText('Saved');

  await sidebar(page).getByRole('link', { name: 'Briefing packs' }).click();
  await page.getByRole('button', { name: 'Car pack' }).click();
  await expect(page.getByRole('button', { name: 'Export to PDF' })).toBeEnabled();
  await expect(unmarked).toHaveCount(0);
  // A right-to-left override would print the name reversed ("‮evil" as "live"): refused, naming the field, and nothing exported.
  await page.getByLabel('Stamp a copy for (optional)').fill('Ambassador Kim \u202eevil');
  await page.getByRole('button', { name: 'Export to PDF' }).click();
  await expect(page.getByText(/“Stamp a copy for” was not accepted: check it for an invisible character/)).toBeVisible();
  // A name written right to left is a name like any other.
  await page.getByLabel('Stamp a copy for (optional)').fill('فاطمة الزهراء حداد');
  await page.getByRole('button', { name: 'Export to PDF' }).click();
  await expect(page.getByText(/Exported \d+ pages, banner NATO RESTRICTED, copy 1/)).toBeVisible({ timeout: 60_000 });
  const file = await page.locator('code').filter({ hasText: '.pdf' }).textContent();
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file ?? '', '-'], { encoding: 'utf8' });
  const stamps = text.split('\n').filter((line) => line.includes('Copy 1'));
  expect(stamps.length).toBeGreaterThan(0);
  for (const stamp of stamps) expect(stamp.replace(/[\u202a-\u202e\u2066-\u2069]/g, '')).toMatch(/Copy 1 · for .+ ?\d{1,2} \w+ \d{4}\s*$/);
  expect(text).not.toContain('evil');
  expect(text).not.toContain('(UNMARKED)');
});
