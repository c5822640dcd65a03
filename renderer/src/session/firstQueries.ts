import type { QueryClient } from '@tanstack/react-query';
import type { Request, SessionStatus } from '../../../shared/contract.ts';
import { call, callAhead } from '../bridge/index.ts';
import type { ReadChannel } from '../queryScope.ts';
import { parseRoute, type Route } from '../router.ts';
import { queryOptionsOf } from '../useQuery.ts';
import { viewOfRoute } from '../views/lazyViews.ts';

// A start asked the store twice in a row: is it locked, then (once the shell
// had rendered and painted) the settings and the view's data. The first
// question is asked as the page's script runs, not after React's first frame,
// and the answers every start needs are asked for in the same moment, beside
// it: not after its answer, which on a busy page came only once React had
// rendered its first frame, a round trip and tens of milliseconds later. Over
// a locked store those reads are refused by the store itself (nothing is read
// while it is locked) and dropped with the status's answer.

let earlyStatus: Promise<SessionStatus> | null = null;

interface EarlyRead {
  readonly key: string;
  readonly answer: Promise<unknown>;
}
/** The first reads, asked beside the lock question: before React has rendered anything. */
let earlyReads: EarlyRead[] = [];

/**
 * Asks whether the store is locked now, as the page starts; the gate takes the answer once (askSessionStatus).
 * The start's first reads (those of `firstReadsOf`) are asked at once beside it: the gate takes their answers
 * once the status says open (prefetchFirstQueries). A locked status drops them unread.
 */
export function askSessionStatusEarly(route: Route = parseRoute(window.location.hash)): void {
  earlyStatus = call('session.status', {});
  const reads: EarlyRead[] = firstReadsOf(route).map(([channel, request]) => {
    const answer = callAhead(channel, request as never);
    // The gate takes it; one it never takes (locked, or a lock came first) must not count as unhandled.
    answer.catch(() => undefined);
    return { key: JSON.stringify([channel, request]), answer };
  });
  earlyReads = reads;
  const drop = () => {
    earlyReads = earlyReads.filter((read) => !reads.includes(read));
  };
  // The gate reads it; until then a refusal must not count as unhandled.
  earlyStatus.then((status) => (status.locked ? drop() : undefined), drop);
}

/** Drops early answers not taken yet: once Sherpa locks, nothing read from the store stays in the page. */
export function forgetEarlyReads(): void {
  earlyReads = [];
}

/**
 * The reads the shell and the opening view make on their first render: Today's, where Sherpa opens, and a
 * summit's, where a bookmark or a reload opens it (its programme is the answer a desk waits longest for).
 * `awaited`: the gate waits for its answer before the first render. Today's list of every summit is not awaited:
 * it renders after Today's first paint anyway (views/Dashboard.tsx), and on a busy desk it is the largest answer.
 */
function firstReadsOf(route: Route): [ReadChannel, Request<ReadChannel>, { awaited: boolean }][] {
  const reads: [ReadChannel, Request<ReadChannel>, { awaited: boolean }][] = [
    ['settings.get', {}, { awaited: true }],
    ['conflict.list', {}, { awaited: true }],
    // The sidebar counts these beside the conflicts; rarely any, so its entry may appear a moment after the first paint.
    ['conflict.restorations', {}, { awaited: false }],
  ];
  if (route.view === 'today') reads.push(['dashboard.get', {}, { awaited: true }], ['summit.list', {}, { awaited: false }]);
  // Asked once the shell had rendered and found it missing, a summit's view went out half a second after the lock
  // question on a loaded machine (traced: 915 ms after navigation against 302), and its 173 KB answer for 500
  // meetings was then the last thing the first paint waited for. Awaited: the shell and the programme render once.
  if (route.view === 'summit') reads.push(['summit.view', { id: route.id }, { awaited: true }]);
  return reads;
}

/** The answer asked for early to this read, once; null when there is none (a later start, after a lock). */
function takeEarlyRead(channel: ReadChannel, request: Request<ReadChannel>): Promise<unknown> | null {
  const key = JSON.stringify([channel, request]);
  const early = earlyReads.find((read) => read.key === key);
  if (!early) return null;
  earlyReads = earlyReads.filter((read) => read !== early);
  return early.answer;
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
 * into the page's cache under the same keys, and resolves once those awaited
 * are answered (or failed: the view then shows the error as it would have), or
 * after `firstReadsWaitMs`. The gate opens then, so the shell and Today render
 * once, with their data and in the user's language and theme, instead of
 * rendering empty and being interrupted by each answer. Only Today's and a
 * summit's reads are listed (`firstReadsOf`); any other view asks as it renders.
 * The view's own code, when it is not in the shell (session/askEarly.ts asked for
 * it with the questions), is waited for alike: the shell and the view then render
 * in one frame, not the shell with a loading view first and the view after it.
 */
export function prefetchFirstQueries(client: QueryClient, route: Route = parseRoute(window.location.hash)): Promise<void> {
  const reads = firstReadsOf(route).map(([channel, request, { awaited }]) => {
    const options = queryOptionsOf(channel, request);
    const early = takeEarlyRead(channel, request);
    // An early answer that failed is asked for again, as the read would have been without it.
    const read = client.prefetchQuery(early ? { ...options, queryFn: () => early.catch(() => options.queryFn()) } : options);
    return awaited ? read : Promise.resolve();
  });
  // A view whose code cannot be fetched renders its error (and its Retry) once the gate opens, as before.
  const viewCode = viewOfRoute(route)
    ?.preload()
    .catch(() => undefined);
  if (viewCode) reads.push(viewCode);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waitedEnough = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, firstReadsWaitMs);
  });
  return Promise.race([Promise.all(reads).then(() => undefined), waitedEnough]).finally(() => clearTimeout(timer));
}
