import { backupHandlers } from './backups.ts';
import { briefingHandlers } from './briefing.ts';
import { bundleHandlers } from './bundles.ts';
import { conflictHandlers } from './conflicts.ts';
import { entityHandlers } from './entities.ts';
import { noteHandlers } from './notes.ts';
import { packHandlers } from './packs.ts';
import { RecentDeletions } from './recentDeletions.ts';
import { settingsHandlers } from './settings.ts';
import { storeWritesHandlers } from './storeWrites.ts';
import { syncHandlers } from './sync.ts';
import type { HandlerDeps, Handlers } from './types.ts';

export type { HandlerDeps, Handlers } from './types.ts';

/** Every channel's handler, built from its dependencies. */
export function createHandlers(given: HandlerDeps): Handlers {
  // One list of recent deletes, so deletion.undo reverses a pack's delete as it does a record's.
  const deps = { ...given, recentDeletions: given.recentDeletions ?? new RecentDeletions() };
  return {
    ...briefingHandlers(deps),
    ...entityHandlers(deps),
    ...noteHandlers(deps),
    ...packHandlers(deps),
    ...settingsHandlers(deps),
    ...storeWritesHandlers(deps),
    ...backupHandlers(deps),
    ...conflictHandlers(deps),
    ...syncHandlers(deps),
    ...bundleHandlers(deps),
  };
}
