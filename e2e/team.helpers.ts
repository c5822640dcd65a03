import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { startHarnessProcess } from './fixtures.ts';
import { chooseRecord, expect } from './views.helpers.ts';

// Desks of a team on one machine, each its own web harness on its own store file (web target): what the specs of
// sharing (bundles, received records) open, read beside the harness, and close.

export interface Desk {
  page: Page;
  dataDir: string;
  harness: ChildProcess;
}

/**
 * A desk opened on its own store, or on `dataDir` where the same laptop opens its store again; `zone` is the
 * computer's time zone on that launch (the store's process and the window), as when the laptop has travelled.
 */
export async function openDesk(browser: Browser, options: { zone?: string; dataDir?: string } = {}): Promise<Desk> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-e2e-desk-'));
  const { process: harness, url } = await startHarnessProcess(dataDir, options.zone ? { env: { ...process.env, TZ: options.zone } } : {});
  const context = await browser.newContext(options.zone ? { timezoneId: options.zone } : {});
  const page = await context.newPage();
  await page.goto(url);
  // The app is on screen before the officer uses it: a shortcut pressed while the page was still starting (its
  // first store answers pending, so no window listens for Ctrl+K yet) went nowhere and the palette never opened.
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  return { page, dataDir, harness };
}

/** Quits the desk; its store is removed unless `keepStore`, for a later launch on the same data. */
export async function closeDesk(desk: Desk, { keepStore = false } = {}): Promise<void> {
  await desk.page.context().close();
  const exited = desk.harness.exitCode === null ? new Promise((resolve) => desk.harness.once('exit', resolve)) : undefined;
  desk.harness.kill('SIGTERM');
  await exited;
  if (!keepStore) fs.rmSync(desk.dataDir, { recursive: true, force: true });
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

/** Names each desk on its Exchange screen and has each accept the other's card, as two officers do side by side. */
export async function exchangeCards(first: Desk, firstName: string, second: Desk, secondName: string): Promise<void> {
  const cards: string[] = [];
  for (const [desk, name] of [
    [first, firstName],
    [second, secondName],
  ] as const) {
    await desk.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exchange' }).click();
    const card = desk.page.getByRole('region', { name: 'This desk’s card' });
    await card.getByLabel('Desk name').fill(name);
    await card.getByRole('button', { name: 'Rename' }).click();
    await expect(card.getByLabel('Card as text')).toHaveValue(new RegExp(`Desk: ${name}`));
    cards.push(await card.getByLabel('Card as text').inputValue());
  }
  for (const [desk, card, name] of [
    [first, cards[1], secondName],
    [second, cards[0], firstName],
  ] as const) {
    const contacts = desk.page.getByRole('region', { name: 'Accepted desks' });
    await contacts.getByLabel('Colleague’s card').fill(card ?? '');
    await contacts.getByRole('button', { name: 'Accept this card' }).click();
    await expect(contacts.getByRole('listitem').filter({ hasText: name })).toBeVisible();
  }
}

/**
 * Sends the whole of `summit` from the desk's Exchange screen, encrypted to the accepted desk `recipient`, after
 * checking the highest marking the screen shows is `highest`; answers the file written.
 */
export async function sendSummit(desk: Desk, summit: string, recipient: string, highest: string): Promise<string> {
  const { page } = desk;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exchange' }).click();
  const send = page.getByRole('region', { name: 'Send a summit' });
  await chooseRecord(send.getByLabel('Summit', { exact: true }), summit);
  await expect(send.getByTestId('export-highest')).toHaveText(highest);
  await send.getByRole('checkbox', { name: new RegExp(recipient) }).check();
  const exports = path.join(desk.dataDir, 'exports');
  const bundles = () => (fs.existsSync(exports) ? fs.readdirSync(exports).filter((name) => name.endsWith('.sherpa')) : []);
  const before = new Set(bundles());
  await send.getByRole('button', { name: 'Export bundle' }).click();
  const written = () => bundles().filter((name) => !before.has(name));
  await expect.poll(written).toHaveLength(1);
  const file = path.join(exports, written()[0] as string);
  await expect(send.getByRole('status')).toContainText(`Bundle written: ${file}`);
  return file;
}
