import os from 'node:os';
import path from 'node:path';
import type { Db } from '../db/open.ts';
import { readSyncAccount } from '../db/sync/account.ts';
import { syncedEntities } from '../db/sync/history.ts';
import type { ChangeEvent, Touched } from '../shared/contract.ts';
import { backupFolder, scheduleDailyBackups } from './backups.ts';
import { createDispatch, type Dispatch } from './ipc/dispatch.ts';
import { createHandlers } from './ipc/handlers/index.ts';
import { readSettings } from './ipc/handlers/settings.ts';
import type { PdfEngine } from './pdf/engine.ts';
import { storeFileName } from './store.ts';
import { type OpenedStore, openCheckedStore, type StoreOptions } from './storeHealth.ts';
import { defaultDeskName, ensureDeskKeys } from './sync/deskKeys.ts';
import { changedEntityOf } from './sync/pulledChanges.ts';
import { DeskReplicator } from './sync/replicator.ts';

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

/** Records that replicate: a save of one nudges the replicator. Packs, settings and backups stay on this desk. */
const syncedChange = new Set<string>(syncedEntities.map(changedEntityOf));

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
  if (writable) db.transaction(() => ensureDeskKeys(db, (fingerprint) => defaultDeskName(os.hostname(), fingerprint)))();

  // Replication runs only on a store this process writes; it tells every window of its state and of records it merged.
  const announce = (touched: Touched[]) => options.onChange?.({ channel: 'sync.status', scope: 'touched', touched });
  const replicator = writable
    ? new DeskReplicator(db, {
        now: clock,
        ...(options.syncIntervalMs ? { intervalMs: options.syncIntervalMs } : {}),
        onStatus: () => announce([{ entity: 'sync', how: 'updated', ids: [] }]),
        onPulled: announce,
        logError: (error) => logError('sync', error),
      })
    : undefined;
  if (replicator && readSyncAccount(db)) replicator.start();
  // A committed save of a record is news for the server: the replicator is nudged (it runs later, never in the save).
  const onChange = (event: ChangeEvent) => {
    options.onChange?.(event);
    if (replicator?.running && (event.scope !== 'touched' || event.touched.some((touched) => syncedChange.has(touched.entity))))
      void replicator.nudge('changes');
  };

  const dispatchToStore = createDispatch({
    db,
    handlers: createHandlers({
      db,
      clock,
      pdf: { engine: options.engine, exportsDir },
      exchange: { exportsDir },
      ...(mode === 'write' ? { backups: { folder: backupFolder(dataDir), ...key } } : {}),
      ...(replicator
        ? {
            sync: {
              status: () => replicator.status(),
              restart: async () => {
                await replicator.stop();
                replicator.start();
              },
              stop: () => replicator.stop(),
              now: () => replicator.nudge(),
            },
          }
        : {}),
    }),
    onChange,
    logError: (channel, error) => logError(`ipc ${channel}`, error),
    ...(opened.readOnlyReason ? { readOnlyReason: opened.readOnlyReason } : {}),
    ...(opened.readOnlyRefusal ? { readOnlyRefusal: opened.readOnlyRefusal } : {}),
  });

  const running = new Set<Promise<unknown>>();
  let stopping = false;
  const track = <T>(work: Promise<T>): Promise<T> => {
    running.add(work);
    const forget = () => running.delete(work);
    work.then(forget, forget);
    return work;
  };

  const stopBackups =
    writable && options.dailyBackups !== false
      ? scheduleDailyBackups(db, backupFolder(dataDir), {
          keep: () => readSettings(db).backupsToKeep,
          ...key,
          now: clock,
          onError: (error) => logError('backup', error),
          ...(options.dailyBackupCheckMs ? { checkEveryMs: options.dailyBackupCheckMs } : {}),
        })
      : async () => undefined;

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
      stopped ??= (async () => {
        await stopBackups();
        // A round with the server under way finishes its batch; none starts after this.
        await replicator?.stop();
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
