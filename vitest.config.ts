import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'db/**/*.test.ts',
      'shared/**/*.test.ts',
      'main/**/*.test.ts',
      'preload/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'scripts/**/*.test.ts',
      'e2e/harness/**/*.test.ts',
    ],
    environment: 'node',
    // The sync tests replicate through a real server and two stores: 10–15 s on a quiet machine, past 20 s at a
    // load of 20 on 2 cores. A limit is for a test that hangs, not a budget (speed lives in `npm run bench`).
    testTimeout: 60_000,
    setupFiles: ['testing/busyMachineWaits.ts'],
    // Vitest's default leaves one core to itself: on CI's 2 cores that was one file at a time, the other core
    // idle while SQLite, scrypt and Chromium worked. Its own share is small once files run, so every core runs one.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // Each file still runs alone in a fresh worker (its own module graph, globals and timers), but a worker thread
    // where a child process was: starting a process, Node and Vitest's runner in it cost about 0.3 s of CPU a file
    // (shared/'s 18 files: 16.5 -> 11.5 s of CPU), some 390 times a run.
    pool: 'threads',
  },
});
