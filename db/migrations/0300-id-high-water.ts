import type { Migration } from './index.ts';

// Tables use INTEGER PRIMARY KEY without AUTOINCREMENT, so SQLite hands a new
// row the highest id in use plus one: delete the newest sector, create
// another, and the new one takes the freed id, so Undo can no longer put the
// deleted one back. Each table's highest deleted id is kept here by a trigger,
// and the insert helpers (db/sql.ts `nextId`) count from above it. A table
// added later needs its own trigger (see `idHighWaterTrigger`).
// Every table a delete can take rows from and an Undo put back (by id).
const recordTables = [
  'source',
  'country',
  'person',
  'summit',
  'meeting',
  'programme',
  'sector',
  'sector_entry',
  'timeline_event',
  'note',
  'follow_up',
  'briefing_pack',
];

export const idHighWater: Migration = {
  version: 300,
  name: 'ids of deleted records are never reused',
  up(db) {
    db.exec(`
      CREATE TABLE id_high_water (
        table_name TEXT PRIMARY KEY,
        id INTEGER NOT NULL
      ) WITHOUT ROWID;
    `);
    for (const table of recordTables) db.exec(idHighWaterTrigger(table));
  },
};

/** Keeps the highest id ever deleted from `table`. */
export function idHighWaterTrigger(table: string): string {
  return `
    CREATE TRIGGER ${table}_id_high_water AFTER DELETE ON ${table} BEGIN
      INSERT INTO id_high_water (table_name, id) VALUES ('${table}', old.id)
      ON CONFLICT (table_name) DO UPDATE SET id = max(id, excluded.id);
    END;`;
}
