import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent, Result, StoreWrites } from '../shared/contract.ts';
import { refusalsEn } from '../shared/refusalTexts.ts';
import { backupFolder, createBackupSync } from './backups.ts';
import { cleanCloseFile } from './cleanClose.ts';
import { type Core, createCore } from './core.ts';
import type { PdfEngine } from './pdf/engine.ts';
import { checkStoreApart } from './storeCheckApart.ts';
import { bytesLost, rowDump, rowDumpOfFile, scribble, tempDataDir } from './storeFaults.helpers.ts';
import type { StoreNotice } from './storeHealth.ts';

// After a start without a clean-close record (a crash, a kill, a power cut) the
// store is shown at once and read through on a worker thread (quick_check);
// every write is refused until that check has passed, and a store it finds
// damaged is replaced by its newest good backup before any edit reached it.

const folders: string[] = [];
const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.stop();
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});
function newFolder(): string {
  const folder = tempDataDir();
  folders.push(folder);
  return folder;
}

const noPrinting: PdfEngine = {
  name: 'none',
  print: () => Promise.reject(new Error('this test prints nothing')),
  close: async () => undefined,
};

const note = { meetingId: 1, title: 'Prep', body: 'Canary-Kestrel before the crash', tags: [], classification: 'NATO UNCLASSIFIED' };
const noteDuringCheck = { ...note, body: 'Canary-Plover typed while the store was being checked' };

/** A store with the sample, one note and a backup, then left as a crash leaves it: no clean-close record. */
async function storeLeftByACrash(dataDir: string, key?: Buffer): Promise<void> {
  const core = createCore({ dataDir, engine: noPrinting, dailyBackups: false, ...(key ? { key } : {}) });
  expect((await core.dispatch('note.create', note)).ok).toBe(true);
  createBackupSync(core.db, backupFolder(dataDir), { reason: 'manual', now: new Date('2026-11-29T10:00:00Z'), ...(key ? { key } : {}) });
  await core.stop();
  fs.rmSync(cleanCloseFile(path.join(dataDir, 'sherpa.sqlite')));
}

/** The check's start, held until the test lets it go: what the page sees while the store is being checked. */
function heldCheck() {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { held, release };
}

function opened(dataDir: string, fullCheckAfter: Promise<void>, key?: Buffer) {
  const events: ChangeEvent[] = [];
  const notices: StoreNotice[] = [];
  const core = createCore({
    dataDir,
    engine: noPrinting,
    dailyBackups: false,
    fullCheckAfter,
    fullCheckDelayMs: 0,
    onChange: (event) => events.push(event),
    onNotice: (notice) => notices.push(notice),
    ...(key ? { key } : {}),
  });
  cores.push(core);
  return { core, events, notices };
}

const stillPending = <T>(promise: Promise<T>) =>
  Promise.race([promise, new Promise<'pending'>((resolve) => setImmediate(resolve, 'pending'))]);
const answerOf = <T>(result: Result<unknown>) => (result.ok ? (result.value as T) : undefined);
const bodies = (result: Result<unknown>) => (answerOf<{ body: string }[]>(result) ?? []).map((each) => each.body);

describe('a start without a clean-close record', () => {
  it('answers reads before the full check, refuses every write with a sentence until it passes, then takes them', async () => {
    const dataDir = newFolder();
    await storeLeftByACrash(dataDir);
    const check = heldCheck();
    const { core, events } = opened(dataDir, check.held);

    const notes = await core.dispatch('note.list', {});
    expect(bodies(notes)).toEqual([note.body]);
    expect((await core.dispatch('dashboard.get', {})).ok).toBe(true);
    expect((await core.dispatch('search.query', { text: 'Kestrel' })).ok).toBe(true);
    expect(answerOf<StoreWrites>(await core.dispatch('store.writes', {}))).toEqual({ writable: false, reason: 'store_being_checked' });
    expect(await stillPending(core.writes)).toBe('pending');

    const before = rowDump(core.db);
    const refused = await core.dispatch('note.create', noteDuringCheck);
    expect(refused).toEqual({
      ok: false,
      error: { code: 'read_only', message: refusalsEn.reasons.store_being_checked, reason: 'store_being_checked' },
    });
    const settings = await core.dispatch('settings.update', { theme: 'dark' });
    expect(!settings.ok && settings.error.reason).toBe('store_being_checked');
    expect(bytesLost(before, rowDump(core.db))).toBe(0);
    expect(rowDump(core.db).get('note')).toBe(before.get('note'));

    const checkedFrom = Date.now();
    check.release();
    expect(await core.writes).toBe('writable');
    expect(events).toContainEqual({ channel: 'store.writes', scope: 'touched', touched: [{ entity: 'store', how: 'updated', ids: [] }] });
    expect(answerOf<StoreWrites>(await core.dispatch('store.writes', {}))).toEqual({ writable: true, reason: null });
    expect((await core.dispatch('note.create', noteDuringCheck)).ok).toBe(true);
    expect(bodies(await core.dispatch('note.list', {})).sort()).toEqual([note.body, noteDuringCheck.body].sort());
    expect(core.store.notices).toEqual([]);

    await core.stop();
    // The check that passed is the last full check the next start counts from.
    const record = JSON.parse(fs.readFileSync(cleanCloseFile(core.store.file), 'utf8')) as { checkedAt: string };
    expect(Date.parse(record.checkedAt)).toBeGreaterThanOrEqual(checkedFrom - 1000);
  });

  it('a store closed before its check passed leaves no clean-close record: the next start checks it again', async () => {
    const dataDir = newFolder();
    await storeLeftByACrash(dataDir);
    const { core } = opened(dataDir, new Promise<void>(() => {}));
    expect((await core.dispatch('note.list', {})).ok).toBe(true);
    await core.stop();
    expect(await core.writes).toBe('stopped');
    expect(fs.existsSync(cleanCloseFile(core.store.file))).toBe(false);
  });

  it('damage the check finds after the store was shown: no write reached it, the backup is restored and the user told', async () => {
    const dataDir = newFolder();
    await storeLeftByACrash(dataDir);
    const file = path.join(dataDir, 'sherpa.sqlite');
    const backupRows = rowDumpOfFile(fs.readdirSync(backupFolder(dataDir)).map((name) => path.join(backupFolder(dataDir), name))[0] ?? '');
    const check = heldCheck();
    const { core, events, notices } = opened(dataDir, check.held);
    expect(bodies(await core.dispatch('note.list', {}))).toEqual([note.body]);
    // The disk damages the file while Sherpa shows it.
    scribble(file, 4096 * 3, 4096 * 4);
    const refused = await core.dispatch('note.create', noteDuringCheck);
    expect(!refused.ok && refused.error.reason).toBe('store_being_checked');

    check.release();
    expect(await core.writes).toBe('writable');
    expect(notices.map((notice) => notice.kind)).toEqual(['recovered']);
    expect(core.store.notices.map((notice) => notice.kind)).toEqual(['recovered']);
    expect(events).toContainEqual({ channel: 'backup.restore', scope: 'everything' });
    const damaged = fs.readdirSync(dataDir).filter((name) => name.startsWith('sherpa.sqlite.damaged-') && !/-(wal|shm)$/.test(name));
    expect(damaged).toHaveLength(1);
    // The store now is the backup, whole, and nothing typed during the check reached it or the damaged file.
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(bytesLost(backupRows, rowDump(core.db))).toBe(0);
    expect(bodies(await core.dispatch('note.list', {}))).toEqual([note.body]);
    expect(fs.readFileSync(path.join(dataDir, damaged[0] ?? '')).includes(Buffer.from('Canary-Plover'))).toBe(false);
    expect((await core.dispatch('note.create', noteDuringCheck)).ok).toBe(true);
  });

  it('damage found with no good backup: the store stays open for reading only, untouched, and says why', async () => {
    const dataDir = newFolder();
    await storeLeftByACrash(dataDir);
    fs.rmSync(backupFolder(dataDir), { recursive: true });
    const file = path.join(dataDir, 'sherpa.sqlite');
    const check = heldCheck();
    const { core, notices } = opened(dataDir, check.held);
    scribble(file, 4096 * 3, 4096 * 4);
    const damagedBytes = fs.readFileSync(file);

    check.release();
    expect(await core.writes).toBe('read-only');
    expect(notices).toEqual([]);
    expect(answerOf<StoreWrites>(await core.dispatch('store.writes', {}))).toEqual({ writable: false, reason: 'store_damaged_kept' });
    const refused = await core.dispatch('note.create', noteDuringCheck);
    expect(!refused.ok && refused.error).toMatchObject({ code: 'read_only', reason: 'store_damaged_kept' });
    expect(!refused.ok && refused.error.message).toMatch(/is damaged [\s\S]* no good backup/);
    expect(fs.readFileSync(file).equals(damagedBytes)).toBe(true);
    expect(fs.readdirSync(dataDir).filter((name) => name.includes('.damaged-'))).toEqual([]);
  });

  it('an encrypted store is checked on the worker with its key, and then takes writes', async () => {
    const dataDir = newFolder();
    const key = randomBytes(32);
    await storeLeftByACrash(dataDir, key);
    const file = path.join(dataDir, 'sherpa.sqlite');
    // On the worker, with the key it was handed, and the store found whole; without the key it is no database.
    expect(await checkStoreApart(file, { key })).toEqual({ health: 'ok', ranOn: 'worker' });
    expect((await checkStoreApart(file)).health).toMatch(/not a database/);

    const check = heldCheck();
    const { core, notices } = opened(dataDir, check.held, key);
    expect(bodies(await core.dispatch('note.list', {}))).toEqual([note.body]);
    const refused = await core.dispatch('note.create', noteDuringCheck);
    expect(!refused.ok && refused.error.reason).toBe('store_being_checked');
    check.release();
    expect(await core.writes).toBe('writable');
    expect(notices).toEqual([]);
    expect((await core.dispatch('note.create', noteDuringCheck)).ok).toBe(true);
  });
});
