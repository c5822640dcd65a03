import type { Db } from '../open.ts';
import type { Migration } from './index.ts';

// Every record gets CouchDB's identity and history so desks can replicate it:
// a global `_id` (`<table>:<uuid>`), a `_rev` (`N-hash`) and a revision tree,
// kept in this store (no second local store of the same data). `sync_rev`
// holds the tree as parent pointers, one row per revision with its body, so
// the union of two desks' rows is the merged tree; `sync_doc` points each
// document at its row and its winning revision. Triggers write a revision on
// every insert, update and delete, so no existing write path changes. A row
// the replicator itself is writing is listed in `sync_applying` and its
// triggers stay silent (the replicator writes the revision it received).
//
// Bodies are JSON of the row's columns (not its local `id`, not the note's
// local edit counter); a foreign key holds the referenced record's `_id`, as
// local ids differ from desk to desk. The column lists are read when this
// migration runs; a later migration that adds a column to a synced table
// must recreate that table's triggers.

/** Parents before children: the order records are created in on another desk. */
const syncedTables = [
  'source',
  'country',
  'person',
  'summit',
  'programme',
  'sector',
  'sector_entry',
  'meeting',
  'meeting_participant',
  'timeline_event',
  'follow_up',
  'note',
] as const;

/** Columns that only mean something on this desk. */
const localColumns: Record<string, readonly string[]> = { note: ['version'] };

interface ColumnInfo {
  name: string;
}
interface ForeignKeyInfo {
  table: string;
  from: string;
}

const newHash = 'lower(hex(randomblob(16)))';

function keyOf(table: string, row: string): string {
  return table === 'meeting_participant' ? `(${row}.meeting_id || ':' || ${row}.person_id)` : `CAST(${row}.id AS TEXT)`;
}

function docIdOf(table: string, row: string): string {
  if (table !== 'meeting_participant') return `'${table}:' || ${newHash}`;
  // Deterministic, so two desks adding the same person to a meeting make one record.
  const ref = (entity: string, column: string) =>
    `(SELECT substr(doc_id, ${entity.length + 2}) FROM sync_doc WHERE entity = '${entity}' AND row_key = CAST(${row}.${column} AS TEXT))`;
  return `'meeting_participant:' || ${ref('meeting', 'meeting_id')} || '.' || ${ref('person', 'person_id')}`;
}

function bodyOf(db: Db, table: string, row: string): string {
  const columns = (db.pragma(`table_info(${table})`) as ColumnInfo[])
    .map((column) => column.name)
    .filter((name) => name !== 'id' && !(localColumns[table] ?? []).includes(name));
  const references = new Map((db.pragma(`foreign_key_list(${table})`) as ForeignKeyInfo[]).map((key) => [key.from, key.table]));
  const pairs = columns.map((column) => {
    const target = references.get(column);
    const value =
      target === undefined
        ? `${row}.${column}`
        : `(SELECT doc_id FROM sync_doc WHERE entity = '${target}' AND row_key = CAST(${row}.${column} AS TEXT))`;
    return `'${column}', ${value}`;
  });
  return `json_object(${pairs.join(', ')})`;
}

/** The revision after `rev` (or the first one when `rev` is ''). */
const nextRev = `(CASE WHEN rev = '' THEN 1 ELSE CAST(substr(rev, 1, instr(rev, '-') - 1) AS INTEGER) + 1 END) || '-' || ${newHash}`;

function triggersFor(db: Db, table: string): string {
  const silent = (row: string) => `NOT EXISTS (SELECT 1 FROM sync_applying WHERE entity = '${table}' AND row_key = ${keyOf(table, row)})`;
  // The winning revision is always a leaf, so its one child is the revision just written.
  const advance = (row: string, deleted: 0 | 1) => `
    UPDATE sync_doc SET rev = (SELECT R.rev FROM sync_rev AS R WHERE R.doc_id = sync_doc.doc_id AND R.parent IS nullif(sync_doc.rev, '')),
      deleted = ${deleted}${deleted ? ', row_key = NULL' : ''}
      WHERE entity = '${table}' AND row_key = ${keyOf(table, row)}
        AND EXISTS (SELECT 1 FROM sync_rev AS R WHERE R.doc_id = sync_doc.doc_id AND R.parent IS nullif(sync_doc.rev, ''));`;
  return `
    CREATE TRIGGER sync_${table}_insert AFTER INSERT ON ${table} WHEN ${silent('NEW')} BEGIN
      INSERT INTO sync_doc (doc_id, entity, row_key, rev, deleted) VALUES (${docIdOf(table, 'NEW')}, '${table}', ${keyOf(table, 'NEW')}, '', 0)
        ON CONFLICT (doc_id) DO UPDATE SET row_key = excluded.row_key;
      INSERT INTO sync_rev (doc_id, rev, parent, deleted, body)
        SELECT doc_id, ${nextRev}, nullif(rev, ''), 0, ${bodyOf(db, table, 'NEW')}
        FROM sync_doc WHERE entity = '${table}' AND row_key = ${keyOf(table, 'NEW')};
      ${advance('NEW', 0)}
    END;
    CREATE TRIGGER sync_${table}_update AFTER UPDATE ON ${table} WHEN ${silent('NEW')} BEGIN
      INSERT INTO sync_rev (doc_id, rev, parent, deleted, body)
        SELECT D.doc_id, ${nextRev}, D.rev, 0, ${bodyOf(db, table, 'NEW')}
        FROM sync_doc AS D WHERE D.entity = '${table}' AND D.row_key = ${keyOf(table, 'NEW')}
          AND ${bodyOf(db, table, 'NEW')} IS NOT (SELECT R.body FROM sync_rev AS R WHERE R.doc_id = D.doc_id AND R.rev = D.rev);
      ${advance('NEW', 0)}
    END;
    CREATE TRIGGER sync_${table}_delete AFTER DELETE ON ${table} WHEN ${silent('OLD')} BEGIN
      INSERT INTO sync_rev (doc_id, rev, parent, deleted, body)
        SELECT doc_id, ${nextRev}, rev, 1, NULL FROM sync_doc WHERE entity = '${table}' AND row_key = ${keyOf(table, 'OLD')};
      ${advance('OLD', 1)}
    END;`;
}

/**
 * Records already in the store get their first revision, parents first so references resolve.
 * CROSS JOIN keeps each row looking up its own record by index: left to the planner, a
 * participant's computed key made it scan the table per record (200 s on the benchmark store).
 */
function backfill(db: Db, table: string): void {
  db.exec(`
    INSERT INTO sync_doc (doc_id, entity, row_key, rev, deleted)
      SELECT ${docIdOf(table, 'T')}, '${table}', ${keyOf(table, 'T')}, '1-' || ${newHash}, 0 FROM ${table} AS T;
    INSERT INTO sync_rev (doc_id, rev, parent, deleted, body)
      SELECT D.doc_id, D.rev, NULL, 0, ${bodyOf(db, table, 'T')}
      FROM ${table} AS T CROSS JOIN sync_doc AS D ON D.entity = '${table}' AND D.row_key = ${keyOf(table, 'T')};
  `);
}

export const syncIdentity: Migration = {
  version: 400,
  name: 'records carry a replication id and revision history',
  up(db) {
    db.exec(`
      CREATE TABLE sync_doc (
        doc_id TEXT PRIMARY KEY,
        entity TEXT NOT NULL,
        -- The row's id (a meeting participant's 'meeting:person'); NULL once deleted here.
        row_key TEXT,
        -- The winning revision (CouchDB's rule), always a leaf of the tree.
        rev TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        UNIQUE (entity, row_key)
      );
      CREATE TABLE sync_rev (
        -- Order of arrival here: the changes feed replication reads.
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        doc_id TEXT NOT NULL REFERENCES sync_doc(doc_id),
        rev TEXT NOT NULL,
        parent TEXT,
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        -- JSON of the record at this revision; NULL for a deletion.
        body TEXT CHECK (body IS NULL OR json_valid(body)),
        UNIQUE (doc_id, rev)
      );
      CREATE INDEX sync_rev_by_parent ON sync_rev(doc_id, parent);
      CREATE TABLE sync_applying (
        entity TEXT NOT NULL,
        row_key TEXT NOT NULL,
        PRIMARY KEY (entity, row_key)
      ) WITHOUT ROWID;
    `);
    for (const table of syncedTables) backfill(db, table);
    for (const table of syncedTables) db.exec(triggersFor(db, table));
  },
};
