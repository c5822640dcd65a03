import path from 'node:path';
import { BrowserWindow, shell } from 'electron';
import { appOrigin, decidePermission, isAllowedExternalUrl, isAllowedNavigation, secureWebPreferences } from './security.ts';

/** A Sherpa window: secure preferences, no navigation away, no pop-ups, no permissions. */
export function createMainWindow(preloadDir: string): BrowserWindow {
  // electronegativity-ignore: CONTEXT_ISOLATION_JS_CHECK, SANDBOX_JS_CHECK — both are set in secureWebPreferences (security.ts), spread below; window.test.ts checks them.
  // electronegativity-ignore: AUXCLICK_JS_CHECK — a middle-click opens a new window, which setWindowOpenHandler below always denies (window.test.ts).
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Sherpa',
    backgroundColor: '#f7f7f5',
    // electronegativity-ignore: PRELOAD_JS_CHECK — the preload is ours, bundled and sandboxed, and exposes only the contract's channels (preload/index.test.ts).
    webPreferences: { ...secureWebPreferences, preload: path.join(preloadDir, 'index.cjs') },
  });
  const contents = window.webContents;
  contents.session.setPermissionRequestHandler((_contents, permission, callback) => callback(decidePermission(permission)));
  contents.session.setPermissionCheckHandler((_contents, permission) => decidePermission(permission));
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links in notes open in the system browser, and only if they are web pages.
    // electronegativity-ignore: OPEN_EXTERNAL_JS_CHECK — only http(s) URLs without credentials pass isAllowedExternalUrl (security.test.ts, window.test.ts).
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${appOrigin}/index.html`);
  return window;
}
