import { test } from './fixtures.ts';
import { typeHangul } from './hangul.helpers.ts';
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

test('Korean search finds a name while its last syllable is composed, and by its initial consonants', async ({ sherpa }, testInfo) => {
  const { page } = sherpa;
  const ime = await page.context().newCDPSession(page);
  await page.getByRole('button', { name: 'Search Ctrl+K' }).click();
  const search = page.getByRole('searchbox', { name: 'Search' });
  const president = page.locator('.search-results li').filter({ hasText: 'Yoon Suk Yeol' });
  await search.focus();
  // 윤 typed, 석 still being composed (its ㄱ may yet begin the next syllable): the sample's president is found,
  // the syllables found marked.
  await typeHangul(ime, '윤석', { composing: true });
  await expect(search).toHaveValue('윤석');
  await expect(president.first().locator('mark').first()).toHaveText('윤석');
  await ime.send('Input.insertText', { text: '석' });
  await search.fill('');
  // Initials typed alone, as Korean apps take them, the last still composed.
  for (const initial of ['ㅇ', 'ㅅ']) {
    await ime.send('Input.imeSetComposition', { text: initial, selectionStart: 1, selectionEnd: 1 });
    await ime.send('Input.insertText', { text: initial });
  }
  await ime.send('Input.imeSetComposition', { text: 'ㅇ', selectionStart: 1, selectionEnd: 1 });
  await expect(search).toHaveValue('ㅇㅅㅇ');
  await expect(president.first().locator('mark').first()).toHaveText('윤석열');
  await page.screenshot({ path: testInfo.outputPath('search-korean-initials.png') });
});
