import { useEffect } from 'react';

const activity = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * Locks after `minutes` with no key press, click, scroll or touch. Checked
 * every few seconds against the last activity, so a sleeping machine's
 * paused timers still lock on waking if the time has passed.
 */
export function useAutoLock(minutes: number, lock: () => Promise<void>, enabled = true, now: () => number = Date.now): void {
  useEffect(() => {
    if (!enabled) return;
    let last = now();
    const touch = () => {
      last = now();
    };
    for (const event of activity) window.addEventListener(event, touch, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (now() - last >= minutes * 60_000) void lock();
    }, 5_000);
    return () => {
      window.clearInterval(timer);
      for (const event of activity) window.removeEventListener(event, touch, { capture: true });
    };
  }, [minutes, lock, enabled, now]);
}
