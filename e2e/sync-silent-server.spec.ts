import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startHarnessProcess, test } from './fixtures.ts';
import { openLockedApp } from './session.helpers.ts';
import { goTo } from './store.helpers.ts';
import { expect, sidebar } from './views.helpers.ts';

// The Johannesburg desk's server lost its power mid-round: the connection
// stays open and nothing answers. Before, the round waited for Node's own five
// minutes, and Lock waited as long with the briefs on screen. (That a silent
// server is then reported as away: main/sync/unansweringServer.test.ts.)

test('Lock locks at once while the desk’s server takes the connection and never answers', async ({ browser, target }, testInfo) => {
  test.skip(target !== 'web', 'a harness of its own beside a loopback server');
  const sockets = new Set<net.Socket>();
  const silent = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-e2e-silent-'));
  const harness = await startHarnessProcess(dataDir, { encrypted: true });
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(harness.url);
    await openLockedApp(page);
    await goTo(page, '#/settings');
    const panel = page.getByRole('region', { name: 'Sync with the desk’s server' });
    await panel.getByLabel('Server address').fill(`http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`);
    await panel.getByLabel('User name').fill('sipho');
    await panel.getByLabel('Password', { exact: true }).fill('Sipho-Pass-2026');
    await panel.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => sockets.size).toBeGreaterThan(0);
    // Connect first asks the server whether it takes the password; a silent one is given 15 s, then the account is
    // kept (offline first) and the first round begins.
    await expect(panel.getByText('Asking the server whether it takes this user name and password…')).toBeVisible();
    await expect(sidebar(page).getByRole('link', { name: 'Sync: syncing…' })).toBeVisible({ timeout: 45_000 });

    // Locked at once, the round under way ended rather than waited for.
    await page.getByRole('button', { name: /^Lock/ }).click();
    await expect(page.getByRole('heading', { name: 'Sherpa is locked' })).toBeVisible({ timeout: 5_000 });
    await page.screenshot({ path: testInfo.outputPath('silent-server-locked.png') });

    // Unlocked, the briefs come back and the desk tries the server again.
    await openLockedApp(page);
    await expect(sidebar(page).getByRole('link', { name: /^Sync: / })).toBeVisible();
    await expect.poll(() => sockets.size).toBeGreaterThan(1);
  } finally {
    const exited = new Promise((resolve) => harness.process.once('exit', resolve));
    harness.process.kill('SIGTERM');
    await exited;
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
