import { backupFolder, scheduleDailyBackups } from '../backups.ts';
import { createDispatch, type DispatchOptions } from '../ipc/dispatch.ts';
import { createHandlers, type HandlerDeps } from '../ipc/handlers/index.ts';
import { readSettings } from '../ipc/handlers/settings.ts';
import { openStore, type StoreNotice } from '../store.ts';
import type { UnlockedStore } from './lockable.ts';

export interface StoreOpenerOptions {
  dataDir: string;
  pdf?: HandlerDeps['pdf'];
  onChange?: DispatchOptions['onChange'];
  logError?: DispatchOptions['logError'];
  /** What the start-up check did (restored a backup, backed up before a migration), to tell the user. */
  onNotices?: (notices: StoreNotice[]) => void;
  /** The app takes a backup a day while it runs; the test harness need not. */
  dailyBackups?: boolean;
}

/**
 * How the lock opens the store once it has the key: the same checked opening,
 * handlers and dispatch as before encryption, each given the key (backups
 * are encrypted with it). Closing stops the daily backups and the store.
 */
export function storeOpener(options: StoreOpenerOptions): (key: Buffer) => UnlockedStore {
  return (key) => {
    const store = openStore(options.dataDir, { key });
    options.onNotices?.(store.notices);
    const folder = backupFolder(options.dataDir);
    const dispatch = createDispatch({
      db: store.db,
      handlers: createHandlers({
        db: store.db,
        clock: () => new Date(),
        ...(options.pdf ? { pdf: options.pdf } : {}),
        backups: { folder, key },
      }),
      ...(options.onChange ? { onChange: options.onChange } : {}),
      ...(options.logError ? { logError: options.logError } : {}),
      ...(store.readOnlyReason ? { readOnlyReason: store.readOnlyReason } : {}),
    });
    const stopBackups =
      options.dailyBackups && !store.readOnly
        ? scheduleDailyBackups(store.db, folder, {
            keep: () => readSettings(store.db).backupsToKeep,
            key,
            onError: (error) => options.logError?.('backup', error),
          })
        : () => undefined;
    return {
      dispatch,
      close: () => {
        stopBackups();
        store.db.close();
      },
    };
  };
}
