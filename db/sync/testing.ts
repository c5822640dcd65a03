import type { Db } from '../open.ts';

/** Every row of every table, sorted: two snapshots are equal exactly when nothing in the store changed. */
export function storeSnapshot(db: Db): Record<string, string[]> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((table) => [
      table,
      (db.prepare(`SELECT * FROM "${table}"`).all() as unknown[])
        .map((row) => JSON.stringify(row, (_key, value) => (Buffer.isBuffer(value) ? value.toString('hex') : value)))
        .sort(),
    ]),
  );
}

/**
 * True when every record's row is exactly its winning revision: rewriting each
 * row in place would otherwise make its trigger record a new revision.
 */
export function rowsMatchWinners(db: Db, tables: readonly string[]): boolean {
  const before = db.prepare('SELECT count(*) FROM sync_rev').pluck().get();
  const rewrite = db.transaction(() => {
    for (const table of tables)
      db.exec(table === 'meeting_participant' ? 'UPDATE meeting_participant SET role = role' : `UPDATE ${table} SET id = id`);
    const after = db.prepare('SELECT count(*) FROM sync_rev').pluck().get();
    throw new RolledBack(after === before);
  });
  try {
    rewrite();
  } catch (error) {
    if (error instanceof RolledBack) return error.unchanged;
    throw error;
  }
  return false;
}

class RolledBack extends Error {
  readonly unchanged: boolean;
  constructor(unchanged: boolean) {
    super('rolled back');
    this.unchanged = unchanged;
  }
}
