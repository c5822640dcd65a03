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
    // One Chromium for every file that prints, started when the first asks (testing/printBrowser.ts).
    globalSetup: ['testing/printBrowser.ts'],
    // Vitest's default leaves one core to itself: on CI's 2 cores that was one file at a time, the other core
    // idle while SQLite, scrypt and Chromium worked. Its own share is small once files run, so every core runs one.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
  },
});
