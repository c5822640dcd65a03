import { readSyncAccount } from '../db/sync/account.ts';
import { syncedEntities } from '../db/sync/history.ts';
import type { ChangeEvent, Touched } from '../shared/contract.ts';
import { backupFolder, scheduleDailyBackups } from './backups.ts';
import type { CoreOptions } from './core.ts';
import { pinHomeTimeZone } from './homeZone.ts';
import { createDispatch, type Dispatch, type WritesRefused } from './ipc/dispatch.ts';
import { createHandlers } from './ipc/handlers/index.ts';
import { readSettings } from './ipc/handlers/settings.ts';
import type { OpenedStore } from './storeHealth.ts';
import { changedEntityOf } from './sync/pulledChanges.ts';
import { DeskReplicator } from './sync/replicator.ts';

// What runs on an open store: the dispatch with its handlers and request
// schemas, replication and the daily backups. Loaded by the composition root
// (main/core.ts) once the store is open, so that a start opens and checks the
// store without first loading the code of every channel: the harness says it
// is ready and the page loads while this module does.

/** Records that replicate: a save of one nudges the replicator. Packs, settings and backups stay on this desk. */
const syncedChange = new Set<string>(syncedEntities.map(changedEntityOf));

export interface StoreServicesOptions {
  options: CoreOptions;
  opened: OpenedStore;
  /** The store is written by this process (not read-only, not opened for reading). */
  writable: boolean;
  dataDir: string;
  exportsDir: string;
  clock: () => Date;
  logError: (scope: string, error: unknown) => void;
  /**
   * Why writes are refused for now (the store is being checked after an unexpected stop, main/core.ts): the home
   * zone, replication and the daily backups wait for `allowWrites`.
   */
  writesRefused?: () => WritesRefused | undefined;
}

export interface StoreServices {
  dispatch: Dispatch;
  /** Writes are allowed again: pins the home zone, starts replication and the daily backups held back until now. */
  allowWrites(): void;
  /** Stops the daily backups (a backup under way finishes) and replication's rounds; the store stays open. */
  stop(): Promise<void>;
}

export function startStoreServices({
  options,
  opened,
  writable,
  dataDir,
  exportsDir,
  clock,
  logError,
  writesRefused,
}: StoreServicesOptions): StoreServices {
  const { db } = opened;
  let holding = writesRefused?.() !== undefined;
  // The home zone is fixed at set-up, so a laptop that travels keeps its home capital's time. Here, not as the
  // store opens: asking the runtime for the computer's zone (and checking a stored one) loads its time zone data,
  // tens of milliseconds a start spent before the page could even be asked for; here it overlaps the page's load,
  // and still comes before any call is answered.
  const pinHomeZone = () => {
    if (writable) pinHomeTimeZone(db, Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  };
  if (!holding) pinHomeZone();
  const mode = options.mode ?? 'write';
  const key = options.key ? { key: options.key } : {};
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
  const startReplication = () => {
    if (replicator && readSyncAccount(db)) replicator.start();
  };
  if (!holding) startReplication();
  // A committed save of a record is news for the server: the replicator is nudged (it runs later, never in the save).
  const onChange = (event: ChangeEvent) => {
    options.onChange?.(event);
    if (replicator?.running && (event.scope !== 'touched' || event.touched.some((touched) => syncedChange.has(touched.entity))))
      void replicator.nudge('changes');
  };

  const dispatch = createDispatch({
    db,
    handlers: createHandlers({
      db,
      clock,
      writes: () => {
        const refused = writesRefused?.();
        if (refused) return { writable: false, reason: refused.reason };
        return writable ? { writable: true, reason: null } : { writable: false, reason: opened.readOnlyRefusal ?? 'store_read_only' };
      },
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
              refusesPassword: (account) => replicator.refusesPassword(account),
            },
          }
        : {}),
    }),
    onChange,
    logError: (channel, error) => logError(`ipc ${channel}`, error),
    ...(opened.readOnlyReason ? { readOnlyReason: opened.readOnlyReason } : {}),
    ...(opened.readOnlyRefusal ? { readOnlyRefusal: opened.readOnlyRefusal } : {}),
    ...(writesRefused ? { writesRefused } : {}),
  });

  const scheduleBackups = () =>
    writable && options.dailyBackups !== false
      ? scheduleDailyBackups(db, backupFolder(dataDir), {
          keep: () => readSettings(db).backupsToKeep,
          ...key,
          now: clock,
          onError: (error) => logError('backup', error),
          ...(options.dailyBackupCheckMs ? { checkEveryMs: options.dailyBackupCheckMs } : {}),
        })
      : async () => undefined;
  let stopBackups = holding ? async () => undefined : scheduleBackups();
  let stopped = false;

  return {
    dispatch,
    allowWrites: () => {
      if (!holding || stopped) return;
      holding = false;
      pinHomeZone();
      startReplication();
      stopBackups = scheduleBackups();
    },
    stop: async () => {
      stopped = true;
      await stopBackups();
      // A round with the server under way finishes its batch; none starts after this.
      await replicator?.stop();
    },
  };
}
