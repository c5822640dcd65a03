import os from 'node:os';
import path from 'node:path';
import { type Db, reserveWal } from '../db/open.ts';
import type { ChangeEvent } from '../shared/contract.ts';
import type { StoreServices } from './coreServices.ts';
import type { Dispatch } from './ipc/dispatch.ts';
import type { PdfEngine } from './pdf/engine.ts';
import { storeFileName } from './store.ts';
import { type OpenedStore, openCheckedStore, type StoreOptions } from './storeHealth.ts';
import { defaultDeskName, ensureDeskKeys } from './sync/deskKeys.ts';

// The one composition root: the Electron main process, the loopback harness
// and the export command all build Sherpa here, so every one of them opens the
// store through the same health check, gets the same dispatch, and closes the
// store only after the work it started has finished.

/** Where the store is: a data folder (the store is `sherpa.sqlite` in it), or one store file. */
export type StoreLocation = { dataDir: string; dbPath?: never } | { dbPath: string; dataDir?: never };

export type CoreOptions = StoreLocation & {
  /** Prints briefing packs. The core owns it from here on: `stop()` closes it. */
  engine: PdfEngine;
  /** 'write' (the app, the harness): checked, backed up, migrated. 'read': opened as it is, or refused. */
  mode?: 'write' | 'read';
  /** The store's data key, from the lock (main/session/lockable.ts): the store and every backup are encrypted with it. None: a plain store. */
  key?: Buffer;
  /** Told after each write, to tell every window what changed. */
  onChange?: (event: ChangeEvent) => void;
  /** Unexpected failures: a failed daily backup, a handler that threw. */
  logError?: (scope: string, error: unknown) => void;
  clock?: () => Date;
  /** Whether to take a backup a day while the store is open (true unless the store is a scratch or preview one). */
  dailyBackups?: boolean;
  /** How often the daily backup looks whether a day has passed (an hour unless a test says otherwise). */
  dailyBackupCheckMs?: number;
  /** How often replication runs without a save to nudge it (a minute unless a test says otherwise). */
  syncIntervalMs?: number;
  /**
   * What loading the dispatch's code (handlers, request schemas, replication, daily backups) waits for once the
   * store is open: the harness, that its page has been sent, so that this code loads while the browser evaluates
   * the page rather than while the page is asked for. Without it, the end of the turn that opened the store.
   */
  servicesAfter?: Promise<void>;
  /**
   * How long after the store's services have started its WAL is given its full length (db/open.ts reserveWal):
   * 2 s unless a test says otherwise, once the start's first answers are out.
   */
  walReservedAfterMs?: number;
  /** Passed to the store's start-up check (tests inject writability). */
  storeOptions?: Pick<StoreOptions, 'canWrite' | 'keep'>;
};

export interface Core {
  dispatch: Dispatch;
  /** The open store, for a tool that reads it directly (the export command finds its pack by name). */
  db: Db;
  store: Pick<OpenedStore, 'file' | 'readOnly' | 'readOnlyReason' | 'notices'> & { dataDir: string; exportsDir: string };
  /** The engine printing packs, for a tool that exports outside the dispatch (the command line); closed by `stop()`. */
  engine: PdfEngine;
  /** Runs work on the store outside the dispatch (the command line's export) so that `stop()` waits for it. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Stops the daily backups, waits for every backup, export and request under way, then closes the engine and the store. */
  stop(): Promise<void>;
}

export class CoreStoppedError extends Error {
  override name = 'CoreStoppedError';
  constructor() {
    super('Sherpa is closing; nothing was changed.');
  }
}

/** Opens the store (or throws a sentence saying why it cannot) and builds everything that runs on it. */
export function createCore(options: CoreOptions): Core {
  const mode = options.mode ?? 'write';
  const clock = options.clock ?? (() => new Date());
  const logError = options.logError ?? ((scope, error) => console.error(`[${scope}]`, error));
  const file = options.dataDir === undefined ? path.resolve(options.dbPath) : path.join(options.dataDir, storeFileName);
  const dataDir = path.dirname(file);
  const exportsDir = path.join(dataDir, 'exports');
  const key = options.key ? { key: options.key } : {};
  const opened = openCheckedStore(file, { ...options.storeOptions, ...key, ...(mode === 'read' ? { access: 'read' } : {}) });
  const { db } = opened;
  const writable = mode === 'write' && !opened.readOnly;
  // The desk's key pair is made at set-up, not on first use: its secret also seals the replication password.
  // Named after the computer and its own fingerprint: two desks on one machine are told apart. A desk made before keeps its name.
  // (The home zone is fixed at set-up too, by the store's services before they answer anything: main/coreServices.ts.)
  if (writable) db.transaction(() => ensureDeskKeys(db, (fingerprint) => defaultDeskName(os.hostname(), fingerprint)))();

  const running = new Set<Promise<unknown>>();
  let stopping = false;
  const track = <T>(work: Promise<T>): Promise<T> => {
    running.add(work);
    const forget = () => running.delete(work);
    work.then(forget, forget);
    return work;
  };

  // The dispatch with its handlers and request schemas, replication and the daily backups are loaded once the
  // store is open and checked, and only after the turn of the event loop that opened it (or after
  // `servicesAfter`): whoever opened it says so first (the harness prints its ready line, the app opens its
  // window), and the page loads while this code does. A call that comes before they are ready waits for them;
  // a core stopped before they load, with no call waiting, never loads them.
  let stopAsked = () => {};
  const stopRequested = new Promise<void>((resolve) => {
    stopAsked = resolve;
  });
  const services: Promise<StoreServices> = Promise.race([options.servicesAfter ?? Promise.resolve(), stopRequested])
    .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
    .then(() => {
      if (stopping && running.size === 0) throw new CoreStoppedError();
      return import('./coreServices.ts');
    })
    .then(({ startStoreServices }) => startStoreServices({ options, opened, writable, dataDir, exportsDir, clock, logError }));
  // The WAL gets its full length in zeros once the start is over, so that the session's saves do not grow it frame
  // by frame: written as the store opened, those 16 MB held up every start (5-17 ms of CPU, up to 190 ms of a busy
  // disk) before the page could even be asked for. Never inside a transaction (all of them are synchronous, so none
  // is open between two turns), never once stopping; a save before then grows the WAL as it always could.
  let walTimer: ReturnType<typeof setTimeout> | undefined;
  if (writable)
    services.then(
      () => {
        if (stopping) return;
        walTimer = setTimeout(() => {
          if (stopping || !db.open || db.inTransaction) return;
          try {
            reserveWal(db, file);
          } catch (error) {
            logError('store', error);
          }
        }, options.walReservedAfterMs ?? 2000);
        walTimer.unref?.();
      },
      () => undefined,
    );
  // A failure to load is told to each call (below) and logged once here, never left unhandled.
  services.catch((error: unknown) => {
    if (!(error instanceof CoreStoppedError)) logError('start', error);
  });
  const dispatchToStore: Dispatch = (channel, payload) =>
    services.then(
      (started) => started.dispatch(channel, payload),
      () => ({ ok: false, error: { code: 'internal', message: 'Sherpa could not complete this. Nothing was changed.' } }),
    );

  let stopped: Promise<void> | null = null;
  return {
    dispatch: (channel, payload) => {
      if (stopping) return Promise.resolve({ ok: false, error: { code: 'internal', message: new CoreStoppedError().message } });
      return track(dispatchToStore(channel, payload));
    },
    db,
    engine: options.engine,
    store: {
      file: opened.file,
      readOnly: opened.readOnly,
      ...(opened.readOnlyReason ? { readOnlyReason: opened.readOnlyReason } : {}),
      notices: opened.notices,
      dataDir,
      exportsDir,
    },
    run: (work) => {
      if (stopping) return Promise.reject(new CoreStoppedError());
      return track(work());
    },
    stop: () => {
      stopping = true;
      stopAsked();
      clearTimeout(walTimer);
      stopped ??= (async () => {
        // The daily backup under way finishes; a round with the server under way finishes its batch; none starts after this.
        await services.then((started) => started.stop()).catch(() => undefined);
        // Work under way may finish by starting nothing new (the dispatch refuses once stopping), so this ends.
        while (running.size > 0) await Promise.allSettled([...running]);
        await options.engine.close().catch((error: unknown) => logError('pdf', error));
        db.close();
        try {
          opened.closedCleanly?.();
        } catch (error) {
          // Without the record the next start checks the whole store: slower, never less safe.
          logError('store', error);
        }
      })();
      return stopped;
    },
  };
}
