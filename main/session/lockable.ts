import { hkdfSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type IpcError, openWhileLocked, type SessionChannel, type SessionStatus, sessionChannels } from '../../shared/contract.ts';
import { plaintextLeftovers, settleLeftovers, UpgradeFailedError, upgradeToEncrypted } from '../encryptStore.ts';
import type { Dispatch } from '../ipc/dispatch.ts';
import { describeIssue } from '../ipc/validation.ts';
import { KeyFileDamagedError, keyFilePath, readKeyFile } from '../keys/keyFile.ts';
import {
  type Cost,
  changePassphrase,
  type KeyProvider,
  NoKeysError,
  PassphraseTooShortError,
  recoverWithKey,
  replaceRecoveryKey,
  setUpKeys,
  unlockWithPassphrase,
  WrongSecretError,
} from '../keys/keyring.ts';
import { defaultScrypt } from '../keys/wrap.ts';
import { storeFileName } from '../store.ts';
import { isPlainStore, StoreDamagedError } from '../storeHealth.ts';
import { sessionSchemas } from './schemas.ts';

// The lock, as a layer around the store's dispatch. Locked, there is no open
// store and no key in memory: every store channel answers `locked`. Unlocked,
// calls pass through to the dispatch that `openStore` built with the key.

/** What the composition root builds once the key is known: the store's dispatch and how to close it. */
export interface UnlockedStore {
  dispatch: Dispatch;
  close(): void | Promise<void>;
}

export interface LockableOptions {
  dataDir: string;
  /** Opens the store with its data key (health check, backups, migrations) and builds the dispatch over it. */
  openStore(key: Buffer): UnlockedStore | Promise<UnlockedStore>;
  /** Where the OS keychain protects the key (Electron, not Linux basic_text): unlocks at start without a passphrase. */
  keychain?: KeyProvider;
  /** scrypt's cost for new wrappings; tests make it cheap. */
  cost?: Cost;
  /** Told after every lock, so each window drops what it shows. */
  onLocked?: () => void;
  logError?: (what: string, error: unknown) => void;
}

export interface LockableDispatch {
  dispatch: Dispatch;
  /** Waits for running calls, closes the store and forgets the key. */
  lock(): Promise<void>;
  /** Unlocks with the keychain if it can; false when the user must type the passphrase. */
  unlockSilently(): Promise<boolean>;
  isLocked(): boolean;
  close(): Promise<void>;
}

const lockedError: IpcError = { code: 'locked', message: 'Sherpa is locked. Unlock it with your passphrase.' };
const isSessionChannel = (name: string): name is SessionChannel => (sessionChannels as readonly string[]).includes(name);

export function createLockableDispatch(options: LockableOptions): LockableDispatch {
  const { dataDir } = options;
  const cost = options.cost ?? defaultScrypt;
  let store: UnlockedStore | null = null;
  let dataKey: Buffer | null = null;
  const running = new Set<Promise<unknown>>();
  /** One session change at a time: two unlocks racing would open the store twice. */
  let changing: Promise<unknown> = Promise.resolve();
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const next = changing.then(work, work);
    changing = next.catch(() => undefined);
    return next;
  };

  const status = (): SessionStatus => {
    const keysSet = fs.existsSync(keyFilePath(dataDir));
    return { locked: store === null, keysSet, plaintextLeftovers: store ? plaintextLeftovers(dataDir) : [] };
  };

  const open = async (key: Buffer) => {
    // A crash between writing the key file and swapping in the encrypted store leaves a plain store: finish the upgrade now.
    if (isPlainStore(path.join(dataDir, storeFileName))) upgradeToEncrypted(dataDir, key);
    const opened = await options.openStore(key);
    store = opened;
    dataKey = key;
    options.keychain?.enrol(key);
  };

  const lock = () =>
    serialized(async () => {
      if (!store) return;
      const closing = store;
      store = null; // New calls answer `locked` from here on; running ones finish first.
      await Promise.allSettled([...running]);
      await closing.close();
      dataKey?.fill(0);
      dataKey = null;
      options.onLocked?.();
    });

  const requireKey = (): Buffer => {
    if (!dataKey) throw new SessionLockedError();
    return dataKey;
  };

  const session: { [K in SessionChannel]: (request: never) => Promise<unknown> } = {
    'session.status': async () => status(),
    'session.setup': ({ passphrase }: { passphrase: string }) =>
      serialized(async () => {
        const { dataKey: key, recoveryKey } = setUpKeys(dataDir, passphrase, cost);
        try {
          await open(key);
        } catch (error) {
          // The store stayed as it was (plain, or none yet): without the key file the user can simply try again.
          const file = path.join(dataDir, storeFileName);
          if (!store && (!fs.existsSync(file) || isPlainStore(file))) fs.rmSync(keyFilePath(dataDir), { force: true });
          throw error;
        }
        return { recoveryKey, plaintextLeftovers: plaintextLeftovers(dataDir) };
      }),
    'session.unlock': ({ passphrase }: { passphrase: string }) =>
      serialized(async () => {
        if (!store) await open(unlockWithPassphrase(dataDir, passphrase));
        return status();
      }),
    'session.recover': ({ recoveryKey, newPassphrase }: { recoveryKey: string; newPassphrase: string }) =>
      serialized(async () => {
        const key = recoverWithKey(dataDir, recoveryKey, newPassphrase, cost);
        if (!store) await open(key);
        return status();
      }),
    'session.lock': async () => {
      await lock();
      return status();
    },
    'session.changePassphrase': async ({ passphrase, newPassphrase }: { passphrase: string; newPassphrase: string }) => {
      requireKey();
      changePassphrase(dataDir, passphrase, newPassphrase, cost);
      return status();
    },
    'session.newRecoveryKey': async ({ passphrase }: { passphrase: string }) => {
      requireKey();
      return { recoveryKey: replaceRecoveryKey(dataDir, passphrase, cost) };
    },
    'session.settleLeftovers': async ({ action }: { action: 'encrypt' | 'remove' }) => settleLeftovers(dataDir, requireKey(), action),
    'session.draftKey': async () => ({ key: draftJournalKey(requireKey()).toString('base64') }),
  };

  const dispatch: Dispatch = async (channel, payload) => {
    if (typeof channel === 'string' && isSessionChannel(channel)) {
      if (!store && !openWhileLocked.includes(channel)) return { ok: false, error: lockedError };
      const parsed = sessionSchemas[channel].safeParse(payload);
      if (!parsed.success) return { ok: false, error: { code: 'invalid_request', ...describeIssue(parsed.error) } };
      try {
        return { ok: true, value: await session[channel](parsed.data as never) };
      } catch (error) {
        return { ok: false, error: sessionError(channel, error, options.logError) };
      }
    }
    const current = store;
    if (!current) return { ok: false, error: lockedError };
    const call = current.dispatch(channel, payload);
    running.add(call);
    try {
      return await call;
    } finally {
      running.delete(call);
    }
  };

  return {
    dispatch,
    lock,
    isLocked: () => store === null,
    unlockSilently: () =>
      serialized(async () => {
        if (store) return true;
        const key = readKeyFile(dataDir) ? options.keychain?.unlock() : null;
        if (!key) return false;
        await open(key);
        return true;
      }),
    close: lock,
  };
}

class SessionLockedError extends Error {}

/**
 * The page's draft journal key: HKDF from the store key with its own label,
 * so the page never holds the store key and a leaked journal key opens no store.
 */
export function draftJournalKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.from('sherpa'), Buffer.from('draft-journal v1'), 32));
}

function sessionError(channel: SessionChannel, error: unknown, logError: LockableOptions['logError']): IpcError {
  if (error instanceof SessionLockedError) return lockedError;
  if (error instanceof WrongSecretError) {
    return { code: 'wrong_secret', message: error.message, field: channel === 'session.recover' ? 'recoveryKey' : 'passphrase' };
  }
  if (error instanceof PassphraseTooShortError) {
    return { code: 'invalid_request', message: error.message, field: channel === 'session.setup' ? 'passphrase' : 'newPassphrase' };
  }
  if (error instanceof KeyFileDamagedError) return { code: 'key_file_damaged', message: error.message };
  if (error instanceof NoKeysError) return { code: 'invalid_request', message: error.message };
  // These say what happened to the data in words for the user, and that nothing was lost.
  if (error instanceof UpgradeFailedError || error instanceof StoreDamagedError) return { code: 'internal', message: error.message };
  if (error instanceof Error && error.name === 'KeysAlreadySetError') return { code: 'invalid_request', message: error.message };
  logError?.('session', error);
  return { code: 'internal', message: 'Sherpa could not complete this. Nothing was changed.' };
}
