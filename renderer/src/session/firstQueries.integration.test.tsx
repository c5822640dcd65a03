// @vitest-environment jsdom
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { act, cleanup, configure, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LockableDispatch } from '../../../main/session/lockable.ts';
import { type CoreStore, createLockedCore } from '../../../main/session/lockedCore.ts';
import { bridgeChannels, type SherpaApi } from '../../../shared/contract.ts';
import { onLocked, setBridge } from '../bridge/index.ts';
import '../i18n/index.ts';
import { createQueryClient } from '../queryScope.ts';
import { StoreQueries, useQuery } from '../useQuery.ts';
import { SummitView } from '../views/lazyViews.ts';
import { askSessionStatusEarly } from './firstQueries.ts';
import { SessionGate } from './SessionGate.tsx';

// A start on a real store: the page asks whether the store is locked before
// React renders anything, and asks for Today's data as soon as the answer says
// open (without waiting for React's first frame), before Today renders; Today
// then shows those answers without asking again.

// What these tests prove is the order of the questions and that the page shows what the store answered, not how
// fast: the first answer waits for the core to load its handlers, which on a busy 2-core CI machine took over the
// testing library's one second. Waits for the page end as soon as it shows what they look for (they watch the DOM);
// this is only how long before they give up, below the test's own 20 seconds.
const storeAnswerWait = { timeout: 15_000 };
configure({ asyncUtilTimeout: storeAnswerWait.timeout });

let dataDir: string;
let session: LockableDispatch<CoreStore>;
let asked: string[];
/** Channels whose answers never come, as from a store stuck on a long query. */
let unanswered: Set<string>;
/** Each answer given, by channel: 'ok' or the error's code. */
let answers: [string, string][];
/** Channels whose answers wait for a test to release them. */
let held: Map<string, Promise<void>>;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-first-'));
  const engine = { name: 'no printing', print: async () => Buffer.alloc(0), close: async () => undefined };
  // As the web harness opens an unencrypted store: the same lock layer and composition root.
  session = createLockedCore({
    dataDir,
    allowUnencrypted: true,
    core: () => ({ dataDir, engine, dailyBackups: false, logError: () => undefined }),
    logError: () => undefined,
  });
  await session.unlockSilently();
  asked = [];
  unanswered = new Set();
  held = new Map();
  answers = [];
  const viaJson = <T,>(value: T): T => JSON.parse(JSON.stringify(value ?? {})) as T;
  const api = Object.fromEntries(
    bridgeChannels.map((channel) => [
      channel,
      async (request: unknown) => {
        asked.push(channel);
        if (unanswered.has(channel)) return new Promise(() => undefined);
        await held.get(channel);
        const answer = viaJson(await session.dispatch(channel, viaJson(request)));
        answers.push([channel, answer.ok ? 'ok' : answer.error.code]);
        return answer;
      },
    ]),
  );
  setBridge({
    ...api,
    onChange: () => () => undefined,
    onFlushRequest: () => () => undefined,
    flushDone: () => undefined,
  } as unknown as SherpaApi);
  window.location.hash = '#/today';
});

afterEach(async () => {
  cleanup();
  await session.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** What a start asks the store, all at once as the page's script runs. */
const startQuestions = ['session.status', 'settings.get', 'conflict.list', 'conflict.restorations', 'dashboard.get', 'summit.list'];

/** Holds the answers to `channel` until the returned function is called. */
function hold(channel: string): () => void {
  let release: () => void = () => undefined;
  held.set(
    channel,
    new Promise<void>((resolve) => {
      release = resolve;
    }),
  );
  return () => release();
}

/** Stands in for Today and the shell: the same reads, and a note in the log of when it first rendered. */
function TodayReads() {
  if (!asked.includes('(today rendered)')) asked.push('(today rendered)');
  const dashboard = useQuery('dashboard.get', {});
  const summits = useQuery('summit.list', {});
  const settings = useQuery('settings.get', {});
  const conflicts = useQuery('conflict.list', {});
  const restorations = useQuery('conflict.restorations', {});
  const ready = [dashboard, summits, settings, conflicts, restorations].every((query) => query.status === 'ready');
  if (summits.status !== 'ready') return <p>Loading summits</p>;
  return ready ? <p>{`${summits.value.length} summits`}</p> : <p>{`${summits.value.length} summits, more loading`}</p>;
}

/** Stands in for a summit's view: the same read, and a note in the log of when it first rendered. */
function SummitReads({ id }: { id: number }) {
  if (!asked.includes('(summit rendered)')) asked.push('(summit rendered)');
  const view = useQuery('summit.view', { id });
  if (view.status !== 'ready') {
    asked.push('(summit loading)');
    return <p>Loading</p>;
  }
  return <p>{`${view.value.meetings.length} meetings at ${view.value.summit.title}`}</p>;
}

describe('a start', () => {
  it("asks whether the store is locked before the first render, and for Today's data before Today renders, once each", async () => {
    askSessionStatusEarly();
    asked.push('(first render)');
    render(
      <StoreQueries client={createQueryClient()}>
        <SessionGate>
          <TodayReads />
        </SessionGate>
      </StoreQueries>,
    );
    // The sample store holds the Vilnius summit.
    await screen.findByText(/^[1-9]\d* summits$/);
    expect(asked.slice(0, asked.indexOf('(first render)') + 1)).toEqual([...startQuestions, '(first render)']);
    const todayRendered = asked.indexOf('(today rendered)');
    for (const read of ['settings.get', 'conflict.list', 'conflict.restorations', 'dashboard.get', 'summit.list']) {
      expect(
        asked.filter((channel) => channel === read),
        read,
      ).toHaveLength(1);
      expect(asked.indexOf(read), `${read} asked before Today rendered`).toBeLessThan(todayRendered);
    }
    expect(asked.filter((channel) => channel === 'session.status')).toHaveLength(1);
  });

  it("asks for Today's data beside the lock question, without waiting for its answer or for React", async () => {
    const releaseStatus = hold('session.status');
    askSessionStatusEarly();
    // Nothing is rendered and the lock question is not answered yet: the reads went out with it.
    expect(asked).toEqual(startQuestions);
    releaseStatus();
    render(
      <StoreQueries client={createQueryClient()}>
        <SessionGate>
          <TodayReads />
        </SessionGate>
      </StoreQueries>,
    );
    await screen.findByText(/^[1-9]\d* summits$/);
    // The gate and Today took those answers: nothing was asked twice.
    expect(new Set(asked.filter((channel) => !channel.startsWith('('))).size).toBe(
      asked.filter((channel) => !channel.startsWith('(')).length,
    );
  });

  it('over a locked store, the reads asked beside the lock question are refused by the store and the lock screen shows', async () => {
    await session.close();
    // An encrypted store, locked, as the desktop app starts when its key is not in the keychain.
    session = createLockedCore({
      dataDir,
      cost: { N: 2 ** 12, r: 8, p: 1 },
      core: () => ({ dataDir, engine: { name: 'no printing', print: async () => Buffer.alloc(0), close: async () => undefined } }),
      logError: () => undefined,
    });
    const setUp = await session.dispatch('session.setup', { passphrase: 'correct horse battery' });
    if (!setUp.ok) throw new Error(setUp.error.message);
    await session.dispatch('session.lock', {});
    answers = [];
    let lockNotices = 0;
    const stopListening = onLocked(() => {
      lockNotices++;
    });
    askSessionStatusEarly();
    render(
      <StoreQueries client={createQueryClient()}>
        <SessionGate>
          <TodayReads />
        </SessionGate>
      </StoreQueries>,
    );
    await screen.findByRole('heading', { name: 'Sherpa is locked' });
    await vi.waitFor(() => expect(answers.map(([channel]) => channel)).toEqual(expect.arrayContaining(startQuestions)), storeAnswerWait);
    for (const [channel, code] of answers.filter(([channel]) => channel !== 'session.status')) expect(code, channel).toBe('locked');
    // Refusals the page expected: they did not tell the page it was locked again, nor asked anything twice.
    expect(lockNotices).toBe(0);
    expect(asked.filter((channel) => channel === 'dashboard.get')).toHaveLength(1);
    expect(asked).not.toContain('(today rendered)');
    stopListening();
  });

  it("opened on a summit's address, asks for its programme beside the lock question, once, and shows it in the first render", async () => {
    const summits = await session.dispatch('summit.list', {});
    if (!summits.ok) throw new Error(summits.error.message);
    const summit = (summits.value as { id: number; title: string }[])[0];
    if (!summit) throw new Error('the sample store holds no summit');
    const programme = await session.dispatch('summit.view', { id: summit.id });
    if (!programme.ok) throw new Error(programme.error.message);
    const meetings = (programme.value as { meetings: unknown[] }).meetings.length;
    expect(meetings).toBeGreaterThan(0);
    window.location.hash = `#/summit/${summit.id}`;
    const releaseStatus = hold('session.status');
    askSessionStatusEarly();
    // Before React and before the lock question's answer, as Today's reads are asked on Today.
    expect(asked).toContain('summit.view');
    releaseStatus();
    render(
      <StoreQueries client={createQueryClient()}>
        <SessionGate>
          <SummitReads id={summit.id} />
        </SessionGate>
      </StoreQueries>,
    );
    await screen.findByText(`${meetings} meetings at ${summit.title}`);
    // The first render already had the programme: the view never showed its loading state.
    expect(asked).not.toContain('(summit loading)');
    expect(asked.filter((channel) => channel === 'summit.view')).toHaveLength(1);
    expect(asked.indexOf('summit.view')).toBeLessThan(asked.indexOf('(summit rendered)'));
    // Today's reads are not asked for a page that opens elsewhere.
    expect(asked).not.toContain('dashboard.get');
  });

  it("opened on a summit's address, shows the shell only once the programme's code is in, beside its answer", async () => {
    // The view's code held back, as a busy page's network and parser hold it: the store answers first.
    let releaseCode: () => void = () => undefined;
    const code = new Promise<void>((resolve) => {
      releaseCode = resolve;
    });
    const preload = vi.spyOn(SummitView, 'preload').mockReturnValue(code);
    window.location.hash = '#/summit/1';
    askSessionStatusEarly();
    render(
      <StoreQueries client={createQueryClient()}>
        <SessionGate>
          <p>The shell</p>
        </SessionGate>
      </StoreQueries>,
    );
    const awaited = ['session.status', 'settings.get', 'conflict.list', 'summit.view'];
    await vi.waitFor(() => expect(answers.map(([channel]) => channel)).toEqual(expect.arrayContaining(awaited)), storeAnswerWait);
    // Every answer the gate waits for is in and taken (the page's pending work done: a turn of the event loop), the
    // code is not: no frame of the shell with a loading view yet.
    await act(() => new Promise((resolve) => setImmediate(resolve)));
    expect(screen.queryByText('The shell')).toBeNull();
    releaseCode();
    await screen.findByText('The shell');
    preload.mockRestore();
  });

  it('shows the shell and its view after a bounded wait when a first read never answers', async () => {
    unanswered.add('dashboard.get');
    askSessionStatusEarly();
    render(
      <StoreQueries client={createQueryClient()}>
        <SessionGate>
          <TodayReads />
        </SessionGate>
      </StoreQueries>,
    );
    // The view renders with what did arrive and waits for the rest itself, as it did before the reads were started early.
    // Without the bounded wait (firstReadsWaitMs) the gate would never open and this would give up.
    await screen.findByText(/^[1-9]\d* summits, more loading$/);
    expect(asked.filter((channel) => channel === 'dashboard.get')).toHaveLength(1);
  });
});
