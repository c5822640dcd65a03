import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { registerSqlFunctions } from '../db/functions.ts';
import { storeSnapshot } from '../db/sync/testing.ts';
import type { BundleExportResult, DeskCard } from '../shared/bundles.ts';
import type { Summit } from '../shared/domain.ts';
import { test } from './fixtures.ts';
import { callStore, goTo } from './store.helpers.ts';
import { chooseBundle, closeDesk, type Desk, openDesk, readStore } from './team.helpers.ts';
import { expect, expectNoSeriousViolations } from './views.helpers.ts';

// A team's briefing, tried on two desks: desk A's store holds a meeting whose title has a zero-width space inside
// a Latin name ("Kim\u200bJong", which reads as "KimJong" and is not the record that name finds), written past the
// forms as an older version or a doctored desk would. Desk B receives it by bundle: the review lists it with the
// character before the import, and every list that shows it afterwards draws the character and flags the title.
// Then A sends the same summit again: nothing would change, and Import is not offered.

test.describe.configure({ mode: 'default' });

const hiddenTitle = 'Bilateral with Kim\u200bJong';

/** Writes a meeting straight into the desk's store file, as a desk from before the forms' rule holds one. */
function insertMeetingPastTheForms(desk: Desk, summitId: number, title: string): void {
  const db = new Database(path.join(desk.dataDir, 'sherpa.sqlite'));
  db.pragma('busy_timeout = 5000');
  // The search index's triggers call Sherpa's own SQL functions: any writer of the file needs them.
  registerSqlFunctions(db);
  try {
    db.prepare(
      `INSERT INTO meeting (summit_id, title, format, starts_at, time_zone, classification)
         VALUES (?, ?, 'bilateral', '2024-07-10T14:00:00.000Z', 'America/New_York', 'NATO RESTRICTED')`,
    ).run(summitId, title);
  } finally {
    db.close();
  }
}

async function exportTo(from: Desk, summitId: number, fingerprint: string): Promise<string> {
  const exported = await callStore(from.page, 'bundle.export', { selection: { summitId }, recipients: [fingerprint] });
  return (exported as BundleExportResult).path;
}

test('a received title with a hidden character is listed before the import and flagged wherever it shows; the same summit again offers no Import', async ({
  browser,
  target,
}, testInfo) => {
  test.skip(target !== 'web', 'two harness instances: the web target');
  // Two apps, two bundles, search and two accessibility checks on a shared machine: as bundles.spec.ts allows.
  test.setTimeout(180_000);
  const a = await openDesk(browser);
  const b = await openDesk(browser);
  try {
    await callStore(a.page, 'desk.rename', { deskName: 'Brussels desk' });
    await callStore(b.page, 'desk.rename', { deskName: 'Seoul desk' });
    const cardA = (await callStore(a.page, 'desk.card', {})) as DeskCard;
    const cardB = (await callStore(b.page, 'desk.card', {})) as DeskCard;
    await callStore(a.page, 'contact.add', { text: cardB.text });
    await callStore(b.page, 'contact.add', { text: cardA.text });
    const summit = (await callStore(a.page, 'summit.create', {
      title: 'Washington Summit',
      city: 'Washington',
      countryId: null,
      startDate: '2024-07-09',
      endDate: '2024-07-11',
      timeZone: 'America/New_York',
      description: '',
      sourceId: null,
      classification: 'NATO UNCLASSIFIED',
    })) as Summit;
    insertMeetingPastTheForms(a, summit.id, hiddenTitle);

    // The review names the record, the character drawn where it stands, before anything is imported.
    const first = await exportTo(a, summit.id, cardB.card.fingerprint);
    await goTo(b.page, '#/exchange');
    let receive = await chooseBundle(b, first);
    let review = receive.getByRole('region', { name: 'Review before importing' });
    const listed = review.getByTestId('review-misleading');
    await expect(listed).toContainText('1 record holds characters that hide or turn round what its text says');
    await expect(listed).toContainText('Bilateral with Kim[U+200B]Jong');
    await expect(listed).toContainText('characters: U+200B');
    await expectNoSeriousViolations(b.page, 'Bundle review listing a record with a hidden character');
    await review.getByRole('button', { name: 'Import' }).click();
    await expect(receive.getByRole('status')).toContainText('Imported from “Brussels desk”');
    // Kept byte for byte: every desk holds the same.
    expect(readStore(b, (db) => db.prepare('SELECT title FROM meeting WHERE title LIKE ?').pluck().all('Bilateral with Kim%'))).toEqual([
      hiddenTitle,
    ]);

    // The summit's list of meetings: the character drawn as its code, and the title flagged in words.
    const summitIdOnB = readStore(b, (db) => db.prepare(`SELECT id FROM summit WHERE title = 'Washington Summit'`).pluck().get()) as number;
    await goTo(b.page, `#/summit/${summitIdOnB}`);
    const meetingLink = b.page.getByRole('main').getByRole('link', { name: /Bilateral with Kim\[U\+200B\]Jong/ });
    await expect(meetingLink).toBeVisible();
    await expect(meetingLink.getByTestId('misleading-character')).toHaveText('[U+200B]');
    await expect(meetingLink.getByTestId('misleading-flag')).toHaveText('hidden characters');
    await b.page.screenshot({ path: testInfo.outputPath('received-hidden-character.png'), fullPage: true });
    await expectNoSeriousViolations(b.page, 'Summit listing a received meeting with a hidden character');

    // Search finds it by its words, and the hit shows the same.
    await b.page.keyboard.press('Control+k');
    const palette = b.page.getByRole('dialog', { name: 'Search and commands' });
    await palette.getByRole('searchbox').fill('Bilateral');
    const hit = palette.getByRole('link', { name: /Bilateral with Kim/ });
    await expect(hit.getByTestId('misleading-flag')).toBeVisible();
    await expect(hit.getByTestId('misleading-character').first()).toHaveText('[U+200B]');
    await b.page.keyboard.press('Escape');

    // Desk A sends the summit again (a new bundle, the same records): nothing would change, and Import is not offered.
    const again = await exportTo(a, summit.id, cardB.card.fingerprint);
    await goTo(b.page, '#/exchange');
    const before = readStore(b, storeSnapshot);
    receive = await chooseBundle(b, again);
    review = receive.getByRole('region', { name: 'Review before importing' });
    await expect(review.getByTestId('review-already-here')).toHaveText(/^Everything in this bundle is already here/);
    await expect(review.getByRole('button', { name: 'Import' })).toBeDisabled();
    await review.getByRole('button', { name: 'Cancel' }).click();
    // Cancel's own call ends the review the store noted when the bundle was opened: read once it has been answered.
    await expect.poll(() => readStore(b, storeSnapshot)).toEqual(before);
    expect(fs.existsSync(again)).toBe(true);
  } finally {
    await closeDesk(a);
    await closeDesk(b);
  }
});
