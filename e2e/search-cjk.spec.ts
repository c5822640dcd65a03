import { test } from './fixtures.ts';
import { expect } from './views.helpers.ts';

test('Korean search finds a word inside a compound and marks just that part', async ({ sherpa }, testInfo) => {
  const { page } = sherpa;
  await page.goto(new URL('#/notes', page.url()).toString());
  await page.getByRole('button', { name: 'New note' }).click();
  await page
    .getByRole('textbox', { name: 'Note text', exact: true })
    .fill('한국과 나토는 사이버방위 협력을 강화하기로 하였으며, 이는 빌뉴스 정상회의에서 발표되었다.');
  await expect(page.locator('[data-save-state]').first()).toHaveText('Saved');

  await page.keyboard.press('Control+k');
  const search = page.getByRole('searchbox', { name: 'Search' });
  const noteHit = page.locator('.search-results li').filter({ hasText: '빌뉴스 정상회의에서' });
  for (const [word, compound] of [
    ['방위', '사이버방위'],
    ['회의', '정상회의에서'],
  ] as const) {
    await search.fill(word);
    await expect(noteHit).toHaveCount(1);
    await expect(noteHit.locator('mark').filter({ hasText: word }).first()).toHaveText(word);
    await expect(noteHit.locator('.snippet')).toContainText(compound);
  }
  await page.screenshot({ path: testInfo.outputPath('search-korean-compound.png') });
});
