import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChangeEvent, channels, type Result, type SessionSetUp, type SessionStatus } from '../../shared/contract.ts';
import { backupFolder, listBackups } from '../backups.ts';
import { keyFilePath } from '../keys/keyFile.ts';
import { unlockWithPassphrase } from '../keys/keyring.ts';
import { createChromiumEngine } from '../pdf/chromiumEngine.ts';
import { findPlaintext } from '../plaintextScan.ts';
import { openStore, storeFileName } from '../store.ts';
import { tempDataDir } from '../storeFaults.helpers.ts';
import { isPlainStore, quickCheck } from '../storeHealth.ts';
import type { LockableDispatch } from './lockable.ts';
import { type CoreStore, createLockedCore } from './lockedCore.ts';

const cost = { N: 2 ** 12, r: 8, p: 1 };
const folders: string[] = [];
const sessions: LockableDispatch[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function newFolder(): string {
  const folder = tempDataDir();
  folders.push(folder);
  return folder;
}

/** The lock around the composition root, wired as the app wires it (daily backups only where a test asks). */
function lockable(
  dataDir: string,
  options: { dailyBackups?: boolean; allowUnencrypted?: boolean; events?: ChangeEvent[] } = {},
): LockableDispatch<CoreStore> {
  const session = createLockedCore({
    dataDir,
    cost,
    ...(options.allowUnencrypted ? { allowUnencrypted: true } : {}),
    core: () => ({ dataDir, engine: createChromiumEngine(), dailyBackups: options.dailyBackups ?? false, logError: () => undefined }),
    onChange: (event) => options.events?.push(event),
  });
  sessions.push(session);
  return session;
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

function hashes(folder: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const name of fs.readdirSync(folder, { recursive: true }) as string[]) {
    const file = path.join(folder, name);
    if (fs.statSync(file).isFile()) found[name] = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  }
  return found;
}

describe('the lock around the dispatch', () => {
  it('starts locked: every store channel answers `locked` until a passphrase is set', async () => {
    const session = lockable(newFolder());
    for (const channel of channels) {
      const result = await session.dispatch(channel, {});
      expect(result.ok ? 'ok' : result.error.code, channel).toBe('locked');
    }
    expect(value<SessionStatus>(await session.dispatch('session.status', {}))).toEqual({
      locked: true,
      keysSet: false,
      plaintextLeftovers: [],
      askAtStart: false,
      keychainProtects: false,
    });
    expect((await session.dispatch('session.draftKey', {})).ok).toBe(false);
  });

  it('first run: sets the passphrase, gives a recovery key once, and opens an encrypted store', async () => {
    const dataDir = newFolder();
    const session = lockable(dataDir);
    const setUp = value<SessionSetUp>(await session.dispatch('session.setup', { passphrase: 'correct horse battery' }));
    expect(setUp.recoveryKey).toMatch(/^[A-Z2-9-]{35}$/);
    expect(value<unknown[]>(await session.dispatch('summit.list', {})).length).toBeGreaterThan(0);
    expect(isPlainStore(path.join(dataDir, storeFileName))).toBe(false);
    expect(findPlaintext([dataDir], ['Stoltenberg', setUp.recoveryKey])).toEqual([]);
  });

  it('lock drops the store; a wrong passphrase is told apart and writes nothing; the right one reopens', async () => {
    const dataDir = newFolder();
    const session = lockable(dataDir);
    value(await session.dispatch('session.setup', { passphrase: 'correct horse battery' }));
    value(
      await session.dispatch('note.create', {
        meetingId: 1,
        title: 'T',
        body: 'Canary-Kestrel',
        tags: [],
        classification: 'NATO RESTRICTED',
      }),
    );
    expect(value<SessionStatus>(await session.dispatch('session.lock', {})).locked).toBe(true);
    expect(session.isLocked()).toBe(true);
    const noteList = await session.dispatch('note.list', {});
    expect(noteList.ok ? 'ok' : noteList.error.code).toBe('locked');
    const before = hashes(dataDir);
    const wrong = await session.dispatch('session.unlock', { passphrase: 'correct horse batterz' });
    expect(wrong.ok ? null : wrong.error).toMatchObject({ code: 'wrong_secret', field: 'passphrase' });
    expect(hashes(dataDir)).toEqual(before);
    value(await session.dispatch('session.unlock', { passphrase: 'correct horse battery' }));
    const notes = value<{ body: string }[]>(await session.dispatch('note.list', {}));
    expect(notes.some((note) => note.body === 'Canary-Kestrel')).toBe(true);
  });

  it('a recovery key opens a copy of the data folder elsewhere and sets a new passphrase', async () => {
    const dataDir = newFolder();
    const first = lockable(dataDir);
    const { recoveryKey } = value<SessionSetUp>(await first.dispatch('session.setup', { passphrase: 'correct horse battery' }));
    value(
      await first.dispatch('note.create', { meetingId: 1, title: 'T', body: 'Canary-Robin', tags: [], classification: 'NATO RESTRICTED' }),
    );
    await first.lock();
    const elsewhere = newFolder();
    fs.cpSync(dataDir, elsewhere, { recursive: true });
    const second = lockable(elsewhere);
    const wrong = await second.dispatch('session.recover', {
      recoveryKey: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA',
      newPassphrase: 'new passphrase here',
    });
    expect(wrong.ok ? null : wrong.error).toMatchObject({ code: 'wrong_secret', field: 'recoveryKey' });
    value(await second.dispatch('session.recover', { recoveryKey: recoveryKey.toLowerCase(), newPassphrase: 'new passphrase here' }));
    expect(value<{ body: string }[]>(await second.dispatch('note.list', {})).some((note) => note.body === 'Canary-Robin')).toBe(true);
    await second.lock();
    value(await second.dispatch('session.unlock', { passphrase: 'new passphrase here' }));
  });

  it('a short passphrase is refused at setup, naming the field, and nothing is created', async () => {
    const dataDir = newFolder();
    const session = lockable(dataDir);
    const result = await session.dispatch('session.setup', { passphrase: 'short' });
    expect(result.ok ? null : result.error).toMatchObject({ code: 'invalid_request', field: 'passphrase' });
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('setup over a plain store encrypts it and lists the plaintext leftovers for the user to settle', async () => {
    const dataDir = newFolder();
    const plain = openStore(dataDir);
    plain.db.prepare("INSERT INTO note (title, body, tags, classification) VALUES ('T', 'Canary-Gannet', '[]', 'NATO RESTRICTED')").run();
    plain.db.close();
    const session = lockable(dataDir);
    const setUp = value<SessionSetUp>(await session.dispatch('session.setup', { passphrase: 'correct horse battery' }));
    expect(setUp.plaintextLeftovers.length).toBe(1);
    expect(findPlaintext([dataDir], ['Canary-Gannet']).map((hit) => hit.file)).toEqual(setUp.plaintextLeftovers);
    value(await session.dispatch('session.settleLeftovers', { action: 'remove' }));
    expect(findPlaintext([dataDir], ['Canary-Gannet'])).toEqual([]);
    expect(value<SessionStatus>(await session.dispatch('session.status', {})).plaintextLeftovers).toEqual([]);
  });

  it('the draft journal key is derived, not the store key, and the same after a relock', async () => {
    const dataDir = newFolder();
    const session = lockable(dataDir);
    value(await session.dispatch('session.setup', { passphrase: 'correct horse battery' }));
    const first = value<{ key: string }>(await session.dispatch('session.draftKey', {})).key;
    await session.lock();
    value(await session.dispatch('session.unlock', { passphrase: 'correct horse battery' }));
    expect(value<{ key: string }>(await session.dispatch('session.draftKey', {})).key).toBe(first);
    expect(Buffer.from(first, 'base64')).toHaveLength(32);
  });

  it('changing the passphrase leaves the store file untouched', async () => {
    const dataDir = newFolder();
    const session = lockable(dataDir);
    value(await session.dispatch('session.setup', { passphrase: 'correct horse battery' }));
    await session.lock();
    value(await session.dispatch('session.unlock', { passphrase: 'correct horse battery' }));
    const file = path.join(dataDir, storeFileName);
    const before = fs.readFileSync(file);
    value(await session.dispatch('session.changePassphrase', { passphrase: 'correct horse battery', newPassphrase: 'another good one' }));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    await session.lock();
    value(await session.dispatch('session.unlock', { passphrase: 'another good one' }));
  });

  it('locking stops the core: the daily backup under way completes, encrypted and intact, before the store closes', async () => {
    const dataDir = newFolder();
    const events: ChangeEvent[] = [];
    const session = lockable(dataDir, { dailyBackups: true, events });
    value(await session.dispatch('session.setup', { passphrase: 'correct horse battery' }));
    // A fresh store has no backup yet, so the daily backup starts as the store's services start (a first call
    // waits for them); the lock comes at once.
    value(await session.dispatch('settings.get', {}));
    const core = session.current()?.core;
    expect(value<SessionStatus>(await session.dispatch('session.lock', {})).locked).toBe(true);
    expect(core?.db.open).toBe(false);
    const backups = listBackups(backupFolder(dataDir));
    expect(backups.map((backup) => backup.reason)).toEqual(['daily']);
    const [daily] = backups;
    expect(daily && isPlainStore(daily.file)).toBe(false);
    expect(fs.readdirSync(backupFolder(dataDir)).filter((name) => name.endsWith('.partial'))).toEqual([]);
    // Intact under the key, unreadable without it.
    const dataKey = await unlockWithPassphrase(dataDir, 'correct horse battery');
    expect(quickCheck(daily?.file ?? '', dataKey)).toBe('ok');
    expect(quickCheck(daily?.file ?? '')).not.toBe('ok');
    // Every window was told to drop what it holds: the unlock said "everything", the lock "locked".
    expect(events.map((event) => event.scope)).toEqual(['everything', 'locked']);
  });

  it('announces what a session call changed, as its channel declares: settled leftovers change the backup list', async () => {
    const dataDir = newFolder();
    const plain = openStore(dataDir);
    plain.db.close();
    const events: ChangeEvent[] = [];
    const session = lockable(dataDir, { events });
    value(await session.dispatch('session.setup', { passphrase: 'correct horse battery' }));
    value(await session.dispatch('session.settleLeftovers', { action: 'encrypt' }));
    expect(events).toEqual([
      { channel: 'session.setup', scope: 'everything' },
      { channel: 'session.settleLeftovers', scope: 'touched', touched: [{ entity: 'backup', how: 'updated', ids: [] }] },
    ]);
    // Nothing read changes hands for a passphrase change.
    value(await session.dispatch('session.changePassphrase', { passphrase: 'correct horse battery', newPassphrase: 'another good one' }));
    expect(events).toHaveLength(2);
  });

  it('an unencrypted folder, where allowed (the web harness), opens without a passphrase, cannot be locked, and setup encrypts it', async () => {
    const dataDir = newFolder();
    const session = lockable(dataDir, { allowUnencrypted: true });
    expect(await session.unlockSilently()).toBe(true);
    expect(value<SessionStatus>(await session.dispatch('session.status', {}))).toEqual({
      locked: false,
      keysSet: false,
      plaintextLeftovers: [],
      askAtStart: false,
      keychainProtects: false,
    });
    value(
      await session.dispatch('note.create', {
        meetingId: 1,
        title: 'T',
        body: 'Canary-Plover',
        tags: [],
        classification: 'NATO RESTRICTED',
      }),
    );
    const lock = await session.dispatch('session.lock', {});
    expect(lock.ok ? null : lock.error).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('not encrypted') });
    expect((await session.dispatch('summit.list', {})).ok).toBe(true);
    expect(isPlainStore(path.join(dataDir, storeFileName))).toBe(true);

    value(await session.dispatch('session.setup', { passphrase: 'correct horse battery' }));
    expect(isPlainStore(path.join(dataDir, storeFileName))).toBe(false);
    expect(fs.existsSync(keyFilePath(dataDir))).toBe(true);
    expect(value<{ body: string }[]>(await session.dispatch('note.list', {})).some((note) => note.body === 'Canary-Plover')).toBe(true);
    await session.lock();
    // A folder with keys is never opened without the passphrase, allowed or not.
    const again = lockable(dataDir, { allowUnencrypted: true });
    expect(await again.unlockSilently()).toBe(false);
    expect((await again.dispatch('summit.list', {})).ok).toBe(false);
  });
});
