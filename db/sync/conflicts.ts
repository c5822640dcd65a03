import crypto from 'node:crypto';
import { collectConflicts, winningRev } from 'pouchdb-merge';
import type { ConflictResolution } from '../../shared/conflicts.ts';
import { highestOf, type LoweredMarking, loweredMarking } from '../../shared/loweredMarking.ts';
import type { RecordBody, RevisionAuthor } from '../../shared/sync.ts';
import { receivingMarkings } from '../markings.ts';
import type { Db } from '../open.ts';
import { closingRevisionId } from './closing.ts';
import { docState, revisionsOf } from './history.ts';
import { treeOf } from './merge.ts';
import { recordReceivedNote } from './noteHistory.ts';
import { anyBranched, syncStatement } from './pendingNotes.ts';
import { materialise } from './rows.ts';

// A conflict is resolved the CouchDB way, so every desk learns the outcome by
// replication: the losing leaf gets a deletion revision (it stays in the
// history), and keeping the loser's text means writing it as a new revision
// on top of the winner first.

export interface ConflictVersion {
  rev: string;
  body: RecordBody | null;
  author: RevisionAuthor | null;
}

export interface RecordConflict {
  id: string;
  entity: string;
  winner: ConflictVersion;
  losers: ConflictVersion[];
}

/** Every record with losing revisions kept beside its winner. */
export function listConflicts(db: Db): RecordConflict[] {
  // A record has a conflict only if some revision has two children or it has two roots: kept in sync_branched (0600).
  // None there (the usual case), none to list, and nothing waits for the notes saved since their revisions were written.
  if (!anyBranched(db)) return [];
  const candidates = syncStatement(db, 'SELECT doc_id FROM sync_branched ORDER BY doc_id').pluck().all() as string[];
  return candidates.flatMap((docId) => {
    const conflict = conflictOf(db, docId);
    return conflict && conflict.losers.length > 0 ? [conflict] : [];
  });
}

/**
 * The markings of the versions kept beside each live record's winner, by `entity:rowId`. A colleague who
 * raised a record's marking while another desk edited it may hold the losing version: until the two are
 * settled, a pack prints that record no lower than the higher of them.
 */
export function otherVersionsMarkings(db: Db): Map<string, string[]> {
  const markings = new Map<string, string[]>();
  for (const conflict of listConflicts(db)) {
    const state = docState(db, conflict.id);
    if (!state || state.deleted) continue;
    const found = conflict.losers.flatMap((loser) => (typeof loser.body?.classification === 'string' ? [loser.body.classification] : []));
    if (found.length > 0) markings.set(`${state.entity}:${state.row_key}`, found);
  }
  return markings;
}

export function conflictOf(db: Db, docId: string): RecordConflict | undefined {
  const state = docState(db, docId);
  if (!state) return undefined;
  const revisions = revisionsOf(db, docId);
  const metadata = { rev_tree: treeOf(revisions) };
  // A colleague's revision keeps the marking as their desk spelled it ("ΕΜΠΙΣΤΕΥΤΙΚΟ" for this desk's
  // "Εμπιστευτικό"); the record's row holds it as this scheme spells it (receivedMarking). Read each version the
  // same way, or the same level shows as "marked outside this scheme", differing, and ranked as no level.
  const received = receivingMarkings(db);
  const versionOf = (rev: string): ConflictVersion => {
    const revision = revisions.find((each) => each.rev === rev);
    const body = revision?.body ?? null;
    const marked =
      body !== null && typeof body.classification === 'string' ? { ...body, classification: received(body.classification) } : body;
    return { rev, body: marked, author: revision?.author ?? null };
  };
  return {
    id: docId,
    entity: state.entity,
    winner: versionOf(winningRev(metadata)),
    losers: collectConflicts(metadata).map(versionOf),
  };
}

function nextRev(parent: string): string {
  return `${Number.parseInt(parent, 10) + 1}-${crypto.randomBytes(16).toString('hex')}`;
}

/** A new revision on `parent`: its text, or (null) a deletion closing a version the user has seen, which deletes nothing (closing.ts). */
function addRevision(db: Db, docId: string, parent: string, body: RecordBody | null): string {
  const rev = body === null ? closingRevisionId(parent) : nextRev(parent);
  syncStatement(db, 'INSERT INTO sync_rev (doc_id, rev, parent, deleted, body) VALUES (?, ?, ?, ?, ?)').run(
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

/** The conflict changed (or was settled) since it was shown: the user looks again before deciding. */
export class ConflictMovedOnError extends Error {
  constructor(docId: string) {
    super(`The record ${docId} changed since its conflict was shown; look at it again before deciding.`);
    this.name = 'ConflictMovedOnError';
  }
}

/** A resolution naming a field or version the conflict does not have. */
export class ConflictChoiceError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'ConflictChoiceError';
    this.field = field;
  }
}

/** A keep, dismiss, take or merge that would lower the record's marking on every desk, sent without naming the marking it lowers to. */
export class ConflictLowersMarkingError extends Error {
  readonly lowered: LoweredMarking;
  constructor(docId: string, lowered: LoweredMarking) {
    super(
      `lowersMarkingTo: settling ${docId} this way lowers its marking from "${lowered.higher}" to "${lowered.lower}" on every desk; name "${lowered.lower}" in lowersMarkingTo to do so`,
    );
    this.name = 'ConflictLowersMarkingError';
    this.lowered = lowered;
  }
}

export interface ResolveContext {
  /** The scheme's levels, lowest first: a merge takes the highest marking of all sides unless told otherwise. */
  levels: readonly string[];
  /** When a merged version is saved. */
  now: string;
}

/** The highest of these markings, levels given lowest first; one the scheme lacks counts as the highest, to be safe. */
export function higherMarking(markings: readonly string[], levels: readonly string[]): string {
  return highestOf(markings, levels);
}

const markingIn = (body: RecordBody | null): string => (typeof body?.classification === 'string' ? body.classification : '');

function isTagList(value: string): boolean {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) && parsed.every((tag) => typeof tag === 'string');
  } catch {
    return false;
  }
}

function mergedBody(conflict: RecordConflict, resolution: Extract<ConflictResolution, { action: 'merge' }>, context: ResolveContext) {
  const sides = [conflict.winner, ...conflict.losers];
  const body: RecordBody = { ...(conflict.winner.body ?? {}) };
  const fields = new Set(sides.flatMap((side) => Object.keys(side.body ?? {})));
  for (const [field, rev] of Object.entries(resolution.choices)) {
    const side = sides.find((candidate) => candidate.rev === rev);
    if (!fields.has(field)) throw new ConflictChoiceError(`choices.${field}`, `choices.${field}: the record has no such field`);
    if (!side) throw new ConflictChoiceError(`choices.${field}`, `choices.${field}: ${rev} is not a version in this conflict`);
    body[field] = side.body?.[field] ?? null;
  }
  if (!('classification' in resolution.choices) && fields.has('classification'))
    body.classification = higherMarking(
      sides.map((side) => String(side.body?.classification ?? '')),
      context.levels,
    );
  for (const [field, value] of Object.entries(resolution.texts ?? {})) {
    const values = sides.map((side) => side.body?.[field]);
    if (!fields.has(field) || values.some((each) => each !== undefined && each !== null && typeof each !== 'string'))
      throw new ConflictChoiceError(`texts.${field}`, `texts.${field}: not a text field of this record`);
    // A marking or a tag list is chosen, not written: only what a side holds, or a well-formed list.
    if (field === 'classification' && !values.includes(value))
      throw new ConflictChoiceError(`texts.${field}`, `texts.${field}: must be the marking of one of the versions`);
    if (field === 'tags' && !isTagList(value)) throw new ConflictChoiceError(`texts.${field}`, `texts.${field}: must be a list of tags`);
    body[field] = value;
  }
  if ('updated_at' in body) body.updated_at = context.now;
  return body;
}

/**
 * Settles a conflict the CouchDB way, so every desk learns the outcome by
 * replication and converges on it: each dismissed version is closed with a
 * deletion (it stays in the history), and a version taken or merged is written
 * as a new revision on top of the winner. Refused if the winner moved on since
 * the user saw it.
 */
export function resolveConflict(db: Db, resolution: ConflictResolution, context: ResolveContext): { rev: string; others: number } {
  return db.transaction(() => {
    const conflict = conflictOf(db, resolution.id);
    if (!conflict || conflict.losers.length === 0 || conflict.winner.rev !== resolution.winnerRev)
      throw new ConflictMovedOnError(resolution.id);
    const closeAll = () => {
      for (const loser of conflict.losers) addRevision(db, resolution.id, loser.rev, null);
    };
    const loserNamed = (rev: string) => {
      const loser = conflict.losers.find((candidate) => candidate.rev === rev);
      if (!loser?.body) throw new ConflictChoiceError('rev', `rev: ${rev} is not another version of this record`);
      return loser;
    };
    const marked = (version: ConflictVersion) => ({ rev: version.rev, classification: markingIn(version.body) });
    const refuseUnconfirmedLowering = () => {
      const lowered = loweredMarking(marked(conflict.winner), conflict.losers.map(marked), resolution, context.levels);
      if (lowered && resolution.lowersMarkingTo !== lowered.lower) throw new ConflictLowersMarkingError(resolution.id, lowered);
    };
    // Checked after the version named is known to exist, so a wrong one is refused as such.
    if (resolution.action !== 'merge') {
      if (resolution.action !== 'keep') loserNamed(resolution.rev);
      refuseUnconfirmedLowering();
    }
    if (resolution.action === 'keep') {
      closeAll();
      return { rev: conflict.winner.rev, others: 0 };
    }
    if (resolution.action === 'dismiss') {
      addRevision(db, resolution.id, loserNamed(resolution.rev).rev, null);
      return { rev: conflict.winner.rev, others: conflict.losers.length - 1 };
    }
    const body =
      resolution.action === 'merge' ? mergedBody(conflict, resolution, context) : (loserNamed(resolution.rev).body as RecordBody);
    // A merge's choices are checked first (mergedBody), so a version or marking it does not have is refused as such.
    if (resolution.action === 'merge') refuseUnconfirmedLowering();
    const written = addRevision(db, resolution.id, conflict.winner.rev, body);
    closeAll();
    materialise(db, resolution.id, written);
    if (conflict.entity === 'note') recordReceivedNote(db, resolution.id, []);
    return { rev: written, others: 0 };
  })();
}
