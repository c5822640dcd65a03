import { type SyncedTable, syncedTables } from '../../shared/recordKinds.ts';
import { type RecordBody, type RecordHistory, type RevisionRecord, revisionAuthorOf } from '../../shared/sync.ts';
import type { Db } from '../open.ts';
import { perConnection } from '../sql.ts';
import { partitionOf, referencePartition, summitOfRevision } from './partition.ts';
import { syncPrepare, syncStatement } from './pendingNotes.ts';

/** Synced tables, parents before children: the order records can be created in. */
export const syncedEntities = syncedTables;
export type SyncedEntity = SyncedTable;

export function isSyncedEntity(entity: string): entity is SyncedEntity {
  return (syncedEntities as readonly string[]).includes(entity);
}

export interface DocState {
  doc_id: string;
  entity: SyncedEntity;
  row_key: string | null;
  rev: string;
  deleted: 0 | 1;
}

/**
 * The global ids of these rows of one table, by row id. Row ids differ from desk to desk (each numbers what it
 * wrote first); the global id does not, so a tie broken by it is broken the same way on every desk.
 */
export function globalIdsOf(db: Db, entity: SyncedEntity, rowIds: readonly number[]): Map<number, string> {
  if (rowIds.length === 0) return new Map();
  const rows = syncStatement(
    db,
    'SELECT row_key, doc_id FROM sync_doc WHERE entity = ? AND deleted = 0 AND row_key IN (SELECT CAST(value AS TEXT) FROM json_each(?))',
  ).all(entity, JSON.stringify(rowIds)) as { row_key: string; doc_id: string }[];
  return new Map(rows.map((row) => [Number(row.row_key), row.doc_id]));
}

export function docState(db: Db, docId: string): DocState | undefined {
  return syncStatement(db, 'SELECT doc_id, entity, row_key, rev, deleted FROM sync_doc WHERE doc_id = ?').get(docId) as
    | DocState
    | undefined;
}

/** Which of these records this desk holds a state of (live, waiting or deleted), read in one statement. */
export function heldRecords(db: Db, docIds: readonly string[]): Set<string> {
  return new Set(
    syncStatement(db, 'SELECT doc_id FROM sync_doc WHERE doc_id IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(JSON.stringify(docIds)) as string[],
  );
}

interface RevisionRow {
  rev: string;
  parent: string | null;
  deleted: 0 | 1;
  body: string | null;
  author: string | null;
}

const revisionOfRow = (row: RevisionRow): RevisionRecord => ({
  rev: row.rev,
  parent: row.parent,
  deleted: row.deleted === 1,
  body: row.body === null ? null : (JSON.parse(row.body) as RecordBody),
  author: row.author === null ? null : revisionAuthorOf(row.author),
});

export function revisionsOf(db: Db, docId: string): RevisionRecord[] {
  const rows = syncStatement(db, 'SELECT rev, parent, deleted, body, author FROM sync_rev WHERE doc_id = ? ORDER BY seq').all(
    docId,
  ) as RevisionRow[];
  return rows.map(revisionOfRow);
}

/** Several records' revisions, each in order of arrival, read in one statement (a merged slice's, mostly new here). */
export function revisionsOfRecords(db: Db, docIds: readonly string[]): Map<string, RevisionRecord[]> {
  const rows = syncStatement(
    db,
    `SELECT doc_id, rev, parent, deleted, body, author FROM sync_rev
      WHERE doc_id IN (SELECT value FROM json_each(?)) ORDER BY doc_id, seq`,
  ).all(JSON.stringify(docIds)) as (RevisionRow & { doc_id: string })[];
  const byRecord = new Map<string, RevisionRecord[]>(docIds.map((docId) => [docId, []]));
  for (const row of rows) byRecord.get(row.doc_id)?.push(revisionOfRow(row));
  return byRecord;
}

/**
 * Of the revisions named for each record, those this desk does not hold (replication's revs_diff), read in one
 * statement for the lot: a first pull asks it of every record it is offered, all unknown here.
 */
export function missingRevisions(db: Db, wanted: Readonly<Record<string, readonly string[]>>): Map<string, string[]> {
  const held = syncStatement(
    db,
    `SELECT W.key || ' ' || R.value FROM json_each(?) AS W, json_each(W.value) AS R
      WHERE EXISTS (SELECT 1 FROM sync_rev WHERE doc_id = W.key AND rev = R.value)`,
  )
    .pluck()
    .all(JSON.stringify(wanted)) as string[];
  const known = new Set(held);
  const missing = new Map<string, string[]>();
  for (const [docId, revs] of Object.entries(wanted)) {
    const lacking = revs.filter((rev) => !known.has(`${docId} ${rev}`));
    if (lacking.length > 0) missing.set(docId, lacking);
  }
  return missing;
}

export function historyOf(db: Db, docId: string): RecordHistory | undefined {
  const state = docState(db, docId);
  return state && { id: state.doc_id, entity: state.entity, revisions: revisionsOf(db, docId) };
}

/** The body a record has at its winning revision, or undefined when deleted or unknown. */
export function currentBody(db: Db, docId: string): RecordBody | undefined {
  const body = syncStatement(
    db,
    'SELECT R.body FROM sync_doc AS D JOIN sync_rev AS R ON R.doc_id = D.doc_id AND R.rev = D.rev WHERE D.doc_id = ? AND D.deleted = 0',
  )
    .pluck()
    .get(docId) as string | null | undefined;
  return body == null ? undefined : (JSON.parse(body) as RecordBody);
}

/**
 * Every record of a summit (live or deleted, so deletions travel too) and what
 * they refer to: the records its server database holds (db/sync/partition.ts),
 * those that reach it through a meeting included, judged by what each record
 * is now (a note moved to another summit's meeting has left). Nothing of
 * another summit comes along, even named by an earlier revision.
 */
export function summitRecordIds(db: Db, summitDocId: string): string[] {
  const candidates = new Set<string>([summitDocId]);
  const everReferring = (column: string, targets: readonly string[]) =>
    targets.length === 0
      ? []
      : (syncPrepare(
          db,
          `SELECT DISTINCT doc_id FROM sync_rev WHERE json_extract(body, '$.${column}') IN (${targets.map(() => '?').join(', ')})`,
        )
          .pluck()
          .all(...targets) as string[]);
  for (const id of everReferring('summit_id', [summitDocId])) candidates.add(id);
  const meetings = [...candidates].filter((id) => id.startsWith('meeting:'));
  for (const id of everReferring('meeting_id', meetings)) candidates.add(id);
  const thisSummit = new Set([summitDocId]);
  const own = [...candidates].filter((id) => id === summitDocId || partitionOf(db, id, thisSummit) === summitDocId);
  own.push(...movedOutOf(db, summitDocId).keys());
  const everySummit = new Set(syncStatement(db, `SELECT doc_id FROM sync_doc WHERE entity = 'summit'`).pluck().all() as string[]);
  const ofAnotherSummit = (id: string) => {
    if (id.startsWith('summit:')) return id !== summitDocId;
    const partition = partitionOf(db, id, everySummit);
    return partition !== null && partition !== referencePartition && partition !== summitDocId;
  };
  return withReferences(db, own, (id) => !ofAnotherSummit(id));
}

/**
 * Chosen records with what they refer to, as a summit's bundle takes them: a
 * reference into a summit none of the chosen records is in now (an earlier
 * version's, before a meeting moved) stays behind, with everything of it.
 */
export function chosenRecordIds(db: Db, docIds: readonly string[]): string[] {
  const everySummit = new Set(syncStatement(db, `SELECT doc_id FROM sync_doc WHERE entity = 'summit'`).pluck().all() as string[]);
  const summitOf = (id: string) => {
    if (id.startsWith('summit:')) return id;
    const partition = partitionOf(db, id, everySummit);
    return partition === referencePartition ? null : partition;
  };
  const chosenSummits = new Set(docIds.map(summitOf).filter((summit) => summit !== null));
  return withReferences(db, docIds, (id) => {
    const summit = summitOf(id);
    return summit === null || chosenSummits.has(summit);
  });
}

/**
 * The histories of a summit's records as its bundle carries them: an earlier
 * revision written while the record belonged to another summit goes by its id
 * only, as replication sends a branch's ancestors, so none of that summit's
 * text travels. Leaves always keep their bodies: each may become the winner.
 */
export function summitHistoriesOf(db: Db, summitDocId: string, docIds: readonly string[]): RecordHistory[] {
  const movedOut = movedOutOf(db, summitDocId);
  return historiesOf(db, docIds).map((history) => {
    const tombstone = movedOut.get(history.id);
    return tombstone === undefined ? withoutOtherSummits(db, history, new Set([summitDocId])) : closingPathOf(history, tombstone);
  });
}

/** Records that left this database for another (movedOut.ts), each with the deletion closing it here. */
function movedOutOf(db: Db, home: string): Map<string, string> {
  const rows = syncStatement(db, 'SELECT doc_id, tombstone FROM sync_moved_out WHERE home = ? AND tombstone IS NOT NULL').all(home) as {
    doc_id: string;
    tombstone: string;
  }[];
  return new Map(rows.map((row) => [row.doc_id, row.tombstone]));
}

/**
 * A moved record as its old summit's bundle carries it: the deletion closing it there and any other deleted
 * leaf (a version edited there meanwhile, dismissed since), their ancestors by id only.
 */
function closingPathOf(history: RecordHistory, tombstone: string): RecordHistory {
  const byRev = new Map(history.revisions.map((revision) => [revision.rev, revision]));
  const parents = new Set(history.revisions.map((revision) => revision.parent));
  const deletedLeaves = history.revisions.filter((revision) => revision.deleted && !parents.has(revision.rev));
  const kept = new Map<string, RevisionRecord>();
  for (const leaf of [byRev.get(tombstone), ...deletedLeaves])
    for (let revision = leaf; revision; revision = revision.parent === null ? undefined : byRev.get(revision.parent))
      if (!kept.has(revision.rev))
        kept.set(
          revision.rev,
          revision.deleted && !parents.has(revision.rev) ? revision : { ...revision, body: null, author: null, deleted: false },
        );
  return {
    ...history,
    revisions: history.revisions.filter((revision) => kept.has(revision.rev)).map((revision) => kept.get(revision.rev) as RevisionRecord),
  };
}

/**
 * Chosen records' histories, as a summit's bundle carries them: an earlier
 * revision written under a summit none of the record's current versions is in
 * goes by its id only, so a meeting moved between summits does not take the
 * text it had in the other one.
 */
export function chosenHistoriesOf(db: Db, docIds: readonly string[]): RecordHistory[] {
  return historiesOf(db, docIds).map((history) => {
    const parents = new Set(history.revisions.map((revision) => revision.parent));
    const current = new Set<string>();
    for (const revision of history.revisions) {
      const summit = revision.body && !parents.has(revision.rev) ? summitOfRevision(db, history.entity, revision.body) : null;
      if (summit !== null) current.add(summit);
    }
    return withoutOtherSummits(db, history, current);
  });
}

function withoutOtherSummits(db: Db, history: RecordHistory, summitDocIds: ReadonlySet<string>): RecordHistory {
  const parents = new Set(history.revisions.map((revision) => revision.parent));
  return {
    ...history,
    revisions: history.revisions.map((revision) => {
      if (!revision.body || !parents.has(revision.rev)) return revision;
      const summit = summitOfRevision(db, history.entity, revision.body);
      return summit !== null && !summitDocIds.has(summit) ? { ...revision, body: null, author: null } : revision;
    }),
  };
}

/** Adds, transitively, the records the given ones refer to (those `admit` lets in), so a desk receiving them can link them. */
export function withReferences(db: Db, docIds: readonly string[], admit: (docId: string) => boolean = () => true): string[] {
  const seen = new Set(docIds);
  const queue = [...docIds];
  for (let docId = queue.pop(); docId !== undefined; docId = queue.pop()) {
    const state = docState(db, docId);
    if (!state) continue;
    const references = foreignKeys(db, state.entity);
    for (const revision of revisionsOf(db, docId)) {
      for (const column of references.keys()) {
        const target = revision.body?.[column];
        if (typeof target === 'string' && !seen.has(target) && docState(db, target) && admit(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
  }
  return [...seen];
}

export function allRecordIds(db: Db): string[] {
  return syncPrepare(db, 'SELECT doc_id FROM sync_doc ORDER BY doc_id').pluck().all() as string[];
}

interface ColumnInfo {
  name: string;
}
interface ForeignKeyInfo {
  table: string;
  from: string;
}
const shapes = perConnection<{ columns: string[]; foreignKeys: Map<string, string> }>();

function tableShape(db: Db, entity: SyncedEntity) {
  return shapes(db, entity, () => ({
    columns: (db.pragma(`table_info(${entity})`) as ColumnInfo[]).map((column) => column.name),
    foreignKeys: new Map((db.pragma(`foreign_key_list(${entity})`) as ForeignKeyInfo[]).map((key) => [key.from, key.table])),
  }));
}

/** The table's columns; only these names ever reach SQL from a received body. */
export function columnsOf(db: Db, entity: SyncedEntity): string[] {
  return tableShape(db, entity).columns;
}

/** Column → referenced table. */
export function foreignKeys(db: Db, entity: SyncedEntity): Map<string, string> {
  return tableShape(db, entity).foreignKeys;
}

export function historiesOf(db: Db, docIds: readonly string[]): RecordHistory[] {
  return docIds.flatMap((docId) => historyOf(db, docId) ?? []);
}
