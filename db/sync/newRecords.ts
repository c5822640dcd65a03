import { type RecordBody, type RecordHistory, type RevisionRecord, revisionAuthorOf } from '../../shared/sync.ts';
import { receivingMarkings } from '../markings.ts';
import type { Db } from '../open.ts';
import { deferSearchOf, resumeSearchOf } from '../search.ts';
import { isSortKeyColumn, sortKeysBeside } from '../sortKeys.ts';
import { nextId, perConnection, statement } from '../sql.ts';
import { columnsOf, foreignKeys, type SyncedEntity, syncedEntities } from './history.ts';
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
  /** Records an optional link of its names that are not here yet: the row is written without that link, and waits. */
  waitsFor: string[];
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
  const arriving = new Set(histories.map((history) => history.id));
  // Kinds in the order given (parents first): a record's links may name records of an earlier kind written just now.
  for (const [entity, ofEntity] of byEntity) {
    const groups = new Map<string, Prepared[]>();
    const { rows, waiting } = eligible(db, entity, ofEntity, arriving);
    if (waiting.length > 0) {
      db.transaction(() => writeWaiting(db, entity, waiting))();
      for (const record of waiting) written.add(record.history.id);
    }
    for (const record of rows) {
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

/** A new record whose required links name records not here yet (or waiting themselves): it waits for them, row unwritten. */
interface Waiting {
  history: RecordHistory;
  leaf: RevisionRecord;
  waitsFor: string[];
}

/**
 * The records of one kind that qualify, each with its row's values (links turned into this desk's row ids), and
 * those that wait, as a record-by-record merge leaves them (rows.ts, materialise): every link it lacks is a required
 * one, to a record not here at all or itself waiting, and not among the records `arriving` in this merge.
 */
function eligible(
  db: Db,
  entity: SyncedEntity,
  histories: readonly RecordHistory[],
  arriving: ReadonlySet<string>,
): { rows: Prepared[]; waiting: Waiting[] } {
  const candidates = histories.flatMap((history) => {
    const leaf = liveBranchLeaf(history);
    return leaf?.body ? [{ history, leaf, body: leaf.body }] : [];
  });
  if (candidates.length === 0) return { rows: [], waiting: [] };
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
  const fresh = candidates.filter(({ history }) => !known.has(history.id));
  const rows = linkedRows(db, entity, fresh, arriving).map(({ record, columns, values, waitsFor }) => ({
    history: record.history,
    leaf: record.leaf,
    columns,
    values,
    waitsFor,
  }));
  const linked = new Set(rows.map((row) => row.history.id));
  return {
    rows,
    waiting: waitingRecords(
      db,
      entity,
      fresh.filter(({ history }) => !linked.has(history.id)),
      arriving,
    ),
  };
}

/** Of these new records that cannot be linked yet, those that simply wait (see eligible): the others go record by record. */
function waitingRecords(
  db: Db,
  entity: SyncedEntity,
  records: readonly { history: RecordHistory; leaf: RevisionRecord; body: RecordBody }[],
  arriving: ReadonlySet<string>,
): Waiting[] {
  if (records.length === 0) return [];
  const references = foreignKeys(db, entity);
  const required = requiredColumns(db, entity);
  const linked = new Set<string>();
  for (const { body } of records)
    for (const column of references.keys()) if (typeof body[column] === 'string') linked.add(body[column] as string);
  const states = linkedStates(db, linked);
  return records.flatMap(({ history, leaf, body }): Waiting[] => {
    const waitsFor: string[] = [];
    let incomplete = false;
    for (const column of references.keys()) {
      if (!(column in body) || body[column] === null || body[column] === undefined) continue;
      const target = body[column];
      if (typeof target !== 'string') return [];
      if (states.get(target) === 'live') continue;
      if (!awaitable(states, arriving, target)) return [];
      waitsFor.push(target);
      if (required.has(column)) incomplete = true;
    }
    return incomplete ? [{ history, leaf, waitsFor }] : [];
  });
}

/** New records that wait: their states (no row) and histories, and what each waits for, each step one statement. */
function writeWaiting(db: Db, entity: SyncedEntity, records: readonly Waiting[]): void {
  writeHistories(
    db,
    entity,
    records,
    records.map(() => null),
  );
  syncStatement(db, 'INSERT OR IGNORE INTO sync_waiting (doc_id, waits_for) SELECT value ->> 0, value ->> 1 FROM json_each(?)').run(
    JSON.stringify(records.flatMap((record) => record.waitsFor.map((target) => [record.history.id, target]))),
  );
}

/**
 * Each record's row values, links turned into this desk's row ids, for the records whose every link names a row
 * live here (the others are left out: they wait, or bring a deleted record back, record by record).
 */
function linkedRows<T extends { body: RecordBody }>(
  db: Db,
  entity: SyncedEntity,
  records: readonly T[],
  /** Given, an optional link to a record not here (or waiting) and not among these is written empty and waited for. */
  arriving?: ReadonlySet<string>,
): { record: T; columns: string[]; values: Value[]; waitsFor: string[] }[] {
  const references = foreignKeys(db, entity);
  const required = requiredColumns(db, entity);
  const linked = new Set<string>();
  for (const { body } of records)
    for (const column of references.keys()) if (typeof body[column] === 'string') linked.add(body[column] as string);
  const rowOf = new Map(
    (
      syncStatement(
        db,
        `SELECT doc_id, row_key FROM sync_doc WHERE doc_id IN (SELECT value FROM json_each(?)) AND deleted = 0 AND row_key IS NOT NULL`,
      ).all(JSON.stringify([...linked])) as { doc_id: string; row_key: string }[]
    ).map((row) => [row.doc_id, Number(row.row_key)]),
  );
  const states = arriving ? linkedStates(db, linked) : new Map<string, LinkedState>();
  const columns = columnsOf(db, entity);
  const receivedMarking = receivingMarkings(db);
  return records.flatMap((record) => {
    const { body } = record;
    const present: string[] = [];
    const values: Value[] = [];
    const waitsFor: string[] = [];
    for (const column of columns) {
      if (column === 'id' || isSortKeyColumn(entity, column) || !(column in body)) continue;
      const value = column === 'classification' ? receivedMarking(body[column] ?? null) : (body[column] ?? null);
      present.push(column);
      if (!references.has(column) || value === null) {
        values.push(value);
        continue;
      }
      // A link to a record not live here: it waits, or brings a deleted record back, record by record.
      const rowId = typeof value === 'string' ? rowOf.get(value) : undefined;
      if (rowId !== undefined) values.push(rowId);
      else if (arriving && typeof value === 'string' && !required.has(column) && awaitable(states, arriving, value)) {
        values.push(null);
        waitsFor.push(value);
      } else return [];
    }
    for (const [keyColumn, key] of sortKeysBeside(db, entity, new Map(present.map((column, index) => [column, values[index]])))) {
      present.push(keyColumn);
      values.push(key);
    }
    return [{ record, columns: present, values, waitsFor }];
  });
}

type LinkedState = 'live' | 'waiting' | 'deleted';

/** Each linked record's state here: live with a row, waiting (no row), or deleted (a merge may bring it back). */
function linkedStates(db: Db, linked: ReadonlySet<string>): Map<string, LinkedState> {
  return new Map(
    (
      syncStatement(
        db,
        `SELECT doc_id, CASE WHEN deleted <> 0 THEN 'deleted' WHEN row_key IS NULL THEN 'waiting' ELSE 'live' END AS state
         FROM sync_doc WHERE doc_id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify([...linked])) as { doc_id: string; state: LinkedState }[]
    ).map((row) => [row.doc_id, row.state]),
  );
}

/** A linked record a new one simply waits for: not here at all, or waiting itself, and not coming in this merge. */
const awaitable = (states: ReadonlyMap<string, LinkedState>, arriving: ReadonlySet<string>, target: string) => {
  const state = states.get(target);
  return (state === undefined || state === 'waiting') && !arriving.has(target);
};

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

/** Records' states as the merge leaves them (`keys`: their rows', null for one waiting) and their revisions. */
function writeHistories(
  db: Db,
  entity: SyncedEntity,
  records: readonly { history: RecordHistory; leaf: RevisionRecord }[],
  keys: readonly (string | null)[],
): void {
  // Each record's state as the merge leaves it, written at once: updated after its revisions, as a merge alone
  // does, its trigger would work out again the place in the feeds its first revision's trigger just gave it.
  syncStatement(
    db,
    `INSERT INTO sync_doc (doc_id, entity, row_key, rev, deleted) SELECT value ->> 0, ?, value ->> 1, value ->> 2, 0 FROM json_each(?) ORDER BY key`,
  ).run(entity, JSON.stringify(records.map((record, index) => [record.history.id, keys[index], record.leaf.rev])));
  // In the order each record's merge inserts them (its leaf first), so the feed triggers see the same texts.
  const revisions = records.flatMap(({ history }) =>
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
  writeHistories(db, entity, group, keys);
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
  const waits = group.flatMap((record) => record.waitsFor.map((target) => [record.history.id, target]));
  if (waits.length > 0) {
    syncStatement(db, 'INSERT OR IGNORE INTO sync_waiting (doc_id, waits_for) SELECT value ->> 0, value ->> 1 FROM json_each(?)').run(
      JSON.stringify(waits),
    );
    // Its link will write the row again: indexed for search then, not now and again (3250).
    if (!participant)
      deferSearchOf(
        db,
        entity,
        group.flatMap((record, index) => (record.waitsFor.length > 0 ? [firstId + index] : [])),
      );
  }
  // A note received is put in its own history (what its history view lists), as recordReceivedNote does for one.
  if (entity === 'note')
    statement(
      db,
      `INSERT OR IGNORE INTO note_revision (note_id, version, title, body, tags, classification, saved_at)
         SELECT id, version, title, body, tags, classification, updated_at FROM note WHERE id IN (SELECT value FROM json_each(?))`,
    ).run(applying);
}

/**
 * How many records here wait for each of these (sync_waiting), in one statement: a record many wait for
 * writes all of them again when it comes, in the transaction that brings it.
 */
export function waitingFor(db: Db, docIds: readonly string[]): Map<string, number> {
  return new Map(
    (
      syncStatement(
        db,
        'SELECT waits_for, count(*) AS waiting FROM sync_waiting WHERE waits_for IN (SELECT value FROM json_each(?)) GROUP BY waits_for',
      ).all(JSON.stringify(docIds)) as { waits_for: string; waiting: number }[]
    ).map((row) => [row.waits_for, row.waiting]),
  );
}

/**
 * The records that waited for `arrived` (its row just written) written now, then those that waited for them, and
 * so on: a kind at a time, parents first, each step one statement over the kind's records, with the values and
 * order of states record-by-record relinking writes (rows.ts, relinkWaiting). A feed sends a record edited after
 * the records linking to it (a summit whose marking changed after its meetings were written) after them: on a
 * first pull all of a summit's records, or every sector entry of a source, wait, then come in at once. A waiter
 * with a row already, a link still missing, or a row a rule of this store refuses is written by `alone`
 * (materialise), as before.
 */
export function linkWaiting(db: Db, arrived: string, alone: (docId: string, rev: string) => void): void {
  const rank = (entity: string) => (syncedEntities as readonly string[]).indexOf(entity);
  for (let frontier = [arrived]; frontier.length > 0; ) {
    const waiters = syncStatement(
      db,
      `SELECT D.doc_id AS docId, D.entity AS entity, D.rev AS rev, D.row_key AS rowKey, R.body AS body
       FROM (SELECT DISTINCT doc_id FROM sync_waiting WHERE waits_for IN (SELECT value FROM json_each(?))) AS W
       JOIN sync_doc AS D ON D.doc_id = W.doc_id AND D.deleted = 0
       LEFT JOIN sync_rev AS R ON R.doc_id = D.doc_id AND R.rev = D.rev AND R.deleted = 0
       ORDER BY D.doc_id`,
    ).all(JSON.stringify(frontier)) as { docId: string; entity: SyncedEntity; rev: string; rowKey: string | null; body: string | null }[];
    const next: string[] = [];
    const entities = [...new Set(waiters.map((waiter) => waiter.entity))].sort((a, b) => rank(a) - rank(b));
    for (const entity of entities) {
      const ofEntity = waiters.filter((waiter) => waiter.entity === entity);
      const withText = ofEntity.flatMap((waiter) =>
        waiter.body !== null && (waiter.rowKey === null || entity !== 'meeting_participant')
          ? [{ ...waiter, body: JSON.parse(waiter.body) as RecordBody }]
          : [],
      );
      // Without a row (a required link was missing): written; with one (an optional link was left empty): linked.
      const groups = new Map<string, { record: (typeof withText)[number]; columns: string[]; values: Value[] }[]>();
      const required = requiredColumns(db, entity);
      for (const row of linkedRows(db, entity, withText)) {
        if (row.record.rowKey !== null && row.columns.some((column, index) => row.values[index] === null && required.has(column))) continue;
        const signature = `${row.record.rowKey === null ? 'new' : 'linked'} ${row.columns.join(',')}`;
        const group = groups.get(signature);
        if (group) group.push(row);
        else groups.set(signature, [row]);
      }
      const written = new Set<string>();
      const linked = new Set<string>();
      for (const [signature, group] of groups) {
        const rowless = signature.startsWith('new ');
        try {
          db.transaction(() => (rowless ? linkGroup(db, entity, group) : relinkGroup(db, entity, group)))();
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          continue;
        }
        for (const { record } of group) (rowless ? written : linked).add(record.docId);
      }
      for (const waiter of ofEntity) if (!written.has(waiter.docId) && !linked.has(waiter.docId)) alone(waiter.docId, waiter.rev);
      next.push(...written);
    }
    frontier = next;
  }
}

/**
 * Waiting records of one kind with the same columns whose rows were written without an optional link: their rows
 * written again from their texts, now linked (a note's edit counter bumped, as materialise does), each step one statement.
 */
function relinkGroup(
  db: Db,
  entity: SyncedEntity,
  group: readonly { record: { docId: string; rowKey: string | null }; columns: string[]; values: Value[] }[],
): void {
  const columnsOfRow = group[0]?.columns ?? [];
  const keys = JSON.stringify(group.map(({ record }) => record.rowKey));
  const bump = columnsOf(db, entity).includes('version') ? ', version = version + 1' : '';
  statement(db, 'INSERT OR IGNORE INTO sync_applying (entity, row_key) SELECT ?, value FROM json_each(?)').run(entity, keys);
  statement(
    db,
    `UPDATE ${entity} SET (${columnsOfRow.join(', ')}) = (${columnsOfRow.map((_, index) => `J.value ->> ${index + 1}`).join(', ')})${bump}
     FROM json_each(?) AS J WHERE ${entity}.id = J.value ->> 0`,
  ).run(JSON.stringify(group.map(({ record, values }) => [Number(record.rowKey), ...values])));
  statement(db, 'DELETE FROM sync_applying WHERE entity = ? AND row_key IN (SELECT value FROM json_each(?))').run(entity, keys);
  syncStatement(db, 'DELETE FROM sync_waiting WHERE doc_id IN (SELECT value FROM json_each(?))').run(
    JSON.stringify(group.map(({ record }) => record.docId)),
  );
  resumeSearchOf(
    db,
    entity,
    group.map(({ record }) => Number(record.rowKey)),
  );
}

/** Waiting records of one kind with the same columns: their rows, then their states, each step one statement. */
function linkGroup(
  db: Db,
  entity: SyncedEntity,
  group: readonly { record: { docId: string }; columns: string[]; values: Value[] }[],
): void {
  const participant = entity === 'meeting_participant';
  const firstId = participant ? 0 : nextId(db, entity);
  const columnsOfRow = group[0]?.columns ?? [];
  const keys = group.map(({ values }, index) =>
    participant ? `${values[columnsOfRow.indexOf('meeting_id')]}:${values[columnsOfRow.indexOf('person_id')]}` : String(firstId + index),
  );
  const applying = JSON.stringify(keys);
  statement(db, 'INSERT OR IGNORE INTO sync_applying (entity, row_key) SELECT ?, value FROM json_each(?)').run(entity, applying);
  const allColumns = [...(participant ? [] : ['id']), ...columnsOfRow];
  statement(
    db,
    `INSERT INTO ${entity} (${allColumns.join(', ')}) SELECT ${allColumns.map((_, index) => `value ->> ${index}`).join(', ')} FROM json_each(?) ORDER BY key`,
  ).run(JSON.stringify(group.map(({ values }, index) => (participant ? values : [firstId + index, ...values]))));
  statement(db, 'DELETE FROM sync_applying WHERE entity = ? AND row_key IN (SELECT value FROM json_each(?))').run(entity, applying);
  const docIds = JSON.stringify(group.map(({ record }) => record.docId));
  syncStatement(db, 'DELETE FROM sync_waiting WHERE doc_id IN (SELECT value FROM json_each(?))').run(docIds);
  syncStatement(db, 'UPDATE sync_doc SET row_key = J.value ->> 1 FROM json_each(?) AS J WHERE sync_doc.doc_id = J.value ->> 0').run(
    JSON.stringify(group.map(({ record }, index) => [record.docId, keys[index]])),
  );
}
