import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, protocol, session } from 'electron';
import { contentTypeOf, resolveAppPath } from './appProtocol.ts';
import { type Core, createCore } from './core.ts';
import { createFlushCoordinator } from './flushHandshake.ts';
import { broadcastChange, listenForFlushDone, registerIpc, requestFlush } from './ipc/electronAdapter.ts';
import { createElectronEngine } from './pdf/electronEngine.ts';
import { appHost, appScheme, contentSecurityPolicy } from './security.ts';
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
  let core: Core;
  try {
    core = createCore({
      dataDir,
      engine: createElectronEngine(),
      onChange: broadcastChange,
      logError: (scope, error) => console.error(`[${scope}]`, error),
    });
  } catch (error) {
    dialog.showErrorBox('Sherpa cannot open its data', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  registerIpc(core.dispatch);
  flushBeforeClosing();
  const mainWindow = createMainWindow(preloadDir);
  // What the start-up check did (restored a backup, backed up before a migration, opened read-only) is told, not hidden.
  for (const notice of core.store.notices) {
    void dialog.showMessageBox(mainWindow, {
      type: notice.kind === 'backed-up' ? 'info' : 'warning',
      title: 'Sherpa',
      message: notice.message,
    });
  }
  stopCoreBeforeExit(core);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(preloadDir);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

/** A daily backup or an export under way finishes before the store closes; then the app exits. */
function stopCoreBeforeExit(core: Core): void {
  let stopped = false;
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    void core.stop().finally(() => {
      stopped = true;
      app.quit();
    });
  });
}

/**
 * The quit handshake: before a window closes or the app quits, each window is
 * asked to save its open notes, and answers (or times out, its draft journal
 * still holding the text) before it goes away.
 */
function flushBeforeClosing(): void {
  const coordinator = createFlushCoordinator(3_000);
  listenForFlushDone((id) => coordinator.done(id));
  const flushed = new WeakSet<BrowserWindow>();
  const flushThen = (windows: BrowserWindow[], next: () => void) => {
    const targets = windows.map((window) => ({ id: window.webContents.id, requestFlush: () => requestFlush(window) }));
    void coordinator.flush(targets).then(() => {
      for (const window of windows) flushed.add(window);
      next();
    });
  };
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
}

void start();
