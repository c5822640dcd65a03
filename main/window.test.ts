import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron's binary is not installed: the BrowserWindow is a recording fake,
// the one place a mock is allowed. The tests drive the handlers window.ts
// registers and check what a page would experience.

type Listener = (...args: unknown[]) => unknown;

const recorded = vi.hoisted(() => ({
  options: [] as Record<string, unknown>[],
  listeners: new Map<string, Listener>(),
  openHandler: null as null | ((details: { url: string }) => unknown),
  permissionRequest: null as null | Listener,
  permissionCheck: null as null | Listener,
  loaded: [] as string[],
  openExternal: [] as string[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    readonly webContents = {
      session: {
        setPermissionRequestHandler: (handler: Listener) => {
          recorded.permissionRequest = handler;
        },
        setPermissionCheckHandler: (handler: Listener) => {
          recorded.permissionCheck = handler;
        },
      },
      on: (event: string, listener: Listener) => {
        recorded.listeners.set(event, listener);
      },
      setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => {
        recorded.openHandler = handler;
      },
    };
    constructor(options: Record<string, unknown>) {
      recorded.options.push(options);
    }
    once(): void {}
    show(): void {}
    loadURL(url: string): Promise<void> {
      recorded.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    shell: {
      openExternal: (url: string) => {
        recorded.openExternal.push(url);
        return Promise.resolve();
      },
    },
  };
});

const { createMainWindow } = await import('./window.ts');

function navigate(event: string, url: string): boolean {
  const listener = recorded.listeners.get(event);
  if (!listener) throw new Error(`no ${event} handler`);
  let prevented = false;
  listener({ preventDefault: () => (prevented = true) }, url);
  return prevented;
}

beforeEach(() => {
  recorded.options.length = 0;
  recorded.listeners.clear();
  recorded.openHandler = null;
  recorded.permissionRequest = null;
  recorded.permissionCheck = null;
  recorded.loaded.length = 0;
  recorded.openExternal.length = 0;
  createMainWindow('/opt/sherpa/preload');
});

describe('createMainWindow', () => {
  const preferences = () => recorded.options[0]?.webPreferences as Record<string, unknown>;

  it('creates the window with the secure preferences and the bundled preload', () => {
    expect(preferences()).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      preload: '/opt/sherpa/preload/index.cjs',
    });
    expect(preferences().enableBlinkFeatures ?? '').toBe('');
  });

  it('loads the app from app://, never file://', () => {
    expect(recorded.loaded).toEqual(['app://sherpa/index.html']);
  });

  it('stops navigation to another site', () => {
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-navigate', 'app://sherpa/index.html#/meeting/1')).toBe(false);
  });

  it('stops a redirect to another site', () => {
    expect(navigate('will-redirect', 'https://evil.example/')).toBe(true);
  });

  it('refuses to attach a <webview>', () => {
    expect(navigate('will-attach-webview', 'https://evil.example/')).toBe(true);
  });

  it('denies every new window; web links go to the system browser, nothing else does', () => {
    const open = recorded.openHandler;
    if (!open) throw new Error('no window open handler');
    expect(open({ url: 'https://www.nato.int/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: 'app://sherpa/index.html' })).toEqual({ action: 'deny' });
    expect(open({ url: 'smb://server/share' })).toEqual({ action: 'deny' });
    expect(recorded.openExternal).toEqual(['https://www.nato.int/']);
  });

  it('answers every permission request and check with no', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      recorded.permissionRequest?.({}, permission, (granted: boolean) => answers.push(granted));
      answers.push(Boolean(recorded.permissionCheck?.({}, permission)));
    }
    expect(answers).toHaveLength(10);
    expect(answers.every((granted) => granted === false)).toBe(true);
  });
});
