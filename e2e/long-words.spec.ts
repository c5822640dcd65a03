import { test } from './fixtures.ts';
import { expect, sidebar } from './views.helpers.ts';

// A name typed as one long word (a transliteration without spaces, a pasted
// identifier) wraps on screen: the page never scrolls sideways to show it.

test('a person named with one long word reads whole without the page scrolling sideways', async ({ sherpa }) => {
  const { page } = sherpa;
  const name = `Dom Pedro ${'Alcântara'.repeat(16)}`;
  await sidebar(page).getByRole('link', { name: 'People and countries' }).click();
  await page.getByRole('link', { name: 'New person' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create' }).click();
  const heading = page.getByRole('heading', { level: 1, name });
  await expect(heading).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('long-name.png') });
  // A string, as the other specs evaluate in the page: this project's types know Node, not the DOM.
  const overflow = await page.evaluate<{ page: number; title: number }>(`(() => {
    const title = document.querySelector('main')?.querySelector('h1');
    return {
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      title: title ? title.scrollWidth - title.clientWidth : 0,
    };
  })()`);
  expect(overflow).toEqual({ page: 0, title: 0 });
});
