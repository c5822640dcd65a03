import type { QueryClient } from '@tanstack/react-query';
import type { Request, SessionStatus } from '../../../shared/contract.ts';
import { call } from '../bridge/index.ts';
import type { ReadChannel } from '../queryScope.ts';
import { parseRoute, type Route } from '../router.ts';
import { queryOptionsOf } from '../useQuery.ts';

// A start asks the store twice in a row: is it locked, then (once the shell
// had rendered and painted) the settings and the view's data. The first
// question is now asked as the page's script runs, not after React's first
// frame, and the answers every start needs are asked for as soon as the store
// is known to be open, before anything renders.

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

/** However slow the store, the shell shows after this long; its views then show their own loading state. */
export const firstReadsWaitMs = 1000;

/**
 * Starts the reads the shell and the opening view make on their first render,
 * into the page's cache under the same keys, and resolves once they are
 * answered (or failed: the view then shows the error as it would have), or
 * after `firstReadsWaitMs`. The gate opens then, so the shell and Today render
 * once, with their data and in the user's language and theme, instead of
 * rendering empty and being interrupted by each answer. Only Today's reads are
 * listed: it is where Sherpa opens; any other view asks as it renders.
 */
export function prefetchFirstQueries(client: QueryClient, route: Route = parseRoute(window.location.hash)): Promise<void> {
  const prefetch = <K extends ReadChannel>(channel: K, request: Request<K>) => client.prefetchQuery(queryOptionsOf(channel, request));
  const reads = [prefetch('settings.get', {}), prefetch('conflict.list', {})];
  if (route.view === 'today') reads.push(prefetch('dashboard.get', {}), prefetch('summit.list', {}));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waitedEnough = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, firstReadsWaitMs);
  });
  return Promise.race([Promise.all(reads).then(() => undefined), waitedEnough]).finally(() => clearTimeout(timer));
}
