import { execFileSync } from 'node:child_process';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printLaunchOptions } from './chromiumLaunch.ts';
import { headerTemplate } from './template/pageFurniture.ts';
import { printCss, stackedMarkFaces } from './template/printCss.ts';

// An Ankara pack printed "İstanbul" as "Iṡtanbul", "Κυριάκος" with its tonos over the κ and a Slovak name
// "Šefčovič" with its carons over the next letters: Noto Sans CJK, first in the pack's fonts, lacks these letters
// but holds the loose dot, acute and caron, so Chromium built each letter from two pieces rather than take a
// font that has it. Each letter here must be
// drawn by fonts that hold it whole, as fontconfig lists them, in the pack's body and in its running header.

const letters = ['İ', 'Š', 'č', 'Ż', 'ė', 'ś', 'ř', 'ά', 'Ή', 'ώ', 'ΐ', 'ї', 'Є', 'ў', 'Ґ', 'Қ', 'ә', 'ұ', 'Ү', 'ҳ', 'Ҷ', 'ӣ', 'Ӯ'];
const holds = (family: string, letter: string) =>
  execFileSync('fc-list', [`${family}:charset=${letter.codePointAt(0)?.toString(16)}`, 'family'], { encoding: 'utf8' }).trim() !== '';
const spans = (prefix: string) => letters.map((letter, index) => `<span id="${prefix}-${index}">${letter}</span>`).join(' ');

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch(printLaunchOptions());
});
afterAll(() => browser?.close());

/** The fonts Chromium drew each letter's span with, as its DevTools report them. */
async function fontsOfLetters(page: Page, prefix: string): Promise<Map<string, string[]>> {
  await page.emulateMedia({ media: 'print' });
  const session = await page.context().newCDPSession(page);
  await session.send('DOM.enable');
  await session.send('CSS.enable');
  const { root } = await session.send('DOM.getDocument', { depth: -1 });
  const fonts = new Map<string, string[]>();
  for (const [index, letter] of letters.entries()) {
    const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: `#${prefix}-${index}` });
    const { fonts: used } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
    fonts.set(
      letter,
      used.map((font) => font.familyName),
    );
  }
  return fonts;
}

describe('letters of Latin Extended, Greek and Cyrillic in a printed pack', () => {
  it('are drawn whole by a font that holds them, in the body and in the running header', async () => {
    const page = await browser.newPage();
    const body = `<!doctype html><html lang="en"><head><style>${printCss('a4')}</style></head><body><p>${spans('en')}</p><p lang="ko">${spans('ko')}</p></body></html>`;
    await page.setContent(body);
    await page.evaluate('document.fonts.ready.then(() => undefined)');
    for (const prefix of ['en', 'ko'])
      for (const [letter, families] of await fontsOfLetters(page, prefix)) {
        expect(families.length, letter).toBeGreaterThan(0);
        for (const family of families) expect(holds(family, letter), `${letter} (${prefix}) drawn by ${family}`).toBe(true);
      }
    const furniture = {
      banner: 'NATO RESTRICTED',
      packTitle: 'Ankara',
      titleMark: '(NR)',
      preparedOn: '2026-07-01',
      language: 'en' as const,
      copy: null,
    };
    // The header's title is text, escaped: the spans are set into it once it is in the page.
    await page.setContent(`<!doctype html><html><body>${headerTemplate(furniture)}</body></html>`);
    await page.locator('bdi').evaluate((title, html) => {
      (title as unknown as { innerHTML: string }).innerHTML = html;
    }, spans('header'));
    await page.evaluate('document.fonts.ready.then(() => undefined)');
    for (const [letter, families] of await fontsOfLetters(page, 'header')) {
      expect(families.length, letter).toBeGreaterThan(0);
      for (const family of families) expect(holds(family, letter), `${letter} in the header, drawn by ${family}`).toBe(true);
    }
    await page.close();
  });
});

// An ECOWAS pack printed "Ọbásanjọ́" with its last acute loose after the ọ, and "Bọ́lá" with the acute over the l:
// Yoruba writes a tone mark over a letter with a dot below (ọ́, ẹ̀), which Unicode composes into no one character.
// The face for Latin Extended (Liberation Sans here) lacks the ọ, so Noto Sans CJK drew the pair, and cannot
// place one on the other. Inside a word, as printed, such a letter is drawn with its mark by one of the faces
// named for them, a font that holds both.
const stacked = ['ọ́', 'ọ̀', 'Ọ́', 'ẹ̀', 'ẹ́', 'Ẹ̀', 'ị́', 'ụ̀'];
describe('a letter with a tone mark over a dot below, inside a word of a printed pack', () => {
  it('is drawn whole, mark included, by a face named for such letters', async () => {
    const page = await browser.newPage();
    // Printed, never shown (printCss hides the body on screen): its faces load once it is laid out for print.
    await page.emulateMedia({ media: 'print' });
    const word = (prefix: string, index: number, letter: string) => `B<span id="${prefix}-${index}">${letter}</span>lá`;
    const words = (prefix: string) => stacked.map((letter, index) => word(prefix, index, letter)).join(' ');
    await page.setContent(
      `<!doctype html><html lang="en"><head><style>${printCss('a4')}</style></head><body><p>${words('en')}</p><p style="font-weight: 700">${words('bold')}</p></body></html>`,
    );
    await page.evaluate('document.fonts.ready.then(() => undefined)');
    const session = await page.context().newCDPSession(page);
    await session.send('DOM.enable');
    await session.send('CSS.enable');
    const { root } = await session.send('DOM.getDocument', { depth: -1 });
    const named = new Set([...stackedMarkFaces.regular, ...stackedMarkFaces.bold]);
    for (const prefix of ['en', 'bold'])
      for (const [index, letter] of stacked.entries()) {
        const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: `#${prefix}-${index}` });
        const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
        expect(fonts.length, letter).toBeGreaterThan(0);
        for (const font of fonts) {
          expect(named.has(font.familyName) || named.has(font.postScriptName), `${letter} (${prefix}) drawn by ${font.familyName}`).toBe(
            true,
          );
          for (const character of letter) expect(holds(font.familyName, character), `${letter} (${prefix}): ${font.familyName}`).toBe(true);
        }
      }
    await page.close();
  });
});
