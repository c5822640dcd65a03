// The one fake of Electron that every test uses (Electron's binary is not
// installed under the test runner, so the module is the one place a mock is
// allowed). It records what the app asks of Electron, so tests drive the
// handlers the app registers and check what a page or user would experience.
// No Node or DOM types here: main and preload tests both compile it.
//
// Use from a test, created once per test file (it survives vi.resetModules):
//   const electron = await vi.hoisted(async () => (await import('../testing/electronFake.ts')).createElectronFake());
//   vi.mock('electron', () => electron.module);

export type Listener = (...args: unknown[]) => unknown;
export type RequestFilter = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;

export interface FakeWebContents {
  readonly id: number;
  /** The last listener registered per event, as `webContents.on` would call it. */
  readonly listeners: Map<string, Listener>;
  /** Channels sent to the page, in order. */
  readonly sent: string[];
  openHandler: Listener | null;
  permissionRequest: Listener | null;
  permissionCheck: Listener | null;
  printOptions: unknown;
}

export interface FakeWindow {
  readonly options: { show?: boolean; webPreferences?: Record<string, unknown> } & Record<string, unknown>;
  readonly webContents: FakeWebContents;
  /** Every call the app made on the window or its page, in order: loadURL, executeJavaScript <code>, printToPDF, destroy. */
  readonly calls: string[];
  readonly closeListeners: Listener[];
  loadedUrl: string | null;
  closed: number;
  destroyed: boolean;
  /** Minimised (to the dock or task bar); `restore` brings it back. */
  minimized: boolean;
}

export interface ElectronFake {
  /** What `vi.mock('electron', () => electron.module)` hands the app. */
  readonly module: Record<string, unknown>;
  readonly appListeners: Map<string, Listener[]>;
  readonly windows: FakeWindow[];
  readonly ipcHandlers: Map<string, Listener>;
  readonly privileged: unknown[];
  readonly errorBoxes: { title: string; message: string }[];
  readonly messages: { message: string; type?: string; title?: string }[];
  readonly exitCodes: number[];
  readonly openedExternally: string[];
  /** powerMonitor listeners by event ('suspend', 'lock-screen'). */
  readonly powerListeners: Map<string, Listener[]>;
  /** Request filters by session: 'default' for the default session, else the partition name. */
  readonly requestFilters: Map<string, RequestFilter>;
  /** The preload's side: what it exposed to the page, what it invoked, what it listens to. */
  readonly exposed: Map<string, unknown>;
  readonly invoked: { channel: string; request: unknown }[];
  readonly rendererListeners: Map<string, Set<Listener>>;
  sandboxEnabled: number;
  quits: number;
  /** Whether another Sherpa already holds the single-instance lock: this launch is then the second. */
  anotherInstanceRunning: boolean;
  /** The system's language, as app.getLocale() gives it. */
  locale: string;
  protocolHandler: Listener | null;
  /** Runs when a window loads a URL (the print engine's test reads the pack file here). */
  onLoadURL: ((window: FakeWindow, url: string) => void | Promise<void>) | null;
  /** What printToPDF answers; a test of the print engine sets it. */
  printResult: (() => Promise<unknown>) | null;
  /**
   * The keychain safeStorage offers: Linux `basic_text` (no real protection, the default)
   * or one that protects (macOS, Windows, a Linux keyring), which seals reversibly here.
   */
  keychain: 'basic_text' | 'gnome_libsecret';
  /** Opens an app event's listeners with a preventable event; true when one prevented it. */
  emitApp(event: string, ...args: unknown[]): boolean;
  /** Forgets everything recorded, before each test. */
  reset(): void;
}

export function createElectronFake(): ElectronFake {
  let nextId = 1;
  const fake: ElectronFake = {
    module: {},
    appListeners: new Map(),
    windows: [],
    ipcHandlers: new Map(),
    privileged: [],
    errorBoxes: [],
    messages: [],
    exitCodes: [],
    openedExternally: [],
    requestFilters: new Map(),
    powerListeners: new Map(),
    exposed: new Map(),
    invoked: [],
    rendererListeners: new Map(),
    sandboxEnabled: 0,
    quits: 0,
    anotherInstanceRunning: false,
    locale: 'en-US',
    protocolHandler: null,
    onLoadURL: null,
    printResult: null,
    keychain: 'basic_text',
    emitApp(event, ...args) {
      let prevented = false;
      for (const listener of fake.appListeners.get(event) ?? []) listener({ preventDefault: () => (prevented = true) }, ...args);
      return prevented;
    },
    reset() {
      for (const list of [
        fake.windows,
        fake.privileged,
        fake.errorBoxes,
        fake.messages,
        fake.exitCodes,
        fake.openedExternally,
        fake.invoked,
      ])
        list.length = 0;
      for (const map of [
        fake.appListeners,
        fake.ipcHandlers,
        fake.requestFilters,
        fake.powerListeners,
        fake.exposed,
        fake.rendererListeners,
      ])
        map.clear();
      fake.sandboxEnabled = 0;
      fake.quits = 0;
      fake.anotherInstanceRunning = false;
      fake.locale = 'en-US';
      fake.protocolHandler = null;
      fake.onLoadURL = null;
      fake.printResult = null;
      fake.keychain = 'basic_text';
    },
  };

  class BrowserWindow {
    static getAllWindows = () => fake.windows.filter((window) => !window.destroyed).map((window) => instances.get(window));
    readonly record: FakeWindow;
    readonly webContents;
    constructor(options: FakeWindow['options']) {
      const contents: FakeWebContents = {
        id: nextId++,
        listeners: new Map(),
        sent: [],
        openHandler: null,
        permissionRequest: null,
        permissionCheck: null,
        printOptions: null,
      };
      const record: FakeWindow = {
        options,
        webContents: contents,
        calls: [],
        closeListeners: [],
        loadedUrl: null,
        closed: 0,
        destroyed: false,
        minimized: false,
      };
      this.record = record;
      this.webContents = {
        id: contents.id,
        session: {
          setPermissionRequestHandler: (handler: Listener) => {
            contents.permissionRequest = handler;
          },
          setPermissionCheckHandler: (handler: Listener) => {
            contents.permissionCheck = handler;
          },
        },
        on: (event: string, listener: Listener) => {
          contents.listeners.set(event, listener);
        },
        setWindowOpenHandler: (handler: Listener) => {
          contents.openHandler = handler;
        },
        send: (channel: string) => {
          contents.sent.push(channel);
        },
        executeJavaScript: async (code: string) => {
          record.calls.push(`executeJavaScript ${code}`);
          return true;
        },
        printToPDF: async (printOptions: unknown) => {
          record.calls.push('printToPDF');
          contents.printOptions = printOptions;
          return fake.printResult ? fake.printResult() : new TextEncoder().encode('%PDF-1.4 fake');
        },
      };
      instances.set(record, this);
      fake.windows.push(record);
      for (const listener of fake.appListeners.get('browser-window-created') ?? []) listener({}, this);
    }
    on(event: string, listener: Listener): void {
      if (event === 'close') this.record.closeListeners.push(listener);
    }
    once(): void {}
    show(): void {
      this.record.calls.push('show');
    }
    focus(): void {
      this.record.calls.push('focus');
    }
    isMinimized(): boolean {
      return this.record.minimized;
    }
    restore(): void {
      this.record.calls.push('restore');
      this.record.minimized = false;
    }
    close(): void {
      this.record.closed++;
    }
    isDestroyed(): boolean {
      return this.record.destroyed;
    }
    destroy(): void {
      this.record.calls.push('destroy');
      this.record.destroyed = true;
    }
    async loadURL(url: string): Promise<void> {
      this.record.calls.push('loadURL');
      this.record.loadedUrl = url;
      await fake.onLoadURL?.(this.record, url);
    }
  }
  const instances = new Map<FakeWindow, BrowserWindow>();

  const webRequestOf = (name: string) => ({
    webRequest: {
      onBeforeRequest: (filter: RequestFilter) => {
        fake.requestFilters.set(name, filter);
      },
    },
  });

  Object.assign(fake.module, {
    app: {
      enableSandbox: () => {
        fake.sandboxEnabled += 1;
      },
      whenReady: () => Promise.resolve(),
      requestSingleInstanceLock: () => !fake.anotherInstanceRunning,
      getLocale: () => fake.locale,
      on: (event: string, listener: Listener) => {
        fake.appListeners.set(event, [...(fake.appListeners.get(event) ?? []), listener]);
      },
      exit: (code: number) => fake.exitCodes.push(code),
      quit: () => {
        fake.quits += 1;
      },
      getPath: () => {
        throw new Error('tests set SHERPA_DATA_DIR');
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privileged.push(...schemes),
      handle: (_scheme: string, handler: Listener) => {
        fake.protocolHandler = handler;
      },
    },
    session: {
      defaultSession: webRequestOf('default'),
      fromPartition: (partition: string) => webRequestOf(partition),
    },
    dialog: {
      showErrorBox: (title: string, message: string) => fake.errorBoxes.push({ title, message }),
      // With a parent window or without one, as Electron takes it.
      showMessageBox: (windowOrOptions: unknown, options?: { message: string; type?: string }) => {
        fake.messages.push(options ?? (windowOrOptions as { message: string; type?: string }));
        return Promise.resolve({ response: 0 });
      },
    },
    ipcMain: {
      handle: (channel: string, handler: Listener) => {
        if (fake.ipcHandlers.has(channel)) throw new Error(`${channel} registered twice`);
        fake.ipcHandlers.set(channel, handler);
      },
    },
    // Linux without a keyring by default: the keychain gives no real protection, so the passphrase is asked for.
    safeStorage: {
      isEncryptionAvailable: () => fake.keychain !== 'basic_text',
      getSelectedStorageBackend: () => fake.keychain,
      encryptString: (text: string) => {
        if (fake.keychain === 'basic_text') throw new Error('not available');
        return Buffer.from(`keychain:${text}`);
      },
      decryptString: (sealed: Buffer) => {
        const text = sealed.toString();
        if (fake.keychain === 'basic_text' || !text.startsWith('keychain:')) throw new Error('not available');
        return text.slice('keychain:'.length);
      },
    },
    powerMonitor: {
      on: (event: string, listener: Listener) => {
        fake.powerListeners.set(event, [...(fake.powerListeners.get(event) ?? []), listener]);
      },
    },
    shell: {
      openExternal: (url: string) => {
        fake.openedExternally.push(url);
        return Promise.resolve();
      },
    },
    BrowserWindow,
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api),
    },
    ipcRenderer: {
      invoke: (channel: string, request: unknown) => {
        fake.invoked.push({ channel, request });
        return Promise.resolve({ ok: true, value: null });
      },
      on: (channel: string, listener: Listener) => {
        const listeners = fake.rendererListeners.get(channel) ?? new Set();
        listeners.add(listener);
        fake.rendererListeners.set(channel, listeners);
      },
      removeListener: (channel: string, listener: Listener) => fake.rendererListeners.get(channel)?.delete(listener),
      send: () => {
        throw new Error('the preload must not use a generic send');
      },
    },
  });
  return fake;
}
