import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, powerMonitor, protocol, session } from 'electron';
import { contentTypeOf, resolveAppPath } from './appProtocol.ts';
import type { Core } from './core.ts';
import { createFlushCoordinator } from './flushHandshake.ts';
import { broadcastChange, listenForFlushDone, registerIpc, requestFlush } from './ipc/electronAdapter.ts';
import { keychainProvider } from './keys/keyring.ts';
import { electronKeychain } from './keys/safeStorage.ts';
import { describeForLog } from './logText.ts';
import { createElectronEngine } from './pdf/electronEngine.ts';
import { appHost, appScheme, contentSecurityPolicy } from './security.ts';
import type { LockableDispatch } from './session/lockable.ts';
import { type CoreStore, createLockedCore } from './session/lockedCore.ts';
import type { StoreNotice } from './storeHealth.ts';
import { type NoticeLanguage, noticeText, noticeTitles } from './storeNoticeTexts.ts';
import { createMainWindow } from './window.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const preloadDir = path.join(here, '../preload');

protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

function serveApp(): void {
  protocol.handle(appScheme, async (request) => {
    const file = resolveAppPath(rendererDir, request.url, appHost);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await fs.promises.readFile(file);
      return new Response(body, {
        headers: { 'content-type': contentTypeOf(file), 'content-security-policy': contentSecurityPolicy },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  // Nothing leaves the machine: any request that is not the app's own protocol is cancelled.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !details.url.startsWith(`${appScheme}://`) && !details.url.startsWith('devtools://') });
  });
  serveApp();
  const dataDir = process.env.SHERPA_DATA_DIR ?? app.getPath('userData');
  let mainWindow: BrowserWindow | null = null;
  // What the start-up check did (restored a backup, backed up before a migration, opened read-only) is told, not hidden,
  // in the language the desk chose in Settings (the store's own, so known only now that it is open).
  let openedCore: Core | undefined;
  const tellNotices = async (core: Core, notices: readonly StoreNotice[] = core.store.notices) => {
    openedCore = core;
    if (notices.length === 0) return;
    const language = await storeLanguage(core);
    for (const notice of notices) {
      const message = noticeText(notice, language);
      const options = { type: notice.kind === 'backed-up' ? 'info' : 'warning', title: noticeTitles[language].notice, message } as const;
      void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
    }
  };
  // The store opens only once the key is known: at start from the OS keychain where it truly protects, else after the passphrase.
  const lockable = createLockedCore({
    dataDir,
    keychain: keychainProvider(dataDir, electronKeychain()),
    // A fresh print engine for each opening: a lock stops the core, and the core closes its engine.
    core: () => ({
      dataDir,
      engine: createElectronEngine(),
      onChange: broadcastChange,
      logError: (scope, error) => console.error(`[${scope}]`, describeForLog(error)),
      // What the check after an unexpected stop did, once the window showed the store (a backup restored).
      onNotice: (notice) => {
        if (openedCore) void tellNotices(openedCore, [notice]);
      },
    }),
    onOpened: (core) => void tellNotices(core),
    onChange: broadcastChange,
    logError: (what, error) => console.error(`[session] ${what}`, describeForLog(error)),
  });
  try {
    await lockable.unlockSilently();
  } catch (error) {
    dialog.showErrorBox(noticeTitles[systemLanguage()].cannotOpen, error instanceof Error ? error.message : String(error));
  }
  registerIpc(lockable.dispatch);
  const flushWindows = flushBeforeClosing();
  mainWindow = createMainWindow(preloadDir);
  // The running Sherpa comes to the front when it is launched again, its window restored if it was minimised.
  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows().find((each) => !each.isDestroyed());
    if (!window) {
      mainWindow = createMainWindow(preloadDir);
      return;
    }
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  // A closed lid or a locked screen locks Sherpa too: open notes are saved first, then every window drops what it shows.
  const lockNow = () => flushWindows(BrowserWindow.getAllWindows(), () => void lockable.lock());
  powerMonitor.on('suspend', lockNow);
  powerMonitor.on('lock-screen', lockNow);
  closeBeforeExit(lockable);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(preloadDir);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

/** The interface language the desk chose, from the store's settings; the system's where they cannot be read. */
async function storeLanguage(core: Core): Promise<NoticeLanguage> {
  const settings = await core.dispatch('settings.get', {});
  return settings.ok ? (settings.value as { language: NoticeLanguage }).language : systemLanguage();
}

/** Korean where the system speaks it (nothing of the store's is known yet), else English. */
const systemLanguage = (): NoticeLanguage => (app.getLocale().toLowerCase().startsWith('ko') ? 'ko' : 'en');

/** A daily backup or an export under way finishes before the store closes (the lock stops the core); then the app exits. */
function closeBeforeExit(lockable: LockableDispatch<CoreStore>): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void lockable.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}

/**
 * The quit handshake: before a window closes or the app quits, each window is
 * asked to save its open notes, and answers (or times out, its draft journal
 * still holding the text) before it goes away.
 */
function flushBeforeClosing(): (windows: BrowserWindow[], next: () => void) => void {
  const coordinator = createFlushCoordinator(3_000);
  listenForFlushDone((id) => coordinator.done(id));
  const flushed = new WeakSet<BrowserWindow>();
  const flushOnly = (windows: BrowserWindow[], next: () => void) => {
    const targets = windows.map((window) => ({ id: window.webContents.id, requestFlush: () => requestFlush(window) }));
    void coordinator.flush(targets).then(next);
  };
  const flushThen = (windows: BrowserWindow[], next: () => void) =>
    flushOnly(windows, () => {
      for (const window of windows) flushed.add(window);
      next();
    });
  app.on('browser-window-created', (_event, window) => {
    window.on('close', (event) => {
      if (flushed.has(window)) return;
      event.preventDefault();
      flushThen([window], () => window.close());
    });
  });
  let quitting = false;
  app.on('before-quit', (event) => {
    const waiting = BrowserWindow.getAllWindows().filter((window) => !flushed.has(window) && !window.isDestroyed());
    if (waiting.length === 0) return;
    event.preventDefault();
    if (quitting) return;
    quitting = true;
    flushThen(waiting, () => app.quit());
  });
  // Locking saves open notes too, but the windows stay: they are not marked as flushed for closing.
  return flushOnly;
}

// A second launch (the dock icon or a shortcut opened again) would open the same store from another process: two
// replicators and two daily backups, and a restore or a cipher change in one replaced the file under the other,
// whose later saves then went to a file no longer there. It hands over to the running Sherpa and quits at once.
if (app.requestSingleInstanceLock()) void start();
else app.quit();
