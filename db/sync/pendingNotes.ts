import type { Statement } from 'better-sqlite3';
import type { Db } from '../open.ts';
import { statement } from '../sql.ts';
import { refusesWrites } from '../writeRefusal.ts';

// A note save marks the note instead of writing its replication revision
// (migration 1650): autosave saves on every pause in typing, and the revision
// was most of the pages each save wrote. The marked notes' revisions are
// written here, all in one statement, and every statement on the replication
// tables is prepared through `syncStatement`, which runs it first: the changes
// feed, bundles, conflicts, histories, the waiting count and every merge see
// every acknowledged save, and no reader has its own call to forget.
// (db/sync/pendingNotes.test.ts checks that no other statement names those tables.)

/** Connections whose store has the marks table: a store migrated before 1650 (some tools and migration tests hold one) has not. */
const withMarks = new WeakSet<Db>();

function hasMarks(db: Db): boolean {
  if (withMarks.has(db)) return true;
  const exists =
    statement(db, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'sync_note_pending'`).pluck().get() === 1;
  if (exists) withMarks.add(db);
  return exists;
}

/** Connections whose store finds the notes saved here by their time (migration 2700). */
const byTime = new WeakSet<Db>();

function findsSavesByTime(db: Db): boolean {
  if (byTime.has(db)) return true;
  const found = statement(db, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'note_saves_after'`).pluck().get() === 1;
  if (found) byTime.add(db);
  return found;
}

/** The author of a save's revision, as the save's trigger writes it (0750), dated by the save. */
const authorOfSave = `coalesce(
  (SELECT json_object('desk', desk_name, 'fingerprint', fingerprint, 'at', note.updated_at) FROM desk_key WHERE id = 1 AND fingerprint <> ''),
  json_object('at', note.updated_at))`;

/** Notes saved since the revisions were last written, found by their time (2700): marked, and the time advanced past them. */
const savedSince = (db: Db) =>
  findsSavesByTime(db) &&
  statement(db, 'SELECT EXISTS (SELECT 1 FROM note WHERE updated_at > (SELECT revision FROM note_saves_after))').pluck().get() === 1;

function markNotesSavedSince(db: Db): void {
  // A mark written since (a trash after the save) keeps its later author, as the save's trigger would have left it.
  statement(
    db,
    `INSERT INTO sync_note_pending (note_id, author, search_pending)
       SELECT id, ${authorOfSave}, 0 FROM note WHERE updated_at > (SELECT revision FROM note_saves_after)
       ON CONFLICT (note_id) DO UPDATE SET author = excluded.author
         WHERE json_extract(excluded.author, '$.at') > json_extract(sync_note_pending.author, '$.at')`,
  ).run();
  statement(db, 'UPDATE note_saves_after SET revision = coalesce((SELECT max(updated_at) FROM note), revision)').run();
}

/**
 * Writes the replication revision of every note saved since the last call: one
 * per note, of its text as it now reads (an unchanged text writes none), made
 * the winner, dated by the note's last change. Cheap when nothing waits.
 */
export function writePendingNoteRevisions(db: Db): void {
  // A store opened read-only cannot catch up; it is read as it stands (its last saves not yet offered), as search does.
  if (refusesWrites(db) || !hasMarks(db)) return;
  if (savedSince(db)) {
    // One commit for the marks, the time and the revisions, when the caller has none open.
    const write = () => {
      markNotesSavedSince(db);
      statement(db, 'DELETE FROM sync_note_pending').run();
    };
    if (db.inTransaction) write();
    else db.transaction(write)();
  } else if (statement(db, 'SELECT EXISTS (SELECT 1 FROM sync_note_pending)').pluck().get() === 1)
    statement(db, 'DELETE FROM sync_note_pending').run();
}

/** Connections inside a stretch of replication work no save can interleave with (see withSavesTaken). */
const savesTaken = new WeakSet<Db>();

/**
 * Runs `work`, which must be synchronous (one merged slice, one page of the changes feed), with the marked notes'
 * revisions written once before it instead of checked again before each of its statements: nothing else runs on
 * the thread meanwhile, so no save can come between, and a merge's own writes of received notes advance the time
 * themselves (2700). A first pull made tens of statements a record, each checking for saves twice.
 */
export function withSavesTaken<T>(db: Db, work: () => T): T {
  if (savesTaken.has(db)) return work();
  writePendingNoteRevisions(db);
  savesTaken.add(db);
  try {
    return work();
  } finally {
    savesTaken.delete(db);
  }
}

/**
 * Whether any record's revision tree has branched (sync_branched, 0600): conflicts and records brought back over a
 * deletion are found among those only. A marked note's revision is written as the one child of its winner, a leaf,
 * so writing it never puts a record there: asked without writing them first. With none there, the conflict list
 * and the restorations are empty whatever waits, and a start (Today asks both) does not wait for every note saved
 * since the last statement on the replication tables (in a store filled in bulk, all of them).
 */
export function anyBranched(db: Db): boolean {
  return statement(db, 'SELECT EXISTS (SELECT 1 FROM sync_branched)').pluck().get() === 1;
}

/**
 * Runs `read`, which reads no note's replication record (a summit's own record, whether a shared summit has
 * arrived or was deleted), without writing the marked notes' revisions first: a note's revision changes no other
 * record's. Settings → Sync's overview, which the sidebar asks for on every start, reads those and, only with an
 * account, the count of records waiting, which does need them (and asks through syncStatement).
 */
export function readingNoNote<T>(db: Db, read: () => T): T {
  if (savesTaken.has(db)) return read();
  savesTaken.add(db);
  try {
    return read();
  } finally {
    savesTaken.delete(db);
  }
}

/** A prepared statement on the replication tables (sync_rev, sync_doc, sync_home, …), after the marked notes' revisions are written. */
export function syncStatement(db: Db, sql: string): Statement {
  if (!savesTaken.has(db)) writePendingNoteRevisions(db);
  return statement(db, sql);
}

/** The same for a statement prepared once and not kept (its text varies, or a tool runs it once). */
export function syncPrepare(db: Db, sql: string): Statement {
  if (!savesTaken.has(db)) writePendingNoteRevisions(db);
  return db.prepare(sql);
}
