import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cipherOf } from '../db/cipher.ts';
import { openConnection, openDatabase } from '../db/open.ts';
import { savePack } from '../db/packs.ts';
import { loadSampleIfEmpty } from '../db/sample/vilnius-2023.ts';
import { setUpKeys } from '../main/keys/keyring.ts';
import { samplePackDefinition } from '../main/pdf/samplePack.ts';
import { openStore } from '../main/store.ts';

// The export command on an encrypted store: the passphrase comes from the
// terminal or a file descriptor, never an argument.

const script = path.resolve(import.meta.dirname, 'export.ts');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-export-encrypted-'));
const store = path.join(folder, 'sherpa.sqlite');
const passphraseFile = path.join(folder, 'passphrase.txt');

function runWithPassphraseFile(text: string, ...args: string[]) {
  fs.writeFileSync(passphraseFile, text, { mode: 0o600 });
  const fd = fs.openSync(passphraseFile, 'r');
  try {
    const run = spawnSync(process.execPath, [script, ...args], {
      encoding: 'utf8',
      timeout: 90_000,
      stdio: ['ignore', 'pipe', 'pipe', fd],
    });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  } finally {
    fs.closeSync(fd);
  }
}

beforeAll(async () => {
  const { dataKey } = await setUpKeys(folder, 'correct horse battery', { N: 2 ** 12, r: 8, p: 1 });
  const { db } = openStore(folder, { key: dataKey });
  savePack(db, 'Vilnius desk pack', { ...samplePackDefinition(db), title: 'Vilnius desk pack' });
  db.close();
});
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('npm run export on an encrypted store', () => {
  it('reads the passphrase from --passphrase-fd and exports', () => {
    const out = path.join(folder, 'desk.pdf');
    const run = runWithPassphraseFile(
      'correct horse battery\n',
      '--db',
      store,
      '--pack',
      'Vilnius desk pack',
      '--out',
      out,
      '--passphrase-fd',
      '3',
    );
    expect(run.stderr).not.toContain('sherpa export:');
    expect(run.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  }, 90_000);

  it('a wrong passphrase ends with a clear line and exit code 1, the store unchanged', () => {
    const before = fs.readFileSync(store);
    const run = runWithPassphraseFile(
      'not the passphrase\n',
      '--db',
      store,
      '--pack',
      'Vilnius desk pack',
      '--out',
      path.join(folder, 'x.pdf'),
      '--passphrase-fd',
      '3',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/sherpa export: The passphrase or recovery key is not right/);
    expect(fs.readFileSync(store).equals(before)).toBe(true);
    expect(fs.existsSync(path.join(folder, 'x.pdf'))).toBe(false);
  });

  it('without a terminal or a descriptor it says how to give the passphrase; an argument is not accepted', () => {
    const run = spawnSync(process.execPath, [script, '--db', store, '--pack', 'Vilnius desk pack', '--out', path.join(folder, 'y.pdf')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/encrypted .*--passphrase-fd N/);
    const asArgument = spawnSync(process.execPath, [script, '--db', store, '--pack', 'p', '--out', 'z.pdf', '--passphrase', 'x'], {
      encoding: 'utf8',
    });
    expect(asArgument.status).toBe(2);
    expect(asArgument.stderr).toMatch(/Unknown option '--passphrase'/);
  });

  it('exports a store an earlier Sherpa sealed with ChaCha20 without changing it: its bytes, its time and its cipher', async () => {
    const earlierFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-export-chacha20-'));
    try {
      const { dataKey } = await setUpKeys(earlierFolder, 'correct horse battery', { N: 2 ** 12, r: 8, p: 1 });
      const earlier = path.join(earlierFolder, 'sherpa.sqlite');
      const db = openDatabase(earlier, { key: dataKey, cipherOfNewFile: 'chacha20' });
      loadSampleIfEmpty(db);
      savePack(db, 'Vilnius desk pack', { ...samplePackDefinition(db), title: 'Vilnius desk pack' });
      db.close();
      const before = fs.readFileSync(earlier);
      const mtimeBefore = fs.statSync(earlier).mtimeMs;
      const out = path.join(earlierFolder, 'desk.pdf');
      const run = runWithPassphraseFile(
        'correct horse battery\n',
        '--db',
        earlier,
        '--pack',
        'Vilnius desk pack',
        '--out',
        out,
        '--passphrase-fd',
        '3',
      );
      expect(run.stderr).not.toContain('sherpa export:');
      expect(run.code).toBe(0);
      expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
      expect(fs.readFileSync(earlier).equals(before)).toBe(true);
      expect(fs.statSync(earlier).mtimeMs).toBe(mtimeBefore);
      // Nothing made beside the store either (no -wal, no -shm, no copy under another cipher).
      expect(fs.readdirSync(earlierFolder).sort()).toEqual(['desk.pdf', 'sherpa.keys.json', 'sherpa.sqlite']);
      const reopened = openConnection(earlier, { readonly: true, fileMustExist: true }, dataKey);
      expect(cipherOf(reopened)).toBe('chacha20');
      reopened.close();
    } finally {
      fs.rmSync(earlierFolder, { recursive: true, force: true });
    }
  }, 90_000);
});
