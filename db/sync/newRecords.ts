import { type RecordHistory, type RevisionRecord, revisionAuthorOf } from '../../shared/sync.ts';
import type { Db } from '../open.ts';
import { isSortKeyColumn, sortKeysBeside } from '../sortKeys.ts';
import { nextId, statement } from '../sql.ts';
import { columnsOf, foreignKeys, type SyncedEntity } from './history.ts';
import { syncStatement } from './pendingNotes.ts';

// A desk's first pull brings every record new to it, nearly all as one branch
// ending in a live text whose links name records already here. Merged one at
// a time, each costs a dozen statements (its state read, its tree built, each
// link looked up, the row written between two writes to sync_applying, its
// state written back). These are written a kind of record at a time instead:
// each step one statement over the whole slice, in the order and with the
// values the record-by-record merge writes, so the store ends the same (the
// triggers that keep the feeds' homes and the search index fire row by row as
// before). Anything else goes the record-by-record way: a conflict, a
// deletion, a link to a record not (or no longer) here, a record others wait
// for, and a slice a rule of this store refuses (it is then held back, record
// by record, with its reason).

/**
 * A received revision's author as stored: the sender's claim when it is one a
 * Sherpa desk writes, else `unknown` (a received revision must never be left
 * NULL, or 0750's trigger would take it for one written here).
 */
export function receivedAuthor(revision: RevisionRecord, unknown: string | null): string | null {
  const author = revisionAuthorOf(revision.author);
  return author ? JSON.stringify(author) : unknown;
}

/** The one leaf of a history that is a single branch ending in a live text; undefined otherwise. */
export function liveBranchLeaf(history: RecordHistory): RevisionRecord | undefined {
  const parents = new Set(history.revisions.map((revision) => revision.parent));
  const leaves = history.revisions.filter((revision) => !parents.has(revision.rev));
  const leaf = leaves[0];
  return leaves.length === 1 && leaf && !leaf.deleted && leaf.body !== null ? leaf : undefined;
}

type Value = string | number | null;
interface Prepared {
  history: RecordHistory;
  leaf: RevisionRecord;
  columns: string[];
  values: Value[];
}

const isUniqueViolation = (error: unknown) => {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
};

/**
 * Writes the records, given parents first, that are new here and a single live
 * branch, in the caller's transaction; returns the ids written. The caller
 * merges the others one at a time, after these.
 */
export function writeNewRecords(db: Db, histories: readonly RecordHistory[]): Set<string> {
  const written = new Set<string>();
  const byEntity = new Map<SyncedEntity, RecordHistory[]>();
  for (const history of histories) {
    const entity = history.entity as SyncedEntity;
    const ofEntity = byEntity.get(entity);
    if (ofEntity) ofEntity.push(history);
    else byEntity.set(entity, [history]);
  }
  // Kinds in the order given (parents first): a record's links may name records of an earlier kind written just now.
  for (const [entity, ofEntity] of byEntity) {
    const groups = new Map<string, Prepared[]>();
    for (const record of eligible(db, entity, ofEntity)) {
      const signature = record.columns.join(',');
      const group = groups.get(signature);
      if (group) group.push(record);
      else groups.set(signature, [record]);
    }
    for (const group of groups.values()) {
      try {
        db.transaction(() => writeGroup(db, entity, group))();
      } catch (error) {
        // A second country of the same name, say: merged record by record, the clashing one is held back with its reason.
        if (!isUniqueViolation(error)) throw error;
        continue;
      }
      for (const record of group) written.add(record.history.id);
    }
  }
  return written;
}

/** The records of one kind that qualify, each with its row's values (links turned into this desk's row ids). */
function eligible(db: Db, entity: SyncedEntity, histories: readonly RecordHistory[]): Prepared[] {
  const candidates = histories.flatMap((history) => {
    const leaf = liveBranchLeaf(history);
    return leaf?.body ? [{ history, leaf, body: leaf.body }] : [];
  });
  if (candidates.length === 0) return [];
  // Records already known here, or that records here wait for (they are linked when it comes): the slow path's.
  const known = new Set(
    syncStatement(
      db,
      `SELECT value FROM json_each(?) WHERE EXISTS (SELECT 1 FROM sync_doc WHERE doc_id = value)
          OR EXISTS (SELECT 1 FROM sync_waiting WHERE waits_for = value)`,
    )
      .pluck()
      .all(JSON.stringify(candidates.map(({ history }) => history.id))) as string[],
  );
  const references = foreignKeys(db, entity);
  const linked = new Set<string>();
  for (const { body } of candidates)
    for (const column of references.keys()) if (typeof body[column] === 'string') linked.add(body[column] as string);
  const rowOf = new Map(
    (
      syncStatement(
        db,
        `SELECT doc_id, row_key FROM sync_doc WHERE doc_id IN (SELECT value FROM json_each(?)) AND deleted = 0 AND row_key IS NOT NULL`,
      ).all(JSON.stringify([...linked])) as { doc_id: string; row_key: string }[]
    ).map((row) => [row.doc_id, Number(row.row_key)]),
  );
  const columns = columnsOf(db, entity);
  return candidates.flatMap(({ history, leaf, body }): Prepared[] => {
    if (known.has(history.id)) return [];
    const present: string[] = [];
    const values: Value[] = [];
    for (const column of columns) {
      if (column === 'id' || isSortKeyColumn(entity, column) || !(column in body)) continue;
      const value = body[column] ?? null;
      present.push(column);
      if (!references.has(column) || value === null) {
        values.push(value);
        continue;
      }
      // A link to a record not live here: it waits, or brings a deleted record back, record by record.
      const rowId = typeof value === 'string' ? rowOf.get(value) : undefined;
      if (rowId === undefined) return [];
      values.push(rowId);
    }
    for (const [keyColumn, key] of sortKeysBeside(db, entity, new Map(present.map((column, index) => [column, values[index]])))) {
      present.push(keyColumn);
      values.push(key);
    }
    return [{ history, leaf, columns: present, values }];
  });
}

/** One kind's records with the same columns: their states, histories and rows, each step one statement. */
function writeGroup(db: Db, entity: SyncedEntity, group: readonly Prepared[]): void {
  const participant = entity === 'meeting_participant';
  // Above every id deleted here too (0300), as each record merged alone would take the next.
  const firstId = participant ? 0 : nextId(db, entity);
  const columnsOfRow = group[0]?.columns ?? [];
  const rowKeyOf = (record: Prepared, index: number) =>
    participant
      ? `${record.values[columnsOfRow.indexOf('meeting_id')]}:${record.values[columnsOfRow.indexOf('person_id')]}`
      : String(firstId + index);
  const keys = group.map(rowKeyOf);
  // Each record's state as the merge leaves it, written at once: updated after its revisions, as a merge alone
  // does, its trigger would work out again the place in the feeds its first revision's trigger just gave it.
  syncStatement(
    db,
    `INSERT INTO sync_doc (doc_id, entity, row_key, rev, deleted) SELECT value ->> 0, ?, value ->> 1, value ->> 2, 0 FROM json_each(?) ORDER BY key`,
  ).run(entity, JSON.stringify(group.map((record, index) => [record.history.id, keys[index], record.leaf.rev])));
  // In the order each record's merge inserts them (its leaf first), so the feed triggers see the same texts.
  const revisions = group.flatMap(({ history }) =>
    history.revisions.map((revision) => [
      history.id,
      revision.rev,
      revision.parent,
      revision.deleted ? 1 : 0,
      revision.body === null ? null : JSON.stringify(revision.body),
      receivedAuthor(revision, '{}'),
    ]),
  );
  syncStatement(
    db,
    `INSERT INTO sync_rev (doc_id, rev, parent, deleted, body, author)
       SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each(?) ORDER BY key`,
  ).run(JSON.stringify(revisions));
  // Listed as being applied, so the tables' own triggers do not record the rows as edits made here.
  const applying = JSON.stringify(keys);
  statement(db, 'INSERT OR IGNORE INTO sync_applying (entity, row_key) SELECT ?, value FROM json_each(?)').run(entity, applying);
  const idColumn = participant ? [] : ['id'];
  const rows = group.map((record, index) => (participant ? record.values : [firstId + index, ...record.values]));
  const allColumns = [...idColumn, ...columnsOfRow];
  statement(
    db,
    `INSERT INTO ${entity} (${allColumns.join(', ')}) SELECT ${allColumns.map((_, index) => `value ->> ${index}`).join(', ')} FROM json_each(?) ORDER BY key`,
  ).run(JSON.stringify(rows));
  statement(db, 'DELETE FROM sync_applying WHERE entity = ? AND row_key IN (SELECT value FROM json_each(?))').run(entity, applying);
  // A note received is put in its own history (what its history view lists), as recordReceivedNote does for one.
  if (entity === 'note')
    statement(
      db,
      `INSERT OR IGNORE INTO note_revision (note_id, version, title, body, tags, classification, saved_at)
         SELECT id, version, title, body, tags, classification, updated_at FROM note WHERE id IN (SELECT value FROM json_each(?))`,
    ).run(applying);
}
