import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { startHarnessProcess } from './fixtures.ts';
import { expect } from './views.helpers.ts';

// Desks of a team on one machine, each its own web harness on its own store file (web target): what the specs of
// sharing (bundles, received records) open, read beside the harness, and close.

export interface Desk {
  page: Page;
  dataDir: string;
  harness: ChildProcess;
}

export async function openDesk(browser: Browser): Promise<Desk> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-e2e-desk-'));
  const { process: harness, url } = await startHarnessProcess(dataDir);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  // The app is on screen before the officer uses it: a shortcut pressed while the page was still starting (its
  // first store answers pending, so no window listens for Ctrl+K yet) went nowhere and the palette never opened.
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  return { page, dataDir, harness };
}

export async function closeDesk(desk: Desk): Promise<void> {
  await desk.page.context().close();
  const exited = new Promise((resolve) => desk.harness.once('exit', resolve));
  desk.harness.kill('SIGTERM');
  await exited;
  fs.rmSync(desk.dataDir, { recursive: true, force: true });
}

/** The store file as the desk left it, read on the side (WAL lets a reader in beside the harness). */
export function readStore<T>(desk: Desk, read: (db: Database.Database) => T): T {
  const db = new Database(path.join(desk.dataDir, 'sherpa.sqlite'), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Chooses a bundle file on desk B's Exchange screen; the Receive region, for the review or refusal. */
export async function chooseBundle(desk: Desk, file: string) {
  const receive = desk.page.getByRole('region', { name: 'Receive a bundle' });
  await receive.getByLabel('Bundle file (.sherpa)').setInputFiles(file);
  return receive;
}
