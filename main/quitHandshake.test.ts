import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The quit handshake as main/index.ts wires it, against a recording fake of
// Electron (the one place a mock is allowed): before the app quits or a
// window closes, each window is asked to flush, and main waits for its answer
// or a timeout.

type Listener = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => ({
  appListeners: new Map<string, Listener[]>(),
  ipcHandlers: new Map<string, Listener>(),
  windows: [] as {
    sent: string[];
    closeListeners: Listener[];
    closed: number;
    webContents: { id: number };
  }[],
  quits: 0,
}));

vi.mock('electron', () => {
  let nextId = 1;
  class BrowserWindow {
    static getAllWindows = () => electron.windows;
    readonly sent: string[] = [];
    readonly closeListeners: Listener[] = [];
    closed = 0;
    readonly webContents = {
      id: nextId++,
      session: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined },
      on: () => undefined,
      setWindowOpenHandler: () => undefined,
      send: (channel: string) => this.sent.push(channel),
    };
    constructor() {
      electron.windows.push(this);
      for (const listener of electron.appListeners.get('browser-window-created') ?? []) listener({}, this);
    }
    on(event: string, listener: Listener): void {
      if (event === 'close') this.closeListeners.push(listener);
    }
    once(): void {}
    show(): void {}
    close(): void {
      this.closed++;
    }
    isDestroyed(): boolean {
      return false;
    }
    loadURL(): Promise<void> {
      return Promise.resolve();
    }
  }
  return {
    app: {
      enableSandbox: () => undefined,
      whenReady: () => Promise.resolve(),
      on: (event: string, listener: Listener) => {
        electron.appListeners.set(event, [...(electron.appListeners.get(event) ?? []), listener]);
      },
      exit: () => undefined,
      quit: () => {
        electron.quits++;
      },
      getPath: () => {
        throw new Error('tests set SHERPA_DATA_DIR');
      },
    },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    session: {
      defaultSession: { webRequest: { onBeforeRequest: () => undefined } },
      fromPartition: () => ({ webRequest: { onBeforeRequest: () => undefined } }),
    },
    dialog: { showErrorBox: () => undefined, showMessageBox: () => Promise.resolve({ response: 0 }) },
    ipcMain: { handle: (channel: string, handler: Listener) => electron.ipcHandlers.set(channel, handler) },
    shell: { openExternal: () => Promise.resolve() },
    BrowserWindow,
  };
});

let dataDir: string;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-quit-'));
  process.env.SHERPA_DATA_DIR = dataDir;
  electron.appListeners.clear();
  electron.ipcHandlers.clear();
  electron.windows.length = 0;
  electron.quits = 0;
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

const emitApp = (event: string) => {
  let prevented = false;
  for (const listener of electron.appListeners.get(event) ?? []) listener({ preventDefault: () => (prevented = true) });
  return prevented;
};
const answer = (webContentsId: number, frameUrl = 'app://sherpa/index.html') =>
  electron.ipcHandlers.get('sherpa:flush-done')?.({ sender: { id: webContentsId }, senderFrame: { url: frameUrl, parent: null } });

describe('the quit handshake', () => {
  it('holds the quit until the window has flushed its notes, then quits', async () => {
    const [window] = electron.windows;
    if (!window) throw new Error('no window');
    expect(emitApp('before-quit')).toBe(true);
    expect(window.sent).toEqual(['sherpa:flush-request']);
    expect(electron.quits).toBe(0);
    answer(window.webContents.id);
    await vi.waitFor(() => expect(electron.quits).toBe(1));
    // The second before-quit, from that quit, goes through.
    expect(emitApp('before-quit')).toBe(false);
  });

  it('ignores an answer from a frame that is not Sherpa’s page, and quits anyway after the timeout', async () => {
    vi.useFakeTimers();
    const [window] = electron.windows;
    if (!window) throw new Error('no window');
    emitApp('before-quit');
    answer(window.webContents.id, 'https://evil.example/');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(electron.quits).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(electron.quits).toBe(1);
  });

  it('asks a closing window to flush before it closes', async () => {
    const [window] = electron.windows;
    if (!window) throw new Error('no window');
    let prevented = false;
    for (const listener of window.closeListeners) listener({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(window.sent).toEqual(['sherpa:flush-request']);
    expect(window.closed).toBe(0);
    answer(window.webContents.id);
    await vi.waitFor(() => expect(window.closed).toBe(1));
  });
});
