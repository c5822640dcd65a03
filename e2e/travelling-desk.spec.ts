import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test } from './fixtures.ts';
import { closeDesk, openDesk } from './team.helpers.ts';
import { expect, sidebar } from './views.helpers.ts';

// The sherpa's laptop is set up in Oslo and flown to Auckland while the
// Pacific Islands Forum in Nukuʻalofa is prepared. The computer's zone
// changes between two launches; the home capital's does not, until the
// officer changes it in Settings.

const summitTitle = 'Pacific Islands Forum Leaders Meeting, travelling desk';
const meetingTitle = 'Bilateral with the Prime Minister of Tonga, travelling desk';

async function openMeeting(page: Page): Promise<void> {
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await page.getByRole('link', { name: summitTitle }).first().click();
  await page.getByRole('link', { name: meetingTitle }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: meetingTitle })).toBeVisible();
}

test('a meeting’s home time stays the home capital’s after the laptop flies from Oslo to Auckland, and follows the zone chosen in Settings', async ({
  browser,
  target,
}, testInfo) => {
  test.skip(target !== 'web', 'the computer’s zone is set on the web harness’s process');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-e2e-travel-'));
  let launch = await openDesk(browser, { zone: 'Europe/Oslo', dataDir });
  try {
    const { page } = launch;
    // Set up in Oslo: the officer never touches the home zone, which shows the computer’s.
    await sidebar(page).getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByLabel('Home time zone')).toHaveValue('Europe/Oslo');

    await sidebar(page).getByRole('link', { name: 'Summits' }).click();
    await page.getByRole('link', { name: 'New summit' }).first().click();
    await page.getByLabel('Title').fill(summitTitle);
    await page.getByLabel('City').fill('Nukuʻalofa');
    await page.getByLabel('Start date').fill('2026-08-24');
    await page.getByLabel('End date').fill('2026-08-28');
    await page.getByLabel(/Time zone/).fill('Pacific/Tongatapu');
    await page.getByLabel('Classification').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('heading', { level: 1, name: summitTitle })).toBeVisible();

    await page.getByRole('link', { name: 'New meeting' }).first().click();
    await page.getByLabel('Title').fill(meetingTitle);
    await page.getByLabel('Date (venue)').fill('2026-08-25');
    await page.getByLabel('Time of day is known').check();
    await page.getByLabel('Time (venue)').fill('10:00');
    await expect(page.getByLabel(/Time zone/)).toHaveValue('Pacific/Tongatapu');
    await page.getByLabel('Classification').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('heading', { level: 1, name: meetingTitle })).toBeVisible();
    // 10:00 in Nukuʻalofa (UTC+13) is 23:00 the evening before in Oslo (CEST).
    const homeTime = page.locator('main .home-time').first();
    await expect(homeTime).toContainText('Home time (Europe/Oslo)');
    await expect(homeTime).toContainText('24 Aug 2026');
    await expect(homeTime).toContainText('23:00');
    await closeDesk(launch, { keepStore: true });

    // The laptop lands in Auckland and Sherpa starts there: the brief still gives Oslo's time.
    launch = await openDesk(browser, { zone: 'Pacific/Auckland', dataDir });
    await openMeeting(launch.page);
    const homeAfterFlight = launch.page.locator('main .home-time').first();
    await expect(homeAfterFlight).toContainText('Home time (Europe/Oslo)');
    await expect(homeAfterFlight).toContainText('23:00');
    await sidebar(launch.page).getByRole('link', { name: 'Settings' }).click();
    await expect(launch.page.getByLabel('Home time zone')).toHaveValue('Europe/Oslo');
    // The field says why it did not move with the computer.
    await expect(launch.page.getByText('It stays as set here when the computer’s own zone changes on a journey.')).toBeVisible();

    // The officer makes Auckland home: every meeting follows, at the next launch too.
    await launch.page.getByLabel('Home time zone').fill('Pacific/Auckland');
    await launch.page.getByRole('button', { name: 'Save' }).first().click();
    await expect(launch.page.getByRole('status').getByText('Settings saved.')).toBeVisible();
    await closeDesk(launch, { keepStore: true });
    launch = await openDesk(browser, { zone: 'Europe/Oslo', dataDir });
    await openMeeting(launch.page);
    // 10:00 in Nukuʻalofa is 09:00 in Auckland in August (NZST, UTC+12).
    const homeChosen = launch.page.locator('main .home-time').first();
    await expect(homeChosen).toContainText('Home time (Pacific/Auckland)');
    await expect(homeChosen).toContainText('09:00');
    await launch.page.screenshot({ path: testInfo.outputPath('travelling-desk-meeting.png'), fullPage: true });
  } finally {
    await closeDesk(launch, { keepStore: true }).catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
