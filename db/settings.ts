import type { Db } from './open.ts';
import { statement } from './sql.ts';

/** Settings are JSON values under a key; unknown keys read as undefined. */
export function readSetting(db: Db, key: string): unknown {
  const text = readSettingText(db, key);
  return text === undefined ? undefined : JSON.parse(text);
}

/** A setting's JSON as stored, for a reader that parses it only when it changed. */
export function readSettingText(db: Db, key: string): string | undefined {
  return (statement(db, 'SELECT value FROM setting WHERE key = ?').pluck().get(key) as string | undefined) ?? undefined;
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  statement(db, 'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  );
}
