import type { LaunchOptions } from 'playwright-core';

// How Sherpa starts Debian's Chromium (never a downloaded one). The print
// engine lives here; the e2e specs, the crash test and the benchmark start
// their browsers with the same options, reaching only the loopback harness.

const quiet = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export function chromiumExecutable(): string {
  return process.env.SHERPA_CHROMIUM ?? '/usr/bin/chromium';
}

/** For a browser that talks to the loopback harness: every host name but 127.0.0.1 is unreachable. */
export function chromiumLaunchOptions(): LaunchOptions {
  return { executablePath: chromiumExecutable(), args: [...quiet, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] };
}

/**
 * For printing packs, which need no network at all. The engine refuses every
 * request itself (chromiumEngine.ts); beneath that, no name resolves and every
 * connection, to an IP literal or loopback included, is sent to a proxy on the
 * discard port, where nothing answers.
 */
export function printLaunchOptions(): LaunchOptions {
  return {
    executablePath: chromiumExecutable(),
    args: [...quiet, '--host-resolver-rules=MAP * ~NOTFOUND', '--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=<-loopback>'],
    // The process printing decides what Ctrl+C means (the export command removes its partial file
    // and exits 130; the harness closes its store): Playwright must not exit on its own first.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  };
}
