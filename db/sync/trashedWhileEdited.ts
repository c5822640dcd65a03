import crypto from 'node:crypto';
import type { RecordBody, RecordHistory, RevisionRecord } from '../../shared/sync.ts';
import { closingMark } from './closing.ts';
import { filedUnder } from './leftByDeletion.ts';

// Moving a note (or an annotation) to the trash is a revision like an edit: the
// same text, `deleted_at` set. A colleague who meanwhile edited the note offline
// sends a live revision of the same depth beside it, and CouchDB's rule ranks
// the two by hash: on about one record in two the trash won, and the edit,
// the only new text, was shown as a losing version in the conflict list. The
// trash is therefore closed as the edit meets it, by a deletion whose id
// derives from it (closing.ts's mark: nobody is told of a deletion), on
// whichever desk the two meet first, and the same way on each: the edit wins
// everywhere, out of the trash, and the closed trash stays in the record's
// revisions, with its author.

const trashClosedMark = `${closingMark}7`;

/** The deletion closing trash `rev` of `docId` once an edit stands beside it: the same id on every desk. */
function closingOfTrashId(docId: string, rev: string): string {
  const digest = crypto.createHash('sha256').update(`trashed, edited elsewhere ${docId} ${rev}`).digest('hex');
  return `${Number.parseInt(rev, 10) + 1}-${trashClosedMark}${digest.slice(0, 23)}`;
}

/**
 * Whether deleted revision `rev` of `docId`, child of `parent`, closes a trash an edit met (so the trash it closes
 * was a user's). Its id is checked whole, not by its mark alone: a closing of any other kind carries random digits
 * after the same eight zeros (closing.ts), and one in sixteen begins with the same ninth digit.
 */
export function isTrashClosed(docId: string, rev: string, parent: string): boolean {
  return rev === closingOfTrashId(docId, parent);
}

/** Whether `after` only moves `before` to the trash: `deleted_at` set, every other field as it was. */
function onlyTrashes(before: RecordBody | null, after: RecordBody | null): boolean {
  if (before === null || after === null || before.deleted_at !== null || typeof after.deleted_at !== 'string') return false;
  const columns = new Set([...Object.keys(before), ...Object.keys(after)]);
  columns.delete('deleted_at');
  return [...columns].every((column) => JSON.stringify(before[column] ?? null) === JSON.stringify(after[column] ?? null));
}

/**
 * Whether `after` changes what `before` says, not only where it is filed or whether it is in the trash: a revision a
 * desk writes for a move or a parent's deletion (movedOut.ts, leftByDeletion.ts) copies a text and reverses no trash.
 */
function changesText(before: RecordBody | null, after: RecordBody | null): boolean {
  if (before === null || after === null || after.deleted_at !== null) return false;
  const aside = new Set(['deleted_at', 'updated_at', 'version', ...(filedUnder.note ?? [])]);
  const columns = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...columns].some(
    (column) => !aside.has(column) && JSON.stringify(before[column] ?? null) !== JSON.stringify(after[column] ?? null),
  );
}

/**
 * `history` with a closing added for each trash that a live edit of the same version (or a later one of its line)
 * stands beside once merged with what this desk holds (`local`). A trash whose version is known here by id only
 * (a branch replication named) is left as it is: the desks holding its text close it, and the closing travels.
 */
export function withTrashesClosed(history: RecordHistory, local: readonly RevisionRecord[]): RecordHistory {
  if (history.entity !== 'note') return history;
  const byRev = new Map<string, RevisionRecord>();
  for (const revision of local) byRev.set(revision.rev, revision);
  for (const revision of history.revisions) {
    const known = byRev.get(revision.rev);
    if (!known || (known.body === null && !known.deleted)) byRev.set(revision.rev, revision);
  }
  const parents = new Set([...byRev.values()].map((revision) => revision.parent));
  const leaves = [...byRev.values()].filter((revision) => !revision.deleted && !parents.has(revision.rev));
  if (leaves.length < 2) return history;
  const parentOf = (revision: RevisionRecord) => (revision.parent === null ? undefined : byRev.get(revision.parent));
  const descendsFrom = (revision: RevisionRecord, ancestor: string) => {
    for (let at = parentOf(revision); at; at = parentOf(at)) if (at.rev === ancestor) return true;
    return false;
  };
  const trashes = leaves.filter((leaf) => leaf.parent !== null && onlyTrashes(parentOf(leaf)?.body ?? null, leaf.body));
  const received = new Set(history.revisions.map((revision) => revision.rev));
  const added: RevisionRecord[] = [];
  for (const trash of trashes) {
    const version = parentOf(trash) as RevisionRecord;
    const edited = leaves.some(
      (leaf) => !trashes.includes(leaf) && descendsFrom(leaf, version.rev) && changesText(version.body, leaf.body),
    );
    if (!edited) continue;
    // With the branch it closes, when this desk holds it and it did not come: a revision is merged by its path from the root.
    for (let at: RevisionRecord | undefined = trash; at && !received.has(at.rev); at = parentOf(at)) {
      added.push(at);
      received.add(at.rev);
    }
    const closing = closingOfTrashId(history.id, trash.rev);
    if (!received.has(closing)) added.push({ rev: closing, parent: trash.rev, deleted: true, body: null, author: null });
  }
  return added.length === 0 ? history : { ...history, revisions: [...history.revisions, ...added] };
}
