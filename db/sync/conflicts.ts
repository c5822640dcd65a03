import crypto from 'node:crypto';
import { collectConflicts, winningRev } from 'pouchdb-merge';
import type { RecordBody } from '../../shared/sync.ts';
import type { Db } from '../open.ts';
import { statement } from '../sql.ts';
import { docState, revisionsOf } from './history.ts';
import { treeOf } from './merge.ts';
import { materialise } from './rows.ts';

// A conflict is resolved the CouchDB way, so every desk learns the outcome by
// replication: the losing leaf gets a deletion revision (it stays in the
// history), and keeping the loser's text means writing it as a new revision
// on top of the winner first.

export interface RecordConflict {
  id: string;
  entity: string;
  winner: { rev: string; body: RecordBody | null };
  losers: { rev: string; body: RecordBody | null }[];
}

/** Every record with losing revisions kept beside its winner. */
export function listConflicts(db: Db): RecordConflict[] {
  // A record has a conflict only if some revision has two children or it has two roots.
  const candidates = db
    .prepare(
      `SELECT DISTINCT doc_id FROM sync_rev GROUP BY doc_id, parent HAVING count(*) > 1
       UNION SELECT doc_id FROM sync_rev WHERE parent IS NULL GROUP BY doc_id HAVING count(*) > 1`,
    )
    .pluck()
    .all() as string[];
  return candidates.flatMap((docId) => {
    const conflict = conflictOf(db, docId);
    return conflict && conflict.losers.length > 0 ? [conflict] : [];
  });
}

export function conflictOf(db: Db, docId: string): RecordConflict | undefined {
  const state = docState(db, docId);
  if (!state) return undefined;
  const revisions = revisionsOf(db, docId);
  const metadata = { rev_tree: treeOf(revisions) };
  const bodyOf = (rev: string) => revisions.find((revision) => revision.rev === rev)?.body ?? null;
  const winner = winningRev(metadata);
  return {
    id: docId,
    entity: state.entity,
    winner: { rev: winner, body: bodyOf(winner) },
    losers: collectConflicts(metadata).map((rev) => ({ rev, body: bodyOf(rev) })),
  };
}

function nextRev(parent: string): string {
  return `${Number.parseInt(parent, 10) + 1}-${crypto.randomBytes(16).toString('hex')}`;
}

function addRevision(db: Db, docId: string, parent: string, body: RecordBody | null): string {
  const rev = nextRev(parent);
  statement(db, 'INSERT INTO sync_rev (doc_id, rev, parent, deleted, body) VALUES (?, ?, ?, ?, ?)').run(
    docId,
    rev,
    parent,
    body === null ? 1 : 0,
    body === null ? null : JSON.stringify(body),
  );
  return rev;
}

/** Dismisses a losing revision: it is closed with a deletion, and the winner stays. */
export function dismissConflict(db: Db, docId: string, loserRev: string): void {
  db.transaction(() => {
    const conflict = conflictOf(db, docId);
    if (!conflict?.losers.some((loser) => loser.rev === loserRev)) throw new Error(`${loserRev} is not a losing revision of ${docId}`);
    addRevision(db, docId, loserRev, null);
  })();
}

/** Keeps the losing revision's text (or a merge of both, given as `body`) as the record's current state. */
export function keepConflict(db: Db, docId: string, loserRev: string, body?: RecordBody): void {
  db.transaction(() => {
    const conflict = conflictOf(db, docId);
    const loser = conflict?.losers.find((candidate) => candidate.rev === loserRev);
    if (!conflict || !loser?.body) throw new Error(`${loserRev} is not a losing revision of ${docId}`);
    const kept = addRevision(db, docId, conflict.winner.rev, body ?? loser.body);
    addRevision(db, docId, loserRev, null);
    materialise(db, docId, winningRev({ rev_tree: treeOf(revisionsOf(db, docId)) }));
    if (docState(db, docId)?.rev !== kept) throw new Error(`Keeping ${loserRev} of ${docId} did not make it current`);
  })();
}
