import { test } from './fixtures.ts';
import { expect } from './views.helpers.ts';

// A long note is typed at its end: the caret stays on screen. When the field stretched to the preview's
// height, the end of a long note ran below the window and under the bottom banner, and keys typed there
// were not seen (and not presented by the browser) until something else changed.
test('typing at the end of a note longer than the window keeps the typed text in view', async ({ sherpa }) => {
  const { page } = sherpa;
  const url = new URL(page.url());
  url.hash = '#/notes';
  await page.goto(url.toString());
  await page.getByRole('button', { name: 'New note' }).click();
  const text = page.getByRole('textbox', { name: 'Note text', exact: true });
  const paragraph = 'Raise the cyber defence sector first; the partner asked for a table-top exercise before the ministerial.\n';
  await text.fill(paragraph.repeat(40));
  await page.keyboard.press('ControlOrMeta+End');
  // The preview is rebuilt once the typing rests, and has grown past the window.
  const preview = page.getByRole('figure', { name: 'Preview of note text' });
  await expect.poll(async () => (await preview.boundingBox())?.height ?? 0).toBeGreaterThan(page.viewportSize()?.height ?? 0);
  await page.keyboard.type('Last line typed.');
  await expect(text).toHaveValue(/Last line typed\.$/);
  const field = await text.boundingBox();
  const banner = await page.getByTestId('screen-banner-bottom').boundingBox();
  if (!field || !banner) throw new Error('the note field or the banner is not laid out');
  // The whole field, caret included, is above the bottom banner, and it scrolled inside to show its end.
  expect(field.y + field.height).toBeLessThanOrEqual(banner.y);
  expect(await text.evaluate((element) => (element as unknown as { scrollTop: number }).scrollTop)).toBeGreaterThan(0);
});
