import { sortKey } from '../../shared/sortKey.ts';
import type { Migration } from './index.ts';

// SQLite compares code points, so "Élysée", "Łukasz" and "ʻAkilisi" were
// listed after "Zagreb". Each name a list is ordered by gets a key beside it
// (shared/sortKey.ts: no accents, no ʻokina, one case), written by every write
// of the name (db/sortKeys.ts), with an index in the order the lists read.
// The rows there are get theirs here. The key is not an edit, so no trigger
// sees it written: the table's triggers (search index, replication) are set
// aside meanwhile and put back exactly as they were. Through them, each row
// cost a search-index rewrite, about a millisecond.

const keyed = [
  { table: 'person', column: 'name', key: 'name_key' },
  { table: 'country', column: 'name', key: 'name_key' },
  { table: 'source', column: 'title', key: 'title_key' },
] as const;

export const nameSortKeys: Migration = {
  version: 1590,
  name: 'names sort as a reader expects',
  up(db) {
    for (const { table, column, key } of keyed) {
      db.exec(`ALTER TABLE ${table} ADD COLUMN ${key} TEXT NOT NULL DEFAULT ''`);
      const rows = db.prepare(`SELECT id, ${column} AS text FROM ${table}`).all() as { id: number; text: string }[];
      const triggers = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?`).all(table) as {
        name: string;
        sql: string;
      }[];
      for (const trigger of triggers) db.exec(`DROP TRIGGER "${trigger.name}"`);
      const write = db.prepare(`UPDATE ${table} SET ${key} = ? WHERE id = ?`);
      for (const row of rows) write.run(sortKey(row.text), row.id);
      for (const trigger of triggers) db.exec(trigger.sql);
    }
    db.exec(`
      CREATE INDEX person_by_name_key ON person(name_key, name);
      CREATE INDEX source_by_title_key ON source(title_key, title);
    `);
  },
};
