import { describe, expect, it, vi } from 'vitest';
import { createFlushCoordinator } from './flushHandshake.ts';

describe('the quit flush handshake', () => {
  it('asks every window and resolves when all have answered', async () => {
    const coordinator = createFlushCoordinator(5_000);
    const asked: number[] = [];
    const outcome = coordinator.flush([
      { id: 1, requestFlush: () => asked.push(1) },
      { id: 2, requestFlush: () => asked.push(2) },
    ]);
    expect(asked).toEqual([1, 2]);
    coordinator.done(2);
    coordinator.done(1);
    await expect(outcome).resolves.toEqual({ flushed: [1, 2], timedOut: [] });
  });

  it('does not wait forever for a window that never answers', async () => {
    vi.useFakeTimers();
    try {
      const coordinator = createFlushCoordinator(3_000);
      const outcome = coordinator.flush([
        { id: 1, requestFlush: () => undefined },
        { id: 2, requestFlush: () => undefined },
      ]);
      coordinator.done(1);
      await vi.advanceTimersByTimeAsync(3_000);
      await expect(outcome).resolves.toEqual({ flushed: [1], timedOut: [2] });
    } finally {
      vi.useRealTimers();
    }
  });

  it('an answer from a window nobody asked changes nothing', async () => {
    const coordinator = createFlushCoordinator(5_000);
    coordinator.done(7);
    const outcome = coordinator.flush([{ id: 1, requestFlush: () => coordinator.done(1) }]);
    await expect(outcome).resolves.toEqual({ flushed: [1], timedOut: [] });
  });
});
