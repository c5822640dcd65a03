import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import type { SessionStatus } from '../../../shared/contract.ts';
import { call, getBridge, onLocked } from '../bridge/index.ts';
import { flushAll } from '../notes/openQueues.ts';
import { closePageJournal, openPageJournal } from '../notes/pageSession.ts';
import { LockScreen } from './LockScreen.tsx';
import { applyRememberedLanguage } from './language.ts';

// Nothing of the store is on screen or in the page's memory while Sherpa is
// locked: the whole app tree (views, query results, open notes) is unmounted,
// and mounted afresh after unlock on the same address, so the user is back on
// the view they left.

type Gate = { state: 'starting' } | { state: 'locked'; status: SessionStatus } | { state: 'open'; generation: number };

const LockContext = createContext<() => Promise<void>>(async () => undefined);

/** Locks now: open notes are saved (or sealed in the journal) first. */
export function useLockNow(): () => Promise<void> {
  return useContext(LockContext);
}

export function SessionGate({ children }: { children: ReactNode }) {
  const [gate, setGate] = useState<Gate>({ state: 'starting' });

  const showLocked = useCallback(async () => {
    await closePageJournal();
    applyRememberedLanguage();
    try {
      setGate({ state: 'locked', status: await call('session.status', {}) });
    } catch {
      setGate({ state: 'locked', status: { locked: true, keysSet: true, plaintextLeftovers: [] } });
    }
  }, []);

  const opened = useCallback(async (status: SessionStatus) => {
    // Over an encrypted store the journal is sealed with its own derived key; an unencrypted (test) store has none.
    if (status.keysSet) await openPageJournal((await call('session.draftKey', {})).key);
    setGate((previous) => ({ state: 'open', generation: previous.state === 'open' ? previous.generation + 1 : Date.now() }));
  }, []);

  useEffect(() => {
    applyRememberedLanguage();
    void call('session.status', {}).then(
      (status) => (status.locked ? showLocked() : opened(status)),
      () => showLocked(),
    );
  }, [opened, showLocked]);

  useEffect(() => {
    const stopCalls = onLocked(() => void showLocked());
    const stopEvents = getBridge().onChange((event) => {
      if (event.entity === 'session' && event.channel === 'session.lock') void showLocked();
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
  if (gate.state === 'locked') return <LockScreen status={gate.status} onOpen={opened} />;
  return (
    <LockContext.Provider value={lockNow}>
      <div key={gate.generation} style={{ display: 'contents' }}>
        {children}
      </div>
    </LockContext.Provider>
  );
}
