import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { startTestServer, type TestServer } from '../main/sync/testServer.ts';
import { startHarnessProcess, test } from './fixtures.ts';
import { callStore, goTo } from './store.helpers.ts';
import { expect, expectNoSeriousViolations } from './views.helpers.ts';

// Two desks on one machine sharing a summit through a CouchDB-protocol server
// (as sync.spec.ts). Desk A deletes a meeting while desk B, offline, adds a
// follow-up and an annotation to it: the meeting comes back on both, and
// both officers are told, on the conflicts screen, in the same words. Then
// A deletes another meeting while B edits it: the edit wins, told the same way.

interface Desk {
  page: Page;
  dataDir: string;
  process: ChildProcess;
}

const syncPanel = (page: Page) => page.getByRole('region', { name: 'Sync with the desk’s server' });

async function openDesk(browser: Browser, deskName: string): Promise<Desk> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-e2e-restored-'));
  const harness = await startHarnessProcess(dataDir);
  const page = await (await browser.newContext()).newPage();
  await page.goto(harness.url);
  await expect(page.locator('main h1').first()).toBeVisible();
  await callStore(page, 'desk.rename', { deskName });
  return { page, dataDir, process: harness.process };
}

/** Connects and shares `summit`: the desk's own, ticked, or, with `sharer`, a colleague's, joined by the database name its panel shows. */
async function connect(desk: Desk, server: TestServer, user: string, summit: string, sharer?: Desk): Promise<void> {
  let database = '';
  if (sharer) {
    await goTo(sharer.page, '#/settings');
    const described = await syncPanel(sharer.page).getByRole('checkbox', { name: summit }).getAttribute('aria-describedby');
    database = ((await sharer.page.locator(`[id="${described}"]`).textContent()) ?? '').replace('Server database: ', '');
  }
  await goTo(desk.page, '#/settings');
  const panel = syncPanel(desk.page);
  await panel.getByLabel('Server address').fill(server.url);
  await panel.getByLabel('User name').fill(user);
  await panel.getByLabel('Password', { exact: true }).fill(`${user}-Pass-2026`);
  await panel.getByRole('button', { name: 'Connect' }).click();
  await expect(panel.getByRole('status')).toContainText('Up to date');
  if (sharer) await panel.getByLabel('Join a summit a colleague shares').fill(database);
  else await panel.getByRole('checkbox', { name: summit }).check();
  // The state line says "Up to date" from the Connect's round already: wait for a round that ended after Save.
  const before = (await callStore(desk.page, 'sync.status', {})).status.lastSyncedAt ?? '';
  await panel.getByRole('button', { name: 'Save and sync' }).click();
  await expect(panel.getByRole('status')).not.toHaveAttribute('data-synced-at', before);
  await expect(panel.getByRole('status')).toContainText('Up to date');
  await expect(panel.getByRole('checkbox', { name: summit })).toBeChecked();
}

/** Presses "Sync now" and waits for a round that ended after the click. */
async function syncNow(page: Page): Promise<void> {
  await goTo(page, '#/settings');
  const status = syncPanel(page).getByRole('status');
  const before = (await callStore(page, 'sync.status', {})).status.lastSyncedAt ?? '';
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(status).not.toHaveAttribute('data-synced-at', before);
  await expect(status).toContainText('Up to date');
}

const meetingFields = {
  format: 'bilateral',
  startsAt: '2024-07-10T14:00:00Z',
  startTimeKnown: true,
  durationMinutes: 30,
  timeZone: 'America/New_York',
  venue: '',
  interpreters: '',
  press: 'closed',
  purpose: '',
  objectives: '',
  theirAsks: '',
  pointsToMake: '',
  linesToTake: '',
  defensivePoints: '',
  background: '',
  sensitivities: '',
  protocolNotes: '',
  pressLine: '',
  outcome: '',
  status: 'planned',
  counterpartId: null,
  sourceId: null,
} as const;

test('a meeting deleted on one desk and kept for work added on another is announced on both, and deleted with it once confirmed', async ({
  browser,
  target,
}, testInfo) => {
  test.skip(target !== 'web', 'two web harnesses on two stores');
  // A server of its own (startTestServer numbers each one's databases apart): no other spec's summit is offered here.
  let server = await startTestServer();
  const desks: Desk[] = [];
  try {
    const a = await openDesk(browser, 'Washington desk');
    const b = await openDesk(browser, 'Seoul desk');
    desks.push(a, b);
    const summit = await callStore(a.page, 'summit.create', {
      title: 'Ottawa Summit 2024',
      city: 'Ottawa',
      countryId: null,
      startDate: '2024-07-09',
      endDate: '2024-07-11',
      timeZone: 'America/New_York',
      description: '',
      sourceId: null,
      classification: 'NATO UNCLASSIFIED',
    });
    const meeting = await callStore(a.page, 'meeting.create', {
      ...meetingFields,
      summitId: summit.id,
      title: 'Bilateral with the Secretary General',
      classification: 'NATO RESTRICTED',
    });
    // A second meeting, for the deletion that loses to an edit (the end of the test).
    await callStore(a.page, 'meeting.create', {
      ...meetingFields,
      startsAt: '2024-07-11T09:00:00Z',
      summitId: summit.id,
      title: 'Working lunch',
      classification: 'NATO UNCLASSIFIED',
    });
    await connect(a, server, 'kim', 'Ottawa Summit 2024');
    await connect(b, server, 'lee', 'Ottawa Summit 2024', a);
    // The summit's own database follows the shared one: its meeting arrives a round later.
    const meetingsOnB = async () => {
      const summitOnB = (await callStore(b.page, 'summit.list', {})).find((each) => each.title === 'Ottawa Summit 2024');
      return summitOnB ? (await callStore(b.page, 'summit.view', { id: summitOnB.id })).meetings : [];
    };
    await expect
      .poll(async () => (await meetingsOnB()).map((each) => each.title))
      .toEqual(['Bilateral with the Secretary General', 'Working lunch']);
    const [meetingOnB, lunchOnB] = await meetingsOnB();

    // Offline: A deletes the meeting; B, not knowing, adds a follow-up and an annotation to it.
    await server.stop();
    await callStore(a.page, 'meeting.delete', { id: meeting.id });
    await callStore(b.page, 'followUp.create', {
      meetingId: meetingOnB?.id ?? 0,
      description: 'Send the export licence list',
      owner: 'Lee',
      dueOn: null,
      status: 'open',
      classification: 'NATO UNCLASSIFIED',
    });
    await callStore(b.page, 'note.create', {
      meetingId: meetingOnB?.id ?? 0,
      title: 'Ask',
      body: 'Raise the licences first.',
      tags: [],
      classification: 'NATO RESTRICTED',
    });
    server = await startTestServer(server.port, server.serverNumber);
    for (const desk of [a, b, a, b]) await syncNow(desk.page);

    // Both desks say the same: who deleted it and when, and the two records that kept it, each marked.
    const sentences: string[] = [];
    for (const desk of [a, b]) {
      await goTo(desk.page, '#/conflicts');
      const notice = desk.page.getByRole('article', { name: 'Bilateral with the Secretary General' });
      await expect(notice).toBeVisible();
      const sentence = notice.getByText(/^Deleted on Washington desk \(/);
      await expect(sentence).toContainText('kept because 2 records added or changed on Seoul desk (');
      sentences.push((await sentence.textContent()) ?? '');
      await expect(notice.getByRole('listitem')).toHaveText([
        /\(NU\).*Follow-up action “Send the export licence list” \(written on Seoul desk/,
        /\(NR\).*Annotation on a meeting “Ask” \(written on Seoul desk/,
      ]);
      await expect(notice.getByRole('heading', { level: 3 })).toContainText('(NR)');
    }
    expect(sentences[0]).toBe(sentences[1]);
    // On A the meeting reappeared: its own page says why, and leads to the notice.
    const meetingOnA = (await callStore(a.page, 'summit.view', { id: summit.id })).meetings[0];
    await goTo(a.page, `#/meeting/${meetingOnA?.id}`);
    const pageNotice = a.page.getByRole('note', { name: 'Conflicts' });
    await expect(pageNotice).toContainText('Another desk deleted this record; it was kept because records added');
    await a.page.screenshot({ path: testInfo.outputPath('restored-meeting-page-desk-a.png'), fullPage: true });
    await pageNotice.getByRole('link', { name: 'See who deleted it, and keep or delete it' }).click();
    await expect(a.page.getByRole('article', { name: 'Bilateral with the Secretary General' })).toBeVisible();
    await a.page.screenshot({ path: testInfo.outputPath('restored-notice-desk-a.png'), fullPage: true });
    await expectNoSeriousViolations(a.page, 'Conflicts with a record kept for work added on another desk');
    // The sidebar counts it.
    await expect(a.page.locator('.conflicts-nav')).toContainText('1');
    // In Korean, marked the same way.
    await callStore(a.page, 'settings.update', { language: 'ko' });
    const noticeKo = a.page.getByRole('article', { name: 'Bilateral with the Secretary General' });
    await expect(
      noticeKo.getByText(/Washington desk \(.*에서 삭제됨\. Seoul desk \(.*에서 추가하거나 수정한 기록 2건이 참조하고 있어 유지됨:$/),
    ).toBeVisible();
    await expect(noticeKo.getByRole('button', { name: '참조하는 기록과 함께 삭제' })).toBeVisible();
    await a.page.screenshot({ path: testInfo.outputPath('restored-notice-desk-a-ko.png'), fullPage: true });
    await expectNoSeriousViolations(a.page, 'Conflicts with a record kept for work added on another desk, in Korean');
    await callStore(a.page, 'settings.update', { language: 'en' });
    await expect(a.page.getByRole('heading', { name: 'Deleted on one desk, kept for work done on another' })).toBeVisible();

    // The desk that added to it deletes it with what refers to it, after a confirmation naming them.
    const noticeOnB = b.page.getByRole('article', { name: 'Bilateral with the Secretary General' });
    await noticeOnB.getByRole('button', { name: 'Delete it with what refers to it' }).click();
    const dialog = b.page.getByRole('alertdialog', {
      name: /^Delete “Bilateral with the Secretary General” and the 2 records referring to it\?$/,
    });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('listitem')).toHaveText([/Send the export licence list/, /Ask/]);
    await b.page.screenshot({ path: testInfo.outputPath('restored-confirm-desk-b.png'), fullPage: true });
    await dialog.getByRole('button', { name: 'Delete them' }).click();
    await expect(b.page.getByRole('status').filter({ hasText: 'Deleted: “Bilateral with the Secretary General”' })).toBeVisible();
    await expect(noticeOnB).toHaveCount(0);

    for (const desk of [b, a, b]) await syncNow(desk.page);
    const meetingsOn = async (desk: Desk) =>
      (await callStore(desk.page, 'summit.view', { id: (await callStore(desk.page, 'summit.list', {}))[0]?.id ?? 0 })).meetings;
    for (const desk of [a, b]) {
      expect((await meetingsOn(desk)).map((each) => each.title)).toEqual(['Working lunch']);
      expect(await callStore(desk.page, 'conflict.restorations', {})).toEqual([]);
      expect((await callStore(desk.page, 'note.list', { kind: 'all' })).map((note) => note.title)).not.toContain('Ask');
    }

    // Offline again: A deletes the working lunch; B, not knowing, moves it to the embassy. The edit wins (CouchDB's
    // rule), so the lunch reappears on A: both desks say who deleted it and who edited it, in the same words.
    await server.stop();
    const lunchOnA = (await meetingsOn(a))[0];
    await callStore(a.page, 'meeting.delete', { id: lunchOnA?.id ?? 0 });
    await callStore(b.page, 'meeting.update', { id: lunchOnB?.id ?? 0, patch: { title: 'Working lunch at the embassy' }, expected: {} });
    server = await startTestServer(server.port, server.serverNumber);
    for (const desk of [a, b, a, b]) await syncNow(desk.page);
    const edited: string[] = [];
    for (const desk of [a, b]) {
      expect((await meetingsOn(desk)).map((each) => each.title)).toEqual(['Working lunch at the embassy']);
      await goTo(desk.page, '#/conflicts');
      const notice = desk.page.getByRole('article', { name: 'Working lunch at the embassy' });
      const sentence = notice.getByText(/^Deleted on Washington desk \(/);
      await expect(sentence).toContainText('kept because Seoul desk (');
      await expect(sentence).toContainText('edited it at');
      await expect(notice.getByRole('listitem')).toHaveCount(0);
      await expect(notice.getByRole('button', { name: 'Delete again' })).toBeVisible();
      edited.push((await sentence.textContent()) ?? '');
    }
    expect(edited[0]).toBe(edited[1]);
    await a.page.screenshot({ path: testInfo.outputPath('restored-after-edit-desk-a.png'), fullPage: true });
    await expectNoSeriousViolations(a.page, 'Conflicts with a record whose deletion lost to an edit');
    // Keep on A: the notice goes here at once, and on B at its next exchange; the edited lunch stays on both.
    await a.page.getByRole('article', { name: 'Working lunch at the embassy' }).getByRole('button', { name: 'Keep' }).click();
    await expect(a.page.getByRole('status').filter({ hasText: 'Kept: “Working lunch at the embassy”' })).toBeVisible();
    for (const desk of [a, b]) await syncNow(desk.page);
    for (const desk of [a, b]) {
      expect(await callStore(desk.page, 'conflict.restorations', {})).toEqual([]);
      expect((await meetingsOn(desk)).map((each) => each.title)).toEqual(['Working lunch at the embassy']);
    }
    await goTo(b.page, '#/conflicts');
    await expect(b.page.getByText('No conflicts: every record is the same on every desk you exchanged with.')).toBeVisible();
  } finally {
    await server.stop();
    for (const desk of desks) {
      const exited = desk.process.exitCode === null ? new Promise((resolve) => desk.process.once('exit', resolve)) : undefined;
      desk.process.kill('SIGTERM');
      await exited;
      await desk.page.context().close();
      fs.rmSync(desk.dataDir, { recursive: true, force: true });
    }
  }
});
