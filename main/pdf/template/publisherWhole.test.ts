import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleIfEmpty } from '../../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../../db/testing.ts';
import { presetSchemes } from '../../../shared/markings.ts';
import { printLaunchOptions } from '../chromiumLaunch.ts';
import { gatherPackContent } from '../packContent.ts';
import { samplePackDefinition } from '../samplePack.ts';
import { renderPackHtml } from './packDocument.ts';
import { pageMargins } from './printCss.ts';

// Norway's desk cites its own ministry, Utenriksdepartementet, as every Nordic desk does (Utrikesdepartementet,
// Udenrigsministeriet, Utanríkisráðuneytið): the Sources table's publisher column printed it as "Utenriksdepartem"
// over "entet", with no hyphen, beside a title column half empty. A publisher of one long word prints whole.

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch(printLaunchOptions());
});
afterAll(() => browser?.close());

const publishers = ['Utenriksdepartementet', 'Utrikesdepartementet', 'Udenrigsministeriet', 'Utanríkisráðuneytið'];

/** The sample's pack printed with its article's publisher named `publisher`. */
function packHtml(publisher: string): string {
  const db = openScratchDatabase(':memory:');
  loadSampleIfEmpty(db);
  db.prepare('UPDATE source SET publisher = ?').run(publisher);
  const content = gatherPackContent(db, samplePackDefinition(db), {
    scheme: presetSchemes.nato,
    homeTimeZone: 'Europe/Oslo',
    preparedOn: '2026-09-20',
    language: 'en',
  });
  db.close();
  return renderPackHtml(content, { author: 'UD Oslo' });
}

describe('the Sources table of a printed pack', () => {
  it('prints a publisher of one long word whole on its line', async () => {
    const page = await browser.newPage();
    // The width the page's text has on A4 between its margins, at CSS's 96 pixels an inch.
    const width = Math.floor(((210 - pageMargins.left - pageMargins.right) / 25.4) * 96);
    await page.setViewportSize({ width, height: 1200 });
    await page.emulateMedia({ media: 'print' });
    const lines: Record<string, number> = {};
    for (const publisher of publishers) {
      await page.setContent(packHtml(publisher));
      await page.evaluate('document.fonts.ready.then(() => undefined)');
      // Runs in the page; typed structurally, as this file is compiled without the DOM library.
      lines[publisher] = await page.evaluate((name) => {
        interface Box {
          top: number;
        }
        interface Cell {
          textContent: string | null;
          firstChild: unknown;
        }
        const { document } = globalThis as unknown as {
          document: {
            querySelectorAll(selector: string): Iterable<Cell>;
            createRange(): { selectNodeContents(node: unknown): void; getClientRects(): Iterable<Box> };
          };
        };
        const cell = [...document.querySelectorAll('section.sources td')].find((each) => each.textContent?.trim() === name);
        if (!cell?.firstChild) return 0;
        const range = document.createRange();
        range.selectNodeContents(cell.firstChild);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      }, publisher);
    }
    expect(lines).toEqual(Object.fromEntries(publishers.map((name) => [name, 1])));
    await page.close();
  });
});
