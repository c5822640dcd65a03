import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeWindow } from '../testing/electronFake.ts';

// The quit handshake as main/index.ts wires it, against a recording fake of
// Electron (the one place a mock is allowed): before the app quits or a
// window closes, each window is asked to flush, and main waits for its answer
// or a timeout.

const electron = await vi.hoisted(async () => (await import('../testing/electronFake.ts')).createElectronFake());
vi.mock('electron', () => electron.module);

let dataDir: string;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-quit-'));
  process.env.SHERPA_DATA_DIR = dataDir;
  electron.reset();
  vi.resetModules();
  await import('./index.ts');
  await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
});

afterEach(async () => {
  vi.useRealTimers();
  // will-quit holds the exit until the core has stopped (backups finished, store closed), then quits.
  const quitsBefore = electron.quits;
  const listeners = electron.appListeners.get('will-quit') ?? [];
  for (const listener of listeners) listener({ preventDefault: () => undefined });
  if (listeners.length > 0) await vi.waitFor(() => expect(electron.quits).toBeGreaterThan(quitsBefore));
  delete process.env.SHERPA_DATA_DIR;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const emitApp = (event: string) => electron.emitApp(event);
const answer = (webContentsId: number, frameUrl = 'app://sherpa/index.html') =>
  electron.ipcHandlers.get('sherpa:flush-done')?.({ sender: { id: webContentsId }, senderFrame: { url: frameUrl, parent: null } });

const theWindow = () => {
  expect(electron.windows, 'the app opened no window').toHaveLength(1);
  return electron.windows[0] as FakeWindow;
};

describe('the quit handshake', () => {
  it('holds the quit until the window has flushed its notes, then quits', async () => {
    const window = theWindow();
    expect(emitApp('before-quit')).toBe(true);
    expect(window.webContents.sent).toEqual(['sherpa:flush-request']);
    expect(electron.quits).toBe(0);
    answer(window.webContents.id);
    await vi.waitFor(() => expect(electron.quits).toBe(1));
    // The second before-quit, from that quit, goes through.
    expect(emitApp('before-quit')).toBe(false);
  });

  it('ignores an answer from a frame that is not Sherpa’s page, and quits anyway after the timeout', async () => {
    vi.useFakeTimers();
    const window = theWindow();
    emitApp('before-quit');
    answer(window.webContents.id, 'https://evil.example/');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(electron.quits).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(electron.quits).toBe(1);
  });

  it('asks a closing window to flush before it closes', async () => {
    const window = theWindow();
    let prevented = false;
    for (const listener of window.closeListeners) listener({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(window.webContents.sent).toEqual(['sherpa:flush-request']);
    expect(window.closed).toBe(0);
    answer(window.webContents.id);
    await vi.waitFor(() => expect(window.closed).toBe(1));
  });
});
