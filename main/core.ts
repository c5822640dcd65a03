import os from 'node:os';
import path from 'node:path';
import { type Db, reserveWal } from '../db/open.ts';
import { setRefusingWrites } from '../db/writeRefusal.ts';
import type { ChangeEvent, Result } from '../shared/contract.ts';
import { refusalsEn } from '../shared/refusalTexts.ts';
import { backupFolder, latestGoodBackup } from './backups.ts';
import type { StoreServices } from './coreServices.ts';
import type { Dispatch, WritesRefused } from './ipc/dispatch.ts';
import type { PdfEngine } from './pdf/engine.ts';
import { storeFileName } from './store.ts';
import { checkStoreApart } from './storeCheckApart.ts';
import {
  type OpenedStore,
  openCheckedStore,
  restoreBackup,
  StoreDamagedError,
  type StoreNotice,
  type StoreOptions,
} from './storeHealth.ts';
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
  /**
   * What the full check of a store opened without a clean-close record waits for, besides the store's services having
   * started, before it reads the store through: tests hold it to see the store while it is being checked.
   */
  fullCheckAfter?: Promise<void>;
  /**
   * How long after that the check starts: 1 s unless a test says otherwise. Started with the page's first questions,
   * its thread took a core from the page and the store's own thread on a busy two-core machine before Today painted.
   */
  fullCheckDelayMs?: number;
  /** Told of what a check after the store was opened did (a backup restored), as the start's own notices are shown. */
  onNotice?: (notice: StoreNotice) => void;
};

/** Whether the store takes writes: once its check after an unexpected stop passed, or at once; never, or the core stopped first. */
export type WritesState = 'writable' | 'read-only' | 'stopped';

export interface Core {
  dispatch: Dispatch;
  /** The open store, for a tool that reads it directly (the export command finds its pack by name). */
  readonly db: Db;
  store: Pick<OpenedStore, 'file' | 'readOnly' | 'readOnlyReason' | 'notices'> & { dataDir: string; exportsDir: string };
  /** The engine printing packs, for a tool that exports outside the dispatch (the command line); closed by `stop()`. */
  engine: PdfEngine;
  /** Runs work on the store outside the dispatch (the command line's export) so that `stop()` waits for it. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Stops the daily backups, waits for every backup, export and request under way, then closes the engine and the store. */
  stop(): Promise<void>;
  /**
   * Settles when the store takes writes: at once after a clean close; after a start without one, once its full check
   * has passed on a worker thread (every write refused until then); 'read-only' when it never will this session.
   */
  writes: Promise<WritesState>;
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
  // A store without a clean-close record is read through once it is shown, not before (main/storeHealth.ts).
  const storeOptions: StoreOptions = {
    ...options.storeOptions,
    ...key,
    ...(mode === 'read' ? { access: 'read' as const } : { fullCheck: 'after-opening' as const }),
  };
  let opened = openCheckedStore(file, storeOptions);
  const writable = mode === 'write' && !opened.readOnly;

  // While a store opened after an unexpected stop is being checked, every write is refused, before it runs (the
  // dispatch, by each channel's declared effects) and in SQLite itself (query_only: a read that catches up, the
  // search index, reads the store as it stands). Nothing changes the file until the check says it is whole.
  const beingChecked: WritesRefused = { message: refusalsEn.reasons.store_being_checked, reason: 'store_being_checked' };
  let writesRefused: WritesRefused | undefined;
  const prepare = (store: OpenedStore) => {
    // The desk's key pair is made at set-up, not on first use: its secret also seals the replication password.
    // Named after the computer and its own fingerprint: two desks on one machine are told apart. A desk made before keeps its name.
    // (The home zone is fixed at set-up too, by the store's services before they answer anything: main/coreServices.ts.)
    if (writable) store.db.transaction(() => ensureDeskKeys(store.db, (fingerprint) => defaultDeskName(os.hostname(), fingerprint)))();
    if (store.fullCheck === 'pending') {
      setRefusingWrites(store.db, true);
      writesRefused = beingChecked;
    }
  };
  prepare(opened);

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
  // A store being checked as Sherpa closes is left unchecked (and the next start checks it): closing waits for no worker.
  const checkStopped = new AbortController();
  const startServices = (store: OpenedStore, after: Promise<void>): Promise<StoreServices> =>
    Promise.race([after, stopRequested])
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => {
        if (stopping && running.size === 0) throw new CoreStoppedError();
        return import('./coreServices.ts');
      })
      .then(({ startStoreServices }) =>
        startStoreServices({
          options,
          opened: store,
          writable,
          dataDir,
          exportsDir,
          clock,
          logError,
          writesRefused: () => writesRefused,
        }),
      );
  /** The services on the open store, and the calls handed to them: a store replaced after its check waits for these. */
  let current = { services: startServices(opened, options.servicesAfter ?? Promise.resolve()), calls: new Set<Promise<unknown>>() };
  // A failure to load is told to each call (below) and logged once here, never left unhandled.
  const logFailure = (services: Promise<StoreServices>) =>
    services.catch((error: unknown) => {
      if (!(error instanceof CoreStoppedError)) logError('start', error);
    });
  logFailure(current.services);
  const dispatchToStore: Dispatch = (channel, payload) => {
    const { services, calls } = current;
    const answer: Promise<Result<unknown>> = services.then(
      (started) => started.dispatch(channel, payload),
      () => ({ ok: false, error: { code: 'internal', message: 'Sherpa could not complete this. Nothing was changed.' } }),
    );
    calls.add(answer);
    void answer.finally(() => calls.delete(answer));
    return answer;
  };

  let settleWrites: (state: WritesState) => void = () => {};
  const writes = new Promise<WritesState>((resolve) => {
    settleWrites = resolve;
  });
  const store: Core['store'] = {
    file: opened.file,
    readOnly: opened.readOnly,
    ...(opened.readOnlyReason ? { readOnlyReason: opened.readOnlyReason } : {}),
    notices: opened.notices,
    dataDir,
    exportsDir,
  };
  /** Every window is told the store's state changed: what it shows of it (its status line) is asked again. */
  const announceWrites = () =>
    options.onChange?.({ channel: 'store.writes', scope: 'touched', touched: [{ entity: 'store', how: 'updated', ids: [] }] });
  const refuseForGood = (refused: WritesRefused) => {
    writesRefused = refused;
    store.readOnly = true;
    store.readOnlyReason = refused.message;
    announceWrites();
    settleWrites('read-only');
  };

  /**
   * A store found damaged once shown: the calls under way on it finish, its services stop, it is closed, moved
   * aside and replaced by the newest good backup, which is opened (and checked in turn) with services of its own.
   * No write reached it: every one was refused while it was being checked.
   */
  const replaceDamagedStore = async (damage: string): Promise<StoreNotice | null> => {
    const backup = latestGoodBackup(backupFolder(dataDir), options.key);
    if (!backup) return null;
    const previous = current;
    let replaced: (services: Promise<StoreServices>) => void = () => {};
    const next = new Promise<StoreServices>((resolve, reject) => {
      replaced = (services) => services.then(resolve, reject);
    });
    current = { services: next, calls: new Set() };
    try {
      await previous.services.then((started) => started.stop()).catch(() => undefined);
      while (previous.calls.size > 0) await Promise.allSettled([...previous.calls]);
      opened.db.close();
      const notice = restoreBackup(file, backup, damage, clock);
      opened = openCheckedStore(file, storeOptions);
      prepare(opened);
      const services = startServices(opened, Promise.resolve());
      logFailure(services);
      replaced(services);
      return notice;
    } catch (error) {
      replaced(Promise.reject(error));
      throw error;
    }
  };

  /** Reads the store through on a worker once its services have started; allows writes, or replaces a damaged store. */
  const checkAfterOpening = async (): Promise<void> => {
    await Promise.all([current.services, options.fullCheckAfter]);
    await new Promise<void>((resolve) => setTimeout(resolve, options.fullCheckDelayMs ?? 1000).unref?.());
    for (;;) {
      if (stopping) return settleWrites('stopped');
      const { health, ranOn, workerFailure } = await checkStoreApart(file, { ...key, signal: checkStopped.signal });
      if (ranOn === 'here') logError('store', new Error(`The store was checked on the main thread: ${workerFailure}`));
      if (stopping) return settleWrites('stopped');
      if (health === 'ok') {
        setRefusingWrites(opened.db, false);
        writesRefused = undefined;
        opened.fullCheckPassed?.();
        (await current.services).allowWrites();
        announceWrites();
        return settleWrites('writable');
      }
      const notice = await replaceDamagedStore(health);
      if (!notice) {
        const damaged = new StoreDamagedError(file, health.slice(0, 200));
        logError('store', damaged);
        return refuseForGood({ message: damaged.message, reason: 'store_damaged_kept' });
      }
      store.notices.push(notice);
      options.onNotice?.(notice);
      // Every window drops what it showed of the damaged store and reads the restored one.
      options.onChange?.({ channel: 'backup.restore', scope: 'everything' });
      if (opened.fullCheck !== 'pending') {
        writesRefused = undefined;
        (await current.services).allowWrites();
        announceWrites();
        return settleWrites('writable');
      }
      await current.services;
    }
  };
  if (!writable) settleWrites('read-only');
  else if (opened.fullCheck !== 'pending') settleWrites('writable');
  else
    checkAfterOpening().catch((error: unknown) => {
      if (stopping) return settleWrites('stopped');
      logError('store', error);
      refuseForGood({
        message: `Sherpa could not check its data file (${String(error instanceof Error ? error.message : error).slice(0, 200)}), so it is open for reading only. Nothing was changed.`,
        reason: 'store_read_only',
      });
    });

  // The WAL gets its full length in zeros once the start is over, so that the session's saves do not grow it frame
  // by frame: written as the store opened, those 16 MB held up every start (5-17 ms of CPU, up to 190 ms of a busy
  // disk) before the page could even be asked for. Never inside a transaction (all of them are synchronous, so none
  // is open between two turns), never once stopping, never while the store is being checked; a save before then
  // grows the WAL as it always could.
  let walTimer: ReturnType<typeof setTimeout> | undefined;
  if (writable)
    Promise.all([current.services, writes]).then(
      ([, state]) => {
        if (stopping || state !== 'writable') return;
        walTimer = setTimeout(() => {
          const { db } = opened;
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

  let stopped: Promise<void> | null = null;
  return {
    dispatch: (channel, payload) => {
      if (stopping) return Promise.resolve({ ok: false, error: { code: 'internal', message: new CoreStoppedError().message } });
      return track(dispatchToStore(channel, payload));
    },
    get db() {
      return opened.db;
    },
    engine: options.engine,
    store,
    run: (work) => {
      if (stopping) return Promise.reject(new CoreStoppedError());
      return track(work());
    },
    writes,
    stop: () => {
      stopping = true;
      stopAsked();
      checkStopped.abort();
      clearTimeout(walTimer);
      stopped ??= (async () => {
        // The daily backup under way finishes; a round with the server under way finishes its batch; none starts after this.
        await current.services.then((started) => started.stop()).catch(() => undefined);
        // Work under way may finish by starting nothing new (the dispatch refuses once stopping), so this ends.
        while (running.size > 0) await Promise.allSettled([...running]);
        await options.engine.close().catch((error: unknown) => logError('pdf', error));
        opened.db.close();
        settleWrites('stopped');
        try {
          // Records the clean close only for a store whose check passed (or was not due): else the next start checks.
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
