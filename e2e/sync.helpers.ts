import type { Page } from '@playwright/test';
import { callStore, goTo } from './store.helpers.ts';
import { expect } from './views.helpers.ts';

// Steps of the Sync panel in Settings, as an officer takes them: connect to the desk's server sharing some summits,
// read out a shared summit's database name to a colleague, and press "Sync now".

export const panelOf = (page: Page) => page.getByRole('region', { name: 'Sync with the desk’s server' });
export const stateLine = (page: Page) => panelOf(page).getByRole('status');

/**
 * Connects the desk to the server sharing the summits titled (and joining the database a colleague read out, where
 * given), and waits until it is up to date.
 */
export async function connect(
  page: Page,
  url: string,
  user: string,
  password: string,
  summits: readonly string[],
  join = '',
): Promise<void> {
  await goTo(page, '#/settings');
  const panel = panelOf(page);
  await panel.getByLabel('Server address').fill(url);
  await panel.getByLabel('User name').fill(user);
  await panel.getByLabel('Password', { exact: true }).fill(password);
  for (const title of summits) await panel.getByRole('checkbox', { name: title }).check();
  if (join) await panel.getByLabel('Join a summit a colleague shares').fill(join);
  await panel.getByRole('button', { name: 'Connect' }).click();
  await expect(stateLine(page)).toContainText('Up to date');
}

/** The database name the sharing officer's panel shows beside a summit, as a colleague reads it out. */
export async function databaseShownFor(page: Page, title: string): Promise<string> {
  await goTo(page, '#/settings');
  const described = await panelOf(page).getByRole('checkbox', { name: title }).getAttribute('aria-describedby');
  return ((await page.locator(`[id="${described}"]`).textContent()) ?? '').replace('Server database: ', '');
}

/** Presses "Sync now" (or the button given) and waits for a round to end after it, well or not. */
export async function syncRound(page: Page, button = 'Sync now'): Promise<void> {
  await goTo(page, '#/settings');
  const ended = async () => {
    const { status } = await callStore(page, 'sync.status', {});
    return `${status.lastSyncedAt} ${status.lastError?.at}`;
  };
  const before = await ended();
  await panelOf(page).getByRole('button', { name: button }).click();
  await expect.poll(ended).not.toBe(before);
}
