import { defineConfig } from '@playwright/test';
import type { Target } from './e2e/fixtures.ts';
import { chromiumLaunchOptions } from './main/pdf/chromiumLaunch.ts';

// The same specs run on two targets: `web` (built renderer + loopback harness
// in Debian's Chromium) always, `electron` whenever an Electron binary is installed.
export default defineConfig<{ target: Target }>({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  // A shared 2-core CI box makes the odd UI wait time out; a retried pass is still reported as flaky.
  retries: 1,
  timeout: 60_000,
  // A web-first assertion waits for what the user would see; on the 2-core CI box beside Chromium's print and a
  // second worker, a toast or a re-render can take longer than Playwright's default 5 s, and a retry costs a whole test.
  expect: { timeout: 10_000 },
  reporter: [['list']],
  globalSetup: './e2e/global-setup.ts',
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    trace: 'off',
  },
  projects: [
    { name: 'web', use: { target: 'web' } },
    { name: 'electron', use: { target: 'electron' } },
  ],
});
