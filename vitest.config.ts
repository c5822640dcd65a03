import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const testFiles = [
  'db/**/*.test.ts',
  'shared/**/*.test.ts',
  'main/**/*.test.ts',
  'preload/**/*.test.ts',
  'renderer/**/*.test.{ts,tsx}',
  'scripts/**/*.test.ts',
  'e2e/harness/**/*.test.ts',
];

// Pages that unlock a store in the page: jsdom's window, the global of a VM context, has no crypto.subtle (the
// Node global a forked worker gives jsdom does), so the page journal's key cannot be imported there.
const pagesNeedingWebCrypto = ['renderer/src/session/SessionGate.integration.test.tsx'];

/**
 * The files that render pages (`@vitest-environment jsdom`, 114 of 434). In the default pool each file is a fresh
 * process that loads jsdom's code again: a third of these files' time went to that. The vmForks pool keeps its
 * workers and the code it has loaded, and still gives each file a new jsdom window as its own VM context and module
 * registry, so nothing one file leaves reaches the next. Measured in docs/measurements.md, "Thirty-fourth round: CI
 * time".
 */
const pageFiles = fs
  .globSync(testFiles, { cwd: import.meta.dirname, exclude: ['**/node_modules/**'] })
  .filter(
    (file) =>
      !pagesNeedingWebCrypto.includes(file) &&
      fs.readFileSync(path.join(import.meta.dirname, file), 'utf8').includes('@vitest-environment jsdom'),
  );

export default defineConfig({
  test: {
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
    projects: [
      { extends: true, test: { name: 'pages', include: pageFiles, pool: 'vmForks' } },
      { extends: true, test: { name: 'node', include: testFiles, exclude: pageFiles } },
    ],
  },
});
