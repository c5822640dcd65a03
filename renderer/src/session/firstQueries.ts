import type { QueryClient } from '@tanstack/react-query';
import type { Request, SessionStatus } from '../../../shared/contract.ts';
import { call } from '../bridge/index.ts';
import type { ReadChannel } from '../queryScope.ts';
import { parseRoute, type Route } from '../router.ts';
import { queryOptionsOf } from '../useQuery.ts';

// A start asks the store three times in a row: is it locked, then (once the
// shell has rendered and painted) the settings and the view's data. The first
// question is asked as the page's script runs, not after React's first frame,
// and the answers every start needs are asked for as soon as the store is
// known to be open, so they arrive while the shell renders instead of after.

let earlyStatus: Promise<SessionStatus> | null = null;

/** Asks whether the store is locked now, as the page starts; the gate takes the answer once (askSessionStatus). */
export function askSessionStatusEarly(): void {
  earlyStatus = call('session.status', {});
  // The gate reads it; until then a refusal must not count as unhandled.
  earlyStatus.catch(() => undefined);
}

/** The answer asked for as the page started, the first time; a fresh question every other time (after a lock). */
export function askSessionStatus(): Promise<SessionStatus> {
  const early = earlyStatus;
  earlyStatus = null;
  return early ?? call('session.status', {});
}

/**
 * Starts the reads the shell and the opening view make on their first render,
 * into the page's cache under the same keys, so the components find them under
 * way. Only Today's are listed: it is where Sherpa opens; any other view asks as it renders.
 */
export function prefetchFirstQueries(client: QueryClient, route: Route = parseRoute(window.location.hash)): void {
  const prefetch = <K extends ReadChannel>(channel: K, request: Request<K>) => void client.prefetchQuery(queryOptionsOf(channel, request));
  prefetch('settings.get', {});
  prefetch('conflict.list', {});
  if (route.view === 'today') {
    prefetch('dashboard.get', {});
    prefetch('summit.list', {});
  }
}
