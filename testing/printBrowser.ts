import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type BrowserServer, chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { printLaunchOptions } from '../main/pdf/chromiumLaunch.ts';

// Vitest global setup: one Chromium, started with the print engine's own options, for every test file that
// prints. Each file launching its own cost about 1.2 s of CPU more than connecting to one running (19 files print
// through it; measured in docs/measurements.md, "Thirtieth round: CI time"). It is started on the first file that asks, so a
// run of files that print nothing starts none. A file asks the address here once (main/pdf/printScratch.testing.ts).

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where a test file asks for the shared print browser's WebSocket endpoint. */
    printBrowserBroker: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server: Promise<BrowserServer> | null = null;
  const broker = http.createServer((_request, response) => {
    server ??= chromium.launchServer(printLaunchOptions());
    server.then(
      (running) => response.end(running.wsEndpoint()),
      (error: unknown) => {
        server = null;
        response.statusCode = 500;
        response.end(error instanceof Error ? error.message : String(error));
      },
    );
  });
  await new Promise<void>((resolve) => broker.listen(0, '127.0.0.1', resolve));
  project.provide('printBrowserBroker', `http://127.0.0.1:${(broker.address() as AddressInfo).port}`);
  return async () => {
    broker.close();
    await (await server?.catch(() => null))?.close();
  };
}
