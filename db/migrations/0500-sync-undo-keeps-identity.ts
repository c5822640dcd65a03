import type { Db } from '../open.ts';
import type { Migration } from './index.ts';

// Undo puts a deleted row back with its own id (db/deletions.ts). Until now
// the insert trigger gave it a new replication id, so other desks saw the
// record deleted and a look-alike created. Now the store remembers which
// record each deleted row was, and a row put back under that id while its
// record is still deleted continues the same record: a new revision on top
// of its tombstone, as CouchDB allows (an edit from a deleted leaf), so every
// desk sees the record come back. New rows never reuse a deleted row's id
// (migration 0300, and received rows count from the same high water), so
// only an undo can match.
//
// The insert triggers of 0400 are recreated with the bodies read from the
// tables as they are now (no synced table has gained a column since 0400).

/** Tables whose rows have an id of their own (a meeting participant's id is already its meeting and person). */
const tablesWithIds = [
  'source',
  'country',
  'person',
  'summit',
  'programme',
  'sector',
  'sector_entry',
  'meeting',
  'timeline_event',
  'follow_up',
  'note',
] as const;

const localColumns: Record<string, readonly string[]> = { note: ['version'] };
const newHash = 'lower(hex(randomblob(16)))';

function bodyOf(db: Db, table: string, row: string): string {
  const columns = (db.pragma(`table_info(${table})`) as { name: string }[])
    .map((column) => column.name)
    .filter((name) => name !== 'id' && !(localColumns[table] ?? []).includes(name));
  const references = new Map(
    (db.pragma(`foreign_key_list(${table})`) as { table: string; from: string }[]).map((key) => [key.from, key.table]),
  );
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

const nextRev = `(CASE WHEN rev = '' THEN 1 ELSE CAST(substr(rev, 1, instr(rev, '-') - 1) AS INTEGER) + 1 END) || '-' || ${newHash}`;

function insertTrigger(db: Db, table: string): string {
  const key = 'CAST(NEW.id AS TEXT)';
  const deletedRecord = `(SELECT X.doc_id FROM sync_deleted_row AS X JOIN sync_doc AS D ON D.doc_id = X.doc_id
      WHERE X.entity = '${table}' AND X.row_key = ${key} AND D.deleted = 1 AND D.row_key IS NULL)`;
  return `
    DROP TRIGGER sync_${table}_insert;
    CREATE TRIGGER sync_${table}_insert AFTER INSERT ON ${table}
      WHEN NOT EXISTS (SELECT 1 FROM sync_applying WHERE entity = '${table}' AND row_key = ${key}) BEGIN
      INSERT INTO sync_doc (doc_id, entity, row_key, rev, deleted)
        VALUES (coalesce(${deletedRecord}, '${table}:' || ${newHash}), '${table}', ${key}, '', 0)
        ON CONFLICT (doc_id) DO UPDATE SET row_key = excluded.row_key;
      DELETE FROM sync_deleted_row WHERE entity = '${table}' AND row_key = ${key};
      INSERT INTO sync_rev (doc_id, rev, parent, deleted, body)
        SELECT doc_id, ${nextRev}, nullif(rev, ''), 0, ${bodyOf(db, table, 'NEW')}
        FROM sync_doc WHERE entity = '${table}' AND row_key = ${key};
      UPDATE sync_doc SET rev = (SELECT R.rev FROM sync_rev AS R WHERE R.doc_id = sync_doc.doc_id AND R.parent IS nullif(sync_doc.rev, '')),
        deleted = 0
        WHERE entity = '${table}' AND row_key = ${key}
          AND EXISTS (SELECT 1 FROM sync_rev AS R WHERE R.doc_id = sync_doc.doc_id AND R.parent IS nullif(sync_doc.rev, ''));
    END;`;
}

export const syncUndoKeepsIdentity: Migration = {
  version: 500,
  name: 'a deleted record put back by Undo keeps its replication id',
  up(db) {
    db.exec(`
      CREATE TABLE sync_deleted_row (
        entity TEXT NOT NULL,
        row_key TEXT NOT NULL,
        doc_id TEXT NOT NULL REFERENCES sync_doc(doc_id),
        PRIMARY KEY (entity, row_key)
      ) WITHOUT ROWID;
      CREATE TRIGGER sync_doc_row_deleted AFTER UPDATE OF row_key ON sync_doc
        WHEN OLD.row_key IS NOT NULL AND NEW.row_key IS NULL BEGIN
        INSERT INTO sync_deleted_row (entity, row_key, doc_id) VALUES (OLD.entity, OLD.row_key, OLD.doc_id)
          ON CONFLICT (entity, row_key) DO UPDATE SET doc_id = excluded.doc_id;
      END;
    `);
    for (const table of tablesWithIds) db.exec(insertTrigger(db, table));
  },
};
