import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { openLockedApp } from './session.helpers.ts';

export type Target = 'web' | 'electron';

export interface SherpaSession {
  page: Page;
  /** Folder holding this test's own store. */
  dataDir: string;
  /** Stops the app (or kills it with `signal`) and starts it again on the same data. */
  restart(signal?: NodeJS.Signals): Promise<Page>;
}

const root = path.resolve(import.meta.dirname, '..');

/**
 * Where Electron's binary is, or why there is none. Read from the package's
 * own path file: `require('electron')` would try to download it.
 */
export function electronBinary(): { path: string } | { missing: string } {
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(packageDir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const binary = override ? path.join(override, relative ?? 'electron') : relative ? path.join(packageDir, 'dist', relative) : null;
  if (binary && fs.existsSync(binary)) return { path: binary };
  return { missing: 'No Electron binary is installed (it downloads lazily; run `npx install-electron` on a connected machine).' };
}

/**
 * The harness as `npm run build` bundles it (scripts/build-harness.ts), the web target a person previews: started
 * from the TypeScript source, each start stripped the types of some eighty modules and resolved zod's hundred, most
 * of a second at every start of every spec, and it printed packs with React's development build (NODE_ENV unset),
 * several times slower. The specs already need the build (the renderer they load); global-setup.ts rebuilds the
 * harness when a source is newer than it, so a spec never runs an old harness.
 */
export const builtHarness = path.join(root, 'out/harness/serve.mjs');

/**
 * Starts the loopback harness as its own process, so a test can kill it like a crash.
 * Restarting on the same port and token keeps the page's origin, and so its localStorage.
 */
export async function startHarnessProcess(
  dataDir: string,
  options: { port?: number; token?: string; rendererDir?: string; encrypted?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<{ process: ChildProcess; url: string }> {
  const extra = [
    ...(options.port ? ['--port', String(options.port)] : []),
    ...(options.token ? ['--token', options.token] : []),
    ...(options.rendererDir ? ['--renderer', options.rendererDir] : []),
    ...(options.encrypted ? ['--encrypted'] : []),
  ];
  const child = spawn(process.execPath, [builtHarness, '--data-dir', dataDir, ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.env ? { env: options.env } : {}),
  });
  // The banner (URL, store, how to stop) is for a person at a terminal; anything else, an error say, is passed on.
  child.stderr?.on('data', (chunk: Buffer) => {
    const rest = chunk
      .toString()
      .split('\n')
      .filter((line) => line.trim() !== '' && !/^(Sherpa \(web target\) on |Store: |Ctrl\+C to stop)/.test(line));
    if (rest.length > 0) process.stderr.write(`${rest.join('\n')}\n`);
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n')[0];
      if (buffered.includes('\n') && line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`The web harness exited with code ${code}`)));
  });
  return { process: child, url };
}

export const test = base.extend<{ target: Target; sherpa: SherpaSession }>({
  target: ['web', { option: true }],
  sherpa: async ({ target, browser }, use, testInfo) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-e2e-'));
    if (target === 'electron') {
      const binary = electronBinary();
      testInfo.skip('missing' in binary, 'missing' in binary ? binary.missing : '');
      if (!('path' in binary)) return;
      const running: { app?: ElectronApplication } = {};
      const launch = async () => {
        running.app = await _electron.launch({
          executablePath: binary.path,
          args: [path.join(root, 'out/main/index.js')],
          env: { ...process.env, SHERPA_DATA_DIR: dataDir },
        });
        const window = await running.app.firstWindow();
        await openLockedApp(window);
        return window;
      };
      const page = await launch();
      await use({
        page,
        dataDir,
        restart: async () => {
          await running.app?.close();
          return launch();
        },
      });
      await running.app?.close();
    } else {
      const context = await browser.newContext();
      let harness = await startHarnessProcess(dataDir);
      const page = await context.newPage();
      await page.goto(harness.url);
      await use({
        page,
        dataDir,
        restart: async (signal = 'SIGTERM') => {
          const exited = new Promise((resolve) => harness.process.once('exit', resolve));
          harness.process.kill(signal);
          await exited;
          harness = await startHarnessProcess(dataDir);
          await page.goto(harness.url);
          return page;
        },
      });
      await context.close();
      await stopHarness(harness.process);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

/**
 * Stops a test's harness and waits until it has gone: on SIGTERM it closes the store, removing its -wal and -shm,
 * and the data folder removed meanwhile failed the test after its last step (ENOTEMPTY, CI's run of the round).
 * A harness the test already killed has nothing left to wait for.
 */
async function stopHarness(harness: ChildProcess): Promise<void> {
  if (harness.exitCode !== null || harness.signalCode !== null) return;
  const exited = new Promise((resolve) => harness.once('exit', resolve));
  harness.kill('SIGTERM');
  // A harness still closing after 10 s (a sync round waiting on a server the test stopped) is ended as before.
  const overdue = setTimeout(() => harness.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(overdue);
}
