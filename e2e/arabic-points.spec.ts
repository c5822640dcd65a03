import { test } from './fixtures.ts';
import { expect, sidebar } from './views.helpers.ts';

// A Gulf desk writes an English brief with one point in Arabic. Laid out as a
// left-to-right line, the Arabic sentence's full stop sat at its start (the
// right of its first word); each line now takes the direction of its first
// letter, so the sentence reads right to left and ends, at the left, with its
// full stop, while the English points beside it stay left to right.

const arabicPoint = '1. نرحب بالتعاون في مجال الأمن البحري.';

test('a point typed in Arabic in an English brief reads right to left, its full stop at its end', async ({ sherpa }, testInfo) => {
  const { page } = sherpa;
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: 'New summit' }).first().click();
  await page.getByLabel('Title').fill('GCC–ASEAN Muscat bidi summit');
  await page.getByLabel('Start date').fill('2027-03-13');
  await page.getByLabel('Time zone (IANA, e.g. Europe/Vilnius)').fill('Asia/Muscat');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('GCC–ASEAN Muscat bidi summit');
  await page.getByRole('link', { name: 'New meeting' }).first().click();
  await page.getByLabel('Title').fill('Muscat plenary in two languages');
  await page.getByLabel('Date (venue)').fill('2027-03-13');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Muscat plenary in two languages');

  await page.getByRole('button', { name: 'Edit Points to make' }).click();
  const section = page.getByRole('region', { name: /Points to make/ });
  const editor = section.locator('textarea');
  await editor.fill(`${arabicPoint}\n2. Cyber defence: propose a joint CERT exchange.`);
  await editor.press('Control+Enter');
  // Numbered lines show as the pack prints them: a numbered list, each item in the direction of its first letter.
  const items = section.locator('.prose ol > li');
  await expect(items).toHaveText(['نرحب بالتعاون في مجال الأمن البحري.', 'Cyber defence: propose a joint CERT exchange.']);
  await page.screenshot({ path: testInfo.outputPath('arabic-point.png') });

  // Where the full stop and the first letter of each item are drawn (a string, as the other specs evaluate).
  const positions = await page.evaluate<{ arabicStop: number; arabicFirst: number; englishStop: number; englishFirst: number }>(`(() => {
    const items = [...document.querySelectorAll('.prose ol > li')];
    const x = (item, index) => { const node = item.firstChild; const range = document.createRange(); range.setStart(node, index); range.setEnd(node, index + 1); return range.getBoundingClientRect().left; };
    const arabic = items.find((each) => each.textContent.includes('نرحب'));
    const english = items.find((each) => each.textContent.includes('Cyber'));
    const last = (item) => item.firstChild.textContent.length - 1;
    return { arabicStop: x(arabic, last(arabic)), arabicFirst: x(arabic, 0), englishStop: x(english, last(english)), englishFirst: x(english, 0) };
  })()`);
  expect(positions.arabicStop).toBeLessThan(positions.arabicFirst);
  expect(positions.englishStop).toBeGreaterThan(positions.englishFirst);
});
