import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cipherOf } from './cipher.ts';
import { registerSqlFunctions } from './functions.ts';
import { type Db, openDatabase } from './open.ts';
import { loadSampleIfEmpty } from './sample/vilnius-2023.ts';
import { search } from './search.ts';

// Which cipher a store is sealed with, on real files: new stores are AEGIS, stores an earlier Sherpa made
// (ChaCha20-Poly1305, SQLite3MultipleCiphers' default) still open and read the same.

const folders: string[] = [];
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});
function newFile(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-cipher-'));
  folders.push(folder);
  return path.join(folder, 'sherpa.sqlite');
}
function keep(db: Db): Db {
  open.push(db);
  return db;
}

/** Opens the file exactly as Sherpa did before AEGIS (db/open.ts until round 31): the raw key, no cipher named. */
function openAsEarlierSherpa(file: string, key: Buffer): Db {
  const db = keep(new Database(file, { fileMustExist: true }));
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  registerSqlFunctions(db);
  return db;
}

function storeWithSample(file: string, key: Buffer, cipherOfNewFile?: 'aegis' | 'chacha20'): void {
  const db = openDatabase(file, { key, ...(cipherOfNewFile ? { cipherOfNewFile } : {}) });
  loadSampleIfEmpty(db);
  db.close();
}

const everyRow = (db: Db) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]).map((name) =>
    JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).raw().all()),
  );
const hits = (db: Db, text: string) => search(db, { text, limit: 50 }).map((hit) => `${hit.kind}:${hit.id}`);

describe('the store cipher', () => {
  it('makes new stores with AEGIS, which an earlier Sherpa (ChaCha20) cannot open', () => {
    const file = newFile();
    const key = randomBytes(32);
    storeWithSample(file, key);
    const db = keep(openDatabase(file, { key }));
    expect(cipherOf(db)).toBe('aegis');
    expect(hits(db, 'Stoltenberg').length).toBeGreaterThan(0);
    expect(() => openAsEarlierSherpa(file, key).prepare('SELECT count(*) FROM sqlite_schema').get()).toThrow(/not a database/);
  });

  it('opens a store an earlier Sherpa made (ChaCha20), reading the same rows and search results', () => {
    const file = newFile();
    const key = randomBytes(32);
    storeWithSample(file, key, 'chacha20');
    // Made as an earlier Sherpa made it: that Sherpa opens it, naming no cipher.
    const earlier = openAsEarlierSherpa(file, key);
    const rowsThen = everyRow(earlier);
    const hitsThen = hits(earlier, 'Stoltenberg');
    earlier.close();
    expect(hitsThen.length).toBeGreaterThan(0);
    const db = keep(openDatabase(file, { key }));
    expect(cipherOf(db)).toBe('chacha20');
    expect(everyRow(db)).toEqual(rowsThen);
    expect(hits(db, 'Stoltenberg')).toEqual(hitsThen);
  });

  it('reads what an earlier store’s -wal holds after a crash (the store and its -wal copied while open)', () => {
    const file = newFile();
    const key = randomBytes(32);
    storeWithSample(file, key, 'chacha20');
    const writer = keep(openDatabase(file, { key, migrate: false }));
    writer.pragma('wal_autocheckpoint = 0');
    writer.prepare("UPDATE summit SET city = city || ' (after the crash)'").run();
    const crashed = newFile();
    fs.copyFileSync(file, crashed);
    fs.copyFileSync(`${file}-wal`, `${crashed}-wal`);
    const db = keep(openDatabase(crashed, { key, migrate: false }));
    expect(cipherOf(db)).toBe('chacha20');
    expect(db.prepare("SELECT count(*) FROM summit WHERE city NOT LIKE '% (after the crash)'").pluck().get()).toBe(0);
  });

  it.each(['aegis', 'chacha20'] as const)('refuses a %s store with a wrong key, changing nothing', (cipher) => {
    const file = newFile();
    const key = randomBytes(32);
    storeWithSample(file, key, cipher);
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file, { key: randomBytes(32) })).toThrow(/file is not a database/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses an AEGIS store with a changed byte as damaged', () => {
    const file = newFile();
    const key = randomBytes(32);
    storeWithSample(file, key);
    const pageSize = 4096;
    const bytes = fs.readFileSync(file);
    const page = Math.floor(bytes.length / pageSize / 2);
    bytes[page * pageSize + 100] = (bytes[page * pageSize + 100] ?? 0) ^ 1;
    fs.writeFileSync(file, bytes);
    const db = keep(openDatabase(file, { key, migrate: false }));
    // SQLITE_CORRUPT (11) on the page whose seal no longer matches: the start-up check takes it for damage.
    expect(complaintOf(db)).toMatch(/error code=11|malformed/);
  });
});

/** What SQLite says reading every page: integrity_check's answer, or the error it gives. */
function complaintOf(db: Db): string {
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
