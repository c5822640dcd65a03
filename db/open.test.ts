import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createNote, saveNote } from './notes.ts';
import { openDatabase, walPagesBeforeCheckpoint } from './open.ts';

describe('openDatabase', () => {
  it('opens a file store with WAL, foreign keys, full sync, a busy timeout and its journals of statements in memory', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-open-')), 'store.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(walPagesBeforeCheckpoint);
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
    db.close();
  });

  it('keeps the saves of a burst of typing in the WAL, and copies them back into the file once, not every 60-odd saves', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-open-')), 'store.sqlite');
    const db = openDatabase(file);
    const notes = Array.from({ length: 400 }, (_, index) =>
      createNote(db, { sectorEntryId: null, meetingId: null }, { title: `Call ${index}`, body: '', tags: [], classification: '' }),
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
    const written = () => (db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]?.log ?? 0;
    db.pragma('wal_autocheckpoint = 0');
    for (const note of notes) db.transaction(() => saveNote(db, note.id, 1, { ...note, body: 'The reply is expected next week.' }))();
    const pagesOfTheSaves = written();
    db.pragma('wal_checkpoint(TRUNCATE)');

    // The same saves again, at the store's own setting: more pages than SQLite's default of 1,000, and all still in the WAL.
    db.pragma(`wal_autocheckpoint = ${walPagesBeforeCheckpoint}`);
    for (const note of notes) db.transaction(() => saveNote(db, note.id, 2, { ...note, body: 'Reply came.' }))();
    expect(pagesOfTheSaves).toBeGreaterThan(1000);
    expect(pagesOfTheSaves).toBeLessThan(walPagesBeforeCheckpoint);
    expect(written()).toBeGreaterThan(1000);
    db.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('gives the WAL its full length at open, keeps a save made into it through a crash, and still empties it at a clean close', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-open-'));
    const file = path.join(dir, 'store.sqlite');
    const db = openDatabase(file);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    expect(fs.statSync(`${file}-wal`).size).toBe(32 + walPagesBeforeCheckpoint * (pageSize + 24));
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, { title: 'Call', body: '', tags: [], classification: '' });
    db.transaction(() => saveNote(db, note.id, note.version, { ...note, body: 'Acknowledged before the crash.' }))();

    // The files as a crash leaves them (the save in the WAL, the zeros after it, no index), opened as the next start opens them.
    const crashed = path.join(dir, 'crashed.sqlite');
    fs.copyFileSync(file, crashed);
    fs.copyFileSync(`${file}-wal`, `${crashed}-wal`);
    const reopened = openDatabase(crashed);
    expect(reopened.prepare('SELECT body FROM note WHERE id = ?').pluck().get(note.id)).toBe('Acknowledged before the crash.');
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();

    db.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(fs.existsSync(`${crashed}-wal`)).toBe(false);
  });

  it('opens at once while another program is writing to the store, its WAL then left to grow as before', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-open-')), 'store.sqlite');
    openDatabase(file).close();
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    const db = openDatabase(file);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(fs.statSync(`${file}-wal`).size).toBe(0);
    other.exec('COMMIT');
    db.close();
    other.close();
  });

  it('rejects a row that breaks a foreign key', () => {
    const db = openDatabase(':memory:');
    expect(() => db.prepare("INSERT INTO sector (programme_id, name) VALUES (999, 'Cyber')").run()).toThrow(/FOREIGN KEY/);
  });
});
