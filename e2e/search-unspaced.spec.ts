import { test } from './fixtures.ts';
import { expect } from './views.helpers.ts';

// Thai and Lao write a sentence without spaces between its words: a desk officer's note on the Vientiane summit
// is found by any word of it, typed with its tone marks or without them.
test('Thai and Lao search finds a word inside an unspaced sentence and marks just that word', async ({ sherpa }, testInfo) => {
  const { page } = sherpa;
  await page.goto(new URL('#/notes', page.url()).toString());
  await page.getByRole('button', { name: 'New note' }).click();
  await page
    .getByRole('textbox', { name: 'Note text', exact: true })
    .fill('การประชุมสุดยอดอาเซียนครั้งที่ 44 เน้นความมั่นคงทางทะเล ກອງປະຊຸມທີ່ນະຄອນຫຼວງວຽງຈັນ');
  await expect(page.locator('[data-save-state]').first()).toHaveText('Saved');

  await page.keyboard.press('Control+k');
  const search = page.getByRole('searchbox', { name: 'Search' });
  const noteHit = page.locator('.search-results li').filter({ hasText: 'การประชุมสุดยอดอาเซียน' });
  for (const [typed, marked] of [
    ['ประชุม', 'ประชุม'],
    ['ทะเล', 'ทะเล'],
    // Typed without the vowel signs and tone mark: the word as written is marked.
    ['ความมนคง', 'ความมั่นคง'],
    ['ວຽງຈັນ', 'ວຽງຈັນ'],
  ] as const) {
    await search.fill(typed);
    await expect(noteHit).toHaveCount(1);
    await expect(noteHit.locator('mark').filter({ hasText: marked }).first()).toHaveText(marked);
  }
  await page.screenshot({ path: testInfo.outputPath('search-thai-inside-sentence.png') });
});
