// The quit handshake without Electron: ask each window to save its open notes
// and wait for its answer, but never longer than a bound, so a hung page cannot
// keep the app from quitting (its draft journal still holds the unsaved text).

export interface FlushTarget {
  /** The window's webContents id, which its answer is matched by. */
  readonly id: number;
  readonly requestFlush: () => void;
}

export interface FlushOutcome {
  flushed: number[];
  timedOut: number[];
}

export interface FlushCoordinator {
  /** Asks every target to flush and resolves once all answered or the timeout passed. */
  flush(targets: readonly FlushTarget[]): Promise<FlushOutcome>;
  /** A window's answer: it has saved (or journaled) everything. */
  done(id: number): void;
}

export function createFlushCoordinator(
  timeoutMs: number,
  timers: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout } = globalThis,
): FlushCoordinator {
  const waiting = new Map<number, Set<() => void>>();

  const answerOf = (target: FlushTarget): Promise<boolean> =>
    new Promise((resolve) => {
      const listeners = waiting.get(target.id) ?? new Set();
      waiting.set(target.id, listeners);
      const answered = () => {
        timers.clearTimeout(timer);
        listeners.delete(answered);
        resolve(true);
      };
      const timer = timers.setTimeout(() => {
        listeners.delete(answered);
        resolve(false);
      }, timeoutMs);
      listeners.add(answered);
      try {
        target.requestFlush();
      } catch {
        // A window that is already gone cannot answer; the timeout would only delay quitting.
        answered();
      }
    });

  return {
    async flush(targets) {
      const answers = await Promise.all(targets.map(answerOf));
      return {
        flushed: targets.filter((_, index) => answers[index]).map((target) => target.id),
        timedOut: targets.filter((_, index) => !answers[index]).map((target) => target.id),
      };
    },
    done(id) {
      for (const listener of [...(waiting.get(id) ?? [])]) listener();
    },
  };
}
