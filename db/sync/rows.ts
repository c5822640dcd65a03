import crypto from 'node:crypto';
import type { RecordBody } from '../../shared/sync.ts';
import { receivedMarking } from '../markings.ts';
import type { Db } from '../open.ts';
import { isSortKeyColumn, sortKeysBeside } from '../sortKeys.ts';
import { nextId, perConnection, statement } from '../sql.ts';
import { columnsOf, type DocState, docState, foreignKeys, type SyncedEntity, syncedEntities } from './history.ts';
import { isMovedOut } from './movedOut.ts';
import { syncStatement } from './pendingNotes.ts';

// A merge that changes a record's winning revision writes that revision into
// the record's own table, so every screen, search and PDF sees it. The row is
// listed in `sync_applying` meanwhile, so its triggers do not record the
// write as a new local edit: the revision it came from is already recorded.

const notNullColumns = perConnection<Set<string>>();
function requiredColumns(db: Db, entity: SyncedEntity): Set<string> {
  return notNullColumns(
    db,
    entity,
    () =>
      new Set(
        (db.pragma(`table_info(${entity})`) as { name: string; notnull: number }[]).filter((c) => c.notnull === 1).map((c) => c.name),
      ),
  );
}

interface RowValues {
  values: Map<string, string | number | null>;
  /** Records referred to that are not on this desk (yet). */
  waitsFor: string[];
  /** One of them is required: the row cannot be written until it arrives. */
  incomplete: boolean;
}

/** The body's values for this table's columns, references turned into this desk's row ids. */
function rowValues(db: Db, state: DocState, body: RecordBody): RowValues {
  const references = foreignKeys(db, state.entity);
  const required = requiredColumns(db, state.entity);
  const values = new Map<string, string | number | null>();
  const waitsFor: string[] = [];
  let incomplete = false;
  for (const column of columnsOf(db, state.entity)) {
    if (column === 'id' || isSortKeyColumn(state.entity, column) || !(column in body)) continue;
    const value = column === 'classification' ? receivedMarking(db, body[column] ?? null) : (body[column] ?? null);
    if (!references.has(column) || value === null) {
      values.set(column, value);
      continue;
    }
    const target = typeof value === 'string' ? docState(db, value) : undefined;
    const rowId = target && target.deleted === 0 && target.row_key !== null ? Number(target.row_key) : null;
    // A deleted target is waited for too: an edit made elsewhere can bring it back.
    if (rowId === null && typeof value === 'string') waitsFor.push(value);
    if (rowId === null && required.has(column)) incomplete = true;
    values.set(column, rowId);
  }
  for (const [keyColumn, key] of sortKeysBeside(db, state.entity, values)) values.set(keyColumn, key);
  return { values, waitsFor, incomplete };
}

function keyOf(entity: SyncedEntity, values: Map<string, string | number | null>, rowId: number): string {
  return entity === 'meeting_participant' ? `${values.get('meeting_id')}:${values.get('person_id')}` : String(rowId);
}

export function whereKey(entity: SyncedEntity): string {
  return entity === 'meeting_participant' ? 'meeting_id = ? AND person_id = ?' : 'id = ?';
}
export function keyParams(entity: SyncedEntity, rowKey: string): (string | number)[] {
  return entity === 'meeting_participant' ? rowKey.split(':').map(Number) : [Number(rowKey)];
}

/** Writes the row as a merge's: its table's triggers do not take the write for an edit made here. */
export function quietly<T>(db: Db, entity: SyncedEntity, rowKey: string, write: () => T): T {
  statement(db, 'INSERT OR IGNORE INTO sync_applying (entity, row_key) VALUES (?, ?)').run(entity, rowKey);
  try {
    return write();
  } finally {
    statement(db, 'DELETE FROM sync_applying WHERE entity = ? AND row_key = ?').run(entity, rowKey);
  }
}

/** Writes the records that waited for `docId`, now that its row is written (relinkWaiting, or a merge's set-based way). */
export type Relink = (db: Db, docId: string) => void;

/**
 * Makes the record's row what its revision `winner` says (in the caller's transaction). The records that waited for
 * it are written by `relink`: one at a time by default, a kind at a time in a merge (newRecords.ts, linkWaiting).
 */
export function materialise(db: Db, docId: string, winner: string, relink: Relink = relinkWaiting): void {
  const state = docState(db, docId);
  if (!state) throw new Error(`No record ${docId} to write`);
  const revision = syncStatement(db, 'SELECT deleted, body FROM sync_rev WHERE doc_id = ? AND rev = ?').get(docId, winner) as
    | { deleted: 0 | 1; body: string | null }
    | undefined;
  if (!revision) throw new Error(`No revision ${winner} of ${docId}`);
  const entity = state.entity;

  if (revision.deleted === 1 || revision.body === null) {
    // A deletion loses to a live record referring to what it deleted, as it loses to an edit of the record itself.
    const restored = revision.deleted === 1 && hasLiveReferrers(db, state) ? restoringRevision(db, docId, winner) : undefined;
    if (restored) {
      materialise(db, docId, restored);
      return;
    }
    if (state.row_key !== null) {
      const rowKey = state.row_key;
      detachReferrers(db, state);
      quietly(db, entity, rowKey, () => statement(db, `DELETE FROM ${entity} WHERE ${whereKey(entity)}`).run(...keyParams(entity, rowKey)));
    }
    syncStatement(db, 'UPDATE sync_doc SET rev = ?, deleted = 1, row_key = NULL WHERE doc_id = ?').run(winner, docId);
    return;
  }

  const body = JSON.parse(revision.body) as RecordBody;
  restoreReferredTo(db, state.entity, body);
  const { values, waitsFor, incomplete } = rowValues(db, state, body);
  syncStatement(db, 'DELETE FROM sync_waiting WHERE doc_id = ?').run(docId);
  for (const target of waitsFor)
    syncStatement(db, 'INSERT OR IGNORE INTO sync_waiting (doc_id, waits_for) VALUES (?, ?)').run(docId, target);
  const columns = [...values.keys()];
  let rowKey = state.row_key;
  if (rowKey !== null) {
    const key = rowKey;
    // A note's edit counter is this desk's: bump it so an editor holding the old text notices.
    const bump = columnsOf(db, entity).includes('version') ? ', version = version + 1' : '';
    const required = requiredColumns(db, entity);
    const assignments = columns.filter((column) => !(values.get(column) === null && required.has(column)));
    unlessHeld(db, docId, () =>
      quietly(db, entity, key, () =>
        statement(
          db,
          `UPDATE ${entity} SET ${assignments.map((column) => `${column} = ?`).join(', ')}${bump} WHERE ${whereKey(entity)}`,
        ).run(...assignments.map((column) => values.get(column) ?? null), ...keyParams(entity, key)),
      ),
    );
  } else if (!incomplete) {
    // Above every id deleted here too (0300): an Undo may still put a deleted row back under its id.
    const rowId = entity === 'meeting_participant' ? 0 : nextId(db, entity);
    const newKey = keyOf(entity, values, rowId);
    const idColumn = entity === 'meeting_participant' ? [] : ['id'];
    const idValue = entity === 'meeting_participant' ? [] : [rowId];
    const written = unlessHeld(db, docId, () =>
      quietly(db, entity, newKey, () =>
        statement(
          db,
          `INSERT INTO ${entity} (${[...idColumn, ...columns].join(', ')}) VALUES (${[...idColumn, ...columns].map(() => '?').join(', ')})`,
        ).run(...idValue, ...values.values()),
      ),
    );
    if (written) rowKey = newKey;
  }
  syncStatement(db, 'UPDATE sync_doc SET rev = ?, deleted = 0, row_key = ? WHERE doc_id = ?').run(winner, rowKey, docId);
  if (state.row_key === null && rowKey !== null) relink(db, docId);
}

/**
 * Writes the row unless a rule of this store refuses it (a second country of
 * the same name): then the record is held back with the reason, and the rest
 * of the exchange goes on.
 */
function unlessHeld(db: Db, docId: string, write: () => unknown): boolean {
  try {
    write();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== 'SQLITE_CONSTRAINT_UNIQUE' && code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw error;
    syncStatement(
      db,
      'INSERT INTO sync_held (doc_id, reason) VALUES (?, ?) ON CONFLICT (doc_id) DO UPDATE SET reason = excluded.reason',
    ).run(docId, (error as Error).message.replace(/^UNIQUE constraint failed: /, 'already used here: '));
    return false;
  }
  syncStatement(db, 'DELETE FROM sync_held WHERE doc_id = ?').run(docId);
  return true;
}

/** Records held back by a rule of this store, tried again (the clash may be gone). */
export function retryHeld(db: Db): void {
  for (const docId of syncStatement(db, 'SELECT doc_id FROM sync_held').pluck().all() as string[]) {
    const state = docState(db, docId);
    if (state && state.deleted === 0) materialise(db, docId, state.rev);
    else syncStatement(db, 'DELETE FROM sync_held WHERE doc_id = ?').run(docId);
  }
}

/** Records that arrived before this one and refer to it are written again, now linked. */
function relinkWaiting(db: Db, docId: string): void {
  const waiting = syncStatement(db, 'SELECT doc_id FROM sync_waiting WHERE waits_for = ?').pluck().all(docId) as string[];
  for (const waiter of waiting) {
    const state = docState(db, waiter);
    if (state && state.deleted === 0) materialise(db, waiter, state.rev);
  }
}

// A record written on a desk that had not seen a deletion may refer to the
// deleted record: a follow-up added offline to a meeting another desk deleted.
// The deletion must not take it along (a cascade here would replicate as a
// deletion of a follow-up the deleting desk never saw), so the deleted record
// comes back, as a deletion against a concurrent edit keeps the edit. It comes
// back as a revision every desk writes the same (its id derives from the
// tombstone it answers), so desks that restore it on their own agree.
//
// That revision is the tombstone's sibling (a child of the revision the
// tombstone closed), not its child: a live leaf wins over a deleted one
// whatever their depth (CouchDB's rule), and the deletion stays a leaf of
// its own. Had it been written on top of the tombstone, the deletion would be
// an inner revision, which replication names by id only: a desk that heard of
// the record after its return would not know who deleted it, or when. A
// deleted leaf travels whole, its author (`sherpa_author`) included, so every
// desk can say the same thing about it (restorations.ts), and closing that
// leaf with a deletion of its own is how a desk says "seen, keep it".

/** Each synced table's column that names a row of `entity`. */
export function referringColumns(db: Db, entity: SyncedEntity): [SyncedEntity, string][] {
  return syncedEntities.flatMap((child) =>
    [...foreignKeys(db, child)].filter(([, target]) => target === entity).map(([column]): [SyncedEntity, string] => [child, column]),
  );
}

/** Whether a live record here refers to this one: by its row, or waiting for it (sync_waiting). */
function hasLiveReferrers(db: Db, state: DocState): boolean {
  const waiting = syncStatement(
    db,
    'SELECT 1 FROM sync_waiting AS W JOIN sync_doc AS D ON D.doc_id = W.doc_id AND D.deleted = 0 WHERE W.waits_for = ? LIMIT 1',
  ).get(state.doc_id);
  if (waiting !== undefined) return true;
  if (state.row_key === null || state.entity === 'meeting_participant') return false;
  return referringColumns(db, state.entity).some(
    ([child, column]) => statement(db, `SELECT 1 FROM ${child} WHERE ${column} = ? LIMIT 1`).get(Number(state.row_key)) !== undefined,
  );
}

/**
 * Before a row goes, the live rows referring to it let go of it without a
 * revision: no cascade deletes them and no unlink replicates. Each waits for
 * the record (sync_waiting), linked again when a desk holding its text brings
 * it back; a row that cannot exist unlinked (a required link) leaves the
 * screen meanwhile, its record still live.
 */
function detachReferrers(db: Db, state: DocState): void {
  if (state.row_key === null || state.entity === 'meeting_participant') return;
  for (const [child, column] of referringColumns(db, state.entity)) {
    const keyExpression = child === 'meeting_participant' ? `meeting_id || ':' || person_id` : 'CAST(id AS TEXT)';
    const rowKeys = statement(db, `SELECT ${keyExpression} FROM ${child} WHERE ${column} = ?`)
      .pluck()
      .all(Number(state.row_key)) as string[];
    for (const rowKey of rowKeys) {
      const referrer = syncStatement(db, 'SELECT doc_id, entity, row_key, rev, deleted FROM sync_doc WHERE entity = ? AND row_key = ?').get(
        child,
        rowKey,
      ) as DocState | undefined;
      if (referrer)
        syncStatement(db, 'INSERT OR IGNORE INTO sync_waiting (doc_id, waits_for) VALUES (?, ?)').run(referrer.doc_id, state.doc_id);
      if (!requiredColumns(db, child).has(column)) {
        quietly(db, child, rowKey, () =>
          statement(db, `UPDATE ${child} SET ${column} = NULL WHERE ${whereKey(child)}`).run(...keyParams(child, rowKey)),
        );
        continue;
      }
      if (referrer) detachReferrers(db, referrer);
      quietly(db, child, rowKey, () => statement(db, `DELETE FROM ${child} WHERE ${whereKey(child)}`).run(...keyParams(child, rowKey)));
      if (referrer) syncStatement(db, 'UPDATE sync_doc SET row_key = NULL WHERE doc_id = ?').run(referrer.doc_id);
    }
  }
}

/** Records a live body refers to that are deleted here come back first, so the body is written linked. */
function restoreReferredTo(db: Db, entity: SyncedEntity, body: RecordBody): void {
  for (const [column, target] of foreignKeys(db, entity)) {
    const docId = body[column];
    if (typeof docId !== 'string' || !docId.startsWith(`${target}:`)) continue;
    const state = docState(db, docId);
    if (state?.deleted !== 1 || state.rev === '') continue;
    const restored = restoringRevision(db, docId, state.rev);
    if (restored) materialise(db, docId, restored);
  }
}

/** The id of the revision that brings back the text a tombstone closed: the same on every desk. */
export function restoringRevisionId(docId: string, tombstone: string): string {
  const position = Number.parseInt(tombstone, 10);
  return `${position}-${crypto.createHash('sha256').update(`restored ${docId} ${tombstone}`).digest('hex').slice(0, 32)}`;
}

/**
 * The revision answering the tombstone `tombstone` with the text it deleted,
 * written here unless it came already, beside the tombstone (see above).
 * Only the revision the tombstone closed gives that text, so every desk writes
 * the same one; undefined when this desk knows that revision by id only
 * (replication sends leaves' texts): a desk holding the text restores the
 * record, and its revision arrives here.
 */
function restoringRevision(db: Db, docId: string, tombstone: string): string | undefined {
  // A record that moved to a database this desk does not share is gone from here, whatever here still refers to it.
  if (isMovedOut(tombstone)) return undefined;
  const rev = restoringRevisionId(docId, tombstone);
  const known = syncStatement(db, 'SELECT deleted = 0 AND body IS NOT NULL FROM sync_rev WHERE doc_id = ? AND rev = ?')
    .pluck()
    .get(docId, rev) as 0 | 1 | undefined;
  if (known !== undefined) return known === 1 ? rev : undefined;
  const closed = syncStatement(
    db,
    `SELECT P.rev, P.body FROM sync_rev AS T JOIN sync_rev AS P ON P.doc_id = T.doc_id AND P.rev = T.parent
      WHERE T.doc_id = ? AND T.rev = ? AND P.deleted = 0`,
  ).get(docId, tombstone) as { rev: string; body: string | null } | undefined;
  if (closed?.body == null) return undefined;
  syncStatement(db, `INSERT INTO sync_rev (doc_id, rev, parent, deleted, body, author) VALUES (?, ?, ?, 0, ?, '{}')`).run(
    docId,
    rev,
    closed.rev,
    closed.body,
  );
  return rev;
}
