import type { Page } from '@playwright/test';
import { test } from './fixtures.ts';
import { expect } from './views.helpers.ts';

// A desk officer types an annotation line by line: an address, then talking points without bullets. Each line is
// shown on a line of its own, in the preview and once saved, and a blank line still starts a new paragraph. A line
// ended with two spaces (Markdown's hard break) took two lines, the second empty: it takes one, as any other.

const stoltenbergYoon = 'Secretary General Stoltenberg – President Yoon';
const typed = 'Ambassador Kim Hyun-jin\nEmbassy of the Republic of Korea  \nAvenue Hamoir 3, Uccle\n\nRaise cyber defence first';

// Run in the page; typed structurally because e2e/ is compiled without the DOM library.
interface ShownFigure {
  querySelectorAll(selector: 'p'): Iterable<{ getBoundingClientRect(): { height: number } }>;
  innerText: string;
}

/**
 * How many lines each paragraph of `figure` takes on screen, empty ones included, counted in the height of the
 * last paragraph, which is one short line.
 */
const linesTaken = (page: Page, name: string | RegExp) =>
  page.getByRole('figure', { name }).evaluate((figure) => {
    const heights = Array.from(
      (figure as unknown as ShownFigure).querySelectorAll('p'),
      (paragraph) => paragraph.getBoundingClientRect().height,
    );
    const line = heights.at(-1) ?? 1;
    return heights.map((height) => Math.round(height / line));
  });

/** The text of each line a reader sees, as the browser lays it out: innerText, not textContent, has the line breaks. */
const shownLines = (page: Page, name: string | RegExp) =>
  page.getByRole('figure', { name }).evaluate((figure) =>
    // biome-ignore lint/performance/useDomNodeTextContent: the lines as laid out are what this reads.
    (figure as unknown as ShownFigure).innerText.split('\n').filter((line) => line.trim() !== ''),
  );

test('an annotation typed line by line keeps its lines, in the preview and once saved', async ({ sherpa }) => {
  const { page } = sherpa;
  const url = new URL(page.url());
  url.hash = '#/summits';
  await page.goto(url.toString());
  await page.getByRole('link', { name: 'NATO Summit, Vilnius 2023' }).first().click();
  await page.getByRole('link', { name: stoltenbergYoon }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: stoltenbergYoon })).toBeVisible();
  await page.getByRole('button', { name: 'Add annotation' }).click();
  await page.getByRole('textbox', { name: 'Annotation text', exact: true }).fill(typed);
  const lines = ['Ambassador Kim Hyun-jin', 'Embassy of the Republic of Korea', 'Avenue Hamoir 3, Uccle', 'Raise cyber defence first'];
  await expect.poll(() => shownLines(page, 'Preview of annotation text')).toEqual(lines);
  // Two paragraphs, the first of three lines.
  await expect.poll(() => linesTaken(page, 'Preview of annotation text')).toEqual([3, 1]);
  await expect(page.locator('[data-save-state]').first()).toHaveText('Saved');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: stoltenbergYoon })).toBeVisible();
  await expect.poll(() => shownLines(page, /^Annotation \d+$/)).toEqual(lines);
  expect(await linesTaken(page, /^Annotation \d+$/)).toEqual([3, 1]);
});

// Talking points under a lead-in: the preview left a blank line between the paragraph and its numbered list, and
// another after it, that the saved note's pack does not print (the preview kept the line breaks between blocks).
test('a numbered list right under its lead-in paragraph stands as close to it as the next paragraph', async ({ sherpa }, testInfo) => {
  const { page } = sherpa;
  const url = new URL(page.url());
  url.hash = '#/summits';
  await page.goto(url.toString());
  await page.getByRole('link', { name: 'NATO Summit, Vilnius 2023' }).first().click();
  await page.getByRole('link', { name: stoltenbergYoon }).first().click();
  await page.getByRole('button', { name: 'Add annotation' }).click();
  await page
    .getByRole('textbox', { name: 'Annotation text', exact: true })
    .fill('Talking points:\n\n1. Cyber defence\n2. Counter-terrorism\n\nClose on the ITPP.\n\nThank the host.');
  const figure = page.getByRole('figure', { name: 'Preview of annotation text' });
  await expect(figure.locator('ol > li')).toHaveCount(2);
  // The space between blocks, in lines of the text: between two paragraphs it is the paragraph's margin alone.
  const gaps = await figure.evaluate((shown) => {
    const boxes = Array.from((shown as unknown as { children: Iterable<{ getBoundingClientRect(): DOMRectLike }> }).children, (block) =>
      block.getBoundingClientRect(),
    );
    const line = (boxes.at(-1)?.bottom ?? 0) - (boxes.at(-1)?.top ?? 0);
    return { line, gaps: boxes.slice(1).map((box, index) => Math.round((box.top - (boxes[index]?.bottom ?? 0)) * 10) / 10) };
  });
  await page
    .getByRole('figure', { name: 'Preview of annotation text' })
    .screenshot({ path: testInfo.outputPath('list-under-lead-in.png') });
  const [beforeList, afterList, betweenParagraphs] = gaps.gaps;
  expect(gaps.gaps).toHaveLength(3);
  expect(beforeList).toBe(betweenParagraphs);
  expect(afterList).toBe(betweenParagraphs);
  // No blank line of text between any two blocks: less than one line's height.
  expect(betweenParagraphs).toBeLessThan(gaps.line);
});

interface DOMRectLike {
  top: number;
  bottom: number;
}
