import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../open.ts';
import { latestVersion, type Migration, migrate, migrations, NewerDatabaseError, schemaVersion } from './index.ts';

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-migrate-')), 'store.sqlite');

describe('migrations', () => {
  it('are numbered in steps of 10, in order', () => {
    expect(migrations.length).toBeGreaterThan(0);
    migrations.forEach((migration, index) => {
      expect(migration.version % 10).toBe(0);
      if (index > 0) expect(migration.version).toBeGreaterThan((migrations[index - 1] as Migration).version);
    });
  });

  it('build a fresh store up to the latest version', () => {
    const db = openDatabase(':memory:');
    expect(schemaVersion(db)).toBe(latestVersion);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['summit', 'meeting', 'sector_entry', 'note', 'note_revision', 'search_text']));
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('upgrade a store written by the first version and keep its data searchable', () => {
    const file = tempFile();
    const old = new Database(file);
    const first = migrations[0] as Migration;
    migrate(old, [first]);
    old
      .prepare(
        "INSERT INTO summit (title, start_date, end_date, time_zone) VALUES ('Madrid Summit', '2022-06-28', '2022-06-30', 'Europe/Madrid')",
      )
      .run();
    old.close();

    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(latestVersion);
    expect(db.prepare('SELECT title FROM summit').pluck().all()).toEqual(['Madrid Summit']);
    expect(db.prepare("SELECT kind FROM search_text WHERE search_text MATCH 'madrid'").pluck().all()).toEqual(['summit']);
    db.close();
  });

  it('refuse a store from a newer Sherpa and leave the file untouched', () => {
    const file = tempFile();
    const newer = new Database(file);
    newer.exec('CREATE TABLE future (x)');
    newer.pragma(`user_version = ${latestVersion + 10}`);
    newer.close();
    const before = fs.readFileSync(file);

    expect(() => openDatabase(file)).toThrow(NewerDatabaseError);
    expect(() => openDatabase(file)).toThrow(/newer version of Sherpa/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('roll back every pending migration when one fails', () => {
    const db = new Database(':memory:');
    const broken: Migration = {
      version: latestVersion + 10,
      name: 'broken',
      up: (target) => target.exec('CREATE TABLE half_done (x); SELECT * FROM no_such_table;'),
    };
    expect(() => migrate(db, [...migrations, broken])).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('summit', 'half_done')").pluck().get()).toBe(0);
  });
});
