import { describe, expect, it } from 'vitest';
import { openDatabase } from '../open.ts';
import { migrate, migrations } from './index.ts';

describe('0530 summits shared by replication; the password sealed', () => {
  it('drops a password an older version kept in clear and keeps the server, its progress and its state', () => {
    const db = openDatabase(':memory:', { migrate: false });
    migrate(
      db,
      migrations.filter((migration) => migration.version < 530),
    );
    db.exec(`INSERT INTO sync_account (id, url, username, password, pushed_through, last_synced_at)
             VALUES (1, 'https://couch.desk.example/summit', 'kim', 'plain-secret', 42, '2026-12-01T10:00:00.000Z')`);
    migrate(
      db,
      migrations.filter((migration) => migration.version <= 530),
    );
    expect(db.prepare('SELECT * FROM sync_account').get()).toEqual({
      id: 1,
      url: 'https://couch.desk.example/summit',
      username: 'kim',
      password: '',
      pushed_through: 42,
      last_synced_at: '2026-12-01T10:00:00.000Z',
      last_error: null,
      password_sealed: '',
      database_prefix: 'sherpa',
      last_error_kind: null,
    });
    expect(db.prepare('SELECT count(*) FROM sync_shared_summit').pluck().get()).toBe(0);
    expect(() => db.exec(`UPDATE sync_account SET database_prefix = 'Bad Name'`)).toThrow(/CHECK/);
  });
});
