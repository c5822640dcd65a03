import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { seedConflicts } from './conflicts.helpers.ts';
import { startHarnessProcess, test } from './fixtures.ts';
import { callStore } from './store.helpers.ts';
import { expect, expectNoSeriousViolations, screenshotBothThemes, sidebar } from './views.helpers.ts';

// Conflicts between desks, on a store where two desks really diverged and
// met again through signed bundles (e2e/conflicts.helpers.ts).

const edits = {
  meetingTitle: ['Bilateral with the Secretary General (desk A)', 'Stoltenberg–Yoon bilateral (desk B)'] as [string, string],
  noteBody: ['Seating agreed with the NATO protocol office', 'Seating to be confirmed by the Korean mission'] as [string, string],
};

async function openDesk(browser: Browser) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-conflicts-'));
  const seeded = seedConflicts(dataDir, edits);
  const harness = await startHarnessProcess(dataDir);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(harness.url);
  // The diverged store is written here by another process, so Sherpa opens it as after an unexpected stop: read at
  // once, written once its check has passed (round 35). A desk settles conflicts once the line above the views goes.
  await expect.poll(async () => (await callStore(page, 'store.writes', {})).writable, { timeout: 30_000 }).toBe(true);
  const close = async () => {
    await context.close();
    const exited = new Promise((resolve) => harness.process.once('exit', resolve));
    harness.process.kill('SIGTERM');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { page, seeded, close };
}

test('a meeting edited on two desks: the badge, the notice on its brief, both titles side by side, and taking the other desk’s', async ({
  browser,
  target,
}, testInfo) => {
  test.skip(target !== 'web', 'The diverged store is written into the web harness’s data folder.');
  test.setTimeout(120_000);
  const { page, seeded, close } = await openDesk(browser);
  try {
    const conflictsLink = sidebar(page).getByRole('link', { name: /Conflicts/ });
    await expect(conflictsLink).toContainText('2');
    await expect(conflictsLink).toHaveAccessibleName('Conflicts (2 records in conflict)');

    // The brief says so and links to its conflict.
    await page.goto(`${page.url().split('#')[0]}#/meeting/${seeded.meetingId}`);
    await expect(page.getByRole('heading', { level: 1, name: seeded.shownTitle })).toBeVisible();
    const notice = page.getByRole('note', { name: 'Conflicts' });
    await expect(notice).toContainText('changed on two desks');
    await page.screenshot({ path: testInfo.outputPath('meeting-with-conflict-notice.png') });
    await expectNoSeriousViolations(page, 'meeting brief with a conflict notice');

    await conflictsLink.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Conflicts between desks' })).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(seeded.shownTitle.replace(/[()]/g, '.')) });
    await expect(row).toContainText('Meeting');
    await expect(row).toContainText(seeded.shownMark);
    await screenshotBothThemes(page, testInfo, 'conflicts-list');

    await row.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: /Meeting in conflict/ })).toBeVisible();
    const titleRow = page.getByRole('row', { name: /Title/ }).first();
    await expect(titleRow).toContainText('differs');
    await expect(titleRow).toContainText(seeded.shownTitle);
    await expect(titleRow).toContainText(seeded.otherTitle);
    // Each version says which desk wrote it (its card's fingerprint too), and when.
    const heads = page.locator('table.conflict-sides').first().locator('thead th');
    await expect(heads.filter({ hasText: seeded.shownTitle === edits.meetingTitle[0] ? 'Shown now' : 'Other version' })).toContainText(
      /written by Country desk \([0-9A-F]{4}( [0-9A-F]{4}){4}\), /,
    );
    await expect(heads.filter({ hasText: seeded.shownTitle === edits.meetingTitle[0] ? 'Other version' : 'Shown now' })).toContainText(
      /written by Sherpa office \([0-9A-F]{4}( [0-9A-F]{4}){4}\), /,
    );
    await screenshotBothThemes(page, testInfo, 'meeting-conflict');

    await page.getByRole('button', { name: 'Merge…' }).click();
    await expect(page.getByRole('group', { name: 'Title: take from' })).toBeVisible();
    // The marking starts at the higher of the two, and the panel says so.
    await expect(page.getByText('takes the highest marking of the versions, NATO RESTRICTED')).toBeVisible();
    await expect(page.getByRole('group', { name: 'Marking: take from' }).getByRole('radio', { checked: true })).toHaveAccessibleName(
      /NATO RESTRICTED/,
    );
    const merged = page.getByRole('textbox', { name: 'Merged text of Points to make' });
    await expect(merged).toHaveValue(/Korean mission to NATO[\s\S]*support to Ukraine|support to Ukraine[\s\S]*Korean mission to NATO/);
    await page.screenshot({ path: testInfo.outputPath('meeting-conflict-merge.png'), fullPage: true });
    await expectNoSeriousViolations(page, 'merge panel');
    await page.getByRole('button', { name: 'Back' }).click();

    await page.getByRole('button', { name: 'Take that: Other version' }).click();
    if (seeded.shownMark === '(NR)') {
      // Taking the other desk's NATO UNCLASSIFIED version would lower the record on every desk: asked first.
      await expect(page.locator('main').getByRole('alert')).toHaveText(
        'Another version is marked NATO RESTRICTED; taking this one marks the record NATO UNCLASSIFIED on every desk.',
      );
      await expectNoSeriousViolations(page, 'lowering a marking asked first');
      await page.getByRole('button', { name: 'Mark the record NATO UNCLASSIFIED' }).click();
    }
    await expect(page.locator('main').getByRole('status')).toContainText('Settled');
    await expect(conflictsLink).toContainText('1');
    await page.getByRole('link', { name: 'Open the record' }).click();
    await expect(page.getByRole('heading', { level: 1, name: seeded.otherTitle })).toBeVisible();
    await expect(page.getByRole('note', { name: 'Conflicts' })).toHaveCount(0);
    const list = await callStore(page, 'conflict.list', {});
    expect(list.map((conflict) => conflict.kind)).toEqual(['note']);
    expect((await callStore(page, 'meeting.get', { id: seeded.meetingId })).title).toBe(seeded.otherTitle);

    // The same screens in Korean.
    await callStore(page, 'settings.update', { language: 'ko' });
    await page.goto(`${page.url().split('#')[0]}#/conflicts`);
    await expect(page.getByRole('heading', { level: 1, name: '데스크 간 충돌' })).toBeVisible();
    await page.getByRole('link', { name: 'Seating plan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /충돌 중인 노트/ })).toBeVisible();
    for (const desk of ['Country desk', 'Sherpa office'])
      await expect(page.getByTestId('version-author').filter({ hasText: `작성: ${desk} (` })).not.toHaveCount(0);
    await screenshotBothThemes(page, testInfo, 'note-conflict-ko');
  } finally {
    await close();
  }
});

test('a note edited on two desks shows both texts in the note editor, and keeping one settles it', async ({
  browser,
  target,
}, testInfo) => {
  test.skip(target !== 'web', 'The diverged store is written into the web harness’s data folder.');
  test.setTimeout(120_000);
  const { page, seeded, close } = await openDesk(browser);
  try {
    await page.goto(`${page.url().split('#')[0]}#/notes/${seeded.noteId}`);
    const view = page.locator('.note-conflict');
    await expect(view.getByRole('heading', { name: 'This note was edited on two desks' })).toBeVisible();
    for (const body of edits.noteBody) await expect(view.getByText(body)).toBeVisible();
    await expect(view.getByRole('figure', { name: /Shown now/ })).toBeVisible();
    await expect(view.getByRole('figure', { name: /From the other desk/ })).toBeVisible();
    for (const desk of ['Country desk', 'Sherpa office'])
      await expect(view.getByTestId('version-author').filter({ hasText: `written by ${desk} (` })).toHaveCount(1);
    // Each side carries its own marking; a merge takes the higher one and says so.
    await expect(view.getByRole('figure', { name: /Shown now/ })).toContainText(/\((NU|NR)\)/);
    await expect(view.locator('figcaption', { hasText: '(NR)' })).toHaveCount(1);
    await expect(view.locator('figcaption', { hasText: '(NU)' })).toHaveCount(1);
    await view.getByRole('button', { name: 'Merge both…' }).click();
    await expect(view.getByText('The merged note takes the higher marking of the two: NATO RESTRICTED.')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('note-sync-conflict-merge.png'), fullPage: true });
    await view.getByRole('button', { name: 'Back' }).click();
    await page.screenshot({ path: testInfo.outputPath('note-sync-conflict.png'), fullPage: true });
    await expectNoSeriousViolations(page, 'note sync conflict');

    const shown =
      (await view
        .getByRole('figure', { name: /Shown now/ })
        .locator('pre')
        .textContent()) ?? '';
    const other = edits.noteBody.find((body) => body !== shown) ?? '';
    const shownMarked = (await view.getByRole('figure', { name: /Shown now/ }).textContent()) ?? '';
    await view.getByRole('button', { name: 'Take that' }).click();
    if (shownMarked.includes('(NR)')) {
      // The other desk's text is NATO UNCLASSIFIED: taking it would lower the note on every desk, so it asks first.
      await expect(page.locator('main').getByRole('alert')).toHaveText(
        'Another version is marked NATO RESTRICTED; taking this one marks the record NATO UNCLASSIFIED on every desk.',
      );
      await page.getByRole('button', { name: 'Mark the record NATO UNCLASSIFIED' }).click();
    }
    await expect(page.locator('.note-conflict')).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Note text' })).toHaveValue(other);
    expect((await callStore(page, 'note.get', { id: seeded.noteId })).body).toBe(other);
    expect((await callStore(page, 'conflict.list', {})).map((conflict) => conflict.kind)).toEqual(['meeting']);
  } finally {
    await close();
  }
});

/** The caret moved and back: the browser starts a new undo step, as after a click in the text. */
async function endTypingRun(page: Page): Promise<void> {
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
}

test('undo in a merged text takes back the last typing run, in a record’s merge and a note’s', async ({ browser, target }) => {
  test.skip(target !== 'web', 'The diverged store is written into the web harness’s data folder.');
  test.setTimeout(120_000);
  const { page, seeded, close } = await openDesk(browser);
  try {
    await page.goto(`${page.url().split('#')[0]}#/conflicts`);
    await page
      .getByRole('row', { name: new RegExp(seeded.shownTitle.replace(/[()]/g, '.')) })
      .getByRole('link')
      .click();
    await page.getByRole('button', { name: 'Merge…' }).click();
    const merged = page.getByRole('textbox', { name: 'Merged text of Points to make' });
    await merged.click();
    await page.keyboard.press('Control+End');
    const before = await merged.inputValue();
    await page.keyboard.type('\n- Ask about the mission.');
    await endTypingRun(page);
    await page.keyboard.type(' Thank Korea.');
    await page.keyboard.press('Control+z');
    // The whole run, not its last letter.
    await expect(merged).toHaveValue(`${before}\n- Ask about the mission.`);
    await page.getByRole('button', { name: 'Save the merge' }).click();
    await expect(page.locator('main').getByRole('status')).toContainText('Settled');
    expect((await callStore(page, 'meeting.get', { id: seeded.meetingId })).pointsToMake).toBe(`${before}\n- Ask about the mission.`);

    await page.goto(`${page.url().split('#')[0]}#/notes/${seeded.noteId}`);
    const view = page.locator('.note-conflict');
    await view.getByRole('button', { name: 'Merge both…' }).click();
    const mergedNote = view.getByRole('textbox', { name: 'Merged text' });
    await mergedNote.click();
    await page.keyboard.press('Control+End');
    const noteBefore = await mergedNote.inputValue();
    await page.keyboard.type(' Ask protocol.');
    await endTypingRun(page);
    await page.keyboard.type(' Today.');
    await page.keyboard.press('Control+z');
    await expect(mergedNote).toHaveValue(`${noteBefore} Ask protocol.`);
  } finally {
    await close();
  }
});
