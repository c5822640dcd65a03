import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { readSyncAccount, writeSyncAccount } from '../../db/sync/account.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { openPassword, sealPassword } from './credentials.ts';
import { ensureDeskKeys } from './deskKeys.ts';

describe('the replication password', () => {
  it('is never readable in the store file, even unencrypted, and opens again on this desk', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-credentials-'));
    const file = path.join(folder, 'sherpa.sqlite');
    const password = 'correct-horse-바테리-staple';
    try {
      const db = openDatabase(file);
      ensureDeskKeys(db, 'Vilnius desk');
      writeSyncAccount(db, { url: 'https://couch.desk.example', username: 'kim', passwordSealed: sealPassword(db, password) });
      db.pragma('wal_checkpoint(TRUNCATE)');
      const sealed = readSyncAccount(db)?.passwordSealed ?? '';
      expect(openPassword(db, sealed)).toBe(password);
      db.close();
      for (const name of fs.readdirSync(folder)) {
        const bytes = fs.readFileSync(path.join(folder, name));
        expect(bytes.includes(Buffer.from(password, 'utf8'))).toBe(false);
        expect(bytes.includes(Buffer.from('correct-horse'))).toBe(false);
      }
      expect(fs.readFileSync(file).includes(Buffer.from('kim'))).toBe(true);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('sealed on one desk does not open on another, and a changed byte is refused', () => {
    const a = openScratchDatabase();
    const b = openScratchDatabase();
    ensureDeskKeys(a, 'A');
    ensureDeskKeys(b, 'B');
    const sealed = sealPassword(a, 'secret');
    expect(openPassword(b, sealed)).toBeNull();
    const [version, iv, tag, body] = sealed.split('.') as [string, string, string, string];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(openPassword(a, [version, iv, tag, flipped.toString('base64url')].join('.'))).toBeNull();
    expect(sealPassword(a, '')).toBe('');
  });
});
