import { collectConflicts, isDeleted, merge, type RevisionNode, type RevisionPath, type RevisionTree, winningRev } from 'pouchdb-merge';
import type { MergeSummary, RecordChange, RecordHistory, RecordMerge, RevisionRecord } from '../../shared/sync.ts';
import type { Db } from '../open.ts';
import { isChildOf } from './children.ts';
import { docState, isSyncedEntity, revisionsOf, revisionsOfRecords, syncedEntities } from './history.ts';
import { keepWhatADeletionLeft } from './leftByDeletion.ts';
import { settleMovedOut } from './movedOut.ts';
import { linkWaiting, receivedAuthor, writeNewRecords } from './newRecords.ts';
import { recordReceivedNote } from './noteHistory.ts';
import { syncPrepare, syncStatement } from './pendingNotes.ts';
import { materialise, type Relink, retryHeld } from './rows.ts';
import { withTrashesClosed } from './trashedWhileEdited.ts';
import { withUnlinksClosed } from './unlinkedByDeletion.ts';

// Merging follows CouchDB's replication exactly, through PouchDB's own
// revision-tree code: the trees are united (nothing is ever dropped), the
// winner is the non-deleted leaf with the longest history (ties broken by the
// higher hash), so every desk holding the same revisions picks the same one,
// and the other leaves are kept as conflicts.

/** PouchDB's default revs_limit is 1000; Sherpa keeps every revision, so no stemming. */
const keepAllRevisions = Number.MAX_SAFE_INTEGER;

const docIdPattern = /^([a-z_]+):[0-9a-f]{32}(\.[0-9a-f]{32})?$/;
const revPattern = /^([1-9][0-9]{0,8})-[0-9a-z]{1,64}$/;

/** A received history that could not have come from a Sherpa desk. */
export class MalformedHistoryError extends Error {
  readonly docId: string;
  readonly tooManyBranches: boolean;
  constructor(docId: string, reason: string, tooManyBranches = false) {
    super(`Record ${docId.slice(0, 80)} cannot be merged: ${reason}`);
    this.name = 'MalformedHistoryError';
    this.docId = docId;
    this.tooManyBranches = tooManyBranches;
  }
}

/**
 * Leaves a received record may have (its conflicts, open or settled): a dozen is already a busy record, and
 * each branch costs the merge more than the one before, so a history built with thousands held the store for
 * minutes. One with more is refused as no desk's.
 */
export const maxBranchesReceived = 100;

const positionOf = (rev: string) => Number.parseInt(rev, 10);
const hashOf = (rev: string) => rev.slice(rev.indexOf('-') + 1);

function checkHistory(history: RecordHistory): void {
  const match = docIdPattern.exec(history.id);
  if (!match || match[1] !== history.entity || !isSyncedEntity(history.entity))
    throw new MalformedHistoryError(history.id, 'unknown kind of record');
  const revs = new Set(history.revisions.map((revision) => revision.rev));
  if (revs.size !== history.revisions.length || revs.size === 0)
    throw new MalformedHistoryError(history.id, 'repeated or missing revisions');
  const parents = new Set(history.revisions.map((revision) => revision.parent));
  const leaves = history.revisions.reduce((count, revision) => count + (parents.has(revision.rev) ? 0 : 1), 0);
  if (leaves > maxBranchesReceived)
    throw new MalformedHistoryError(history.id, `more than ${maxBranchesReceived} branches (${leaves})`, true);
  for (const revision of history.revisions) {
    if (!revPattern.test(revision.rev)) throw new MalformedHistoryError(history.id, `bad revision ${revision.rev.slice(0, 80)}`);
    if (revision.parent !== null && (!revPattern.test(revision.parent) || positionOf(revision.parent) !== positionOf(revision.rev) - 1))
      throw new MalformedHistoryError(history.id, `bad parent of ${revision.rev}`);
    if (revision.deleted && revision.body !== null) throw new MalformedHistoryError(history.id, 'deletion with a body');
    for (const value of Object.values(revision.body ?? {}))
      if (value !== null && typeof value !== 'string' && typeof value !== 'number')
        throw new MalformedHistoryError(history.id, 'a field that is neither text, number nor empty');
  }
}

/** The revision tree, in PouchDB's shape, of revisions given as parent pointers. */
export function treeOf(revisions: readonly RevisionRecord[]): RevisionTree {
  const nodes = new Map<string, RevisionNode>();
  for (const revision of revisions)
    nodes.set(revision.rev, [hashOf(revision.rev), { status: 'available', ...(revision.deleted ? { deleted: true } : {}) }, []]);
  const tree: RevisionTree = [];
  for (const revision of revisions) {
    const node = nodes.get(revision.rev) as RevisionNode;
    const parent = revision.parent === null ? undefined : nodes.get(revision.parent);
    if (parent) parent[2].push(node);
    else tree.push({ pos: positionOf(revision.rev), ids: node });
  }
  // PouchDB keeps siblings and roots sorted; its merge compares them in that order.
  for (const node of nodes.values()) node[2].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  tree.sort((a, b) => a.pos - b.pos || (a.ids[0] < b.ids[0] ? -1 : 1));
  return tree;
}

/** Each leaf's branch as the single path CouchDB's replicator sends (`_revisions`). */
function leafPaths(revisions: readonly RevisionRecord[]): RevisionPath[] {
  const byRev = new Map(revisions.map((revision) => [revision.rev, revision]));
  const parents = new Set(revisions.map((revision) => revision.parent));
  return revisions
    .filter((revision) => !parents.has(revision.rev))
    .map((leaf) => {
      let node: RevisionNode = [hashOf(leaf.rev), { status: 'available', ...(leaf.deleted ? { deleted: true } : {}) }, []];
      let pos = positionOf(leaf.rev);
      for (
        let parent = leaf.parent === null ? undefined : byRev.get(leaf.parent);
        parent;
        parent = parent.parent === null ? undefined : byRev.get(parent.parent)
      ) {
        node = [hashOf(parent.rev), { status: 'available', ...(parent.deleted ? { deleted: true } : {}) }, [node]];
        pos -= 1;
      }
      return { pos, ids: node };
    });
}

export interface Outcome extends RecordMerge {
  /** Revisions received that this desk did not have. */
  added: RevisionRecord[];
  /** Revisions this desk knew by id only (replication sends leaves' bodies) whose body or deletion came with these. */
  filled: RevisionRecord[];
  deleted: boolean;
}

/**
 * A record new here whose history is one branch (nearly all of a first pull): PouchDB's merge into an empty tree is
 * that branch, its leaf the winner and no conflict, so the tree is not built and merged twice a record (once to order
 * the batch, once in its slice). Anything else, a record with conflicts among it, goes through PouchDB's merge.
 */
export function newSingleBranch(local: readonly RevisionRecord[], history: RecordHistory): Outcome | undefined {
  if (local.length > 0 || history.revisions.length === 0) return undefined;
  const parents = new Set<string | null>();
  for (const revision of history.revisions) parents.add(revision.parent);
  let leaf: RevisionRecord | undefined;
  for (const revision of history.revisions) {
    if (parents.has(revision.rev)) continue;
    if (leaf) return undefined;
    leaf = revision;
  }
  if (!leaf) return undefined;
  return {
    id: history.id,
    entity: history.entity,
    change: 'new',
    winner: leaf.rev,
    conflicts: [],
    added: [...history.revisions],
    filled: [],
    deleted: leaf.deleted,
  };
}

/** `newSingleBranch` aside: every record through PouchDB's tree merge, the reference the fast path is tested against. */
export function mergeThroughTree(local: readonly RevisionRecord[], history: RecordHistory): Outcome {
  const known = new Set(local.map((revision) => revision.rev));
  const added = history.revisions.filter((revision) => !known.has(revision.rev));
  const bodiless = new Set(local.filter((revision) => revision.body === null && !revision.deleted).map((revision) => revision.rev));
  // Replication names a branch's earlier revisions by id only; a bundle brings them whole, deletions too
  // (an Undo continues a record from its tombstone, so a deletion can sit inside a branch).
  const filled = history.revisions.filter((revision) => (revision.body !== null || revision.deleted) && bodiless.has(revision.rev));
  let tree = treeOf(local);
  let change: RecordChange = local.length === 0 ? 'new' : 'unchanged';
  for (const path of leafPaths(history.revisions)) {
    const merged = merge(tree, path, keepAllRevisions);
    tree = merged.tree;
    if (change === 'new') continue;
    if (merged.conflicts === 'new_branch' || merged.conflicts === 'new_leaf') change = 'updated';
  }
  const metadata = { rev_tree: tree };
  const winner = winningRev(metadata);
  const conflicts = collectConflicts(metadata);
  // Conflicting: another live version stays beside the winner once merged. A branch that arrives already closed (a
  // conflict the sending desk settled, its loser deleted) is an update: the review called it conflicting, and the
  // officer receiving a settled brief was told of two conflicts the import would not leave.
  if (change === 'updated' && conflicts.length > 0) change = 'conflicting';
  if (added.length === 0) change = 'unchanged';
  return { id: history.id, entity: history.entity, change, winner, conflicts, added, filled, deleted: isDeleted(metadata, winner) };
}

function mergeOne(local: readonly RevisionRecord[], history: RecordHistory, throughTree = false): Outcome {
  return (throughTree ? undefined : newSingleBranch(local, history)) ?? mergeThroughTree(local, history);
}

function summarise(db: Db, outcomes: readonly Outcome[], histories: readonly RecordHistory[]): MergeSummary {
  const markings = new Set<string>();
  histories.forEach((history, index) => {
    const outcome = outcomes[index] as Outcome;
    const winner =
      history.revisions.find((revision) => revision.rev === outcome.winner) ??
      revisionsOf(db, history.id).find((r) => r.rev === outcome.winner);
    const marking = winner?.body?.classification;
    if (typeof marking === 'string') markings.add(marking);
  });
  const count = (change: RecordChange) => outcomes.filter((outcome) => outcome.change === change).length;
  const held = new Map(
    (
      syncStatement(db, 'SELECT doc_id, reason FROM sync_held WHERE doc_id IN (SELECT value FROM json_each(?))').all(
        JSON.stringify(outcomes.map((outcome) => outcome.id)),
      ) as { doc_id: string; reason: string }[]
    ).map((row) => [row.doc_id, row.reason]),
  );
  const heldBack = outcomes.flatMap((outcome) => {
    const reason = held.get(outcome.id);
    return reason === undefined ? [] : [{ id: outcome.id, reason }];
  });
  return {
    heldBack,
    new: count('new'),
    updated: count('updated'),
    conflicting: count('conflicting'),
    unchanged: count('unchanged'),
    markings: [...markings],
    records: outcomes.map(({ id, entity, change, winner, conflicts }) => ({ id, entity, change, winner, conflicts })),
  };
}

/** What merging these histories would change here, without changing anything. */
export function previewMerge(db: Db, histories: readonly RecordHistory[]): MergeSummary {
  for (const history of histories) checkHistory(history);
  const outcomes = histories.map((history) => mergeOne(revisionsOf(db, history.id), history));
  return summarise(db, outcomes, histories);
}

const rank = (entity: string) => (syncedEntities as readonly string[]).indexOf(entity);

/** Refuses histories no Sherpa desk could have sent, before anything of them is written. */
export function checkHistories(histories: readonly RecordHistory[]): void {
  for (const history of histories) checkHistory(history);
}

/** Why a received record cannot be merged (a server's records are refused one by one, the rest merged), or null. */
export function historyRefusal(history: RecordHistory): 'too-many-branches' | 'invalid' | null {
  try {
    checkHistory(history);
    return null;
  } catch (error) {
    if (!(error instanceof MalformedHistoryError)) throw error;
    return error.tooManyBranches ? 'too-many-branches' : 'invalid';
  }
}

/** `history` with what this desk closes as it arrives: an unlink or a trash a colleague's edit met (the edit wins). */
function withEditsWinning(db: Db, history: RecordHistory, local: readonly RevisionRecord[]): RecordHistory {
  return withTrashesClosed(withUnlinksClosed(db, history, local), local);
}

function firstReadingOf(db: Db, histories: readonly RecordHistory[], throughTree = false): Map<string, Outcome> {
  const known = revisionsOfRecords(
    db,
    histories.map((history) => history.id),
  );
  return new Map(
    histories.map((history) => {
      const local = known.get(history.id) ?? [];
      return [history.id, mergeOne(local, withEditsWinning(db, history, local), throughTree)];
    }),
  );
}

/** Which of these records would end deleted if merged here now (their order in a merge depends on it). */
export function endingDeleted(db: Db, histories: readonly RecordHistory[]): Map<string, boolean> {
  return new Map([...firstReadingOf(db, histories)].map(([docId, outcome]) => [docId, outcome.deleted]));
}

/**
 * The order records are merged in: live records parents first, then deletions
 * children first, so foreign keys hold and no cascade runs behind the merge.
 * Merged in slices of this order, each slice finds the records it links to.
 */
export function mergeOrder(histories: readonly RecordHistory[], endsDeleted: ReadonlyMap<string, boolean>): RecordHistory[] {
  return [...histories].sort((a, b) => {
    const aDeleted = endsDeleted.get(a.id) === true;
    const bDeleted = endsDeleted.get(b.id) === true;
    if (aDeleted !== bDeleted) return aDeleted ? 1 : -1;
    return aDeleted ? rank(b.entity) - rank(a.entity) : rank(a.entity) - rank(b.entity);
  });
}

/** One summary of a merge made in slices, as if made at once. */
export function joinSummaries(summaries: readonly MergeSummary[]): MergeSummary {
  const sum = (pick: (summary: MergeSummary) => number) => summaries.reduce((total, summary) => total + pick(summary), 0);
  return {
    heldBack: summaries.flatMap((summary) => summary.heldBack),
    new: sum((summary) => summary.new),
    updated: sum((summary) => summary.updated),
    conflicting: sum((summary) => summary.conflicting),
    unchanged: sum((summary) => summary.unchanged),
    markings: [...new Set(summaries.flatMap((summary) => summary.markings))],
    records: summaries.flatMap((summary) => summary.records),
  };
}

/**
 * Closes what moves left in the databases they left (movedOut.ts), each record's row showing its winner, until
 * nothing is left to close. A followed revision written beside a colleague's branch of the same length outranks it
 * (its own is one step longer): that branch is then left in the database the record left, and is closed in the
 * same settling. Read again only at the next exchange, it went unclosed in this one: the desk that saw the move
 * wrote its closing after its colleagues had taken the rest, and desks that had met held different versions until
 * it exchanged again (issue #13).
 * It ends: a shown winner changes again only for what a pass writes, and a pass writes only beside live branches
 * it has not closed yet, closing each (what it writes for the new home is never closed as left behind).
 */
export function settleMoves(db: Db, summitsInOwnDatabase?: ReadonlySet<string>): void {
  for (let winnerMoved = true; winnerMoved; ) {
    winnerMoved = false;
    for (const docId of settleMovedOut(db, summitsInOwnDatabase)) {
      const winner = winningRev({ rev_tree: treeOf(revisionsOf(db, docId)) });
      if (winner === docState(db, docId)?.rev) continue;
      materialise(db, docId, winner);
      winnerMoved = true;
    }
  }
}

/**
 * A record deleted here while it held a conflict: the deletion closed only the
 * branch on screen, and by CouchDB's rule the other branch is now the winner,
 * as every other desk will show. The row comes back with that text. When every
 * branch is closed, the winner is the rule's tombstone (longest branch, then
 * highest hash), not the one written last here: otherwise this desk would
 * offer a different winner than desks that received both. Records held back
 * by a rule of this store are tried again too, and records moved to another
 * database since the last exchange are closed in the one they left
 * (movedOut.ts). Run before each exchange (bundle or replication), not per
 * merged batch: it reads every tombstone.
 */
export function settleLocalDeletions(db: Db, summitsInOwnDatabase?: ReadonlySet<string>): number {
  keepWhatADeletionLeft(db, 'every closing');
  settleMoves(db, summitsInOwnDatabase);
  const unsettled = syncPrepare(
    db,
    `SELECT D.doc_id, D.rev FROM sync_doc AS D WHERE D.deleted = 1 AND EXISTS (
         SELECT 1 FROM sync_rev AS R WHERE R.doc_id = D.doc_id AND R.rev <> D.rev
           AND NOT EXISTS (SELECT 1 FROM sync_rev AS C WHERE ${isChildOf('C', 'R.doc_id', 'R.rev')}))`,
  ).all() as { doc_id: string; rev: string }[];
  let settled = 0;
  for (const { doc_id: docId, rev } of unsettled) {
    const winner = winningRev({ rev_tree: treeOf(revisionsOf(db, docId)) });
    if (winner === rev) continue;
    materialise(db, docId, winner);
    settled += 1;
  }
  retryHeld(db);
  return settled;
}

/**
 * Merges received histories into the store in one transaction: all of them or,
 * on any error, none. Live records are written parents first and deletions
 * children first, so foreign keys hold and no cascade runs behind the merge.
 */
export function applyMerge(
  db: Db,
  histories: readonly RecordHistory[],
  /**
   * false: every record merged alone, through PouchDB's tree merge, the reference the set-based path and the new
   * records' fast path are tested against (main/sync/firstPull.test.ts).
   */
  { setBased = true }: { setBased?: boolean } = {},
): MergeSummary {
  for (const history of histories) checkHistory(history);
  const firstReading = firstReadingOf(db, histories, !setBased);
  const ordered = mergeOrder(histories, new Map([...firstReading].map(([docId, outcome]) => [docId, outcome.deleted])));
  // Records that waited for one merged now are written a kind at a time too (the record-by-record merge: one at a time).
  const relink: Relink | undefined = setBased
    ? (_db, arrived) => linkWaiting(db, arrived, (waiter, rev) => materialise(db, waiter, rev, relink))
    : undefined;
  return db.transaction(() => {
    // Records new here with one live branch (nearly all of a first pull) are written a slice at a time, set-based.
    const plainlyNew = ordered.filter((history) => {
      if (!setBased) return false;
      const first = firstReading.get(history.id);
      return first?.change === 'new' && first.conflicts.length === 0 && !first.deleted;
    });
    const written = writeNewRecords(db, plainlyNew);
    const outcomes = ordered.map((history) => {
      if (written.has(history.id)) return firstReading.get(history.id) as Outcome;
      const before = docState(db, history.id);
      // A record new to this desk (all of a first pull) still has no revision here: nothing of this merge can
      // have written one (sync_rev refers to sync_doc), so its first reading stands. Any other is read afresh:
      // an earlier record in this merge may have cascaded onto it.
      const first = firstReading.get(history.id);
      const local = revisionsOf(db, history.id);
      const outcome = !before && first?.change === 'new' ? first : mergeOne(local, withEditsWinning(db, history, local), !setBased);
      const fill = syncStatement(
        db,
        'UPDATE sync_rev SET body = ?, deleted = ?, author = coalesce(?, author) WHERE doc_id = ? AND rev = ? AND body IS NULL AND deleted = 0',
      );
      for (const revision of outcome.filled)
        fill.run(
          revision.body === null ? null : JSON.stringify(revision.body),
          revision.deleted ? 1 : 0,
          receivedAuthor(revision, null),
          history.id,
          revision.rev,
        );
      // The text a tombstone closed has come: records here waiting for that record can bring it back now.
      if (outcome.filled.length > 0 && before?.deleted === 1 && before.rev === outcome.winner)
        materialise(db, history.id, outcome.winner, relink);
      // Nothing new, but the winner is still the rule's over the whole tree, whatever this desk last wrote.
      if (outcome.added.length === 0) {
        if (before && before.rev !== outcome.winner) materialise(db, history.id, outcome.winner, relink);
        return outcome;
      }
      if (!before)
        syncStatement(db, `INSERT INTO sync_doc (doc_id, entity, row_key, rev, deleted) VALUES (?, ?, NULL, '', 1)`).run(
          history.id,
          history.entity,
        );
      const insert = syncStatement(db, 'INSERT INTO sync_rev (doc_id, rev, parent, deleted, body, author) VALUES (?, ?, ?, ?, ?, ?)');
      for (const revision of outcome.added)
        insert.run(
          history.id,
          revision.rev,
          revision.parent,
          revision.deleted ? 1 : 0,
          revision.body === null ? null : JSON.stringify(revision.body),
          receivedAuthor(revision, '{}'),
        );
      if (before?.rev !== outcome.winner) materialise(db, history.id, outcome.winner, relink);
      if (history.entity === 'note' && !outcome.deleted) {
        const revisions = revisionsOf(db, history.id);
        const losers = outcome.conflicts.map((rev) => revisions.find((revision) => revision.rev === rev)?.body ?? null);
        if (before?.rev !== outcome.winner || losers.length > 0) recordReceivedNote(db, history.id, losers);
      }
      return outcome;
    });
    // Only what ended deleted can be a closing to answer or a deleted parent: a first pull's live records cost nothing.
    keepWhatADeletionLeft(
      db,
      ordered.filter((_history, index) => outcomes[index]?.deleted === true),
    );
    return summarise(db, outcomes, ordered);
  })();
}
