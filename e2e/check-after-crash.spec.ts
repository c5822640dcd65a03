import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { startHarnessProcess, test } from './fixtures.ts';
import { expect } from './views.helpers.ts';

// Sherpa killed while a note is open, then started again: the page shows the
// store at once with a line saying it is being checked, a note typed into
// meanwhile is kept (refused by the store, held in the draft journal), and once
// the check has passed the line goes and the text is saved without a click.

async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

async function openNote(page: Page, url: string, id?: number): Promise<void> {
  const target = new URL(url);
  target.hash = id ? `#/notes/${id}` : '#/notes';
  await page.goto(target.toString());
  await page.getByRole('heading', { level: 1, name: 'Notes' }).waitFor();
}

test('a start after a kill shows the store being checked, keeps what is typed, and saves it once writing returns', async ({
  browser,
  target,
}) => {
  test.skip(target !== 'web', 'The harness is killed as a crash would stop it; the store code is the same on both targets.');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-check-after-crash-'));
  const token = randomBytes(24).toString('hex');
  let harness = await startHarnessProcess(dataDir, { token });
  const port = Number(new URL(harness.url).port);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await openNote(page, harness.url);
    await page.getByRole('button', { name: 'New note' }).click();
    await page.waitForURL(/#\/notes\/\d+$/);
    const noteId = Number(/#\/notes\/(\d+)$/.exec(page.url())?.[1]);
    const text = page.getByRole('textbox', { name: 'Note text', exact: true });
    await text.fill('Before the stop.');
    await expect(page.locator('[data-save-state="saved"]')).toBeVisible();
    await killHard(harness.process);
    await page.close({ runBeforeUnload: false });

    harness = await startHarnessProcess(dataDir, { port, token, holdStoreCheck: true });
    const after = await context.newPage();
    await openNote(after, harness.url, noteId);
    // The line above every view (the note's own status line says the same when its save is refused).
    const checking = after.locator('.store-writes[role="status"]');
    await expect(checking).toContainText('Sherpa did not close normally last time, so it is checking its data file.');
    const again = after.getByRole('textbox', { name: 'Note text', exact: true });
    await expect(again).toHaveValue('Before the stop.');
    await again.press('End');
    await again.pressSequentially(' Typed while checking.');
    // Refused by the store with the reason, kept on screen (and in the draft journal).
    await expect(after.locator('[data-save-state="failed"]')).toContainText('checking its data file');
    await expect(again).toHaveValue('Before the stop. Typed while checking.');
    await after.screenshot({ path: test.info().outputPath('checking.png') });

    harness.process.kill('SIGUSR2');
    await expect(checking).toBeHidden();
    await expect(after.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 15_000 });
    const reader = new Database(path.join(dataDir, 'sherpa.sqlite'), { readonly: true });
    try {
      expect((reader.prepare('SELECT body FROM note WHERE id = ?').get(noteId) as { body: string }).body).toBe(
        'Before the stop. Typed while checking.',
      );
    } finally {
      reader.close();
    }
  } finally {
    await context.close();
    await killHard(harness.process);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
