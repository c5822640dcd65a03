import { hkdfSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  type ChangeEvent,
  channelEffects,
  type IpcError,
  openWhileLocked,
  type SessionChannel,
  type SessionStatus,
  sessionChannels,
} from '../../shared/contract.ts';
import { plaintextLeftovers, settleLeftovers, UpgradeFailedError, upgradeToEncrypted } from '../encryptStore.ts';
import { changeEventFor, changeLog } from '../ipc/changeLog.ts';
import type { Dispatch } from '../ipc/dispatch.ts';
import type { ChangeLog } from '../ipc/handlers/types.ts';
import { KeyFileDamagedError, keyFilePath, readKeyFile } from '../keys/keyFile.ts';
import {
  askPassphraseAtStart,
  type Cost,
  changePassphrase,
  type KeyProvider,
  NoKeysError,
  PassphraseTooShortError,
  recoverWithKey,
  replaceRecoveryKey,
  setUpKeys,
  stopAskingAtStart,
  unlockWithPassphrase,
  WrongSecretError,
} from '../keys/keyring.ts';
import { defaultScrypt } from '../keys/wrap.ts';
import { storeFileName } from '../store.ts';
import { isPlainStore, StoreDamagedError, StoreNotEncryptedError, StoreRefusedError } from '../storeHealth.ts';

// The lock, as a layer around the store's dispatch. Locked, there is no open
// store and no key in memory: every store channel answers `locked`. Unlocked,
// calls pass through to the dispatch that `openStore` built with the key
// (the composition root, main/core.ts, in the app, the harness and the export command).

/** What the composition root builds once the key is known: the store's dispatch and how to close it. */
export interface UnlockedStore {
  dispatch: Dispatch;
  /** Lets the work under way finish (backups, exports), then closes the store. */
  close(): void | Promise<void>;
}

export interface LockableOptions<S extends UnlockedStore = UnlockedStore> {
  dataDir: string;
  /**
   * Opens the store with its data key (health check, backups, migrations) and
   * builds the dispatch over it; `null` for a folder kept unencrypted (see `allowUnencrypted`).
   */
  openStore(key: Buffer | null): S | Promise<S>;
  /**
   * A data folder without keys is opened as it is, unencrypted, instead of
   * waiting for a passphrase to be set: the web harness by default, the export
   * command on a store from before encryption. The app never does.
   */
  allowUnencrypted?: boolean;
  /** 'read' (the export command): a plain store is never encrypted here and no key file is written. */
  access?: 'write' | 'read';
  /** Where the OS keychain protects the key (Electron, not Linux basic_text): unlocks at start without a passphrase. */
  keychain?: KeyProvider;
  /** scrypt's cost for new wrappings; tests make it cheap. */
  cost?: Cost;
  /** Told what a session call changed (its declared effects, shared/contract.ts) and after every lock, so each window drops what it shows. */
  onChange?: (event: ChangeEvent) => void;
  logError?: (what: string, error: unknown) => void;
}

export interface LockableDispatch<S extends UnlockedStore = UnlockedStore> {
  dispatch: Dispatch;
  /** The open store, for a tool that works on it outside the dispatch (the export command); null while locked. */
  current(): S | null;
  /** Waits for running calls, closes the store and forgets the key. */
  lock(): Promise<void>;
  /** Unlocks with the keychain if it can (or opens an unencrypted folder where allowed); false when the user must type the passphrase. */
  unlockSilently(): Promise<boolean>;
  isLocked(): boolean;
  close(): Promise<void>;
}

const lockedError: IpcError = { code: 'locked', message: 'Sherpa is locked. Unlock it with your passphrase.' };
const isSessionChannel = (name: string): name is SessionChannel => (sessionChannels as readonly string[]).includes(name);

/**
 * The session's request schemas and the wording of their refusals, loaded on the first session call: they bring
 * the schema library, a third of the harness's CPU up to its ready line (and of the app's main process before its
 * window), and that line is what the page waits for. Nothing is read or written before a request is checked: each
 * call awaits them first.
 */
let sessionValidation: Promise<typeof import('./validation.ts')> | null = null;
const loadSessionValidation = () => {
  sessionValidation ??= import('./validation.ts');
  return sessionValidation;
};

const lockedEvent: ChangeEvent = { channel: 'session.lock', scope: 'locked' };

export function createLockableDispatch<S extends UnlockedStore>(options: LockableOptions<S>): LockableDispatch<S> {
  const { dataDir } = options;
  const cost = options.cost ?? defaultScrypt;
  const writes = options.access !== 'read';
  let store: S | null = null;
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
    let askAtStart = false;
    try {
      askAtStart = readKeyFile(dataDir)?.askAtStart === true;
    } catch {
      // A damaged key file is told at unlock, in words; the status still answers.
    }
    return {
      locked: store === null,
      keysSet,
      // Over an unencrypted folder everything is plaintext by choice: nothing is left over.
      plaintextLeftovers: store && dataKey && writes ? plaintextLeftovers(dataDir) : [],
      askAtStart,
      keychainProtects: options.keychain?.available() ?? false,
    };
  };

  const open = async (key: Buffer | null) => {
    // A crash between writing the key file and swapping in the encrypted store leaves a plain store: finish the upgrade now.
    if (key && writes && isPlainStore(path.join(dataDir, storeFileName))) upgradeToEncrypted(dataDir, key);
    const opened = await options.openStore(key);
    store = opened;
    dataKey = key;
    if (key) options.keychain?.enrol(key);
  };

  /** Not serialized: for use inside a session change. Running calls finish, then the store stops (its backups and exports drain) and closes. */
  const closeStore = async (): Promise<boolean> => {
    if (!store) return false;
    const closing = store;
    store = null; // New calls answer `locked` from here on; running ones finish first.
    await Promise.allSettled([...running]);
    try {
      await closing.close();
    } finally {
      dataKey?.fill(0);
      dataKey = null;
    }
    return true;
  };

  const lock = () =>
    serialized(async () => {
      if (await closeStore()) options.onChange?.(lockedEvent);
    });

  const requireKey = (): Buffer => {
    if (!store) throw new SessionLockedError();
    if (!dataKey) throw new NotEncryptedError();
    return dataKey;
  };
  const requireWrites = () => {
    if (!writes) throw new ReadOnlySessionError();
  };

  const session: { [K in SessionChannel]: (request: never, changes: ChangeLog) => Promise<unknown> } = {
    'session.status': async () => status(),
    'session.setup': ({ passphrase }: { passphrase: string }) =>
      serialized(async () => {
        requireWrites();
        // An unencrypted store open here (the web harness) is closed once the keys are set, so it can be encrypted in place.
        const plainOpen = store !== null && dataKey === null;
        const { dataKey: key, recoveryKey } = await setUpKeys(dataDir, passphrase, cost);
        try {
          if (plainOpen) await closeStore();
          await open(key);
        } catch (error) {
          // The store stayed as it was (plain, or none yet): without the key file the user can simply try again.
          const file = path.join(dataDir, storeFileName);
          if (!store && (!fs.existsSync(file) || isPlainStore(file))) fs.rmSync(keyFilePath(dataDir), { force: true });
          if (plainOpen && !store) await open(null).catch(() => undefined);
          throw error;
        }
        return { recoveryKey, plaintextLeftovers: plaintextLeftovers(dataDir) };
      }),
    'session.unlock': ({ passphrase }: { passphrase: string }) =>
      serialized(async () => {
        if (!store) await open(await unlockWithPassphrase(dataDir, passphrase));
        return status();
      }),
    'session.recover': ({ recoveryKey, newPassphrase }: { recoveryKey: string; newPassphrase: string }) =>
      serialized(async () => {
        requireWrites();
        const key = await recoverWithKey(dataDir, recoveryKey, newPassphrase, cost);
        if (!store) await open(key);
        return status();
      }),
    'session.lock': async () => {
      // Closing an unencrypted store would protect nothing, and only a passphrase could open it again.
      if (store && !dataKey) throw new NotEncryptedError();
      await lock();
      return status();
    },
    // Each key file change is serialized: two rewrites waiting on scrypt at once would each write over the other.
    'session.changePassphrase': ({ passphrase, newPassphrase }: { passphrase: string; newPassphrase: string }) =>
      serialized(async () => {
        requireKey();
        requireWrites();
        await changePassphrase(dataDir, passphrase, newPassphrase, cost);
        return status();
      }),
    'session.newRecoveryKey': ({ passphrase }: { passphrase: string }) =>
      serialized(async () => {
        requireKey();
        requireWrites();
        return { recoveryKey: await replaceRecoveryKey(dataDir, passphrase, cost) };
      }),
    'session.askAtStart': (choice: { ask: true } | { ask: false; passphrase: string }) =>
      serialized(async () => {
        requireKey();
        requireWrites();
        if (choice.ask) askPassphraseAtStart(dataDir);
        else options.keychain?.enrol(await stopAskingAtStart(dataDir, choice.passphrase));
        return status();
      }),
    'session.settleLeftovers': async ({ action }: { action: 'encrypt' | 'remove' }, changes: ChangeLog) => {
      const key = requireKey();
      requireWrites();
      const result = settleLeftovers(dataDir, key, action);
      // Old backups among them leave (removed) or change (encrypted) every window's backup list.
      if (result.settled.length > 0) changes.record('backup', action === 'remove' ? 'deleted' : 'updated', []);
      return result;
    },
    'session.draftKey': async () => ({ key: draftJournalKey(requireKey()).toString('base64') }),
  };

  const dispatch: Dispatch = async (channel, payload) => {
    if (typeof channel === 'string' && isSessionChannel(channel)) {
      const { sessionSchemas, describeIssue } = await loadSessionValidation();
      if (!store && !openWhileLocked.includes(channel)) return { ok: false, error: lockedError };
      const parsed = sessionSchemas[channel].safeParse(payload);
      if (!parsed.success) return { ok: false, error: { code: 'invalid_request', ...describeIssue(parsed.error) } };
      const { log, touched } = changeLog();
      try {
        const value = await session[channel](parsed.data as never, log);
        // A lock announces itself (lock() does, whoever asked for it: a window, the idle timer, the machine sleeping).
        const effects = channelEffects[channel];
        const change = effects.announces === 'locked' ? null : changeEventFor(channel, effects.announces, touched);
        if (change) options.onChange?.(change);
        return { ok: true, value };
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
    current: () => store,
    lock,
    isLocked: () => store === null,
    unlockSilently: () =>
      serialized(async () => {
        if (store) return true;
        if (!readKeyFile(dataDir)) {
          if (!options.allowUnencrypted) return false;
          await open(null);
          return true;
        }
        const key = await options.keychain?.unlock();
        if (!key) return false;
        await open(key);
        return true;
      }),
    close: lock,
  };
}

class SessionLockedError extends Error {}
class NotEncryptedError extends Error {
  constructor() {
    super('This data folder is not encrypted, so Sherpa cannot lock it. Nothing was changed.');
  }
}
class ReadOnlySessionError extends Error {
  constructor() {
    super('This store is open for reading only: its passphrase and keys cannot be changed here. Nothing was changed.');
  }
}

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
  if (error instanceof NoKeysError || error instanceof NotEncryptedError) return { code: 'invalid_request', message: error.message };
  if (error instanceof ReadOnlySessionError) return { code: 'read_only', message: error.message };
  // A store handed over to be read, refused as it is: its reason, for the export command to word in the user's language.
  if (error instanceof StoreRefusedError) return { code: 'internal', message: error.message, reason: error.reason, params: error.params };
  // These say what happened to the data in words for the user, and that nothing was lost.
  if (error instanceof UpgradeFailedError || error instanceof StoreDamagedError || error instanceof StoreNotEncryptedError) {
    return { code: 'internal', message: error.message };
  }
  if (error instanceof Error && error.name === 'KeysAlreadySetError') return { code: 'invalid_request', message: error.message };
  logError?.('session', error);
  return { code: 'internal', message: 'Sherpa could not complete this. Nothing was changed.' };
}
