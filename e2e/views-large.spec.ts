import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDataset } from '../db/sample/generate.ts';
import { openScratchDatabase } from '../db/testing.ts';
import { storeFileName } from '../main/store.ts';
import { startHarnessProcess, test } from './fixtures.ts';
import { expect, expectNoSeriousViolations, screenshotBothThemes } from './views.helpers.ts';

// The views on a desk-sized store: a summit with thousands of meetings and a
// sector with thousands of entries must render only what is on screen.
test('walks the summit, sector and search views on a generated store with thousands of meetings', async ({ browser, target }, testInfo) => {
  test.skip(target !== 'web', 'The store is generated into the web harness’s data folder.');
  test.setTimeout(300_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-large-'));
  const db = openScratchDatabase(path.join(dataDir, storeFileName));
  const generated = generateDataset(db, {
    seed: 7,
    summits: 20,
    meetings: 4_000,
    largestSummitMeetings: 2_000,
    sectorEntries: 4_000,
    annotations: 500,
  });
  const summitMeetings = db.prepare('SELECT count(*) AS n FROM meeting WHERE summit_id = ?').get(generated.largestSummitId) as {
    n: number;
  };
  const lastMeeting = db
    .prepare('SELECT title FROM meeting WHERE summit_id = ? ORDER BY starts_at DESC, id DESC LIMIT 1')
    .get(generated.largestSummitId) as { title: string };
  const sectorEntries = db.prepare('SELECT count(*) AS n FROM sector_entry WHERE sector_id = ?').get(generated.busiestSectorId) as {
    n: number;
  };
  const summitPeople = (
    db
      .prepare(
        `SELECT count(*) AS n FROM (SELECT mp.person_id FROM meeting_participant mp JOIN meeting m ON m.id = mp.meeting_id WHERE m.summit_id = ?
         UNION SELECT counterpart_id FROM meeting WHERE summit_id = ? AND counterpart_id IS NOT NULL)`,
      )
      .get(generated.largestSummitId, generated.largestSummitId) as { n: number }
  ).n;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  expect(summitMeetings.n).toBeGreaterThanOrEqual(2_000);
  expect(summitPeople).toBeGreaterThan(40);

  const harness = await startHarnessProcess(dataDir);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${harness.url}#/summit/${generated.largestSummitId}`);
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`Meetings \\(${summitMeetings.n} meetings\\)`) })).toBeVisible();
    // Only the rows near the viewport are in the page, not thousands.
    const rendered = await page.locator('.meeting-row').count();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(100);
    await screenshotBothThemes(page, testInfo, 'large-summit', false);

    // Its people come 40 first, with how many there are; all of them, by name, when opened.
    const people = page.locator('section[aria-labelledby="participants-heading"] .chips > li');
    await expect(people).toHaveCount(40);
    const openPeople = page.getByRole('button', { name: new RegExp(`Show all ${summitPeople} participants`) });
    await expect(page.getByText(`The first 40 of ${summitPeople}, from the earliest meetings.`)).toBeVisible();
    await openPeople.click();
    await expect(people).toHaveCount(summitPeople);
    await expect(openPeople).toHaveCount(0);
    const names = await page.locator('section[aria-labelledby="participants-heading"] .chips > li a bdi:first-child').allTextContents();
    expect(names).toEqual([...names].sort((one, other) => (one < other ? -1 : one > other ? 1 : 0)));

    // Tabbing walks on through the meetings: rows are added as focus scrolls them into view.
    await page.locator('.meeting-row a').first().focus();
    for (let step = 0; step < 40; step++) await page.keyboard.press('Tab');
    const focusedRow = page.locator('.virtual-row:has(a:focus)');
    await expect(focusedRow).toHaveCount(1);
    expect(Number(await focusedRow.getAttribute('data-index'))).toBeGreaterThan(40);
    await page.evaluate('window.scrollTo(0, 0)');

    // The last meeting is reachable by scrolling to the end.
    await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
    await expect(page.getByRole('link', { name: lastMeeting.title }).last()).toBeVisible();
    expect(await page.locator('.meeting-row').count()).toBeLessThan(100);
    await page.screenshot({ path: testInfo.outputPath('large-summit-end.png') });

    await page.getByRole('link', { name: lastMeeting.title }).last().click();
    await expect(page.getByRole('heading', { level: 1, name: lastMeeting.title })).toBeVisible();

    await page.goto(`${harness.url}#/sectors/${generated.busiestSectorId}`);
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`Entries \\(${sectorEntries.n} entries\\)`) })).toBeVisible();
    expect(await page.locator('.entry-card').count()).toBeLessThan(60);
    await expectNoSeriousViolations(page, 'large sector');
    await page.screenshot({ path: testInfo.outputPath('large-sector.png') });

    await page.goto(`${harness.url}#/meeting/${generated.sampleMeetingId}`);
    await expect(page.getByRole('heading', { level: 2, name: 'Points to make' })).toBeVisible();
    await page.keyboard.press('Control+k');
    await page.getByRole('searchbox', { name: 'Search' }).fill('cyber');
    await expect(page.locator('.search-results li').first()).toBeVisible();
    await expect(page.locator('.search-results mark').first()).toBeVisible();
  } finally {
    await context.close();
    const exited = new Promise((resolve) => harness.process.once('exit', resolve));
    harness.process.kill('SIGTERM');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
