import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import type { SessionStatus } from '../../../shared/contract.ts';
import { LinkNotValid } from '../bridge/BridgeMissing.tsx';
import { BridgeError, call, getBridge, onLocked } from '../bridge/index.ts';
import { flushAll } from '../notes/openQueues.ts';
import { closePageJournal, openPageJournal } from '../notes/pageSession.ts';
import { useQueryClientOfPage } from '../useQuery.ts';
import { askSessionStatus, forgetEarlyReads, prefetchFirstQueries } from './firstQueries.ts';
import { LockScreen } from './LockScreen.tsx';
import { applyRememberedLanguage } from './language.ts';

// Nothing of the store is on screen or in the page's memory while Sherpa is
// locked: the whole app tree (views, open notes) is unmounted, every query
// answer is dropped from the page's cache, and the app is mounted afresh after
// unlock on the same address, so the user is back on the view they left.

type Gate =
  | { state: 'starting' }
  | { state: 'locked'; status: SessionStatus }
  | { state: 'open'; generation: number; lockable: boolean }
  /** The web harness refused the page's token: not locked, the link is wrong; no passphrase can help. */
  | { state: 'linkNotValid' };

const linkRefused = (error: unknown) => error instanceof BridgeError && error.code === 'link_not_valid';

interface Lock {
  lockNow: () => Promise<void>;
  /** False over a store kept unencrypted (the web harness): there is nothing to lock it with. */
  lockable: boolean;
}
const LockContext = createContext<Lock>({ lockNow: async () => undefined, lockable: false });

/** Locks now: open notes are saved (or sealed in the journal) first. */
export function useLockNow(): () => Promise<void> {
  return useContext(LockContext).lockNow;
}

/** Whether this store can be locked (it is encrypted). */
export function useCanLock(): boolean {
  return useContext(LockContext).lockable;
}

export function SessionGate({ children }: { children: ReactNode }) {
  const [gate, setGate] = useState<Gate>({ state: 'starting' });
  const queries = useQueryClientOfPage();

  const showLocked = useCallback(async () => {
    // Dropped at once, and again below once the app has unmounted (a view still mounted may have fetched meanwhile).
    queries.clear();
    forgetEarlyReads();
    await closePageJournal();
    applyRememberedLanguage();
    try {
      setGate({ state: 'locked', status: await call('session.status', {}) });
    } catch {
      setGate({
        state: 'locked',
        status: { locked: true, keysSet: true, plaintextLeftovers: [], askAtStart: false, keychainProtects: false },
      });
    }
  }, [queries]);

  useEffect(() => {
    if (gate.state === 'locked') queries.clear();
  }, [gate.state, queries]);

  const opened = useCallback(
    async (status: SessionStatus) => {
      // Answers fetched while locked were refusals: none is kept to show after unlock.
      queries.clear();
      // Over an encrypted store the journal is sealed with its own derived key; an unencrypted (test) store has none.
      if (status.keysSet) await openPageJournal((await call('session.draftKey', {})).key);
      await prefetchFirstQueries(queries);
      setGate((previous) => ({
        state: 'open',
        generation: previous.state === 'open' ? previous.generation + 1 : Date.now(),
        lockable: status.keysSet,
      }));
    },
    [queries],
  );

  useEffect(() => {
    applyRememberedLanguage();
    void askSessionStatus().then(
      (status) => (status.locked ? showLocked() : opened(status)),
      (error: unknown) => {
        if (!linkRefused(error)) return showLocked();
        applyRememberedLanguage({ orBrowsers: true });
        setGate({ state: 'linkNotValid' });
      },
    );
  }, [opened, showLocked]);

  useEffect(() => {
    const stopCalls = onLocked(() => void showLocked());
    const stopEvents = getBridge().onChange((event) => {
      if (event.scope === 'locked') void showLocked();
    });
    return () => {
      stopCalls();
      stopEvents();
    };
  }, [showLocked]);

  const lockNow = useCallback(async () => {
    await flushAll().catch(() => undefined);
    await closePageJournal();
    await call('session.lock', {}).catch(() => undefined);
    await showLocked();
  }, [showLocked]);

  if (gate.state === 'starting') return null;
  if (gate.state === 'linkNotValid') return <LinkNotValid />;
  if (gate.state === 'locked') return <LockScreen status={gate.status} onOpen={opened} />;
  return (
    <LockContext.Provider value={{ lockNow, lockable: gate.lockable }}>
      <div key={gate.generation} style={{ display: 'contents' }}>
        {children}
      </div>
    </LockContext.Provider>
  );
}
