import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFolder, createBackup } from '../../backups.ts';
import { openStore } from '../../store.ts';
import { bytesLost, rowDump, tempDataDir } from '../../storeFaults.helpers.ts';
import { createDispatch } from '../dispatch.ts';
import { createHandlers } from './index.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function setUp(withBackups = true) {
  const dataDir = tempDataDir();
  folders.push(dataDir);
  const { db } = openStore(dataDir);
  let now = new Date('2026-11-30T10:00:00Z');
  const handlers = createHandlers({ db, clock: () => now, ...(withBackups ? { backups: { folder: backupFolder(dataDir) } } : {}) });
  return { db, dataDir, dispatch: createDispatch({ db, handlers }), later: () => (now = new Date(now.getTime() + 60_000)) };
}

describe('backup channels', () => {
  it('"Restore from backup": create, list, restore; the state before the restore is kept', async () => {
    const { db, dataDir, dispatch, later } = setUp();
    const saved = rowDump(db);
    const created = await dispatch('backup.create', {});
    expect(created).toMatchObject({ ok: true, value: { reason: 'manual', name: 'sherpa-20261130T100000Z-manual.sqlite' } });
    if (!created.ok) return;
    const backup = created.value as { name: string; file: string };
    expect(path.dirname(backup.file)).toBe(path.join(dataDir, 'backups'));

    expect(await dispatch('person.update', { id: 1, patch: { title: 'Changed later' }, expected: {} })).toMatchObject({ ok: true });
    later();
    expect(await dispatch('backup.list', {})).toMatchObject({ ok: true, value: [{ name: backup.name }] });
    const restored = await dispatch('backup.restore', { name: backup.name });
    expect(restored).toMatchObject({ ok: true, value: { restored: { name: backup.name }, before: { reason: 'before-restore' } } });
    expect(bytesLost(saved, rowDump(db))).toBe(0);
    expect(await dispatch('person.view', { id: 1 })).toMatchObject({ ok: true, value: { person: { title: 'Secretary General of NATO' } } });
  });

  it('keeps as many backups as the setting says', async () => {
    const { dispatch, later } = setUp();
    expect(await dispatch('settings.update', { backupsToKeep: 2 })).toMatchObject({ ok: true, value: { backupsToKeep: 2 } });
    for (let n = 0; n < 4; n += 1) {
      await dispatch('backup.create', {});
      later();
    }
    const listed = await dispatch('backup.list', {});
    expect(listed.ok && (listed.value as unknown[]).length).toBe(2);
  });

  it.each([
    ['an unknown backup', { name: 'sherpa-20200101T000000Z-manual.sqlite' }, 'There is no backup named'],
    ['a path out of the folder', { name: '../sherpa.sqlite' }, 'name: must be the name of a backup'],
    ['an absolute path', { name: '/etc/passwd' }, 'name: must be the name of a backup'],
  ])('refuses to restore %s, changing nothing', async (_case, request, message) => {
    const { db, dispatch } = setUp();
    const before = rowDump(db);
    const result = await dispatch('backup.restore', request);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining(message) } });
    expect(rowDump(db)).toEqual(before);
  });

  it('refuses a damaged backup file by name, with a reason the page words, and changes nothing', async () => {
    const { db, dataDir, dispatch } = setUp();
    const made = await dispatch('backup.create', {});
    expect(made.ok).toBe(true);
    const name = made.ok ? (made.value as { name: string }).name : '';
    // Half a backup, as a full disk or an interrupted copy leaves it.
    const file = path.join(backupFolder(dataDir), name);
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 3));
    const before = rowDump(db);
    expect(await dispatch('backup.restore', { name })).toEqual({
      ok: false,
      error: {
        code: 'invalid_request',
        message: `The backup ${name} is damaged; choose another one. Nothing was changed.`,
        field: 'name',
        reason: 'backup_damaged',
        params: { name },
      },
    });
    expect(rowDump(db)).toEqual(before);
  });

  it.each([
    ['a plain store', undefined],
    ['a store encrypted with its own key', randomBytes(32)],
  ])(
    'into %s, refuses a backup an encrypted Sherpa made on another computer as sealed by another key, not as damaged, and changes nothing',
    async (_case, key) => {
      // The travelling laptop's store, encrypted; its backup copied on its own into the new laptop's backups.
      const elsewhere = tempDataDir();
      folders.push(elsewhere);
      const travellingKey = randomBytes(32);
      const travelling = openStore(elsewhere, { key: travellingKey });
      const theirs = await createBackup(travelling.db, backupFolder(elsewhere), { reason: 'manual', key: travellingKey });
      travelling.db.close();
      const dataDir = tempDataDir();
      folders.push(dataDir);
      const { db } = openStore(dataDir, key ? { key } : {});
      const dispatch = createDispatch({
        db,
        handlers: createHandlers({ db, clock: () => new Date(), backups: { folder: backupFolder(dataDir), ...(key ? { key } : {}) } }),
      });
      fs.mkdirSync(backupFolder(dataDir), { recursive: true });
      fs.copyFileSync(theirs.file, path.join(backupFolder(dataDir), theirs.name));
      const before = rowDump(db);
      expect(await dispatch('backup.restore', { name: theirs.name })).toMatchObject({
        ok: false,
        error: { field: 'name', reason: 'backup_other_key', params: { name: theirs.name } },
      });
      expect(rowDump(db)).toEqual(before);
      db.close();
    },
  );

  it('answers plainly where backups are not set up', async () => {
    const { dispatch } = setUp(false);
    expect(await dispatch('backup.list', {})).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: 'Backups are not available in this window.', reason: 'backups_unavailable' },
    });
  });
});
