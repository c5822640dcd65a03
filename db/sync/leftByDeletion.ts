import crypto from 'node:crypto';
import type { RecordBody } from '../../shared/sync.ts';
import type { Db } from '../open.ts';
import { isClosing } from './closing.ts';
import { docState } from './history.ts';
import { isMovedOut } from './movedOut.ts';
import { syncStatement } from './pendingNotes.ts';
import { materialise } from './rows.ts';

// Deleting what a record is filed under keeps the record: a summit's meetings
// and notes, a meeting's notes, a sector entry's annotations stay, unlinked
// (the schema's ON DELETE SET NULL). On the deleting desk they then belong to
// no shared summit and stay on that desk, so the summit's server database gets
// the deletion closing each of them there (movedOut.ts): on a colleague's desk
// that closing took their own notes away, not even to the trash. A closing
// received here whose version named a record deleted by a user here is
// therefore answered as the deleting desk's schema answers the deletion: a
// revision beside it with that version's text, the link to the deleted record
// cleared. The colleague keeps the last text they had; what followed such a
// kept meeting (its notes) is kept with it, still linked to it. The revision
// is written by every desk in that position the same way (its id derives from
// the closing it answers) and belongs to no shared database, like the deleting
// desk's own unlinked copy, so nothing of it travels. A record that moved to a
// summit this desk does not share names no deleted record, and still leaves
// (should the summit it left be deleted later, it comes back here, unlinked).

const keptMark = '0000000d';

/** What each kind is filed under: the links whose target's deletion leaves it kept, unlinked. */
export const filedUnder: Partial<Record<string, readonly string[]>> = {
  meeting: ['summit_id'],
  note: ['summit_id', 'meeting_id', 'sector_entry_id', 'sector_id'],
};

/** The revision keeping a record a closing `closing` took away when what it was filed under went: the same on every desk. */
function keptRevisionId(docId: string, closing: string): string {
  const digest = crypto.createHash('sha256').update(`kept, its parent deleted ${docId} ${closing}`).digest('hex');
  return `${Number.parseInt(closing, 10)}-${keptMark}${digest.slice(0, 24)}`;
}

/** Whether a live revision keeps a record whose parent a user deleted (written here). */
export function isKeptAfterParentDeleted(rev: string): boolean {
  return rev.slice(rev.indexOf('-') + 1).startsWith(keptMark);
}

/** Deleted by a user here, not closed (a closing says a record left a database, not that a user deleted it). */
function deletedByUser(db: Db, docId: string): boolean {
  const state = docState(db, docId);
  return state !== undefined && state.deleted === 1 && state.rev !== '' && !isClosing(state.rev);
}

/** The closed version's text as kept here, or undefined when it names no deleted parent nor a kept one. */
function keptBody(db: Db, entity: string, body: RecordBody): RecordBody | undefined {
  const kept: RecordBody = { ...body };
  let keep = false;
  for (const column of filedUnder[entity] ?? []) {
    const target = body[column];
    if (typeof target !== 'string') continue;
    if (deletedByUser(db, target)) {
      kept[column] = null;
      keep = true;
      continue;
    }
    const state = docState(db, target);
    if (state?.deleted === 0 && isKeptAfterParentDeleted(state.rev)) keep = true;
  }
  return keep ? kept : undefined;
}

/** Records whose winner here is a closing of a move out of a database, with the version it closed: all, or one. */
const closedRecords = (db: Db, oneRecord: boolean) =>
  syncStatement(
    db,
    `SELECT D.doc_id, D.entity, D.rev AS closing, P.rev AS closed, P.body, P.author
       FROM sync_doc AS D JOIN sync_rev AS T ON T.doc_id = D.doc_id AND T.rev = D.rev
       JOIN sync_rev AS P ON P.doc_id = T.doc_id AND P.rev = T.parent AND P.deleted = 0 AND P.body IS NOT NULL
      WHERE D.deleted = 1 AND D.entity IN ('meeting', 'note') AND substr(D.rev, instr(D.rev, '-') + 1, 16) = '0000000000000000'
        ${oneRecord ? 'AND D.doc_id = ?' : ''}`,
  );

interface Candidate {
  doc_id: string;
  entity: string;
  closing: string;
  closed: string;
  body: string;
  author: string | null;
}

/**
 * After a merge (in its transaction), given the records it left deleted: those closed whose last version here names
 * a record a user deleted are kept as above, and, when it deleted a summit, every record closed so. A meeting or
 * sector entry deleted after its notes' closings (a bundle's slices merge children's deletions first) is answered
 * by `'every closing'`, which the end of a bundle and each exchange's settling run. Meetings first, so their notes
 * are written linked to them. Returns the records kept.
 */
export function keepWhatADeletionLeft(db: Db, merged: readonly { id: string; entity: string }[] | 'every closing'): string[] {
  // A summit's deletion is rare; a meeting's is not, and a first pull may merge many: only a summit's reads every closing.
  const everyClosing = merged === 'every closing' || merged.some((record) => record.entity === 'summit' && deletedByUser(db, record.id));
  const candidates = (
    everyClosing
      ? (closedRecords(db, false).all() as Candidate[])
      : merged
          .filter((record) => filedUnder[record.entity] !== undefined)
          .flatMap((record) => closedRecords(db, true).all(record.id) as Candidate[])
  )
    .filter((candidate) => isMovedOut(candidate.closing))
    .sort((a, b) => (a.entity === b.entity ? 0 : a.entity === 'meeting' ? -1 : 1));
  const insert = syncStatement(db, 'INSERT OR IGNORE INTO sync_rev (doc_id, rev, parent, deleted, body, author) VALUES (?, ?, ?, 0, ?, ?)');
  const kept: string[] = [];
  for (const candidate of candidates) {
    const body = keptBody(db, candidate.entity, JSON.parse(candidate.body) as RecordBody);
    if (body === undefined) continue;
    const rev = keptRevisionId(candidate.doc_id, candidate.closing);
    insert.run(candidate.doc_id, rev, candidate.closed, JSON.stringify(body), candidate.author ?? '{}');
    materialise(db, candidate.doc_id, rev);
    kept.push(candidate.doc_id);
  }
  return kept;
}
