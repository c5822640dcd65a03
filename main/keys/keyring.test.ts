import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OsKeychain } from './keychain.ts';
import { KeyFileDamagedError, keyFilePath, readKeyFile } from './keyFile.ts';
import {
  askPassphraseAtStart,
  changePassphrase,
  keychainProvider,
  PassphraseTooShortError,
  recoverWithKey,
  replaceRecoveryKey,
  setUpKeys,
  stopAskingAtStart,
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
  it('unlocks with the passphrase it was set up with, giving the same data key', async () => {
    const folder = dataDir();
    const { dataKey, recoveryKey } = await setUpKeys(folder, 'correct horse battery', cost);
    expect(dataKey).toHaveLength(32);
    expect(recoveryKey).toMatch(/^([A-Z2-9]{5}-){5}[A-Z2-9]{5}$/);
    expect((await unlockWithPassphrase(folder, 'correct horse battery')).equals(dataKey)).toBe(true);
    const onDisk = fs.readFileSync(keyFilePath(folder), 'utf8');
    expect(onDisk).not.toContain(dataKey.toString('hex'));
    expect(onDisk).not.toContain(dataKey.toString('base64'));
    expect(onDisk).not.toContain(recoveryKey);
  });

  it('sets up in a data folder that does not exist yet, creating it', async () => {
    const folder = path.join(dataDir(), 'new-folder', 'nested');
    const { dataKey } = await setUpKeys(folder, 'correct horse battery', cost);
    expect(fs.existsSync(keyFilePath(folder))).toBe(true);
    expect((await unlockWithPassphrase(folder, 'correct horse battery')).equals(dataKey)).toBe(true);
  });

  it('a wrong passphrase is refused with a clear message and nothing is written', async () => {
    const folder = dataDir();
    await setUpKeys(folder, 'correct horse battery', cost);
    fs.writeFileSync(path.join(folder, 'sherpa.sqlite'), 'stand-in for the store');
    const before = snapshot(folder);
    await expect(unlockWithPassphrase(folder, 'correct horse batterY')).rejects.toThrow(WrongSecretError);
    await expect(unlockWithPassphrase(folder, 'correct horse batterY')).rejects.toThrow(/passphrase or recovery key is not right/);
    await expect(changePassphrase(folder, 'wrong one!', 'a new passphrase', cost)).rejects.toThrow(WrongSecretError);
    await expect(recoverWithKey(folder, 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF', 'a new passphrase', cost)).rejects.toThrow(WrongSecretError);
    await expect(replaceRecoveryKey(folder, 'wrong one!', cost)).rejects.toThrow(WrongSecretError);
    expect(snapshot(folder)).toEqual(before);
  });

  it('a truncated or emptied key file is refused as damaged and left as it was', async () => {
    const folder = dataDir();
    await setUpKeys(folder, 'correct horse battery', cost);
    const file = keyFilePath(folder);
    for (const cut of [fs.statSync(file).size - 40, 20, 0]) {
      fs.truncateSync(file, cut);
      const before = snapshot(folder);
      await expect(unlockWithPassphrase(folder, 'correct horse battery')).rejects.toThrow(KeyFileDamagedError);
      await expect(setUpKeys(folder, 'correct horse battery', cost)).rejects.toThrow(KeyFileDamagedError);
      expect(snapshot(folder)).toEqual(before);
    }
  });

  it('a key file with a field cut out is refused, naming what is wrong', async () => {
    const folder = dataDir();
    await setUpKeys(folder, 'correct horse battery', cost);
    const parsed = JSON.parse(fs.readFileSync(keyFilePath(folder), 'utf8'));
    delete parsed.recovery.tag;
    fs.writeFileSync(keyFilePath(folder), JSON.stringify(parsed));
    expect(() => readKeyFile(folder)).toThrow(/a wrapped key is missing or incomplete/);
  });

  it('changing the passphrase re-wraps the same data key: the old one stops working, the recovery key still works', async () => {
    const folder = dataDir();
    const { dataKey, recoveryKey } = await setUpKeys(folder, 'correct horse battery', cost);
    await changePassphrase(folder, 'correct horse battery', 'staple and paper clip', cost);
    await expect(unlockWithPassphrase(folder, 'correct horse battery')).rejects.toThrow(WrongSecretError);
    expect((await unlockWithPassphrase(folder, 'staple and paper clip')).equals(dataKey)).toBe(true);
    const typedSloppily = recoveryKey.toLowerCase().replaceAll('-', ' ');
    expect((await recoverWithKey(folder, typedSloppily, 'after recovery 1', cost)).equals(dataKey)).toBe(true);
    expect((await unlockWithPassphrase(folder, 'after recovery 1')).equals(dataKey)).toBe(true);
  });

  it('a new recovery key replaces the old one', async () => {
    const folder = dataDir();
    const { dataKey, recoveryKey } = await setUpKeys(folder, 'correct horse battery', cost);
    const next = await replaceRecoveryKey(folder, 'correct horse battery', cost);
    await expect(recoverWithKey(folder, recoveryKey, 'whatever passphrase', cost)).rejects.toThrow(WrongSecretError);
    expect((await recoverWithKey(folder, next, 'whatever passphrase', cost)).equals(dataKey)).toBe(true);
  });

  it('refuses a passphrase shorter than eight characters', async () => {
    await expect(setUpKeys(dataDir(), ' short  ', cost)).rejects.toThrow(PassphraseTooShortError);
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

  it('gives the key without a passphrase only with the backend it was sealed by', async () => {
    const folder = dataDir();
    const { dataKey } = await setUpKeys(folder, 'correct horse battery', cost);
    keychainProvider(folder, fakeKeychain('gnome_libsecret', true)).enrol(dataKey);
    expect((await keychainProvider(folder, fakeKeychain('gnome_libsecret', true)).unlock())?.equals(dataKey)).toBe(true);
    expect(await keychainProvider(folder, fakeKeychain('kwallet5', true)).unlock()).toBeNull();
  });

  it('never seals with a keychain that does not protect (Linux basic_text)', async () => {
    const folder = dataDir();
    const { dataKey } = await setUpKeys(folder, 'correct horse battery', cost);
    keychainProvider(folder, fakeKeychain('basic_text', false)).enrol(dataKey);
    expect(readKeyFile(folder)?.keychain).toBeUndefined();
    expect(await keychainProvider(folder, fakeKeychain('basic_text', false)).unlock()).toBeNull();
  });

  it('asked for the passphrase at every start: the keychain copy is removed, never written again, and back once the passphrase is typed', async () => {
    const folder = dataDir();
    const keychain = fakeKeychain('gnome_libsecret', true);
    const { dataKey } = await setUpKeys(folder, 'correct horse battery', cost);
    keychainProvider(folder, keychain).enrol(dataKey);
    expect(readKeyFile(folder)?.keychain).toBeDefined();

    askPassphraseAtStart(folder);
    expect(readKeyFile(folder)?.keychain).toBeUndefined();
    expect(readKeyFile(folder)?.askAtStart).toBe(true);
    // Every later unlock enrols again: the choice keeps the copy off the disk.
    keychainProvider(folder, keychain).enrol(dataKey);
    expect(fs.readFileSync(keyFilePath(folder), 'utf8')).not.toContain('"keychain"');
    expect(await keychainProvider(folder, keychain).unlock()).toBeNull();

    const before = snapshot(folder);
    await expect(stopAskingAtStart(folder, 'not the passphrase')).rejects.toThrow(WrongSecretError);
    expect(snapshot(folder)).toEqual(before);

    keychainProvider(folder, keychain).enrol(await stopAskingAtStart(folder, 'correct horse battery'));
    expect(readKeyFile(folder)?.askAtStart).toBeUndefined();
    expect((await keychainProvider(folder, keychain).unlock())?.equals(dataKey)).toBe(true);
  });
});
