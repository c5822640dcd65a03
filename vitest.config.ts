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
    // The desk property test fails on a known open case (README, "Share with other desks"): it runs
    // only as `npm run test:sync`, which sets SHERPA_SYNC_RUNS, until that case is fixed.
    exclude: process.env.SHERPA_SYNC_RUNS ? [] : ['main/sync/**/*.property.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
