import crypto from 'node:crypto';
import type { RecordBody, RecordHistory, RevisionRecord } from '../../shared/sync.ts';
import type { Db } from '../open.ts';
import { closingMark } from './closing.ts';
import { revisionsOf } from './history.ts';
import { filedUnder, isKeptAfterParentDeleted } from './leftByDeletion.ts';
import { isWrittenForNewHome } from './movedOut.ts';
import { syncStatement } from './pendingNotes.ts';

// Deleting a summit (or a meeting) here unlinks what was filed under it: the
// schema's ON DELETE SET NULL gives each such note or meeting a revision with
// the link cleared and nothing else changed, and the record stays on this
// desk alone. A colleague who meanwhile edited one of them offline sends the
// edit, in the summit's database, beside that revision; this desk left the
// edit out (the record was no longer shared), and would otherwise have ranked
// the two live leaves by hash: on one desk in two the officer's text lost to a
// revision nobody wrote, while the colleague's desk, and the summit brought
// back for the edit, showed it. Such an unlink is now closed as the edit
// arrives, by a deletion whose id derives from it (the same on every desk,
// closing.ts's mark, so nobody is told of a deletion): the edit is the winner
// everywhere, filed under the summit it came back for, and no conflict is
// shown of a text nobody changed.

/** The deletion closing unlink `rev` of `docId` once an edit stands beside it: the same id on every desk. */
function closingOfUnlinkId(docId: string, rev: string): string {
  const digest = crypto.createHash('sha256').update(`unlinked by a deletion, edited elsewhere ${docId} ${rev}`).digest('hex');
  return `${Number.parseInt(rev, 10) + 1}-${closingMark}${digest.slice(0, 24)}`;
}

/** Whether a user deleted `docId` (a deletion that is no closing), here or on a desk this one heard from. */
function everDeletedByUser(db: Db, docId: string): boolean {
  return (
    syncStatement(
      db,
      `SELECT 1 FROM sync_rev WHERE doc_id = ? AND deleted = 1 AND substr(rev, instr(rev, '-') + 1, ${closingMark.length}) <> '${closingMark}'`,
    ).get(docId) !== undefined
  );
}

/**
 * Whether `revision` only clears links of `parent` to records a user deleted: what the schema writes on such a
 * deletion, or what a deletion taking its notes along writes (the link cleared and the note put in the trash,
 * `deleted_at` set). Before, that trash was taken for an edit: a colleague's offline edit of the note, arriving
 * from the meeting's summit database, was left out on the deleting desk as "records of a summit this desk does not
 * share", and the two desks kept different texts for good.
 */
function isUnlinkByDeletion(db: Db, entity: string, revision: RevisionRecord, parent: RevisionRecord | undefined): boolean {
  const links = filedUnder[entity];
  if (!links || revision.deleted || revision.body === null || !parent || parent.deleted || parent.body === null) return false;
  const before: RecordBody = parent.body;
  const after: RecordBody = revision.body;
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (column) => JSON.stringify(before[column] ?? null) !== JSON.stringify(after[column] ?? null),
  );
  const trashed = (column: string) => column === 'deleted_at' && before[column] === null && typeof after[column] === 'string';
  const unlinked = changed.filter((column) => !trashed(column));
  return (
    unlinked.length > 0 &&
    unlinked.every((column) => {
      const target = before[column];
      return links.includes(column) && after[column] === null && typeof target === 'string' && everDeletedByUser(db, target);
    })
  );
}

/** The live leaves of a record's revisions. */
function liveLeaves(revisions: readonly RevisionRecord[]): RevisionRecord[] {
  const parents = new Set(revisions.map((revision) => revision.parent));
  return revisions.filter((revision) => !revision.deleted && !parents.has(revision.rev));
}

/**
 * `history` with the closing of each unlink this desk holds (`local`) added, where the history brings a live
 * leaf beside it: merged with it, the edit wins. Records new here, or with no such unlink, come back as they were.
 */
export function withUnlinksClosed(db: Db, history: RecordHistory, local: readonly RevisionRecord[]): RecordHistory {
  if (local.length === 0 || !filedUnder[history.entity]) return history;
  const localLeaves = liveLeaves(local);
  if (localLeaves.length === 0) return history;
  const byRev = new Map(local.map((revision) => [revision.rev, revision]));
  for (const revision of history.revisions) if (!byRev.has(revision.rev)) byRev.set(revision.rev, revision);
  const all = [...byRev.values()];
  const leaves = liveLeaves(all);
  const added: RevisionRecord[] = [];
  for (const unlink of localLeaves) {
    if (!leaves.some((leaf) => leaf.rev === unlink.rev)) continue;
    const parentOf = (revision: RevisionRecord) => (revision.parent === null ? undefined : byRev.get(revision.parent));
    // An edit made from the version the unlink cleared (or a later one of that branch) holds all the unlink's
    // text; one from an earlier version does not, and stays a conflict beside it. Another desk's unlink is no
    // edit: two desks that both deleted the summit keep one of their unlinks, not neither.
    const descendsFrom = (revision: RevisionRecord, ancestor: string | null) => {
      for (let at = parentOf(revision); at; at = parentOf(at)) if (at.rev === ancestor) return true;
      return false;
    };
    // Nor is a revision a desk writes for a record's move or a parent's deletion (movedOut.ts, leftByDeletion.ts):
    // those close what stands beside them in turn, and both branches would end.
    const edits = leaves.filter(
      (leaf) =>
        leaf.rev !== unlink.rev &&
        !local.some((known) => known.rev === leaf.rev) &&
        !isWrittenForNewHome(leaf.rev) &&
        !isKeptAfterParentDeleted(leaf.rev) &&
        descendsFrom(leaf, unlink.parent) &&
        !isUnlinkByDeletion(db, history.entity, leaf, parentOf(leaf)),
    );
    if (edits.length === 0 || !isUnlinkByDeletion(db, history.entity, unlink, parentOf(unlink))) continue;
    // With the branch it closes, known here and maybe not sent: a revision is merged by its path from the root.
    const received = new Set(history.revisions.map((revision) => revision.rev));
    for (let at: RevisionRecord | undefined = unlink; at && !received.has(at.rev); at = parentOf(at)) {
      added.push(at);
      received.add(at.rev);
    }
    added.push({ rev: closingOfUnlinkId(history.id, unlink.rev), parent: unlink.rev, deleted: true, body: null, author: null });
  }
  return added.length === 0 ? history : { ...history, revisions: [...history.revisions, ...added] };
}

/**
 * Whether this desk's record `docId`, shared no more, was unlinked by a user's deletion here and had been in
 * database `home` before: a colleague's edit of it from there is let in, to be merged as above.
 */
export function unlinkedFromDatabase(db: Db, docId: string, entity: string, home: string): boolean {
  if (!filedUnder[entity]) return false;
  const left = syncStatement(db, 'SELECT 1 FROM sync_moved_out WHERE doc_id = ? AND home = ?').get(docId, home) !== undefined;
  if (!left) return false;
  const revisions = revisionsOf(db, docId);
  const byRev = new Map(revisions.map((revision) => [revision.rev, revision]));
  return liveLeaves(revisions).some((leaf) =>
    isUnlinkByDeletion(db, entity, leaf, leaf.parent === null ? undefined : byRev.get(leaf.parent)),
  );
}
