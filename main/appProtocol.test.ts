import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAppPath } from './appProtocol.ts';
import { appHost } from './security.ts';

// app:// serves the built renderer folder and nothing outside it. A real
// folder with a secret beside it: every escape attempt must miss the secret.
let parent: string;
let root: string;

beforeAll(() => {
  parent = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-app-protocol-'));
  root = path.join(parent, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), '');
  fs.writeFileSync(path.join(parent, 'secret.sqlite'), 'notes');
  fs.mkdirSync(path.join(parent, 'renderer-evil'));
  fs.writeFileSync(path.join(parent, 'renderer-evil', 'x.js'), '');
});

afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

describe('app:// protocol', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://sherpa/', appHost)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://sherpa/index.html', appHost)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://sherpa/assets/app.js?v=1#x', appHost)).toBe(path.join(root, 'assets', 'app.js'));
  });

  it.each([
    'app://sherpa/../secret.sqlite',
    'app://sherpa/assets/../../secret.sqlite',
    'app://sherpa/%2e%2e/secret.sqlite',
    'app://sherpa/%2E%2E/secret.sqlite',
    'app://sherpa/%2e%2e%2fsecret.sqlite',
    'app://sherpa/assets%2f..%2f..%2fsecret.sqlite',
    'app://sherpa/%252e%252e/secret.sqlite',
    'app://sherpa/..%5csecret.sqlite',
    'app://sherpa/assets%5c..%5c..%5csecret.sqlite',
    'app://sherpa/..\\secret.sqlite',
    'app://sherpa/index.html%00.png',
    'app://sherpa/%00',
    'app://sherpa/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://sherpa//etc/passwd',
    'app://sherpa/%2fetc%2fpasswd',
    'app://sherpa/../renderer-evil/x.js',
    'app://sherpa/%2e%2e/renderer-evil/x.js',
    'app://sherpa/%E0%A4%A',
    'app://other/index.html',
    'app://sherpa.evil/index.html',
    'app://evil@other/index.html',
    'https://sherpa/index.html/../../secret.sqlite',
    'not a url',
  ])('never resolves %s outside the folder', (url) => {
    const resolved = resolveAppPath(root, url, appHost);
    if (resolved !== null) {
      expect(resolved.startsWith(root + path.sep)).toBe(true);
      expect(fs.existsSync(resolved) && fs.readFileSync(resolved, 'utf8')).not.toBe('notes');
    }
  });

  it('refuses every other host, a backslash, NUL and undecodable escapes outright', () => {
    for (const url of [
      'app://other/index.html',
      'app://sherpa/..%5csecret.sqlite',
      'app://sherpa/index.html%00.png',
      'app://sherpa/%E0%A4%A',
      'app://sherpa/%2e%2e%2fsecret.sqlite',
      'app://sherpa/assets%2f..%2f..%2fsecret.sqlite',
    ]) {
      expect(resolveAppPath(root, url, appHost), url).toBeNull();
    }
  });
});
