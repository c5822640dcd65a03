import type { Db } from '../open.ts';

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
  const lastSeq = db.prepare('SELECT coalesce(max(seq), 0) FROM sync_rev').pluck().get() as number;
  const rewrite = db.transaction(() => {
    for (const table of tables)
      db.exec(table === 'meeting_participant' ? 'UPDATE meeting_participant SET role = role' : `UPDATE ${table} SET id = id`);
    const written = db
      .prepare(
        `SELECT N.doc_id, N.body, P.body AS winner FROM sync_rev N
           LEFT JOIN sync_rev P ON P.doc_id = N.doc_id AND P.rev = N.parent
          WHERE N.seq > ?`,
      )
      .all(lastSeq) as { doc_id: string; body: string | null; winner: string | null }[];
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
  const waitsFor = new Set(db.prepare('SELECT waits_for FROM sync_waiting WHERE doc_id = ?').pluck().all(revision.doc_id) as string[]);
  const keys = new Set([...Object.keys(row), ...Object.keys(winner)]);
  return [...keys].every((key) => {
    if (JSON.stringify(row[key]) === JSON.stringify(winner[key])) return true;
    const named = winner[key];
    return row[key] === null && typeof named === 'string' && waitsFor.has(named) && docDeleted(db, named);
  });
}

function docDeleted(db: Db, docId: string): boolean {
  const state = db.prepare('SELECT deleted FROM sync_doc WHERE doc_id = ?').pluck().get(docId) as number | undefined;
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
