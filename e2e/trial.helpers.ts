import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import Database from 'better-sqlite3';
import { printedText } from './briefings.helpers.ts';
import { expect } from './views.helpers.ts';

// Steps the new-desk trials (a summit entered through the interface, then searched, printed and handed over) each
// took in turn, written once: what each trial proves is in its names, its scheme and its pack, not in these steps.

export const sha256 = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A name as a desk types it, and the record it must find: `marked`, where given, the title's letters search marks. */
export type TypedSearch = readonly [typed: string, finds: string] | readonly [typed: string, finds: string, marked: readonly string[]];

/**
 * Opens search (Ctrl+K) and types each name into it: the record it names is listed with the typed letters marked,
 * and, with `portionMark`, with the record's portion mark. `retyped`: where the first answer may come before the
 * store has indexed what was just saved (text with no spaces between its words), the name is typed again until it
 * is found. Search is left open, for the trial's own checks; Escape closes it.
 */
export async function searchAsTyped(
  page: Page,
  names: readonly TypedSearch[],
  options: { portionMark?: string; retyped?: boolean } = {},
): Promise<void> {
  await page.keyboard.press('Control+k');
  const search = page.getByRole('searchbox', { name: 'Search' });
  const results = page.locator('.search-results li');
  for (const [typed, finds, marked] of names) {
    const check = async (timeout?: number) => {
      await search.fill(typed);
      const hit = results.filter({ hasText: finds }).first();
      if (marked) {
        await expect(hit.locator('.hit-title mark').first(), `“${typed}” should find ${finds}`).toBeVisible({ timeout });
        expect(await hit.locator('.hit-title mark').allTextContents(), `marks for “${typed}”`).toEqual(marked);
      } else await expect(hit.locator('mark').first(), `“${typed}” should find ${finds}`).toBeVisible({ timeout });
      if (options.portionMark) await expect(hit).toContainText(options.portionMark);
    };
    if (options.retyped) await expect(() => check(2_000)).toPass();
    else await check();
  }
}

/**
 * The command line, given a copy of the store in `dataDir` on a read-only file in a read-only folder, exports
 * `pack`: it must succeed, and leave the copy, its folder and its time as they were. Returns the text printed.
 * `timeZone`: the computer's zone the command runs in (a laptop that travelled), the harness's otherwise.
 */
export async function exportHandedOverCopy(
  dataDir: string,
  testInfo: TestInfo,
  pack: { name: string; copyFor?: string },
  timeZone?: string,
): Promise<string> {
  const handedOver = testInfo.outputPath('handed-over');
  fs.mkdirSync(handedOver);
  const copy = path.join(handedOver, 'sherpa.sqlite');
  const live = new Database(path.join(dataDir, 'sherpa.sqlite'), { readonly: true });
  try {
    await live.backup(copy);
  } finally {
    live.close();
  }
  fs.chmodSync(copy, 0o444);
  fs.chmodSync(handedOver, 0o555);
  const before = { hash: sha256(copy), files: fs.readdirSync(handedOver), mtime: fs.statSync(copy).mtimeMs };
  try {
    const out = testInfo.outputPath('cli-pack.pdf');
    const run = spawnSync(
      process.execPath,
      [
        path.resolve('scripts/export.ts'),
        ...['--db', copy, '--pack', pack.name, '--out', out],
        ...(pack.copyFor === undefined ? [] : ['--copy-for', pack.copyFor]),
      ],
      { encoding: 'utf8', timeout: 120_000, env: timeZone === undefined ? process.env : { ...process.env, TZ: timeZone } },
    );
    fs.writeFileSync(testInfo.outputPath('cli-stderr.txt'), run.stderr);
    expect(run.status, run.stderr).toBe(0);
    expect({ hash: sha256(copy), files: fs.readdirSync(handedOver), mtime: fs.statSync(copy).mtimeMs }).toEqual(before);
    return printedText(out);
  } finally {
    fs.chmodSync(handedOver, 0o755);
  }
}

// The keyboard alone (a desk officer who cannot use a mouse): every control reached with Tab, chosen with the
// arrows, pressed with Enter or Space. What has the caret is read by its role and name, as a screen reader says it.

/**
 * Presses Tab (Shift+Tab with `backwards`) until `target` has the caret, as the officer does: fails if it never
 * comes within `max` presses. Answers how many presses it took.
 */
export async function tabTo(page: Page, target: Locator, options: { backwards?: boolean; max?: number } = {}): Promise<number> {
  const { backwards = false, max = 80 } = options;
  // Named wrongly, or not there, it fails here rather than after a long walk.
  await target.waitFor({ state: 'attached', timeout: 15_000 });
  for (let presses = 0; presses <= max; presses++) {
    if (
      await target.evaluate(
        (element) => element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
      )
    )
      return presses;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${target} was not reached with ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`);
}

/** Tabs to `target` and presses Enter on it. */
export async function pressWithKeyboard(page: Page, target: Locator, options: { backwards?: boolean; max?: number } = {}): Promise<void> {
  await tabTo(page, target, options);
  await page.keyboard.press('Enter');
}

/** Tabs to the field and types `text` over what it holds. */
export async function typeInto(
  page: Page,
  field: Locator,
  text: string,
  options: { backwards?: boolean; max?: number } = {},
): Promise<void> {
  await tabTo(page, field, options);
  await page.keyboard.press('ControlOrMeta+A');
  if (text === '') await page.keyboard.press('Delete');
  else await page.keyboard.type(text);
}

/**
 * Tabs to a picker and moves through its options with the arrow keys until the one shown reads `option` (a string
 * the option's text ends with, so its portion mark need not be known), as a closed <select> is worked from the keys.
 */
export async function chooseWithArrows(page: Page, picker: Locator, option: string, options: { backwards?: boolean } = {}): Promise<void> {
  await tabTo(page, picker, options);
  const shown = () =>
    picker.evaluate(
      (element) =>
        (element as unknown as { selectedOptions: ArrayLike<{ textContent: string | null }> }).selectedOptions[0]?.textContent ?? '',
    );
  await page.keyboard.press('Home');
  const count = await picker.locator('option').count();
  for (let step = 0; step < count && !(await shown()).endsWith(option); step++) await page.keyboard.press('ArrowDown');
  expect(await shown()).toMatch(new RegExp(`${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
}

/** The element with the caret: never <body>, where a keyboard user is lost. */
export function caret(page: Page): Locator {
  return page.locator('*:focus');
}
