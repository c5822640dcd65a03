import crypto from 'node:crypto';
import type { RestoredRecord, RestoredReferrer } from '../../shared/conflicts.ts';
import { type RevisionAuthor, revisionAuthorOf } from '../../shared/sync.ts';
import type { Db } from '../open.ts';
import { statement } from '../sql.ts';
import { isChildOf } from './children.ts';
import { closingRevisionId, isClosing } from './closing.ts';
import { kindOf, nameIn, pageOf } from './conflictDetail.ts';
import { currentBody, type DocState, docState, revisionsOf, type SyncedEntity } from './history.ts';
import { anyBranched, syncStatement } from './pendingNotes.ts';
import { keyParams, referringColumns, restoringRevisionId, whereKey } from './rows.ts';
import { isTrashClosed } from './trashedWhileEdited.ts';

// A record deleted on one desk lives on, on every desk, when a desk that had
// not seen the deletion edited it (CouchDB's rule: a live leaf beats a
// deleted one) or added records referring to it (rows.ts). The people
// concerned are told here: the desk that deleted it sees it reappear, the
// desk that edited or added to it learns a colleague wanted it gone.
//
// Nothing is stored for the notice: it is read from the revision tree, which
// replication makes the same on every desk. The deletion is a deleted leaf
// beside the edit, or beside the revision that brought the record back
// (rows.ts says why it is a sibling, not a parent), and a deleted leaf
// travels whole, with its author: every desk names the same deleting desk
// and time. "Keep" closes
// that leaf with a deletion of its own, as dismissing a losing version does:
// the leaf is no longer a leaf on any desk that receives it, so the notice
// goes everywhere, and the record's winner is untouched (a live leaf wins).

/** The notice changed (settled elsewhere, or new records refer to it) since it was shown: the user looks again. */
export class RestorationMovedOnError extends Error {
  constructor(docId: string) {
    super(`The record ${docId} changed since its notice was shown; look at it again before deciding.`);
    this.name = 'RestorationMovedOnError';
  }
}

interface DeletionLeaf {
  rev: string;
  parent: string;
  author: string | null;
  /** The author of the revision the leaf closes: for a trash an edit met, who moved the note to the trash. */
  closedAuthor: string | null;
}

interface OpenDeletion extends DeletionLeaf {
  /** Why the record lived on: records referring to it brought it back, or an edit made beside the deletion won. */
  keptFor: RestoredRecord['keptFor'];
  /** The first revision of the winner's line after the deleted one: the edit that outlived the deletion. */
  outliving: string | undefined;
}

/**
 * The deletion still open beside the record's winner: a deleted leaf whose
 * parent, a live revision, is an ancestor of the winner. Either the revision
 * that brought the record back answers it (rows.ts), or another desk edited
 * the version it deleted. A deleted leaf closing a version seen (closing.ts),
 * or one closing a losing version (its parent off the winner's line), is no
 * deletion of the record.
 */
function openDeletions(db: Db, state: DocState): OpenDeletion[] {
  const leaves = syncStatement(
    db,
    `SELECT T.rev, T.parent, T.author, P.author AS closedAuthor FROM sync_rev AS T JOIN sync_rev AS P ON P.doc_id = T.doc_id AND P.rev = T.parent AND P.deleted = 0
       WHERE T.doc_id = ? AND T.deleted = 1
       AND NOT EXISTS (SELECT 1 FROM sync_rev AS C WHERE ${isChildOf('C', 'T.doc_id', 'T.rev')})`,
  ).all(state.doc_id) as DeletionLeaf[];
  if (leaves.length === 0) return [];
  const parents = new Map(revisionsOf(db, state.doc_id).map((revision) => [revision.rev, revision.parent]));
  const childOnLine = new Map<string, string>();
  for (let rev: string | null | undefined = state.rev; rev; rev = parents.get(rev)) {
    const parent = parents.get(rev);
    if (parent) childOnLine.set(parent, rev);
  }
  // A later deletion answered the same way supersedes an earlier one: the deepest first.
  const sorted = [...leaves].sort((a, b) => Number.parseInt(b.rev, 10) - Number.parseInt(a.rev, 10) || b.rev.localeCompare(a.rev));
  return sorted.flatMap((leaf): OpenDeletion[] => {
    // A note moved to the trash while another desk edited it: the trash was closed as the edit met it
    // (trashedWhileEdited.ts), and is news to both desks as a deletion is, told by who moved it there.
    if (isTrashClosed(state.doc_id, leaf.rev, leaf.parent)) {
      const trashed = parents.get(leaf.parent);
      const outliving = trashed ? childOnLine.get(trashed) : undefined;
      return outliving === undefined ? [] : [{ ...leaf, author: leaf.closedAuthor, keptFor: 'trash', outliving }];
    }
    if (isClosing(leaf.rev) || !childOnLine.has(leaf.parent)) return [];
    const outliving = childOnLine.get(leaf.parent);
    return outliving === restoringRevisionId(state.doc_id, leaf.rev)
      ? [{ ...leaf, keptFor: 'referrers', outliving: undefined }]
      : [{ ...leaf, keptFor: 'edit', outliving }];
  });
}

const keyExpressionOf = (entity: SyncedEntity) =>
  entity === 'meeting_participant' ? `meeting_id || ':' || person_id` : 'CAST(id AS TEXT)';

/** The live records referring to this one: by their rows, or waiting for it (sync_waiting). */
export function referrersOf(db: Db, state: DocState): string[] {
  const found = new Set(
    syncStatement(
      db,
      'SELECT W.doc_id FROM sync_waiting AS W JOIN sync_doc AS D ON D.doc_id = W.doc_id AND D.deleted = 0 WHERE W.waits_for = ?',
    )
      .pluck()
      .all(state.doc_id) as string[],
  );
  if (state.row_key !== null && state.entity !== 'meeting_participant')
    for (const [child, column] of referringColumns(db, state.entity))
      for (const rowKey of statement(db, `SELECT ${keyExpressionOf(child)} FROM ${child} WHERE ${column} = ?`)
        .pluck()
        .all(Number(state.row_key)) as string[]) {
        const docId = syncStatement(db, 'SELECT doc_id FROM sync_doc WHERE entity = ? AND row_key = ?').pluck().get(child, rowKey) as
          | string
          | undefined;
        if (docId) found.add(docId);
      }
  return [...found].sort();
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function authorOf(db: Db, docId: string, rev: string): RevisionAuthor | null {
  const author = syncStatement(db, 'SELECT author FROM sync_rev WHERE doc_id = ? AND rev = ?').pluck().get(docId, rev) as string | null;
  return author === null ? null : revisionAuthorOf(author);
}

function referrerOf(db: Db, docId: string): RestoredReferrer | undefined {
  const state = docState(db, docId);
  if (!state) return undefined;
  const body = currentBody(db, docId) ?? null;
  const author = authorOf(db, docId, state.rev);
  return {
    id: docId,
    kind: kindOf(state.entity, body),
    title: nameIn(db, state.entity, body),
    classification: text(body?.classification),
    author,
  };
}

function restorationOf(db: Db, docId: string): RestoredRecord | undefined {
  const state = docState(db, docId);
  if (!state || state.deleted === 1) return undefined;
  const [deletion] = openDeletions(db, state);
  if (!deletion) return undefined;
  const entity = state.entity;
  const body = currentBody(db, docId) ?? null;
  const rowId = entity !== 'meeting_participant' && state.row_key !== null ? Number(state.row_key) : null;
  return {
    id: docId,
    kind: kindOf(entity, body),
    rowId,
    page: pageOf(db, entity, rowId, body),
    title: nameIn(db, entity, body),
    classification: text(body?.classification),
    deletion: deletion.rev,
    deletedBy: deletion.author === null ? null : revisionAuthorOf(deletion.author),
    keptFor: deletion.keptFor,
    editedBy: deletion.outliving === undefined ? null : authorOf(db, docId, deletion.outliving),
    referrers: referrersOf(db, state).flatMap((referrer) => referrerOf(db, referrer) ?? []),
  };
}

/** Every live record brought back over a deletion nobody has answered yet, titles in order. */
export function listRestorations(db: Db): RestoredRecord[] {
  // A record brought back has two revisions with one parent (the deletion and its answer): it is in sync_branched (0600).
  // None there, none brought back, and nothing waits for the notes saved since their revisions were written.
  if (!anyBranched(db)) return [];
  const candidates = syncStatement(
    db,
    'SELECT B.doc_id FROM sync_branched AS B JOIN sync_doc AS D ON D.doc_id = B.doc_id AND D.deleted = 0 ORDER BY B.doc_id',
  )
    .pluck()
    .all() as string[];
  return candidates
    .flatMap((docId) => restorationOf(db, docId) ?? [])
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}

/**
 * Writes a deletion on `parent`. One answering a deletion (`answer`) must
 * never become the record's winning tombstone: its parent is a deletion, so a
 * record brought back again from it would have no text. It is a closing
 * deletion (closing.ts), which a real deletion of the same depth outranks.
 */
function closeWithDeletion(db: Db, docId: string, parent: string, answer = false): string {
  const rev = answer ? closingRevisionId(parent) : `${Number.parseInt(parent, 10) + 1}-${crypto.randomBytes(16).toString('hex')}`;
  // No author given: this desk's is written by the trigger of 0750, as for any revision made here.
  syncStatement(db, 'INSERT INTO sync_rev (doc_id, rev, parent, deleted, body) VALUES (?, ?, ?, 1, NULL)').run(docId, rev, parent);
  return rev;
}

function openNotice(db: Db, docId: string, deletion: string): RestoredRecord {
  const notice = restorationOf(db, docId);
  if (!notice || notice.deletion !== deletion) throw new RestorationMovedOnError(docId);
  return notice;
}

/** The record stays; its deletion (and any earlier one it superseded) is answered on every desk that receives the answer. */
export function keepRestored(db: Db, docId: string, deletion: string): void {
  db.transaction(() => {
    openNotice(db, docId, deletion);
    const state = docState(db, docId);
    for (const open of state ? openDeletions(db, state) : []) closeWithDeletion(db, docId, open.rev, true);
  })();
}

export interface DeletedRow {
  entity: SyncedEntity;
  rowKey: string;
}

/** Deletes one record here as a user's delete does (its row's triggers record the tombstone); one without a row gets its tombstone directly. */
function deleteRecord(db: Db, docId: string): DeletedRow | undefined {
  const state = docState(db, docId);
  if (!state || state.deleted === 1) return undefined;
  if (state.row_key === null) {
    const rev = closeWithDeletion(db, docId, state.rev);
    syncStatement(db, 'UPDATE sync_doc SET rev = ?, deleted = 1 WHERE doc_id = ?').run(rev, docId);
    syncStatement(db, 'DELETE FROM sync_waiting WHERE doc_id = ?').run(docId);
    return undefined;
  }
  statement(db, `DELETE FROM ${state.entity} WHERE ${whereKey(state.entity)}`).run(...keyParams(state.entity, state.row_key));
  return { entity: state.entity, rowKey: state.row_key };
}

/**
 * A note taken out of the trash by a colleague's edit goes back to it, with the edit: the notice is answered first,
 * so the trash is a revision on top of the edit, which every desk's winner already is.
 */
function trashAgain(db: Db, docId: string): DeletedRow {
  const state = docState(db, docId);
  for (const open of state ? openDeletions(db, state) : []) closeWithDeletion(db, docId, open.rev, true);
  const rowKey = state?.row_key ?? '';
  statement(db, `UPDATE note SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ') WHERE id = ? AND deleted_at IS NULL`).run(Number(rowKey));
  return { entity: 'note', rowKey };
}

/**
 * Deletes the record and the records referring to it, exactly those the user
 * confirmed (`referrers`): refused if the list changed meanwhile. Referrers go
 * first, so no desk receiving the deletions finds a live one and brings the
 * record back again.
 */
export function deleteRestored(db: Db, docId: string, deletion: string, referrers: readonly string[]): DeletedRow[] {
  return db.transaction(() => {
    const notice = openNotice(db, docId, deletion);
    const current = notice.referrers.map((referrer) => referrer.id);
    if (current.length !== referrers.length || [...referrers].sort().some((id, index) => id !== current[index]))
      throw new RestorationMovedOnError(docId);
    if (notice.keptFor === 'trash') return [trashAgain(db, docId)];
    const deleted = [...current, docId].flatMap((id) => deleteRecord(db, id) ?? []);
    return deleted;
  })();
}
