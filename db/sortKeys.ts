import { sortKey } from '../shared/sortKey.ts';
import type { Db } from './open.ts';
import { perConnection } from './sql.ts';

/**
 * The columns a list of names is ordered by, and the key column (migration
 * 1590) each is kept beside: every write of the name writes its key too, the
 * store's, a replicated record's and a bundle's alike. A key is this store's
 * own, worked out here: it is never sent to another desk, nor taken from one.
 */
const keyColumns: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  person: { name: 'name_key' },
  country: { name: 'name_key' },
  source: { title: 'title_key' },
};

const keyColumnsThere = perConnection<ReadonlySet<string>>();

/** A store not yet at 1590 (a migration test seeding an old schema) has no key columns to write. */
function presentKeyColumns(db: Db, table: string): ReadonlySet<string> {
  const version = db.pragma('user_version', { simple: true }) as number;
  return keyColumnsThere(db, `${table}@${version}`, () => {
    const columns = new Set((db.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name));
    return new Set(Object.values(keyColumns[table] ?? {}).filter((column) => columns.has(column)));
  });
}

/** The key columns to write beside `written` (column → value) in `table`, each with its key. */
export function sortKeysBeside(db: Db, table: string, written: ReadonlyMap<string, unknown>): Map<string, string> {
  const keys = new Map<string, string>();
  const wanted = Object.entries(keyColumns[table] ?? {}).filter(([column]) => typeof written.get(column) === 'string');
  if (wanted.length === 0) return keys;
  const present = presentKeyColumns(db, table);
  for (const [column, keyColumn] of wanted) if (present.has(keyColumn)) keys.set(keyColumn, sortKey(written.get(column) as string));
  return keys;
}

/** Whether `column` of `table` is a key this store works out (a body that carries one is not believed). */
export function isSortKeyColumn(table: string, column: string): boolean {
  return Object.values(keyColumns[table] ?? {}).includes(column);
}
