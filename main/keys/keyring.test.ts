import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OsKeychain } from './keychain.ts';
import { KeyFileDamagedError, keyFilePath, readKeyFile } from './keyFile.ts';
import {
  changePassphrase,
  keychainProvider,
  PassphraseTooShortError,
  recoverWithKey,
  replaceRecoveryKey,
  setUpKeys,
  unlockWithPassphrase,
  WrongSecretError,
} from './keyring.ts';

// Cheap scrypt in tests; the format stores the cost, so the real one is exercised by the same code.
const cost = { N: 2 ** 12, r: 8, p: 1 };
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});
function dataDir(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-keys-'));
  folders.push(folder);
  return folder;
}

/** Every file of the folder with its hash: "nothing written" means this does not change. */
function snapshot(folder: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const name of fs.readdirSync(folder)) {
    hashes[name] = createHash('sha256')
      .update(fs.readFileSync(path.join(folder, name)))
      .digest('hex');
  }
  return hashes;
}

describe('the store key, wrapped by a passphrase and a recovery key', () => {
  it('unlocks with the passphrase it was set up with, giving the same data key', () => {
    const folder = dataDir();
    const { dataKey, recoveryKey } = setUpKeys(folder, 'correct horse battery', cost);
    expect(dataKey).toHaveLength(32);
    expect(recoveryKey).toMatch(/^([A-Z2-9]{5}-){5}[A-Z2-9]{5}$/);
    expect(unlockWithPassphrase(folder, 'correct horse battery').equals(dataKey)).toBe(true);
    const onDisk = fs.readFileSync(keyFilePath(folder), 'utf8');
    expect(onDisk).not.toContain(dataKey.toString('hex'));
    expect(onDisk).not.toContain(dataKey.toString('base64'));
    expect(onDisk).not.toContain(recoveryKey);
  });

  it('a wrong passphrase is refused with a clear message and nothing is written', () => {
    const folder = dataDir();
    setUpKeys(folder, 'correct horse battery', cost);
    fs.writeFileSync(path.join(folder, 'sherpa.sqlite'), 'stand-in for the store');
    const before = snapshot(folder);
    expect(() => unlockWithPassphrase(folder, 'correct horse batterY')).toThrow(WrongSecretError);
    expect(() => unlockWithPassphrase(folder, 'correct horse batterY')).toThrow(/passphrase or recovery key is not right/);
    expect(() => changePassphrase(folder, 'wrong one!', 'a new passphrase', cost)).toThrow(WrongSecretError);
    expect(() => recoverWithKey(folder, 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF', 'a new passphrase', cost)).toThrow(WrongSecretError);
    expect(() => replaceRecoveryKey(folder, 'wrong one!', cost)).toThrow(WrongSecretError);
    expect(snapshot(folder)).toEqual(before);
  });

  it('a truncated or emptied key file is refused as damaged and left as it was', () => {
    const folder = dataDir();
    setUpKeys(folder, 'correct horse battery', cost);
    const file = keyFilePath(folder);
    for (const cut of [fs.statSync(file).size - 40, 20, 0]) {
      fs.truncateSync(file, cut);
      const before = snapshot(folder);
      expect(() => unlockWithPassphrase(folder, 'correct horse battery')).toThrow(KeyFileDamagedError);
      expect(() => setUpKeys(folder, 'correct horse battery', cost)).toThrow(KeyFileDamagedError);
      expect(snapshot(folder)).toEqual(before);
    }
  });

  it('a key file with a field cut out is refused, naming what is wrong', () => {
    const folder = dataDir();
    setUpKeys(folder, 'correct horse battery', cost);
    const parsed = JSON.parse(fs.readFileSync(keyFilePath(folder), 'utf8'));
    delete parsed.recovery.tag;
    fs.writeFileSync(keyFilePath(folder), JSON.stringify(parsed));
    expect(() => readKeyFile(folder)).toThrow(/a wrapped key is missing or incomplete/);
  });

  it('changing the passphrase re-wraps the same data key: the old one stops working, the recovery key still works', () => {
    const folder = dataDir();
    const { dataKey, recoveryKey } = setUpKeys(folder, 'correct horse battery', cost);
    changePassphrase(folder, 'correct horse battery', 'staple and paper clip', cost);
    expect(() => unlockWithPassphrase(folder, 'correct horse battery')).toThrow(WrongSecretError);
    expect(unlockWithPassphrase(folder, 'staple and paper clip').equals(dataKey)).toBe(true);
    const typedSloppily = recoveryKey.toLowerCase().replaceAll('-', ' ');
    expect(recoverWithKey(folder, typedSloppily, 'after recovery 1', cost).equals(dataKey)).toBe(true);
    expect(unlockWithPassphrase(folder, 'after recovery 1').equals(dataKey)).toBe(true);
  });

  it('a new recovery key replaces the old one', () => {
    const folder = dataDir();
    const { dataKey, recoveryKey } = setUpKeys(folder, 'correct horse battery', cost);
    const next = replaceRecoveryKey(folder, 'correct horse battery', cost);
    expect(() => recoverWithKey(folder, recoveryKey, 'whatever passphrase', cost)).toThrow(WrongSecretError);
    expect(recoverWithKey(folder, next, 'whatever passphrase', cost).equals(dataKey)).toBe(true);
  });

  it('refuses a passphrase shorter than eight characters', () => {
    expect(() => setUpKeys(dataDir(), ' short  ', cost)).toThrow(PassphraseTooShortError);
  });
});

describe('the keychain provider', () => {
  const fakeKeychain = (backend: string, protects: boolean): OsKeychain => ({
    backend: () => backend,
    protects: () => protects,
    seal: (secret) => Buffer.from(`sealed:${secret}`).toString('base64'),
    open: (sealed) =>
      Buffer.from(sealed, 'base64')
        .toString()
        .replace(/^sealed:/, ''),
  });

  it('gives the key without a passphrase only with the backend it was sealed by', () => {
    const folder = dataDir();
    const { dataKey } = setUpKeys(folder, 'correct horse battery', cost);
    keychainProvider(folder, fakeKeychain('gnome_libsecret', true)).enrol(dataKey);
    expect(keychainProvider(folder, fakeKeychain('gnome_libsecret', true)).unlock()?.equals(dataKey)).toBe(true);
    expect(keychainProvider(folder, fakeKeychain('kwallet5', true)).unlock()).toBeNull();
  });

  it('never seals with a keychain that does not protect (Linux basic_text)', () => {
    const folder = dataDir();
    const { dataKey } = setUpKeys(folder, 'correct horse battery', cost);
    keychainProvider(folder, fakeKeychain('basic_text', false)).enrol(dataKey);
    expect(readKeyFile(folder)?.keychain).toBeUndefined();
    expect(keychainProvider(folder, fakeKeychain('basic_text', false)).unlock()).toBeNull();
  });
});
