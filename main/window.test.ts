import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeWindow } from '../testing/electronFake.ts';

// The tests drive the handlers window.ts registers on the shared Electron fake
// and check what a page would experience.

const electron = await vi.hoisted(async () => (await import('../testing/electronFake.ts')).createElectronFake());
vi.mock('electron', () => electron.module);

const { createMainWindow } = await import('./window.ts');

const contents = () => {
  const window = electron.windows[0];
  expect(window, 'createMainWindow made no window').toBeDefined();
  return (window as FakeWindow).webContents;
};

/** Whether the window's handler for `event` stops the page going to `url`; a missing handler fails the test. */
function navigate(event: string, url: string): boolean {
  const listener = contents().listeners.get(event);
  expect(listener, `no ${event} handler`).toBeTypeOf('function');
  let prevented = false;
  listener?.({ preventDefault: () => (prevented = true) }, url);
  return prevented;
}

beforeEach(() => {
  electron.reset();
  createMainWindow('/opt/sherpa/preload');
});

describe('createMainWindow', () => {
  const preferences = () => electron.windows[0]?.options.webPreferences as Record<string, unknown>;

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
    expect(electron.windows.map((window) => window.loadedUrl)).toEqual(['app://sherpa/index.html']);
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
    const open = contents().openHandler;
    expect(open, 'no window open handler').toBeTypeOf('function');
    expect(open?.({ url: 'https://www.nato.int/' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'app://sherpa/index.html' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'smb://server/share' })).toEqual({ action: 'deny' });
    expect(electron.openedExternally).toEqual(['https://www.nato.int/']);
  });

  it('answers every permission request and check with no', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      contents().permissionRequest?.({}, permission, (granted: boolean) => answers.push(granted));
      answers.push(Boolean(contents().permissionCheck?.({}, permission)));
    }
    expect(answers).toHaveLength(10);
    expect(answers.every((granted) => granted === false)).toBe(true);
  });
});
