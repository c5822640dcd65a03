import path from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { registerSqlFunctions } from '../db/functions.ts';
import { test } from './fixtures.ts';
import { callStore, goTo } from './store.helpers.ts';
import { expect, expectNoSeriousViolations, sidebar } from './views.helpers.ts';

// Records the forms would refuse can still be in a store: written by an older
// version (which took year 0), imported, or edited by hand. Each is inserted
// straight into the running store's SQLite file, and every view that shows it
// must render, or fail alone while the rest of Sherpa keeps working.

interface Inserted {
  summitId: number;
  yearZeroMeetingId: number;
  lastDayMeetingId: number;
  pastLastYearMeetingId: number;
  unknownZoneMeetingId: number;
}

function insertRecords(dataDir: string): Inserted {
  const db = new Database(path.join(dataDir, 'sherpa.sqlite'));
  db.pragma('busy_timeout = 5000');
  // The search index's triggers call Sherpa's own SQL function: any writer of the file needs it.
  registerSqlFunctions(db);
  try {
    const summitId = Number(
      db
        .prepare(
          "INSERT INTO summit (title, city, start_date, end_date, time_zone) VALUES (?, 'Nowhere', '0000-03-01', '9999-12-31', 'UTC')",
        )
        .run('Summit at the ends of the calendar').lastInsertRowid,
    );
    const meeting = db.prepare(
      "INSERT INTO meeting (summit_id, title, format, starts_at, start_time_known, duration_minutes, time_zone) VALUES (?, ?, 'bilateral', ?, 1, ?, ?)",
    );
    const insertMeeting = (summit: number | null, title: string, startsAt: string, zone: string, minutes: number | null = 60) =>
      Number(meeting.run(summit, title, startsAt, minutes, zone).lastInsertRowid);
    const inserted = {
      summitId,
      yearZeroMeetingId: insertMeeting(summitId, 'Meeting in year zero', '0000-06-01T10:00:00.000Z', 'Europe/Vilnius'),
      lastDayMeetingId: insertMeeting(summitId, 'Meeting on the last day of 9999', '9999-12-31T10:00:00.000Z', 'Europe/Vilnius'),
      // 10:30 on 1 January 10000 in Seoul, and its hour runs on.
      pastLastYearMeetingId: insertMeeting(summitId, 'Meeting late on 31 December 9999 UTC', '9999-12-31T23:30:00.000Z', 'Asia/Seoul'),
      unknownZoneMeetingId: insertMeeting(null, 'Meeting in an unknown zone', '2020-01-01T10:00:00.000Z', 'Mars/Olympus'),
    };
    const event = db.prepare("INSERT INTO timeline_event (occurred_on, precision, title) VALUES (?, 'day', ?)");
    event.run('0000-01-01', 'Event in year zero');
    event.run('9999-12-31', 'Event on the last day of 9999');
    return inserted;
  } finally {
    db.close();
  }
}

/** The app is alive: the sidebar takes the user to another view, which shows its heading. */
async function expectAppStillWorks(page: Page): Promise<void> {
  await sidebar(page).getByRole('link', { name: 'Summits' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Summits' })).toBeVisible();
}

const invalidTime = /Invalid time value/;

test('records dated year 0 to 9999 show their dates as stored in every view, and the app keeps working', async ({ sherpa }) => {
  const { page } = sherpa;
  await expect(page.locator('main h1').first()).toBeVisible();
  const records = insertRecords(sherpa.dataDir);
  // Written behind the app's back, as an older version or a hand edit would: the app reads them at its next start.
  await page.reload();

  await goTo(page, `#/summit/${records.summitId}`);
  const main = page.locator('main');
  await expect(main.getByRole('heading', { level: 1, name: 'Summit at the ends of the calendar' })).toBeVisible();
  await expect(main).toContainText('0000-03-01');
  await expect(main).toContainText('31 December 9999');
  await expect(main.getByRole('link', { name: 'Meeting in year zero' })).toBeVisible();
  await expect(main).not.toContainText(invalidTime);
  await page.screenshot({ path: test.info().outputPath('summit-years-0-to-9999.png'), fullPage: true });

  await goTo(page, `#/meeting/${records.yearZeroMeetingId}`);
  await expect(main.getByRole('heading', { level: 1, name: 'Meeting in year zero' })).toBeVisible();
  await expect(main.locator('time[datetime="0000-06-01T10:00:00.000Z"]')).toHaveText('0000-06-01T10:00:00.000Z');

  await goTo(page, `#/meeting/${records.lastDayMeetingId}`);
  await expect(main.getByRole('heading', { level: 1, name: 'Meeting on the last day of 9999' })).toBeVisible();
  await expect(main.locator('.venue-time')).toContainText('Fri, 31 Dec 9999, 12:00');

  await goTo(page, `#/meeting/${records.pastLastYearMeetingId}`);
  await expect(main.getByRole('heading', { level: 1, name: 'Meeting late on 31 December 9999 UTC' })).toBeVisible();
  // At the venue it is already year 10000, past what a date can be written as: the stored instant is shown.
  await expect(main.locator('.venue-time')).toHaveText('9999-12-31T23:30:00.000Z (Asia/Seoul)');

  await goTo(page, '#/timeline');
  await expect(main.getByText('Event in year zero')).toBeVisible();
  await expect(main).toContainText('0000-01-01');
  await expect(main).toContainText('31 December 9999');

  // Today lists upcoming meetings, the ones in 9999 among them.
  await goTo(page, '#/today');
  await expect(main.getByRole('link', { name: 'Meeting on the last day of 9999' })).toBeVisible();
  await expect(main).not.toContainText(invalidTime);
  await expectAppStillWorks(page);
});

test('a meeting in a time zone this machine does not know shows its time as stored, in either language, and its form sets it right', async ({
  sherpa,
}) => {
  const { page } = sherpa;
  await expect(page.locator('main h1').first()).toBeVisible();
  const { unknownZoneMeetingId } = insertRecords(sherpa.dataDir);
  await page.reload();
  const main = page.locator('main');

  await goTo(page, `#/meeting/${unknownZoneMeetingId}`);
  await expect(main.getByRole('heading', { level: 1, name: 'Meeting in an unknown zone' })).toBeVisible();
  await expect(main.locator('.venue-time')).toHaveText('2020-01-01T10:00:00.000Z (Mars/Olympus)');
  await page.screenshot({ path: test.info().outputPath('unknown-zone-en.png') });
  await expectNoSeriousViolations(page, 'a meeting in an unknown zone');

  await callStore(page, 'settings.update', { language: 'ko' });
  await page.reload();
  await expect(main.getByRole('heading', { level: 1, name: 'Meeting in an unknown zone' })).toBeVisible();
  await expect(main.locator('.venue-time')).toHaveText('2020-01-01T10:00:00.000Z (Mars/Olympus)');
  await callStore(page, 'settings.update', { language: 'en' });
  await page.reload();

  await main.getByRole('link', { name: 'Edit meeting details' }).click();
  await expect(page.getByLabel(/Time zone/)).toHaveValue('Mars/Olympus');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByLabel(/Time zone/)).toHaveAccessibleDescription(/Unknown time zone/);
  await page.getByLabel('Date (venue)').fill('2020-01-01');
  await page.getByLabel('Time (venue)').fill('12:00');
  await page.getByLabel(/Time zone/).fill('Europe/Vilnius');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(main.getByRole('heading', { level: 1, name: 'Meeting in an unknown zone' })).toBeVisible();
  await expect(main.locator('.venue-time')).toContainText('Wed, 1 Jan 2020, 12:00');
  await expectAppStillWorks(page);
});

test('an id out of range in the address bar, or one that names no record, shows "not found" and no validator text', async ({ sherpa }) => {
  const { page } = sherpa;
  await expect(page.locator('main h1').first()).toBeVisible();
  const main = page.locator('main');
  for (const hash of ['#/meeting/99999999999999999999', '#/summit/99999', '#/edit/meeting/99999999999999999999', '#/people/0']) {
    await goTo(page, hash);
    await expect(main.getByRole('heading', { level: 1, name: 'Not found' }), hash).toBeVisible();
    await expect(main, hash).not.toContainText(/too big|must be|id:|No summit with id/i);
  }
  await expectAppStillWorks(page);
});
