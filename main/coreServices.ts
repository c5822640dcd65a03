import { readSyncAccount } from '../db/sync/account.ts';
import { syncedEntities } from '../db/sync/history.ts';
import type { ChangeEvent, Touched } from '../shared/contract.ts';
import { backupFolder, scheduleDailyBackups } from './backups.ts';
import type { CoreOptions } from './core.ts';
import { pinHomeTimeZone } from './homeZone.ts';
import { createDispatch, type Dispatch } from './ipc/dispatch.ts';
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
}

export interface StoreServices {
  dispatch: Dispatch;
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
}: StoreServicesOptions): StoreServices {
  const { db } = opened;
  // The home zone is fixed at set-up, so a laptop that travels keeps its home capital's time. Here, not as the
  // store opens: asking the runtime for the computer's zone (and checking a stored one) loads its time zone data,
  // tens of milliseconds a start spent before the page could even be asked for; here it overlaps the page's load,
  // and still comes before any call is answered.
  if (writable) pinHomeTimeZone(db, Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
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
  if (replicator && readSyncAccount(db)) replicator.start();
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
  });

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

  return {
    dispatch,
    stop: async () => {
      await stopBackups();
      // A round with the server under way finishes its batch; none starts after this.
      await replicator?.stop();
    },
  };
}
