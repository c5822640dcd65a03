import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open.ts';

describe('openDatabase', () => {
  it('opens a file store with WAL, foreign keys, full sync and a busy timeout', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-open-')), 'store.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    db.close();
  });

  it('rejects a row that breaks a foreign key', () => {
    const db = openDatabase(':memory:');
    expect(() => db.prepare("INSERT INTO sector (programme_id, name) VALUES (999, 'Cyber')").run()).toThrow(/FOREIGN KEY/);
  });
});
