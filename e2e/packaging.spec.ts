import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { listPackage } from '@electron/asar';
import { expect, test } from './fixtures.ts';

// Packages the `dir` target against a stand-in Electron executable (the real
// binary cannot be downloaded here), then inspects what a user would install:
// the asar contents, the unpacked native module, and the fuses.
const root = path.resolve(import.meta.dirname, '..');
const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's defaults, fuse by fuse: runAsNode, cookieEncryption, nodeOptions,
// nodeCliInspect, asarIntegrity, onlyLoadFromAsar, v8Snapshot, fileProtocolPrivileges.
const defaultWire = '10110001';

function standInElectron(folder: string): void {
  fs.mkdirSync(folder, { recursive: true });
  const script = Buffer.from('#!/bin/sh\necho "stand-in for Electron: packaging check only"\nexit 1\n# ');
  const wire = Buffer.concat([Buffer.from(sentinel), Buffer.from([1, defaultWire.length]), Buffer.from(defaultWire), Buffer.from('\n')]);
  fs.writeFileSync(path.join(folder, 'electron'), Buffer.concat([script, wire]), { mode: 0o755 });
}

function readWire(binary: string): string {
  const bytes = fs.readFileSync(binary);
  const start = bytes.indexOf(sentinel) + sentinel.length;
  return bytes.subarray(start + 2, start + 2 + (bytes[start + 1] ?? 0)).toString();
}

test('the packaged app holds the built code, unpacks better-sqlite3 and sets the fuses', async ({ target }, testInfo) => {
  test.skip(target !== 'web', 'Packaging is checked once, not per target.');
  test.setTimeout(120_000);
  const electronDist = testInfo.outputPath('electron-dist');
  const output = testInfo.outputPath('dist');
  standInElectron(electronDist);
  const run = spawnSync(
    path.join(root, 'node_modules/.bin/electron-builder'),
    ['--linux', 'dir', `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`],
    { cwd: root, encoding: 'utf8' },
  );
  expect(run.status, run.stdout + run.stderr).toBe(0);

  const resources = path.join(output, 'linux-unpacked/resources');
  // Each entry reads "pack   : /path" or "unpack : /path".
  const entries = listPackage(path.join(resources, 'app.asar'), { isPack: true }).map((line) => {
    const [state = '', file = ''] = line.split(' : ');
    return { unpacked: state.trim() === 'unpack', file };
  });
  const files = entries.map((entry) => entry.file);
  expect(files).toContain(`${path.sep}out${path.sep}main${path.sep}index.js`);
  expect(files).toContain(`${path.sep}out${path.sep}preload${path.sep}index.cjs`);
  expect(files).toContain(`${path.sep}out${path.sep}renderer${path.sep}index.html`);
  expect(files.filter((file) => /\.(ts|tsx)$/.test(file) && !file.includes('node_modules'))).toEqual([]);

  const nativeModules = entries.filter((entry) => entry.file.endsWith('.node'));
  expect(nativeModules.some((entry) => entry.file.includes('better-sqlite3'))).toBe(true);
  for (const entry of nativeModules) {
    expect(entry.unpacked, `${entry.file} must sit outside the asar`).toBe(true);
    expect(fs.existsSync(path.join(resources, 'app.asar.unpacked', entry.file))).toBe(true);
  }

  // runAsNode off, cookies encrypted, NODE_OPTIONS and --inspect ignored, asar integrity on, app only from asar, no file:// privileges.
  expect(readWire(path.join(output, 'linux-unpacked/sherpa'))).toBe('01001100');
});
