import type { Db } from './open.ts';
import { statement } from './sql.ts';

/** Rows of one table that a delete takes along: removed by ON DELETE CASCADE, or unlinked by SET NULL. */
export interface Dependent {
  table: string;
  how: 'deleted' | 'updated';
  rows: Record<string, unknown>[];
}

interface Reference {
  child: string;
  from: string;
  to: string;
  onDelete: string;
}

const referencesCache = new WeakMap<Db, Map<string, Reference[]>>();

/** Who points at each table, read once per connection from the schema's own foreign keys. */
function referencesTo(db: Db, parent: string): Reference[] {
  let byParent = referencesCache.get(db);
  if (!byParent) {
    byParent = new Map();
    const tables = statement(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[];
    for (const { name } of tables) {
      const keys = db.pragma(`foreign_key_list("${name.replaceAll('"', '""')}")`) as {
        table: string;
        from: string;
        to: string | null;
        on_delete: string;
      }[];
      for (const key of keys) {
        const list = byParent.get(key.table) ?? [];
        list.push({ child: name, from: key.from, to: key.to ?? 'id', onDelete: key.on_delete });
        byParent.set(key.table, list);
      }
    }
    referencesCache.set(db, byParent);
  }
  return byParent.get(parent) ?? [];
}

/**
 * What deleting one row will take with it, read before the delete: cascades
 * followed all the way down, links set to NULL one step. Windows showing any
 * of it are told, not only those showing the deleted row.
 */
export function dependentsOf(db: Db, table: string, id: number): Dependent[] {
  const found: Dependent[] = [];
  const visit = (parent: string, row: Record<string, unknown>) => {
    for (const reference of referencesTo(db, parent)) {
      const rows = statement(db, `SELECT * FROM "${reference.child}" WHERE "${reference.from}" = ?`).all(row[reference.to]) as Record<
        string,
        unknown
      >[];
      if (rows.length === 0) continue;
      if (reference.onDelete === 'CASCADE') {
        found.push({ table: reference.child, how: 'deleted', rows });
        for (const child of rows) visit(reference.child, child);
      } else if (reference.onDelete === 'SET NULL') {
        found.push({ table: reference.child, how: 'updated', rows });
      }
    }
  };
  const row = statement(db, `SELECT * FROM "${table}" WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  if (row) visit(table, row);
  return found;
}
