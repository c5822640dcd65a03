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
    testTimeout: 20_000,
    // Vitest's default leaves one core to itself: on CI's 2 cores that was one file at a time, the other core
    // idle while SQLite, scrypt and Chromium worked. Its own share is small once files run, so every core runs one.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
  },
});
