import type { BridgeChannel, ChangeEvent, ChannelEffects, Touched } from '../../shared/contract.ts';
import type { ChangeLog } from './handlers/types.ts';

// What a call changed, and the event that tells the windows: shared by the
// store's dispatch and the lock layer's session calls. A module of its own so
// that the lock layer, loaded before the store opens, does not load the
// dispatch and its request schemas with it.

/** Collects what one call reports it touched, one entry per entity and kind of change. */
export function changeLog(): { log: ChangeLog; touched: Touched[] } {
  const touched: Touched[] = [];
  return {
    touched,
    log: {
      record(entity, how, ids) {
        const same = touched.find((entry) => entry.entity === entity && entry.how === how);
        if (!same) touched.push({ entity, how, ids: [...new Set(ids)] });
        else for (const id of ids) if (!same.ids.includes(id)) same.ids.push(id);
      },
    },
  };
}

/** The event a call's declared announcement makes of what it touched; null when there is nothing to tell. */
export function changeEventFor(channel: BridgeChannel, announces: ChannelEffects['announces'], touched: Touched[]): ChangeEvent | null {
  if (announces === 'everything') return { channel, scope: 'everything' };
  if (announces === 'locked') return { channel, scope: 'locked' };
  if (announces === 'touched' && touched.length > 0) return { channel, scope: 'touched', touched };
  return null;
}
