// @vitest-environment jsdom
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OsKeychain } from '../../../main/keys/keychain.ts';
import { readKeyFile } from '../../../main/keys/keyFile.ts';
import { keychainProvider, recoverWithKey, WrongSecretError } from '../../../main/keys/keyring.ts';
import { createChromiumEngine } from '../../../main/pdf/chromiumEngine.ts';
import type { LockableDispatch } from '../../../main/session/lockable.ts';
import { type CoreStore, createLockedCore } from '../../../main/session/lockedCore.ts';
import { bridgeChannels, type SessionSetUp, type SherpaApi } from '../../../shared/contract.ts';
import { setBridge } from '../bridge/index.ts';
import { i18n } from '../i18n/index.ts';
import { AskAtStartSetting } from './AskAtStartSetting.tsx';
import { NewRecoveryKey } from './NewRecoveryKey.tsx';

// The lock settings against the real lock layer over an encrypted store: a new
// recovery key is made only after a plain warning that the old one stops
// working, and the choice to be asked at every start lands in the key file.

const passphrase = 'correct horse battery';
const cost = { N: 2 ** 12, r: 8, p: 1 };
/** A keychain that protects (macOS, Windows, a Linux keyring), sealing reversibly for the test. */
const protectingKeychain: OsKeychain = {
  backend: () => 'gnome_libsecret',
  protects: () => true,
  seal: (secret) => Buffer.from(secret).toString('base64'),
  open: (sealed) => Buffer.from(sealed, 'base64').toString(),
};
let dataDir: string;
let session: LockableDispatch<CoreStore>;
let firstRecoveryKey: string;

function openSession(keychain: OsKeychain | null): LockableDispatch<CoreStore> {
  return createLockedCore({
    dataDir,
    cost,
    ...(keychain ? { keychain: keychainProvider(dataDir, keychain) } : {}),
    core: () => ({ dataDir, engine: createChromiumEngine(), dailyBackups: false, logError: () => undefined }),
  });
}

async function start(keychain: OsKeychain | null): Promise<void> {
  session = openSession(keychain);
  const viaJson = <T,>(value: T): T => JSON.parse(JSON.stringify(value ?? {})) as T;
  const api = Object.fromEntries(
    bridgeChannels.map((channel) => [channel, async (request: unknown) => viaJson(await session.dispatch(channel, viaJson(request)))]),
  );
  setBridge({ ...api, onChange: () => () => {}, onFlushRequest: () => () => {}, flushDone: () => {} } as unknown as SherpaApi);
  const setUp = await session.dispatch('session.setup', { passphrase });
  if (!setUp.ok) throw new Error(setUp.error.message);
  firstRecoveryKey = (setUp.value as SessionSetUp).recoveryKey;
}

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-lock-settings-'));
});

afterEach(async () => {
  cleanup();
  await act(() => i18n.changeLanguage('en'));
  await session.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a new recovery key', () => {
  it('warns that the old key will stop working before it is made, and makes it only once confirmed', async () => {
    await start(null);
    render(<NewRecoveryKey />);
    fireEvent.change(screen.getByLabelText('Passphrase'), { target: { value: passphrase } });
    fireEvent.click(screen.getByRole('button', { name: 'Make a new recovery key…' }));
    const warning = await screen.findByRole('alertdialog');
    expect(warning.textContent).toContain('Your current recovery key will stop working as soon as the new one is made');
    // Nothing is made yet: the old key still opens the store.
    expect(screen.queryByTestId('new-recovery-key')).toBeNull();
    const keyFileBefore = fs.readFileSync(path.join(dataDir, 'sherpa.keys.json'), 'utf8');

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fs.readFileSync(path.join(dataDir, 'sherpa.keys.json'), 'utf8')).toBe(keyFileBefore);

    fireEvent.click(screen.getByRole('button', { name: 'Make a new recovery key…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Make the new key; the old one stops working' }));
    const shown = (await screen.findByTestId('new-recovery-key')).textContent ?? '';
    expect(shown).toMatch(/^([A-Z2-9]{5}-){5}[A-Z2-9]{5}$/);
    await expect(recoverWithKey(dataDir, firstRecoveryKey, 'another passphrase', cost)).rejects.toThrow(WrongSecretError);
    expect(await recoverWithKey(dataDir, shown, 'another passphrase', cost)).toHaveLength(32);
  });

  it('says the same in Korean', async () => {
    await start(null);
    await act(() => i18n.changeLanguage('ko'));
    render(<NewRecoveryKey />);
    fireEvent.change(screen.getByLabelText('암호 문구'), { target: { value: passphrase } });
    fireEvent.click(screen.getByRole('button', { name: '새 복구 키 만들기…' }));
    expect((await screen.findByRole('alertdialog')).textContent).toContain(
      '지금의 복구 키는 이 컴퓨터에서도, 이 데이터 폴더의 어느 사본에서도 더 이상 쓸 수 없습니다',
    );
    expect(screen.getByRole('button', { name: '새 키 만들기(이전 키는 더 이상 쓸 수 없음)' })).toBeTruthy();
  });
});

describe('asking for the passphrase at every start', () => {
  it('turned on, removes the keychain copy; turned off, needs the passphrase and writes it back', async () => {
    await start(protectingKeychain);
    expect(readKeyFile(dataDir)?.keychain).toBeDefined();
    render(<AskAtStartSetting />);
    const box = await screen.findByRole('checkbox', { name: 'Ask for the passphrase every time Sherpa starts' });
    expect((box as HTMLInputElement).checked).toBe(false);

    fireEvent.click(box);
    await screen.findByText('Sherpa will ask for the passphrase every time it starts. The keychain no longer holds its key.');
    expect((box as HTMLInputElement).checked).toBe(true);
    expect(readKeyFile(dataDir)).toMatchObject({ askAtStart: true });
    expect(readKeyFile(dataDir)?.keychain).toBeUndefined();

    fireEvent.click(box);
    fireEvent.change(screen.getByLabelText('Passphrase'), { target: { value: 'not the passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Stop asking at start' }));
    await screen.findByText('That passphrase is not right. Nothing was changed.');
    expect(readKeyFile(dataDir)?.askAtStart).toBe(true);

    fireEvent.change(screen.getByLabelText('Passphrase'), { target: { value: passphrase } });
    fireEvent.click(screen.getByRole('button', { name: 'Stop asking at start' }));
    await screen.findByText('This computer’s keychain will open Sherpa when it starts.');
    expect((box as HTMLInputElement).checked).toBe(false);
    expect(readKeyFile(dataDir)?.keychain?.backend).toBe('gnome_libsecret');
  });

  it('where the keychain protects nothing, shows the passphrase as always asked', async () => {
    await start(null);
    render(<AskAtStartSetting />);
    const box = (await screen.findByRole('checkbox', { name: 'Ask for the passphrase every time Sherpa starts' })) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(box.disabled).toBe(true);
    expect(screen.getByText(/keychain cannot protect Sherpa’s key, so Sherpa always asks/)).toBeTruthy();
  });
});
