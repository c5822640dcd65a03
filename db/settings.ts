import type { Db } from './open.ts';
import { statement } from './sql.ts';

/** Settings are JSON values under a key; unknown keys read as undefined. */
export function readSetting(db: Db, key: string): unknown {
  const row = statement(db, 'SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined;
  return row === undefined ? undefined : JSON.parse(row.value);
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  statement(db, 'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  );
}
