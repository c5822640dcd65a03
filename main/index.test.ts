import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupFolder, createBackupSync, listBackups } from './backups.ts';
import { contentSecurityPolicy } from './security.ts';
import { openStore, storeFileName } from './store.ts';
import { scribble, sha256, tempDataDir } from './storeFaults.helpers.ts';

// The app's start-up (main/index.ts) against a recording fake of Electron,
// the one place a mock is allowed: what it registers, what it blocks, what it
// serves, and what it tells the user about the store. Each test imports the
// module afresh, since importing it starts the app.

const electron = await vi.hoisted(async () => (await import('../testing/electronFake.ts')).createElectronFake());
vi.mock('electron', () => electron.module);

let dataDir: string;

beforeEach(() => {
  dataDir = tempDataDir();
  process.env.SHERPA_DATA_DIR = dataDir;
  electron.reset();
  vi.resetModules();
});

afterEach(async () => {
  // will-quit holds the exit until the core has stopped (backups and exports finished, store closed), then quits.
  const quitsBefore = electron.quits;
  const listeners = electron.appListeners.get('will-quit') ?? [];
  for (const listener of listeners) listener({ preventDefault: () => undefined });
  if (listeners.length > 0) await vi.waitFor(() => expect(electron.quits).toBeGreaterThan(quitsBefore));
  delete process.env.SHERPA_DATA_DIR;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function startApp(): Promise<void> {
  await import('./index.ts');
  await vi.waitFor(() => expect(electron.windows.length + electron.exitCodes.length).toBeGreaterThan(0));
}

describe('start-up', () => {
  it('registers app:// as a standard, secure scheme and nothing more (no CSP bypass), and sandboxes every renderer', async () => {
    await startApp();
    expect(electron.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(electron.sandboxEnabled).toBe(1);
  });

  it('cancels every request that is not the app’s own protocol', async () => {
    await startApp();
    const filter = electron.requestFilters.get('default');
    expect(filter, 'no request filter on the default session').toBeTypeOf('function');
    const cancelled = (url: string) => {
      let answer: boolean | undefined;
      filter?.({ url }, ({ cancel }) => (answer = cancel));
      return answer;
    };
    for (const url of ['https://evil.example/x.png', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'wss://evil.example/', 'ftp://x/']) {
      expect(cancelled(url), url).toBe(true);
    }
    expect(cancelled('app://sherpa/index.html')).toBe(false);
  });

  it('serves the app’s pages with the Content-Security-Policy header, and nothing outside its folder', async () => {
    await startApp();
    const handler = electron.protocolHandler;
    expect(handler, 'no app:// protocol handler').toBeTypeOf('function');
    const serve = (request: { url: string }) => handler?.(request) as Promise<Response>;
    const page = await serve({ url: 'app://sherpa/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await page.text()).toContain('<div id="root">');
    for (const url of [
      'app://sherpa/../package.json',
      'app://sherpa/%2e%2e%2fpackage.json',
      'app://other/index.html',
      'app://sherpa/missing.js',
    ]) {
      expect((await serve({ url })).status, url).toBe(404);
    }
  });

  it('registers every IPC channel, opens one secure window, and takes the first daily backup', async () => {
    await startApp();
    expect([...electron.ipcHandlers.keys()]).toContain('summit.list');
    expect([...electron.ipcHandlers.keys()]).toContain('backup.restore');
    expect(electron.windows).toHaveLength(1);
    expect(electron.windows[0]?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(electron.messages).toEqual([]);
    await vi.waitFor(() => expect(listBackups(backupFolder(dataDir)).map((backup) => backup.reason)).toEqual(['daily']), {
      timeout: 10_000,
    });
  });

  it('tells the user when a damaged store was replaced by a backup, and where the damaged file is', async () => {
    const store = openStore(dataDir);
    createBackupSync(store.db, backupFolder(dataDir), { reason: 'manual' });
    store.db.close();
    scribble(path.join(dataDir, storeFileName), 0, 100);
    await startApp();
    expect(electron.exitCodes).toEqual([]);
    expect(electron.messages).toEqual([
      { type: 'warning', title: 'Sherpa', message: expect.stringMatching(/damaged.*kept as .*damaged-.*was restored/s) },
    ]);
  });

  it('with a damaged store and no backup, says so and quits without touching the file', async () => {
    openStore(dataDir).db.close();
    const file = path.join(dataDir, storeFileName);
    scribble(file, 0, 100);
    const hash = sha256(file);
    await startApp();
    expect(electron.exitCodes).toEqual([1]);
    expect(electron.errorBoxes).toEqual([{ title: 'Sherpa cannot open its data', message: expect.stringContaining('is damaged') }]);
    expect(electron.windows).toEqual([]);
    expect(sha256(file)).toBe(hash);
  });
});
