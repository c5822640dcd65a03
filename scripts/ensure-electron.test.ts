import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureElectron, reasonOf } from './ensure-electron.ts';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-electron-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
const script = path.resolve(import.meta.dirname, 'ensure-electron.ts');
const electronInstalled = fs.existsSync(path.resolve(import.meta.dirname, '../node_modules/electron/path.txt'));

describe('npm start without a reachable Electron download', () => {
  it.skipIf(electronInstalled)('says in one line that the desktop shell could not be fetched and that preview:web works meanwhile', () => {
    // Electron's real installer, pointed at a mirror where nothing listens: offline, as far as it can tell.
    const run = spawnSync(process.execPath, [script], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: folder, force_no_cache: 'true' },
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^sherpa: the desktop shell \(Electron\) could not be fetched \(.+\); meanwhile `npm run preview:web` shows Sherpa in the browser\.$/,
    );
  });

  it('passes a successful install through silently', async () => {
    const installer = path.join(folder, 'installed.cjs');
    fs.writeFileSync(installer, 'process.exit(0);');
    expect(await ensureElectron(installer)).toEqual({ ok: true });
  });

  it('names the downloader’s reason, shortened, instead of its stack trace', () => {
    const stack = [
      'TypeError: fetch failed',
      '    at node:internal/deps/undici/undici:13510:13',
      '    at async downloadArtifact (/app/node_modules/@electron/get/dist/cjs/index.js:1:2)',
      '  [cause]: Error: getaddrinfo ENOTFOUND github.com',
    ].join('\n');
    expect(reasonOf(stack)).toBe('fetch failed: getaddrinfo ENOTFOUND');
    expect(reasonOf('')).toBe('no network?');
  });
});
