import type { Page } from '@playwright/test';
import { test } from './fixtures.ts';
import { expect, screenshotBothThemes, sidebar } from './views.helpers.ts';

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
  await expect(problems).toContainText('Level 3 has the same portion mark as another level.');
  await expect(page.getByRole('textbox', { name: 'Name of level 2' })).toHaveAttribute('aria-invalid', 'true');
  // Sticky banners in a full-page image are drawn where the scrolled viewport had them: photograph from the top.
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshotBothThemes(page, testInfo, 'markings-settings-custom');

  await scheme.selectOption('rok');
  await page.getByRole('textbox', { name: 'Portion mark of level 2' }).fill('대');
  await page.getByLabel('Marking of new records').selectOption('대외비');
  await page.getByRole('button', { name: 'Apply markings' }).click();
  await expect(page.getByRole('status').getByText('Markings saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Scheme', { exact: true })).toHaveValue('rok');
  await expect(page.getByRole('textbox', { name: 'Portion mark of level 2' })).toHaveValue('대');
  await expect(page.getByLabel('Marking of new records')).toHaveValue('대외비');

  // The sample's NATO markings are not levels of this scheme: they show by name, and the banner does not pretend.
  await sidebar(page).getByRole('link', { name: 'Sectors' }).click();
  await page.getByRole('link', { name: 'Cybersecurity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Cybersecurity/ })).toContainText('(NATO UNCLASSIFIED)');
  await expect(topBanner(page)).toHaveText('UNMARKED');
});
