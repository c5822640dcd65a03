import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeSetting } from '../db/settings.ts';
import { backupFolder, createBackupSync, listBackups } from './backups.ts';
import { readKeyFile } from './keys/keyFile.ts';
import { setUpKeys, unlockWithPassphrase } from './keys/keyring.ts';
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

/** Quits as the user would (the core stops, the store closes) and starts the app again on the same data folder and keychain. */
async function restartApp(): Promise<void> {
  const quitsBefore = electron.quits;
  for (const listener of electron.appListeners.get('will-quit') ?? []) listener({ preventDefault: () => undefined });
  await vi.waitFor(() => expect(electron.quits).toBeGreaterThan(quitsBefore));
  const keychain = electron.keychain;
  electron.reset();
  electron.keychain = keychain;
  vi.resetModules();
  await startApp();
}

/** A call from the app's own page, through the registered IPC handler. */
async function fromPage(channel: string, payload: unknown): Promise<{ ok: boolean; error?: { code: string; message: string } }> {
  const handler = electron.ipcHandlers.get(channel);
  if (!handler) throw new Error(`${channel} is not registered`);
  const event = { senderFrame: { url: 'app://sherpa/index.html', parent: null }, sender: { id: 1 } };
  return (await handler(event, payload)) as { ok: boolean; error?: { code: string; message: string } };
}

/** An encrypted store as an earlier run left it: key file, store, optionally a backup. */
async function encryptedStore(withBackup: boolean): Promise<void> {
  const { dataKey } = await setUpKeys(dataDir, passphrase, { N: 2 ** 12, r: 8, p: 1 });
  const store = openStore(dataDir, { key: dataKey });
  if (withBackup) createBackupSync(store.db, backupFolder(dataDir), { reason: 'manual', key: dataKey });
  store.db.close();
}
const passphrase = 'correct horse battery';

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

  it('registers every IPC channel, opens one secure window locked, and after the passphrase takes the first daily backup', async () => {
    await startApp();
    expect([...electron.ipcHandlers.keys()]).toContain('summit.list');
    expect([...electron.ipcHandlers.keys()]).toContain('backup.restore');
    expect([...electron.ipcHandlers.keys()]).toContain('session.unlock');
    expect(electron.windows).toHaveLength(1);
    expect(electron.windows[0]?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(await fromPage('summit.list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await fromPage('session.setup', { passphrase })).toMatchObject({ ok: true });
    expect(await fromPage('summit.list', {})).toMatchObject({ ok: true });
    expect(electron.messages).toEqual([]);
    await vi.waitFor(() => expect(listBackups(backupFolder(dataDir)).map((backup) => backup.reason)).toEqual(['daily']), {
      timeout: 10_000,
    });
  });

  it('tells the user when a damaged store was replaced by a backup, and where the damaged file is', async () => {
    await encryptedStore(true);
    scribble(path.join(dataDir, storeFileName), 0, 100);
    await startApp();
    expect(await fromPage('session.unlock', { passphrase })).toMatchObject({ ok: true });
    expect(electron.exitCodes).toEqual([]);
    await vi.waitFor(() =>
      expect(electron.messages).toEqual([
        { type: 'warning', title: 'Sherpa', message: expect.stringMatching(/damaged.*kept as .*damaged-.*was restored/s) },
      ]),
    );
  });

  it('tells a Korean desk of the restored backup in Korean, the language its Settings chose', async () => {
    await encryptedStore(false);
    const dataKey = await unlockWithPassphrase(dataDir, passphrase);
    const store = openStore(dataDir, { key: dataKey });
    writeSetting(store.db, 'settings', { language: 'ko' });
    createBackupSync(store.db, backupFolder(dataDir), { reason: 'manual', key: dataKey });
    store.db.close();
    scribble(path.join(dataDir, storeFileName), 0, 100);
    await startApp();
    expect(await fromPage('session.unlock', { passphrase })).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(electron.messages).toHaveLength(1));
    expect(electron.messages[0]).toMatchObject({ type: 'warning', message: expect.stringMatching(/손상되었습니다.*백업을 복원했습니다/s) });
    // Left in English: the app's name, SQLite's own words for the damage (in brackets), the files' paths and the time.
    const words = (electron.messages[0]?.message ?? '').replace(/\([^)]*\)|\S*\/\S*|\S*\d{4}-\d\d-\d\d\S*/g, '');
    expect(words.match(/[A-Za-z]+/g)).toEqual(['Sherpa']);
  });

  it('with a damaged store and no backup, says so at unlock without touching the file', async () => {
    await encryptedStore(false);
    const file = path.join(dataDir, storeFileName);
    scribble(file, 0, 100);
    const hash = sha256(file);
    await startApp();
    const unlocked = await fromPage('session.unlock', { passphrase });
    expect(unlocked).toMatchObject({ ok: false, error: { message: expect.stringContaining('is damaged') } });
    expect(await fromPage('summit.list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(sha256(file)).toBe(hash);
  });

  it('locks when the machine goes to sleep, once the window has saved its open notes', async () => {
    await startApp();
    expect(await fromPage('session.setup', { passphrase })).toMatchObject({ ok: true });
    const window = electron.windows[0];
    const told = () => window?.webContents.sent.filter((channel) => channel === 'sherpa:changed').length ?? 0;
    const toldBefore = told();
    for (const listener of electron.powerListeners.get('suspend') ?? []) listener();
    expect(window?.webContents.sent).toContain('sherpa:flush-request');
    // Until the page says its notes are saved, the store stays open for those saves.
    expect(await fromPage('summit.list', {})).toMatchObject({ ok: true });
    const flushDone = electron.ipcHandlers.get('sherpa:flush-done');
    await flushDone?.({ senderFrame: { url: 'app://sherpa/index.html', parent: null }, sender: { id: window?.webContents.id } });
    await vi.waitFor(async () => expect(await fromPage('summit.list', {})).toMatchObject({ ok: false, error: { code: 'locked' } }));
    // Every window is told to drop what it shows.
    expect(told()).toBe(toldBefore + 1);
  });
});

describe('launched again while Sherpa runs', () => {
  it('the second launch quits at once: it opens no window, no store and no key, and leaves the files as they were', async () => {
    await encryptedStore(true);
    const files = () =>
      Object.fromEntries([storeFileName, 'sherpa.keys.json'].map((name) => [name, sha256(path.join(dataDir, name))] as const));
    const before = files();
    const backupsBefore = listBackups(backupFolder(dataDir)).length;
    electron.anotherInstanceRunning = true;
    await import('./index.ts');
    expect(electron.quits).toBe(1);
    // A start under way would have asked for the app's pages, its IPC and its window by the next turn of the loop.
    await new Promise((resolve) => setImmediate(resolve));
    expect(electron.protocolHandler).toBeNull();
    expect(electron.ipcHandlers.size).toBe(0);
    expect(electron.windows).toEqual([]);
    expect(files()).toEqual(before);
    expect(listBackups(backupFolder(dataDir))).toHaveLength(backupsBefore);
  });

  it('the running Sherpa comes to the front, its window restored if it was minimised, and no second window opens', async () => {
    await startApp();
    const window = electron.windows[0];
    if (!window) throw new Error('no window');
    window.minimized = true;
    electron.emitApp('second-instance', ['sherpa'], '/');
    expect(window.minimized).toBe(false);
    expect(window.calls.slice(-3)).toEqual(['restore', 'show', 'focus']);
    expect(electron.windows).toHaveLength(1);
  });
});

describe('start-up where the keychain protects the key', () => {
  beforeEach(() => {
    electron.keychain = 'gnome_libsecret';
  });

  it('opens without the passphrase, unless the user asked for it at every start; turned off again, the keychain opens it', async () => {
    await startApp();
    expect(await fromPage('session.setup', { passphrase })).toMatchObject({ ok: true });
    expect(readKeyFile(dataDir)?.keychain?.backend).toBe('gnome_libsecret');
    await restartApp();
    expect(await fromPage('summit.list', {})).toMatchObject({ ok: true });
    expect(await fromPage('session.status', {})).toMatchObject({ ok: true, value: { askAtStart: false, keychainProtects: true } });

    expect(await fromPage('session.askAtStart', { ask: true })).toMatchObject({ ok: true, value: { askAtStart: true } });
    expect(fs.readFileSync(path.join(dataDir, 'sherpa.keys.json'), 'utf8')).not.toContain('"keychain"');
    await restartApp();
    expect(await fromPage('summit.list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await fromPage('session.unlock', { passphrase })).toMatchObject({ ok: true, value: { locked: false, askAtStart: true } });
    // Unlocking with the passphrase does not bring the keychain copy back.
    expect(readKeyFile(dataDir)?.keychain).toBeUndefined();

    const refused = await fromPage('session.askAtStart', { ask: false, passphrase: 'not the passphrase' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'wrong_secret' } });
    expect(readKeyFile(dataDir)?.askAtStart).toBe(true);
    expect(await fromPage('session.askAtStart', { ask: false, passphrase })).toMatchObject({ ok: true, value: { askAtStart: false } });
    expect(readKeyFile(dataDir)?.keychain?.backend).toBe('gnome_libsecret');
    await restartApp();
    expect(await fromPage('summit.list', {})).toMatchObject({ ok: true });
  });
});
