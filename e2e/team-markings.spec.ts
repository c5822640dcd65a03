import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { startTestServer, type TestServer } from '../main/sync/testServer.ts';
import { startHarnessProcess, test } from './fixtures.ts';
import { callStore, goTo } from './store.helpers.ts';
import { expect, sidebar } from './views.helpers.ts';

// The sherpa's desk writes Tonga's country note for the Pacific Islands Forum,
// marked NATO RESTRICTED, and shares through the desk's server; the sector
// expert's desk shows the note with its portion mark, and a marking changed
// alone follows. Before, the colleague saw it "(UNMARKED)" for good.

interface Desk {
  page: Page;
  dataDir: string;
  process: ChildProcess;
}

const panelOf = (page: Page) => page.getByRole('region', { name: 'Sync with the desk’s server' });

async function openDesk(browser: Browser): Promise<Desk> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-e2e-team-markings-'));
  const harness = await startHarnessProcess(dataDir);
  const page = await (await browser.newContext()).newPage();
  await page.goto(harness.url);
  await expect(page.locator('main h1').first()).toBeVisible();
  return { page, dataDir, process: harness.process };
}

async function connect(desk: Desk, server: TestServer, user: string): Promise<void> {
  await goTo(desk.page, '#/settings');
  const panel = panelOf(desk.page);
  await panel.getByLabel('Server address').fill(server.url);
  await panel.getByLabel('User name').fill(user);
  await panel.getByLabel('Password', { exact: true }).fill(`${user}-Pass-2026`);
  await panel.getByRole('button', { name: 'Connect' }).click();
  await expect(panel.getByRole('status')).toContainText('Up to date');
}

/** Presses "Sync now" and waits for a round that ended after the click. */
async function syncNow(page: Page): Promise<void> {
  await goTo(page, '#/settings');
  const before = (await callStore(page, 'sync.status', {})).status.lastSyncedAt ?? '';
  await panelOf(page).getByRole('button', { name: 'Sync now' }).click();
  await expect(panelOf(page).getByRole('status')).not.toHaveAttribute('data-synced-at', before);
  await expect(panelOf(page).getByRole('status')).toContainText('Up to date');
}

const tongaRow = (page: Page) =>
  page
    .getByRole('region', { name: 'Countries and organisations' })
    .getByRole('listitem')
    .filter({ hasText: 'Kingdom of Tonga (team markings)' });

test('a country note’s marking reaches the colleague’s desk with the note, and a marking changed alone follows', async ({
  browser,
  target,
}, testInfo) => {
  test.skip(target !== 'web', 'two web harnesses on two stores');
  const server = await startTestServer();
  const desks: Desk[] = [];
  try {
    const sherpa = await openDesk(browser);
    const expert = await openDesk(browser);
    desks.push(sherpa, expert);

    await sidebar(sherpa.page).getByRole('link', { name: 'People and countries' }).click();
    await sherpa.page.getByRole('link', { name: 'New country or organisation' }).click();
    await sherpa.page.getByLabel('Name', { exact: true }).fill('Kingdom of Tonga (team markings)');
    await sherpa.page.getByLabel('Note').fill('Chairs the Forum this year; fisheries surveillance first.');
    await sherpa.page.getByLabel('Classification').selectOption({ label: 'NATO RESTRICTED' });
    await sherpa.page.getByRole('button', { name: 'Create' }).click();
    await expect(tongaRow(sherpa.page)).toContainText('(NR)');
    await connect(sherpa, server, 'kim');

    await connect(expert, server, 'lee');
    await sidebar(expert.page).getByRole('link', { name: 'People and countries' }).click();
    await expect(tongaRow(expert.page)).toContainText('Chairs the Forum this year; fisheries surveillance first.');
    await expect(tongaRow(expert.page)).toContainText('(NR)');
    await expect(tongaRow(expert.page)).not.toContainText('UNMARKED');

    // The sherpa raises the marking, nothing else: the expert's desk follows at its next exchange.
    await sidebar(sherpa.page).getByRole('link', { name: 'People and countries' }).click();
    await tongaRow(sherpa.page).getByRole('link', { name: 'Edit: Kingdom of Tonga (team markings)' }).click();
    await sherpa.page.getByLabel('Classification').selectOption({ label: 'NATO CONFIDENTIAL' });
    await sherpa.page.getByRole('button', { name: 'Save' }).click();
    await expect(tongaRow(sherpa.page)).toContainText('(NC)');
    await syncNow(sherpa.page);
    await syncNow(expert.page);
    await sidebar(expert.page).getByRole('link', { name: 'People and countries' }).click();
    await expect(tongaRow(expert.page)).toContainText('(NC)');
    await expert.page.screenshot({ path: testInfo.outputPath('team-markings-expert.png'), fullPage: true });
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
