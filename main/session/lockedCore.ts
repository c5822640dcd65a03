import { type Core, type CoreOptions, createCore } from '../core.ts';
import { createLockableDispatch, type LockableDispatch, type LockableOptions, type UnlockedStore } from './lockable.ts';

// The lock around the one composition root: every unlock builds Sherpa with
// createCore and the key; every lock stops that core, so the backups, exports
// and requests under way finish before its store closes and the key is dropped.

export type CoreStore = UnlockedStore & { core: Core };

export interface LockedCoreOptions extends Omit<LockableOptions<CoreStore>, 'openStore'> {
  /** What each opening is built with; asked again at every unlock, since a stopped core has closed its print engine. */
  core: () => CoreOptions;
  /** Told of each core opened (the app shows what its start-up check did). */
  onOpened?: (core: Core) => void;
}

export function createLockedCore({ core: coreOptions, onOpened, ...lockOptions }: LockedCoreOptions): LockableDispatch<CoreStore> {
  return createLockableDispatch<CoreStore>({
    ...lockOptions,
    openStore: (key) => {
      const options = coreOptions();
      let core: Core;
      try {
        core = createCore({ ...options, ...(key ? { key } : {}) });
      } catch (error) {
        // The store could not be opened: nothing owns the engine made for it.
        void options.engine.close().catch(() => undefined);
        throw error;
      }
      onOpened?.(core);
      return { core, dispatch: core.dispatch, close: () => core.stop() };
    },
  });
}
