import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
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
