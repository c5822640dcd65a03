import type { Db } from '../open.ts';
import { statement } from '../sql.ts';
import { foreignKeys, syncedEntities } from './history.ts';
import { isWrittenForNewHome } from './movedOut.ts';
import { syncPrepare } from './pendingNotes.ts';

/** Every row of every table, sorted: two snapshots are equal exactly when nothing in the store changed. */
export function storeSnapshot(db: Db): Record<string, string[]> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((table) => [
      table,
      (db.prepare(`SELECT * FROM "${table}"`).all() as unknown[])
        .map((row) => JSON.stringify(row, (_key, value) => (Buffer.isBuffer(value) ? value.toString('hex') : value)))
        .sort(),
    ]),
  );
}

/**
 * True when every record's row is exactly its winning revision: rewriting each
 * row in place would otherwise make its trigger record a new revision. A link
 * to a record deleted everywhere is the one allowed difference: the row shows
 * no link while the revision keeps naming the record, and the row is listed as
 * waiting for it (sync_waiting), to be linked again if an edit elsewhere brings
 * that record back.
 */
export function rowsMatchWinners(db: Db, tables: readonly string[]): boolean {
  const lastSeq = syncPrepare(db, 'SELECT coalesce(max(seq), 0) FROM sync_rev').pluck().get() as number;
  const rewrite = db.transaction(() => {
    for (const table of tables) {
      // A table without a row has nothing to rewrite (SQLite's triggers fire per row), and compiling its UPDATE
      // through the history triggers cost about 5 ms a table: most of this check on a store with few kinds of record.
      if (statement(db, `SELECT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 0) continue;
      db.exec(table === 'meeting_participant' ? 'UPDATE meeting_participant SET role = role' : `UPDATE ${table} SET id = id`);
    }
    const written = syncPrepare(
      db,
      `SELECT N.doc_id, N.body, P.body AS winner FROM sync_rev N
           LEFT JOIN sync_rev P ON P.doc_id = N.doc_id AND P.rev = N.parent
          WHERE N.seq > ?`,
    ).all(lastSeq) as { doc_id: string; body: string | null; winner: string | null }[];
    throw new RolledBack(written.every((revision) => differsOnlyInWaitingLinks(db, revision)));
  });
  try {
    rewrite();
  } catch (error) {
    if (error instanceof RolledBack) return error.unchanged;
    throw error;
  }
  return false;
}

function differsOnlyInWaitingLinks(db: Db, revision: { doc_id: string; body: string | null; winner: string | null }): boolean {
  if (revision.body === null || revision.winner === null) return false;
  const row = JSON.parse(revision.body) as Record<string, unknown>;
  const winner = JSON.parse(revision.winner) as Record<string, unknown>;
  const waitsFor = new Set(syncPrepare(db, 'SELECT waits_for FROM sync_waiting WHERE doc_id = ?').pluck().all(revision.doc_id) as string[]);
  const keys = new Set([...Object.keys(row), ...Object.keys(winner)]);
  return [...keys].every((key) => {
    if (JSON.stringify(row[key]) === JSON.stringify(winner[key])) return true;
    const named = winner[key];
    return row[key] === null && typeof named === 'string' && waitsFor.has(named) && docDeleted(db, named);
  });
}

function docDeleted(db: Db, docId: string): boolean {
  const state = syncPrepare(db, 'SELECT deleted FROM sync_doc WHERE doc_id = ?').pluck().get(docId) as number | undefined;
  return state === undefined || state === 1;
}

class RolledBack extends Error {
  readonly unchanged: boolean;
  constructor(unchanged: boolean) {
    super('rolled back');
    this.unchanged = unchanged;
  }
}

/**
 * Makes the store's new record ids and revision hashes (SQL `randomblob`, used
 * by the history triggers) come from `seed`, so a failing history replays
 * exactly. Two desks given different seeds never draw the same id.
 */
export function seedRandomIds(db: Db, seed: number): void {
  // xorshift32: tiny, fast, and the same sequence on every machine.
  let state = (seed ^ 0x9e3779b9) >>> 0 || 1;
  const nextByte = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state & 0xff;
  };
  db.function('randomblob', { deterministic: false }, (size) => {
    const bytes = Buffer.alloc(Math.max(1, Number(size)));
    for (let index = 0; index < bytes.length; index += 1) bytes[index] = nextByte();
    return bytes;
  });
}

/** Makes each new revision hash sort lower than the one before: lets a test choose which of two tombstones CouchDB's rule picks. */
export function descendingRandomIds(db: Db): void {
  let counter = 0xffffffff;
  db.function('randomblob', { deterministic: false }, (size) => {
    const bytes = Buffer.alloc(Math.max(4, Number(size)), 0xff);
    bytes.writeUInt32BE(counter, 0);
    counter -= 1;
    return bytes;
  });
}

const referenceKinds = new Set(['source', 'country', 'person', 'programme', 'sector', 'sector_entry', 'summit']);
const linkIn = (body: Record<string, unknown> | undefined, field: string): string | undefined => {
  const value = body?.[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/**
 * Where a record replicates to, worked out from the texts alone, record by
 * record (as the changes feeds did before migration 0700 kept an index): the
 * index must always agree with it. 'reference', a summit's id, or null; a
 * summit's own record is its own database's, shared or not (2750; 'reference' before).
 */
/** Whether the store keeps a summit's record in its own database (2750): a migration test may hold an older store. */
const summitsInTheirOwnDatabase = (db: Db) =>
  syncPrepare(db, `SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = 'sync_home_summit_own'`).pluck().get() === 1;

export function homeFromTexts(db: Db, docId: string): string | null {
  const lastText = (id: string) => {
    const body = syncPrepare(
      db,
      `SELECT coalesce(
           (SELECT R.body FROM sync_doc AS D JOIN sync_rev AS R ON R.doc_id = D.doc_id AND R.rev = D.rev WHERE D.doc_id = ?),
           (SELECT body FROM sync_rev WHERE doc_id = ? AND body IS NOT NULL ORDER BY seq DESC LIMIT 1))`,
    )
      .pluck()
      .get(id, id) as string | null | undefined;
    return body == null ? undefined : (JSON.parse(body) as Record<string, unknown>);
  };
  const ofMeeting = (meetingDocId: string | undefined) => (meetingDocId ? (linkIn(lastText(meetingDocId), 'summit_id') ?? null) : null);
  const kind = docId.slice(0, docId.indexOf(':'));
  if (kind === 'summit') return summitsInTheirOwnDatabase(db) ? docId : 'reference';
  if (referenceKinds.has(kind)) return 'reference';
  const body = lastText(docId);
  switch (kind) {
    case 'meeting':
      return linkIn(body, 'summit_id') ?? null;
    case 'meeting_participant':
      return ofMeeting(`meeting:${docId.slice(docId.indexOf(':') + 1, docId.indexOf('.'))}`);
    case 'follow_up':
    case 'meeting_biography':
      return ofMeeting(linkIn(body, 'meeting_id'));
    case 'timeline_event':
      return linkIn(body, 'summit_id') ?? 'reference';
    case 'note':
      if (linkIn(body, 'meeting_id')) return ofMeeting(linkIn(body, 'meeting_id'));
      return linkIn(body, 'summit_id') ?? (linkIn(body, 'sector_entry_id') || linkIn(body, 'sector_id') ? 'reference' : null);
    default:
      return null;
  }
}

/** Records whose indexed home (sync_home) differs from the one their texts give, with both: empty when the index is right. */
export function misplacedRecords(db: Db): { docId: string; indexed: string | null; fromTexts: string | null }[] {
  const indexed = new Map(
    (syncPrepare(db, 'SELECT doc_id, home FROM sync_home').all() as { doc_id: string; home: string | null }[]).map((row) => [
      row.doc_id,
      row.home,
    ]),
  );
  const docIds = syncPrepare(db, 'SELECT doc_id FROM sync_doc ORDER BY doc_id').pluck().all() as string[];
  return docIds.flatMap((docId) => {
    const fromTexts = homeFromTexts(db, docId);
    const home = indexed.has(docId) ? (indexed.get(docId) ?? null) : 'missing from the index';
    return home === fromTexts ? [] : [{ docId, indexed: home, fromTexts }];
  });
}

/**
 * Live versions a database a record left may still hold (movedOut.ts): every live leaf of a record that moved out
 * of a database, other than its winner and the versions written for its new home only. Empty when no record lives,
 * once the desks have met, in a summit's database it no longer belongs to.
 */
export function branchesLeftBehind(db: Db): { docId: string; home: string; rev: string }[] {
  const leaves = syncPrepare(
    db,
    `SELECT DISTINCT M.doc_id AS docId, M.home, L.rev FROM sync_moved_out AS M JOIN sync_doc AS D ON D.doc_id = M.doc_id
       JOIN sync_rev AS L ON L.doc_id = M.doc_id AND L.deleted = 0 AND L.rev <> D.rev
      WHERE M.tombstone IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sync_rev AS C WHERE C.doc_id = L.doc_id AND C.parent = L.rev)
      ORDER BY M.doc_id, L.rev`,
  ).all() as { docId: string; home: string; rev: string }[];
  return leaves.filter((leaf) => !isWrittenForNewHome(leaf.rev));
}

/**
 * The store as replication ids see it: every synced row with its own id and
 * the ids it refers to given as record ids, the sync tables without their
 * arrival order (seq), the note histories and what notes wait for the search
 * index. Two desks that received the same records in different orders (so
 * gave their rows different local ids) have equal ones exactly when they hold
 * the same records, winners, conflicts, tombstones and feeds' homes.
 */
export function storeByRecordIds(db: Db): Record<string, string[]> {
  const docOf = (entity: string, rowKey: unknown) =>
    rowKey === null
      ? null
      : ((syncPrepare(db, 'SELECT doc_id FROM sync_doc WHERE entity = ? AND row_key = ?').pluck().get(entity, String(rowKey)) as
          | string
          | undefined) ?? `unknown ${entity} row ${String(rowKey)}`);
  const rows = (sql: string) => db.prepare(sql).all() as Record<string, unknown>[];
  const sorted = (records: readonly unknown[]) => records.map((record) => JSON.stringify(record)).sort();
  const snapshot: Record<string, string[]> = {};
  for (const entity of syncedEntities) {
    const references = foreignKeys(db, entity);
    snapshot[entity] = sorted(
      rows(`SELECT * FROM ${entity}`).map((row) => {
        const rowKey = entity === 'meeting_participant' ? `${row.meeting_id}:${row.person_id}` : row.id;
        const named: Record<string, unknown> = { ...row, id: docOf(entity, rowKey) };
        for (const [column, target] of references) named[column] = docOf(target, row[column] ?? null);
        return named;
      }),
    );
  }
  snapshot.note_revision = sorted(rows('SELECT * FROM note_revision').map((row) => ({ ...row, note_id: docOf('note', row.note_id) })));
  // Notes waiting for the search index: marked by a merge or by a save on its replication mark (2100), or saved since by their time (2700).
  snapshot.note_search_pending = sorted(
    rows(
      `SELECT note_id FROM note_search_pending UNION SELECT note_id FROM sync_note_pending WHERE search_pending = 1${
        db.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'note_saves_after'`).get()
          ? ' UNION SELECT id FROM note WHERE updated_at > (SELECT search FROM note_saves_after)'
          : ''
      }`,
    ).map((row) => docOf('note', row.note_id)),
  );
  snapshot.sync_doc = sorted(
    (
      syncPrepare(db, 'SELECT doc_id, entity, rev, deleted, row_key IS NOT NULL AS has_row FROM sync_doc').all() as Record<
        string,
        unknown
      >[]
    ).map((row) => ({ ...row })),
  );
  snapshot.sync_rev = sorted(
    syncPrepare(db, 'SELECT doc_id, rev, parent, deleted, body, author FROM sync_rev').all() as Record<string, unknown>[],
  );
  snapshot.sync_home = sorted(syncPrepare(db, 'SELECT doc_id, via, home FROM sync_home').all() as Record<string, unknown>[]);
  snapshot.sync_waiting = sorted(syncPrepare(db, 'SELECT * FROM sync_waiting').all() as Record<string, unknown>[]);
  snapshot.sync_held = sorted(syncPrepare(db, 'SELECT doc_id, reason FROM sync_held').all() as Record<string, unknown>[]);
  snapshot.sync_branched = sorted(syncPrepare(db, 'SELECT * FROM sync_branched').all() as Record<string, unknown>[]);
  snapshot.sync_deleted_row = sorted(syncPrepare(db, 'SELECT entity, doc_id FROM sync_deleted_row').all() as Record<string, unknown>[]);
  return snapshot;
}
