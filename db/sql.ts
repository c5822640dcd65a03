import type { Statement } from 'better-sqlite3';
import type { Db } from './open.ts';
import { sortKeysBeside } from './sortKeys.ts';

/**
 * What is worked out once per connection and key (a prepared statement, a
 * table's columns), kept as long as the connection is.
 */
export function perConnection<T>(): (db: Db, key: string, make: () => T) => T {
  const cache = new WeakMap<Db, Map<string, T>>();
  return (db, key, make) => {
    let perDb = cache.get(db);
    if (!perDb) {
      perDb = new Map();
      cache.set(db, perDb);
    }
    let value = perDb.get(key);
    if (value === undefined) {
      value = make();
      perDb.set(key, value);
    }
    return value;
  };
}

const prepared = perConnection<Statement>();

/** Prepared statements are reused per connection: preparing is most of a small query's cost. */
export function statement(db: Db, sql: string): Statement {
  return prepared(db, sql, () => db.prepare(sql));
}

/**
 * The id a new row of `table` gets: above every id in use and every id ever
 * deleted (migration 0300), so an Undo can always put a deleted record back
 * under its own id.
 */
export function nextId(db: Db, table: string): number {
  const highest = `coalesce((SELECT max(id) FROM "${table}"), 0)`;
  let row: { id: number };
  try {
    row = statement(db, `SELECT max(${highest}, coalesce((SELECT id FROM id_high_water WHERE table_name = ?), 0)) + 1 AS id`).get(
      table,
    ) as { id: number };
  } catch (error) {
    // Only a store not yet migrated to 0300 (a migration test seeding an old schema) lacks the table.
    if (!String((error as Error).message).includes('no such table: id_high_water')) throw error;
    row = statement(db, `SELECT ${highest} + 1 AS id`).get() as { id: number };
  }
  return row.id;
}

/** Maps a domain object's camelCase fields onto a table's snake_case columns. */
export type ColumnMap<T> = { readonly [K in keyof T]-?: string };

export function selectList<T>(columns: ColumnMap<T>, alias = ''): string {
  const prefix = alias ? `${alias}.` : '';
  return Object.entries(columns as Record<string, string>)
    .map(([field, column]) => `${prefix}${column} AS "${field}"`)
    .join(', ');
}

export class NotFoundError extends Error {
  constructor(kind: string, id: number | string) {
    super(`No ${kind} with id ${id}.`);
    this.name = 'NotFoundError';
  }
}

export interface TableSpec<T extends { id: number }> {
  readonly table: string;
  /** The name a user reads in "No meeting with id 4." */
  readonly kind: string;
  readonly columns: ColumnMap<T>;
  /** Whether the table has an `updated_at` column to stamp on every update. */
  readonly touch: boolean;
  /**
   * Converts a raw row (0/1 flags, JSON text) into the domain shape. The row is
   * fresh from the statement and no one else's: converting it in place spares a
   * copy of every field of every row read.
   */
  readonly fromRow?: (row: Record<string, unknown>) => T;
}

/** The plain read and write operations every domain table shares. */
export function table<T extends { id: number }>(spec: TableSpec<T>) {
  const { table: name, kind, columns, touch } = spec;
  const columnOf = columns as Record<string, string>;
  const select = `SELECT ${selectList(columns)} FROM ${name}`;
  // Built once: a statement is found by its text, and a text made anew on every call is hashed anew (a brief reads six).
  const byId = `${select} WHERE id = ?`;
  const withWhere = new Map<string, string>();
  const selectWhere = (where: string) => {
    let sql = withWhere.get(where);
    if (sql === undefined) {
      sql = `${select} ${where}`;
      withWhere.set(where, sql);
    }
    return sql;
  };
  const convert = (row: unknown) => (spec.fromRow ? spec.fromRow(row as Record<string, unknown>) : (row as T));
  const writable = (values: object) => Object.keys(values).filter((field) => field in columnOf && field !== 'id');
  const sortKeysOf = (db: Db, values: object, fields: readonly string[]) =>
    sortKeysBeside(db, name, new Map(fields.map((field) => [columnOf[field] as string, (values as Record<string, unknown>)[field]])));

  return {
    table: name,
    select,
    columns,
    convert,
    all(db: Db, where = '', ...params: unknown[]): T[] {
      return statement(db, selectWhere(where))
        .all(...params)
        .map(convert);
    },
    find(db: Db, id: number): T | undefined {
      const row = statement(db, byId).get(id);
      return row === undefined ? undefined : convert(row);
    },
    get(db: Db, id: number): T {
      const row = statement(db, byId).get(id);
      if (row === undefined) throw new NotFoundError(kind, id);
      return convert(row);
    },
    insert(db: Db, values: Partial<T>): number {
      const fields = writable(values);
      const keys = sortKeysOf(db, values, fields);
      const sql = `INSERT INTO ${name} (id, ${[...fields.map((field) => columnOf[field]), ...keys.keys()].join(', ')})
        VALUES (@id, ${[...fields.map((field) => `@${field}`), ...[...keys.keys()].map((key) => `@${key}`)].join(', ')})`;
      const id = nextId(db, name);
      statement(db, sql).run({ ...toParams(values, fields), ...Object.fromEntries(keys), id });
      return id;
    },
    /** Updates only the fields present in `patch`. */
    update(db: Db, id: number, patch: Partial<T>): void {
      const keys = sortKeysOf(db, patch, writable(patch));
      const assignments = [
        ...writable(patch).map((field) => `${columnOf[field]} = @${field}`),
        ...[...keys.keys()].map((key) => `${key} = @${key}`),
      ];
      if (touch) assignments.push(`updated_at = strftime('%Y-%m-%dT%H:%M:%fZ')`);
      if (assignments.length === 0) {
        this.get(db, id);
        return;
      }
      const sql = `UPDATE ${name} SET ${assignments.join(', ')} WHERE id = @id`;
      const result = statement(db, sql).run({ ...toParams(patch, writable(patch)), ...Object.fromEntries(keys), id });
      if (result.changes === 0) throw new NotFoundError(kind, id);
    },
    remove(db: Db, id: number): void {
      const result = statement(db, `DELETE FROM ${name} WHERE id = ?`).run(id);
      if (result.changes === 0) throw new NotFoundError(kind, id);
    },
  };
}

function toParams(values: object, fields: readonly string[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const field of fields) {
    const value = (values as Record<string, unknown>)[field];
    if (typeof value === 'boolean') params[field] = Number(value);
    else if (Array.isArray(value)) params[field] = JSON.stringify(value);
    else params[field] = value ?? null;
  }
  return params;
}
