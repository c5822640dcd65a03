import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect as baseExpect } from './fixtures.ts';

// The machine running the suite is shared; a generous wait keeps a busy CPU from failing a test.
export const expect = baseExpect.configure({ timeout: 15_000 });

/** Fails on serious or critical axe violations, naming each rule and where it fired. */
export async function expectNoSeriousViolations(page: Page, view: string): Promise<void> {
  // Legacy mode runs axe once, in the page. The default runs it in parts, then joins them in a blank page it opens
  // and closes each time, for cross-origin frames, which Sherpa's pages cannot hold (CSP frame-src 'none'): the
  // same rules and results, at 1.6-3.1 s against 3.6-5.0 s a check on the Exchange view (load average 28).
  const results = await new AxeBuilder({ page }).setLegacyMode().analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${view}`).toEqual([]);
}

/** `fullPage: false` for views thousands of rows long, where a full-page image would be hundreds of megapixels. */
export async function screenshotBothThemes(page: Page, testInfo: TestInfo, name: string, fullPage = true): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('main h1').first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`${name}-${scheme}.png`), fullPage });
    // Contrast differs per theme, so each one is checked.
    await expectNoSeriousViolations(page, `${name} (${scheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

export const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/**
 * Chooses the record named `name` in a picker. Every record is offered with its portion mark before its
 * name ("(NU) Jens Stoltenberg", "Summit: (NR) Vilnius"), which the tests need not know to choose it.
 */
export async function chooseRecord(select: Locator, name: string): Promise<void> {
  // Runs in the page: no closure over the test's own functions.
  const chosenValue = () =>
    select.evaluate(
      (element, wanted) =>
        Array.from((element as unknown as { options: ArrayLike<{ text: string; value: string }> }).options).find(
          (option) => option.text.replace(/\([^()]*\) /, '') === wanted,
        )?.value ?? null,
      name,
    );
  await expect.poll(chosenValue).not.toBeNull();
  await select.selectOption((await chosenValue()) ?? '');
}

/** A picker's option (or the choice shown) naming `name` after its portion mark, with the picker's prefix ("Summit: ") if any. */
export function markedChoice(name: string, prefix = ''): RegExp {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${literal(prefix)}\\([^()]+\\) ${literal(name)}$`);
}

/** Pastes `text` from the clipboard into the focused field with Ctrl+V, as the officer does. */
export async function paste(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.evaluate(
    (clipboardText) =>
      (globalThis as unknown as { navigator: { clipboard: { writeText(text: string): Promise<void> } } }).navigator.clipboard.writeText(
        clipboardText,
      ),
    text,
  );
  await page.keyboard.press('Control+V');
}
