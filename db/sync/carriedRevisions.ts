import crypto from 'node:crypto';
import { markingKey } from '../../shared/markings.ts';
import type { Db } from '../open.ts';
import { syncStatement } from './pendingNotes.ts';

// A level renamed in Settings (NATO UNCLASSIFIED carried to NON PROTÉGÉ) is
// renamed on every desk of a team, each in its own Settings. The triggers give
// each record's new revision a random id, so two desks carrying the same
// record from the same revision wrote two revisions of the same text: every
// record the level marked came back from the first exchange as a conflict
// (the bundled sample alone, several dozen), burying the one brief two
// officers really edited apart. These revisions take an id derived from what
// they hold instead, as CouchDB's own deterministic revisions do: the same
// record, parent and text give the same id on every desk, so the trees agree.
// The time a table stamps on an edit is left out of the text hashed, since two
// desks never carry at the same instant; it stays each desk's own. So is the
// spelling of the marking: the level is hashed as it reads (markingKey), since
// Oslo typing BEGRENSET and the mission in New York Begrenset name one level,
// and hashing each spelling gave every record they carried a conflict.

/** Where the revisions written from now on start: hand it to `sameRevisionsOnEveryDesk`. */
export function revisionsMark(db: Db): number {
  return syncStatement(db, 'SELECT coalesce(max(seq), 0) FROM sync_rev').pluck().get() as number;
}

function derivedRev(docId: string, parent: string, body: string, reason: string): string {
  const text = JSON.parse(body) as Record<string, unknown>;
  delete text.updated_at;
  if (typeof text.classification === 'string') text.classification = markingKey(text.classification);
  const digest = crypto
    .createHash('sha256')
    .update(`${reason}\n${docId}\n${parent}\n${JSON.stringify(text)}`)
    .digest('hex');
  return `${Number.parseInt(parent, 10) + 1}-${digest.slice(0, 32)}`;
}

/**
 * Gives every revision written since `mark` (in the caller's transaction, not yet offered to any
 * desk) the id its record, parent and text derive, so desks making the same change agree on it.
 * `reason` names the change with its markings as markingKey reads them, so every spelling agrees.
 */
export function sameRevisionsOnEveryDesk(db: Db, mark: number, reason: string): void {
  const written = syncStatement(
    db,
    'SELECT seq, doc_id, rev, parent, body FROM sync_rev WHERE seq > ? AND deleted = 0 AND parent IS NOT NULL ORDER BY seq',
  ).all(mark) as { seq: number; doc_id: string; rev: string; parent: string; body: string }[];
  const renamed = new Map<string, string>();
  for (const revision of written) {
    const parent = renamed.get(`${revision.doc_id} ${revision.parent}`) ?? revision.parent;
    const rev = derivedRev(revision.doc_id, parent, revision.body, reason);
    const taken = syncStatement(db, 'SELECT EXISTS (SELECT 1 FROM sync_rev WHERE doc_id = ? AND rev = ?)')
      .pluck()
      .get(revision.doc_id, rev);
    if (taken === 1) continue;
    syncStatement(db, 'UPDATE sync_rev SET rev = ?, parent = ? WHERE seq = ?').run(rev, parent, revision.seq);
    syncStatement(db, 'UPDATE sync_rev SET parent = ? WHERE doc_id = ? AND parent = ?').run(rev, revision.doc_id, revision.rev);
    syncStatement(db, 'UPDATE sync_doc SET rev = ? WHERE doc_id = ? AND rev = ?').run(rev, revision.doc_id, revision.rev);
    renamed.set(`${revision.doc_id} ${revision.rev}`, rev);
  }
}
