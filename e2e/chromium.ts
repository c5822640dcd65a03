import type { LaunchOptions } from 'playwright-core';

/** Debian's Chromium, never a downloaded one; every host but loopback is unreachable. */
export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: process.env.SHERPA_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  };
}
