import { refusesWrites } from '../../../db/writeRefusal.ts';
import type { HandlerDeps, HandlerGroup } from './types.ts';

// Whether the store takes writes now: the page's status line says so while it
// does not (being checked after an unexpected stop, or read-only for good), and
// asks again when told the state changed.

export function storeWritesHandlers({ db, writes }: HandlerDeps): HandlerGroup<'store.writes'> {
  return {
    'store.writes': () =>
      writes?.() ?? (refusesWrites(db) ? { writable: false, reason: 'store_read_only' } : { writable: true, reason: null }),
  };
}
