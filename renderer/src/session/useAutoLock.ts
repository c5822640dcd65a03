import { useEffect, useRef } from 'react';

const activity = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * Locks after `minutes` with no key press, click, scroll or touch. Checked
 * every few seconds against the last activity, so a sleeping machine's
 * paused timers still lock on waking if the time has passed.
 */
export function useAutoLock(minutes: number, lock: () => Promise<void>, enabled = true, now: () => number = Date.now): void {
  // Kept across re-subscriptions: the settings or the lock arriving later must not restart the idle wait.
  const last = useRef<number | null>(null);
  last.current ??= now();
  useEffect(() => {
    if (!enabled) return;
    const touch = () => {
      last.current = now();
    };
    for (const event of activity) window.addEventListener(event, touch, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (now() - (last.current ?? now()) >= minutes * 60_000) void lock();
    }, 5_000);
    return () => {
      window.clearInterval(timer);
      for (const event of activity) window.removeEventListener(event, touch, { capture: true });
    };
  }, [minutes, lock, enabled, now]);
}
