import { sortKey } from '../../shared/sortKey.ts';
import type { Db } from '../open.ts';

/** The names each list is ordered by, and the key stored beside each (db/sortKeys.ts). */
const keyed = [
  { table: 'person', column: 'name', key: 'name_key' },
  { table: 'country', column: 'name', key: 'name_key' },
  { table: 'source', column: 'title', key: 'title_key' },
] as const;

/**
 * Gives every name holding a letter a new sortKey files differently its key again, where the key made now differs
 * from the one stored, the table's triggers set aside meanwhile so no record reads as changed (the migrations
 * from 3050 on; 3040 wrote this out, and a committed migration never changes). A few thousand names at most: all
 * are read.
 */
export function namesKeyedAgain(db: Db, keyedAnew: RegExp): void {
  for (const { table, column, key } of keyed) {
    const rows = db.prepare(`SELECT id, ${column} AS text, ${key} AS key FROM ${table} WHERE ${column} IS NOT NULL`).all() as {
      id: number;
      text: string;
      key: string | null;
    }[];
    const changed = rows.flatMap((row) => {
      if (!keyedAnew.test(row.text)) return [];
      const key = sortKey(row.text);
      return key === row.key ? [] : [{ id: row.id, key }];
    });
    if (changed.length === 0) continue;
    const triggers = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?`).all(table) as {
      name: string;
      sql: string;
    }[];
    for (const trigger of triggers) db.exec(`DROP TRIGGER "${trigger.name}"`);
    const write = db.prepare(`UPDATE ${table} SET ${key} = ? WHERE id = ?`);
    for (const row of changed) write.run(row.key, row.id);
    for (const trigger of triggers) db.exec(trigger.sql);
  }
}
