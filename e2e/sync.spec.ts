import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { listConflicts } from '../db/sync/conflicts.ts';
import { storeFileName } from '../main/store.ts';
import { startTestServer, type TestServer } from '../main/sync/testServer.ts';
import type { Note } from '../shared/domain.ts';
import { startHarnessProcess, test } from './fixtures.ts';
import { callStore, goTo } from './store.helpers.ts';
import { expect, expectNoSeriousViolations } from './views.helpers.ts';

// Two desks on one machine, each its own web harness and store, sharing a
// summit through a CouchDB-protocol server (pouchdb-server on 127.0.0.1,
// started and stopped here). Both edit offline, come back, and converge.

interface Desk {
  page: Page;
  dataDir: string;
  process: ChildProcess;
}

const contentOf = (note: Note) => ({ title: note.title, body: note.body, tags: note.tags, classification: note.classification });

const stateLine = (page: Page) => page.getByRole('region', { name: 'Sync with the desk’s server' }).getByRole('status');

async function openDesk(browser: import('@playwright/test').Browser): Promise<Desk> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-e2e-sync-'));
  const harness = await startHarnessProcess(dataDir);
  const page = await (await browser.newContext()).newPage();
  await page.goto(harness.url);
  await expect(page.locator('main h1').first()).toBeVisible();
  return { page, dataDir, process: harness.process };
}

async function connect(desk: Desk, server: TestServer, user: string, summits: string[]): Promise<void> {
  const { page } = desk;
  await goTo(page, '#/settings');
  const panel = page.getByRole('region', { name: 'Sync with the desk’s server' });
  await panel.getByLabel('Server address').fill(server.url);
  await panel.getByLabel('User name').fill(user);
  await panel.getByLabel('Password', { exact: true }).fill(`${user}-Pass-2026`);
  for (const title of summits) await panel.getByRole('checkbox', { name: title }).check();
  await panel.getByRole('button', { name: 'Connect' }).click();
  await expect(stateLine(page)).toContainText('Up to date');
}

/** Presses "Sync now" and waits for the round to be done and the state line to say so. */
async function syncNow(page: Page): Promise<void> {
  await goTo(page, '#/settings');
  const before = (await callStore(page, 'sync.status', {})).status.lastSyncedAt ?? '';
  await page.getByRole('button', { name: 'Sync now' }).click();
  // A round ended after the click: the line shows a newer "last synced" time, and says it is up to date.
  await expect(stateLine(page)).not.toHaveAttribute('data-synced-at', before);
  await expect(stateLine(page)).toContainText('Up to date');
}

test('two desks share a summit through the server, edit it offline, and converge with the loser kept', async ({
  browser,
  target,
}, testInfo) => {
  test.skip(target !== 'web', 'two web harnesses on two stores');
  let server = await startTestServer();
  const desks: Desk[] = [];
  try {
    const a = await openDesk(browser);
    const b = await openDesk(browser);
    desks.push(a, b);

    // Desk A prepares a summit with a meeting and an annotation on it, and shares it.
    const summit = await callStore(a.page, 'summit.create', {
      title: 'Washington Summit 2024',
      city: 'Washington',
      countryId: null,
      startDate: '2024-07-09',
      endDate: '2024-07-11',
      timeZone: 'America/New_York',
      description: '',
      sourceId: null,
      classification: 'NATO UNCLASSIFIED',
    });
    const meeting = await callStore(a.page, 'meeting.create', {
      summitId: summit.id,
      title: 'Bilateral with the Secretary General',
      format: 'bilateral',
      startsAt: '2024-07-10T14:00:00Z',
      startTimeKnown: true,
      durationMinutes: 30,
      timeZone: 'America/New_York',
      venue: 'Walter E. Washington Convention Center',
      interpreters: '',
      press: 'closed',
      purpose: 'Agree the next steps of the partnership programme.',
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
      classification: 'NATO RESTRICTED',
    });
    const note = await callStore(a.page, 'note.create', {
      meetingId: meeting.id,
      title: 'Ask',
      body: 'Raise the cyber defence sector.',
      tags: [],
      classification: 'NATO RESTRICTED',
    });
    await connect(a, server, 'kim', ['Washington Summit 2024']);
    await a.page.screenshot({ path: testInfo.outputPath('sync-panel-desk-a.png'), fullPage: true });
    await expectNoSeriousViolations(a.page, 'Settings with the Sync panel');

    // A server elsewhere over plain http is refused at its field, in words, and nothing is stored.
    await goTo(b.page, '#/settings');
    const panelOfB = b.page.getByRole('region', { name: 'Sync with the desk’s server' });
    await panelOfB.getByLabel('Server address').fill('http://couch.desk.example:5984');
    await panelOfB.getByRole('button', { name: 'Connect' }).click();
    await expect(panelOfB.getByText('Server address: must start with https://')).toBeVisible();
    await expect(panelOfB.getByLabel('Server address')).toHaveAttribute('aria-invalid', 'true');
    expect((await callStore(b.page, 'sync.status', {})).account).toBeNull();

    // Desk B connects: no summit is offered (the reference database carries none); B joins the summit by the
    // database name desk A's panel shows beside it, and it arrives ticked, its meeting and annotation with it.
    await connect(b, server, 'lee', []);
    const panelB = b.page.getByRole('region', { name: 'Sync with the desk’s server' });
    await expect(panelB.getByRole('checkbox', { name: 'Washington Summit 2024' })).toHaveCount(0);
    await goTo(a.page, '#/settings');
    // The database named beside the summit's box (its description), as the colleague reads it out.
    const described = await a.page.getByRole('checkbox', { name: 'Washington Summit 2024' }).getAttribute('aria-describedby');
    const shownOnA = await a.page.locator(`[id="${described}"]`).textContent();
    await panelB.getByLabel('Join a summit a colleague shares').fill(shownOnA?.replace('Server database: ', '') ?? '');
    await panelB.getByRole('button', { name: 'Save and sync' }).click();
    await expect(stateLine(b.page)).toContainText('Up to date');
    await expect(panelB.getByRole('checkbox', { name: 'Washington Summit 2024' })).toBeChecked();
    const summitOnB = (await callStore(b.page, 'summit.list', {})).find((each) => each.title === 'Washington Summit 2024');
    expect(summitOnB).toBeDefined();
    await goTo(b.page, `#/summit/${summitOnB?.id}`);
    await b.page.getByRole('link', { name: 'Bilateral with the Secretary General' }).first().click();
    await expect(b.page.getByRole('heading', { level: 1, name: 'Bilateral with the Secretary General' })).toBeVisible();
    await expect(b.page.getByText('Raise the cyber defence sector.')).toBeVisible();
    const meetingOnB = (await callStore(b.page, 'summit.view', { id: summitOnB?.id ?? 0 })).meetings[0];
    const noteOnB = (await callStore(b.page, 'note.listFor', { meetingId: meetingOnB?.id ?? 0 }))[0];

    // The server goes away; both desks edit the same brief field and the same note.
    await server.stop();
    await callStore(a.page, 'meeting.update', { id: meeting.id, patch: { purpose: 'Purpose as desk A wrote it offline.' }, expected: {} });
    await callStore(a.page, 'note.save', {
      ...contentOf(note),
      body: 'Desk A: raise cyber defence and the ITPP review.',
      id: note.id,
      baseVersion: note.version,
    });
    await callStore(b.page, 'meeting.update', {
      id: meetingOnB?.id ?? 0,
      patch: { purpose: 'Purpose as desk B wrote it offline.' },
      expected: {},
    });
    const noteB = noteOnB ?? note;
    await callStore(b.page, 'note.save', {
      ...contentOf(noteB),
      body: 'Desk B: raise counter-terrorism first.',
      id: noteB.id,
      baseVersion: noteB.version,
    });
    for (const desk of [a, b]) {
      await goTo(desk.page, '#/settings');
      await expect(stateLine(desk.page)).toContainText('2 changes waiting');
      await expect(stateLine(desk.page)).toContainText('the server cannot be reached');
    }
    await b.page.screenshot({ path: testInfo.outputPath('sync-panel-offline.png'), fullPage: true });

    // Back on the same port: each desk catches up.
    server = await startTestServer(server.port, server.serverNumber);
    await syncNow(a.page);
    await syncNow(b.page);
    await syncNow(a.page);

    const purposeA = (await callStore(a.page, 'meeting.get', { id: meeting.id })).purpose;
    const purposeB = (await callStore(b.page, 'meeting.get', { id: meetingOnB?.id ?? 0 })).purpose;
    expect(purposeA).toBe(purposeB);
    const textA = (await callStore(a.page, 'note.get', { id: note.id })).body;
    const textB = (await callStore(b.page, 'note.get', { id: noteB.id })).body;
    expect(textA).toBe(textB);

    // The losing texts are kept on both desks: the note's history holds both, the brief's conflict is listed.
    for (const [desk, noteId] of [
      [a, note.id],
      [b, noteB.id],
    ] as const) {
      const history = (await callStore(desk.page, 'note.revisions', { id: noteId })).map((revision) => revision.body);
      expect(history).toEqual(
        expect.arrayContaining(['Desk A: raise cyber defence and the ITPP review.', 'Desk B: raise counter-terrorism first.']),
      );
      const store = new Database(path.join(desk.dataDir, storeFileName), { readonly: true });
      try {
        const meetingConflict = listConflicts(store).find((conflict) => conflict.entity === 'meeting');
        const purposes = [meetingConflict?.winner.body?.purpose, ...(meetingConflict?.losers.map((loser) => loser.body?.purpose) ?? [])];
        expect(purposes.sort()).toEqual(['Purpose as desk A wrote it offline.', 'Purpose as desk B wrote it offline.']);
        expect(meetingConflict?.winner.body?.purpose).toBe(purposeA);
      } finally {
        store.close();
      }
    }
    await a.page.screenshot({ path: testInfo.outputPath('sync-panel-up-to-date.png'), fullPage: true });

    // In Korean: the panel, its state line and a refused address, axe-clean.
    await callStore(a.page, 'settings.update', { language: 'ko' });
    const panelKo = a.page.getByRole('region', { name: '부서 서버와 동기화' });
    await expect(panelKo.getByRole('status')).toContainText('최신 상태입니다');
    await panelKo.getByLabel('서버 주소').fill('http://couch.desk.example');
    await panelKo.getByRole('button', { name: '저장하고 동기화' }).click();
    await expect(panelKo.getByText('서버 주소: https://로 시작해야 합니다.', { exact: false })).toBeVisible();
    await panelKo.scrollIntoViewIfNeeded();
    await a.page.screenshot({ path: testInfo.outputPath('sync-panel-ko.png'), fullPage: true });
    await expectNoSeriousViolations(a.page, 'Settings with the Sync panel, in Korean');
  } finally {
    await server.stop();
    for (const desk of desks) {
      // The store is removed only once its harness has closed it.
      const exited = desk.process.exitCode === null ? new Promise((resolve) => desk.process.once('exit', resolve)) : undefined;
      desk.process.kill('SIGTERM');
      await exited;
      await desk.page.context().close();
      fs.rmSync(desk.dataDir, { recursive: true, force: true });
    }
  }
});
