import crypto from 'node:crypto';
import type { Db } from '../open.ts';
import { isChildOf } from './children.ts';
import { referencePartition } from './partition.ts';
import { syncStatement } from './pendingNotes.ts';

// A record that moved to another database (a meeting to another summit, and
// what follows it) is closed in the database it left by a deletion of the
// revision that database last held (migration 2000 notes which). A desk
// sharing only the old summit so removes it; a desk sharing both keeps it,
// since a live leaf outranks a deleted one (CouchDB's rule) and the move is
// one. A record that moved with its meeting has no revision of its own for
// the move, so it gets one in its new home, with the same text: without it,
// a desk sharing both summits would hold the deletion as the record's only
// leaf. Both revisions' ids derive from what they answer, so every desk that
// sees the move writes the same ones and no conflict appears. The deletion
// carries the closing mark (closing.ts), so nobody is told that a user deleted
// the record, and a second mark, so no desk brings the record back for what
// still refers to it there (rows.ts).

const movedOutMark = '0000000000000000';

const hash = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
const nextPosition = (rev: string) => Number.parseInt(rev, 10) + 1;

/** The deletion closing revision `closed` of `docId` in database `home`: the same on every desk. */
export function movedOutRevisionId(docId: string, closed: string, home: string): string {
  return `${nextPosition(closed)}-${movedOutMark}${hash(`moved out ${docId} ${closed} ${home}`).slice(0, 16)}`;
}

/** Whether a deleted revision only says the record moved to another database. */
export function isMovedOut(rev: string): boolean {
  return rev.slice(rev.indexOf('-') + 1).startsWith(movedOutMark);
}

// The revision of a record that moved with its meeting changes no text, so an edit made meanwhile on
// another desk must not lose to it: its id starts low (CouchDB's rule ranks live leaves of one depth by id),
// and once such an edit is there it is closed as seen, the same way on every desk (closeFollowedLosers).
const followedMark = '0000000f';

/** The revision a record that moved with its meeting takes in its new home: `closed`'s text, the same id on every desk. */
function followedRevisionId(docId: string, closed: string): string {
  return `${nextPosition(closed)}-${followedMark}${hash(`moved with its meeting ${docId} ${closed}`).slice(0, 24)}`;
}

/** Whether a revision only follows its meeting to another database, its text unchanged. */
export function isFollowed(rev: string): boolean {
  return rev.slice(rev.indexOf('-') + 1).startsWith(followedMark);
}

/** The deletion that closes such a revision once an edit stands beside it: the same id on every desk. */
function closingFollowedId(docId: string, followed: string): string {
  return `${nextPosition(followed)}-00000000${hash(`followed and edited ${docId} ${followed}`).slice(0, 24)}`;
}

/**
 * Writes the revisions of the moves noted since the last exchange (in the caller's transaction); a shared summit
 * leaving the reference database is closed there only when named in `summitsInOwnDatabase`. Returns the
 * records whose winner may have changed: a followed revision written on a live leaf that was not the winner
 * (a colleague's edit of the same record stood beside it) outranks it by one, so their row is read again.
 */
export function settleMovedOut(db: Db, summitsInOwnDatabase: ReadonlySet<string> = new Set()): string[] {
  const unwritten = syncStatement(
    db,
    `SELECT M.doc_id, M.home, M.closed, D.rev AS winner, D.deleted,
        M.home = '${referencePartition}' AND M.doc_id IN (SELECT summit_doc_id FROM sync_shared_summit) AS leaving_reference
       FROM sync_moved_out AS M JOIN sync_doc AS D ON D.doc_id = M.doc_id WHERE M.tombstone IS NULL`,
  ).all() as { doc_id: string; home: string; closed: string; winner: string; deleted: 0 | 1; leaving_reference: 0 | 1 }[];
  const known = syncStatement(db, 'SELECT body FROM sync_rev WHERE doc_id = ? AND rev = ?');
  const insert = syncStatement(db, 'INSERT INTO sync_rev (doc_id, rev, parent, deleted, body) VALUES (?, ?, ?, ?, ?)');
  const written = syncStatement(
    db,
    `UPDATE sync_moved_out SET tombstone = ?, seq = (SELECT seq FROM sqlite_sequence WHERE name = 'sync_feed_clock')
      WHERE doc_id = ? AND home = ?`,
  );
  const liveLeaf = syncStatement(
    db,
    `SELECT 1 FROM sync_rev AS L WHERE L.doc_id = ? AND L.rev = ? AND L.deleted = 0
        AND NOT EXISTS (SELECT 1 FROM sync_rev AS C WHERE ${isChildOf('C', 'L.doc_id', 'L.rev')})`,
  );
  const reread: string[] = [];
  for (const move of unwritten) {
    const closed = known.get(move.doc_id, move.closed) as { body: string | null } | undefined;
    if (closed === undefined) continue;
    // Moved with its meeting and not edited since: its own revision in the new home comes first, so that the
    // deletion written next is never the record's only leaf, not even for the moment between the two. The
    // same holds when the version closed is a live leaf beside another (a colleague edited the record from the
    // same version meanwhile): closing it without its own revision in the new home would end that branch, and
    // the text saved on it would be neither current nor a kept conflict anywhere.
    const followsMeeting = move.deleted === 0 && move.winner === move.closed;
    if (followsMeeting || liveLeaf.get(move.doc_id, move.closed) !== undefined) {
      if (closed.body === null) continue;
      const followed = followedRevisionId(move.doc_id, move.closed);
      if (known.get(move.doc_id, followed) === undefined) insert.run(move.doc_id, followed, move.closed, 0, closed.body);
      if (followsMeeting) syncStatement(db, 'UPDATE sync_doc SET rev = ? WHERE doc_id = ?').run(followed, move.doc_id);
      else reread.push(move.doc_id);
    }
    // A shared summit's record leaving the reference database (2750) is closed there only once its own database
    // took it (replication.ts): a desk on an earlier version reads it from the reference database, and would
    // drop the summit on reading the closing first, as when the push to the summit's database was refused.
    if (move.leaving_reference === 1 && !summitsInOwnDatabase.has(move.doc_id)) continue;
    const tombstone = movedOutRevisionId(move.doc_id, move.closed, move.home);
    if (known.get(move.doc_id, tombstone) === undefined) insert.run(move.doc_id, tombstone, move.closed, 1, null);
    written.run(tombstone, move.doc_id, move.home);
  }
  reread.push(...closeBranchesLeftBehind(db));
  closeFollowedLosers(db);
  return reread;
}

// A colleague's edit of the record made in the old database before the move reached them is a live leaf there
// beside the deletion above: a desk sharing only that database would keep the record, and that text, for good.
// Once the move is known every live branch but the winner's is closed there too, and its text stays live in the
// new home as a conflicting version, never outranking the winner it lost to: a branch shorter than the winner
// continues as its followed revision (one step longer, its id low), the one the editing desk itself writes if
// it closes that version; a branch as long as the winner is copied beside itself, at its own length, so that
// CouchDB's rule keeps the winner the desks already show.
const keptMark = '0000000e';

/** The copy of a branch closed in a database the record left, kept live beside it: the same id on every desk. */
function keptBesideMoveId(docId: string, branch: string): string {
  return `${Number.parseInt(branch, 10)}-${keptMark}${hash(`kept beside a move ${docId} ${branch}`).slice(0, 24)}`;
}

/** Whether a live revision was written for a record's new home only (followed or kept beside a move): never offered to a database it left. */
export function isWrittenForNewHome(rev: string): boolean {
  const id = rev.slice(rev.indexOf('-') + 1);
  return id.startsWith(keptMark) || id.startsWith(followedMark);
}

/**
 * Closes, in each database a record left, every live branch other than the winner's (read among records whose
 * tree branched, 0600): a deletion of the branch, offered there (2010), and the branch's text kept live. Copies
 * and followed revisions were never offered there and stay. Returns the records written to, whose row is read
 * again should the winner have moved.
 */
function closeBranchesLeftBehind(db: Db): string[] {
  const leftBehind = syncStatement(
    db,
    `SELECT DISTINCT M.doc_id, M.home, D.rev AS winner, L.rev, L.parent, L.body, coalesce(L.author, '{}') AS author
       FROM sync_moved_out AS M JOIN sync_branched AS B ON B.doc_id = M.doc_id JOIN sync_doc AS D ON D.doc_id = M.doc_id
       JOIN sync_rev AS L ON L.doc_id = M.doc_id AND L.rev <> D.rev AND L.deleted = 0 AND L.body IS NOT NULL
      WHERE M.tombstone IS NOT NULL
        AND substr(L.rev, instr(L.rev, '-') + 1, ${keptMark.length}) NOT IN ('${keptMark}', '${followedMark}')
        AND NOT EXISTS (SELECT 1 FROM sync_rev AS C WHERE ${isChildOf('C', 'L.doc_id', 'L.rev')})`,
  ).all() as { doc_id: string; home: string; winner: string; rev: string; parent: string | null; body: string; author: string }[];
  // Both revisions are the same on every desk, their authors included: the kept text keeps its branch's author
  // (who wrote it), and the deletion, which every desk that heard of the move writes, names none.
  const insert = syncStatement(db, 'INSERT OR IGNORE INTO sync_rev (doc_id, rev, parent, deleted, body, author) VALUES (?, ?, ?, ?, ?, ?)');
  for (const branch of leftBehind) {
    // The kept text first, so the branch's text is never without a live leaf.
    // Its followed revision is one step longer than the branch: it must stay below the winner, by length or by
    // id (a winner that is itself written for the new home has an id as low).
    const followedPosition = nextPosition(branch.rev);
    const winnerPosition = Number.parseInt(branch.winner, 10);
    if (followedPosition < winnerPosition || (followedPosition === winnerPosition && !isWrittenForNewHome(branch.winner)))
      insert.run(branch.doc_id, followedRevisionId(branch.doc_id, branch.rev), branch.rev, 0, branch.body, branch.author);
    else insert.run(branch.doc_id, keptBesideMoveId(branch.doc_id, branch.rev), branch.parent, 0, branch.body, branch.author);
    insert.run(branch.doc_id, movedOutRevisionId(branch.doc_id, branch.rev, branch.home), branch.rev, 1, null, '{}');
  }
  closeCopiesFollowed(db);
  return [...new Set(leftBehind.map((branch) => branch.doc_id))];
}

/**
 * A branch copied here may have had its own revision in the new home written on the desk that edited it
 * (settleMovedOut: its own version, followed): two live leaves with one text. The copy is closed, the same way on
 * every desk, whichever of the two a desk wrote or heard of first.
 */
function closeCopiesFollowed(db: Db): void {
  const copies = syncStatement(
    db,
    // CROSS JOIN keeps the order written: from the few records moved out, never from a walk of every revision.
    `SELECT K.doc_id, K.rev, X.rev AS branch FROM sync_moved_out AS M CROSS JOIN sync_branched AS B ON B.doc_id = M.doc_id
       CROSS JOIN sync_rev AS K ON K.doc_id = M.doc_id AND K.deleted = 0
        AND substr(K.rev, instr(K.rev, '-') + 1, ${keptMark.length}) = '${keptMark}'
       CROSS JOIN sync_rev AS X ON X.doc_id = K.doc_id AND X.parent IS K.parent AND X.rev <> K.rev
       CROSS JOIN sync_rev AS F ON F.doc_id = X.doc_id AND F.parent = X.rev AND F.deleted = 0
        AND substr(F.rev, instr(F.rev, '-') + 1, ${followedMark.length}) = '${followedMark}'
      WHERE M.tombstone IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sync_rev AS C WHERE ${isChildOf('C', 'K.doc_id', 'K.rev')})`,
  ).all() as { doc_id: string; rev: string; branch: string }[];
  const insert = syncStatement(
    db,
    `INSERT OR IGNORE INTO sync_rev (doc_id, rev, parent, deleted, body, author) VALUES (?, ?, ?, 1, NULL, '{}')`,
  );
  for (const copy of copies)
    if (keptBesideMoveId(copy.doc_id, copy.branch) === copy.rev)
      insert.run(
        copy.doc_id,
        `${nextPosition(copy.rev)}-00000000${hash(`copy followed ${copy.doc_id} ${copy.rev}`).slice(0, 24)}`,
        copy.rev,
      );
}

/**
 * A record that moved with its meeting on one desk while edited on another holds both as live leaves: the
 * edit is the winner (the followed revision's id starts low) and the followed revision, which changed no
 * text, is closed rather than shown as a conflict. Read among records whose tree branched (0600) only.
 */
function closeFollowedLosers(db: Db): void {
  const losers = syncStatement(
    db,
    // From the few records whose tree branched (CROSS JOIN keeps that order), never from a walk of every revision.
    `SELECT L.doc_id, L.rev FROM sync_branched AS B CROSS JOIN sync_doc AS D ON D.doc_id = B.doc_id
       CROSS JOIN sync_rev AS L ON L.doc_id = B.doc_id AND L.rev <> D.rev AND L.deleted = 0
      WHERE D.deleted = 0 AND substr(L.rev, instr(L.rev, '-') + 1, ${followedMark.length}) = '${followedMark}'
        AND NOT EXISTS (SELECT 1 FROM sync_rev AS C WHERE ${isChildOf('C', 'L.doc_id', 'L.rev')})`,
  ).all() as { doc_id: string; rev: string }[];
  // Only a followed revision an edit of the same version stands beside is closed: one that follows a branch of
  // its own (a conflict kept) is that branch's only live leaf, and closing it would lose the text it carries.
  const editedBeside = syncStatement(
    db,
    `WITH RECURSIVE down(rev) AS (
         SELECT rev FROM sync_rev WHERE doc_id = @doc AND parent = (SELECT parent FROM sync_rev WHERE doc_id = @doc AND rev = @followed)
           AND rev <> @followed
         UNION SELECT R.rev FROM sync_rev AS R JOIN down ON R.doc_id = @doc AND R.parent = down.rev)
       SELECT 1 FROM down JOIN sync_rev AS L ON L.doc_id = @doc AND L.rev = down.rev
        WHERE L.deleted = 0 AND NOT EXISTS (SELECT 1 FROM sync_rev AS C WHERE ${isChildOf('C', 'L.doc_id', 'L.rev')})`,
  );
  const insert = syncStatement(db, 'INSERT OR IGNORE INTO sync_rev (doc_id, rev, parent, deleted, body) VALUES (?, ?, ?, 1, NULL)');
  for (const loser of losers)
    if (editedBeside.get({ doc: loser.doc_id, followed: loser.rev }) !== undefined)
      insert.run(loser.doc_id, closingFollowedId(loser.doc_id, loser.rev), loser.rev);
}
