import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { latestVersion, migrate, migrations } from '../../../db/migrations/index.ts';
import { backupFolder } from '../../backups.ts';
import { openStore } from '../../store.ts';
import { rowDump, sha256, tempDataDir } from '../../storeFaults.helpers.ts';
import { createDispatch } from '../dispatch.ts';
import { createHandlers } from './index.ts';

// Restore offers every file in the backups folder named as a backup. One that holds another program's
// database, or one a newer Sherpa wrote, replaced the store all the same: the app then answered every
// request with an internal error, and its next start found no Sherpa data (or refused the store as newer).
// A backup Sherpa itself took before an upgrade was restored at its old schema under the running app,
// which then wrote to tables it did not know until restarted. Each backup is read, never changed.

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function setUp() {
  const dataDir = tempDataDir();
  folders.push(dataDir);
  const { db } = openStore(dataDir);
  const handlers = createHandlers({ db, clock: () => new Date('2026-11-30T10:00:00Z'), backups: { folder: backupFolder(dataDir) } });
  fs.mkdirSync(backupFolder(dataDir), { recursive: true });
  return { db, folder: backupFolder(dataDir), dispatch: createDispatch({ db, handlers }) };
}

const stateOf = (file: string) => ({ sha: sha256(file), mtime: fs.statSync(file).mtimeMs });

describe('restoring a file from the backups folder that this Sherpa cannot take as it is', () => {
  it('refuses another program’s database and one from a newer Sherpa, naming the backup, changing nothing', async () => {
    const { db, folder, dispatch } = setUp();
    const foreign = 'sherpa-20261101T090000Z-manual.sqlite';
    const other = new Database(path.join(folder, foreign));
    other.exec('CREATE TABLE photo (id INTEGER PRIMARY KEY, path TEXT)');
    other.close();
    const newer = 'sherpa-20261102T090000Z-manual.sqlite';
    const later = new Database(path.join(folder, newer));
    migrate(later);
    later.pragma(`user_version = ${latestVersion + 10}`);
    later.close();
    const files = [foreign, newer].map((name) => path.join(folder, name));
    const before = { rows: rowDump(db), backups: fs.readdirSync(folder).sort(), files: files.map(stateOf) };

    expect(await dispatch('backup.restore', { name: foreign })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', reason: 'backup_not_sherpa', field: 'name', params: { name: foreign } },
    });
    expect(await dispatch('backup.restore', { name: newer })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', reason: 'backup_newer', field: 'name', params: { name: newer } },
    });
    expect({ rows: rowDump(db), backups: fs.readdirSync(folder).sort(), files: files.map(stateOf) }).toEqual(before);
    expect(await dispatch('summit.list', {})).toMatchObject({ ok: true, value: [{ title: 'NATO Summit, Vilnius 2023' }] });
  });

  it('brings a backup taken before an upgrade to this version as it restores it, leaving the backup as it was', async () => {
    const { db, folder, dispatch } = setUp();
    const name = 'sherpa-20261101T090000Z-before-migration.sqlite';
    const file = path.join(folder, name);
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    migrate(old, migrations.slice(0, -5));
    old
      .prepare(
        `INSERT INTO summit (title, start_date, end_date, time_zone) VALUES ('Madrid Summit', '2022-06-28', '2022-06-30', 'Europe/Madrid')`,
      )
      .run();
    const oldVersion = old.pragma('user_version', { simple: true });
    old.close();
    expect(oldVersion).toBeLessThan(latestVersion);
    const backup = stateOf(file);
    const schema = () => db.prepare("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();
    const current = schema();

    expect(await dispatch('backup.restore', { name })).toMatchObject({ ok: true, value: { restored: { name } } });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(schema()).toEqual(current);
    expect(await dispatch('summit.list', {})).toMatchObject({ ok: true, value: [{ title: 'Madrid Summit' }] });
    const [madrid] = (db.prepare('SELECT id FROM summit').pluck().all() as number[]) ?? [];
    expect(await dispatch('summit.update', { id: madrid ?? 0, patch: { city: 'Madrid' }, expected: {} })).toMatchObject({ ok: true });
    expect(stateOf(file)).toEqual(backup);
    expect(fs.readdirSync(folder).filter((entry) => !entry.endsWith('.sqlite'))).toEqual([]);
  });
});
