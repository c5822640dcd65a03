import crypto from 'node:crypto';
import { latest, type RevisionTree } from 'pouchdb-merge';
import type { Db } from '../../db/open.ts';
import { statement } from '../../db/sql.ts';
import { latestSeq } from '../../db/sync/account.ts';
import { docState, heldRecords, missingRevisions, revisionsOf } from '../../db/sync/history.ts';
import { applyMerge, endingDeleted, historyRefusal, mergeOrder, treeOf } from '../../db/sync/merge.ts';
import { waitingFor } from '../../db/sync/newRecords.ts';
import {
  feedPage,
  lastFeedPlace,
  markReceivedFromServer,
  type Partition,
  partitionOf,
  referencePartition,
  summitOfRevision,
} from '../../db/sync/partition.ts';
import { syncStatement, withSavesTaken } from '../../db/sync/pendingNotes.ts';
import { unlinkedFromDatabase } from '../../db/sync/unlinkedByDeletion.ts';
import type { Touched } from '../../shared/contract.ts';
import { authorField, type RecordBody, type RecordHistory, type RevisionRecord, revisionAuthorOf } from '../../shared/sync.ts';
import type { SyncNoticeReason } from '../../shared/syncSettings.ts';
import { rowKeysOf, touchedBetween, writtenBesides } from './pulledChanges.ts';
import type { MergeActivity } from './searchWhileWaiting.ts';

// A PouchDB adapter over Sherpa's own store, so PouchDB's replicator
// (pouchdb-replication, the same code PouchDB apps trust to sync with
// CouchDB) reads and writes the records in place: no second copy at rest.
// Records are only ever edited in Sherpa, so the adapter accepts writes in
// replication mode (`new_edits: false`) only, and merges them through the
// same code bundles use.

type Callback<T> = (error: Error | null, result?: T) => void;

export interface PouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _revisions?: { start: number; ids: string[] };
  [field: string]: unknown;
}

interface ChangesOptions {
  since?: number | string;
  limit?: number;
  include_docs?: boolean;
  return_docs?: boolean;
  continuous?: boolean;
  style?: 'all_docs' | 'main_only';
  conflicts?: boolean;
  onChange: (change: Record<string, unknown>) => void;
  complete: Callback<{ results: Record<string, unknown>[]; last_seq: number }>;
  processChange: (doc: PouchDoc, metadata: Metadata, options: ChangesOptions) => Record<string, unknown>;
}

interface Metadata {
  id: string;
  rev: string;
  winningRev: string;
  deleted: boolean;
  rev_tree: RevisionTree;
  seq: number;
}

/** revs_diff's answer: for each record lacking some of the revisions asked about, those revisions. */
type RevsDiff = Record<string, { missing: string[] }>;

interface AdapterApi {
  _id(callback: Callback<string>): void;
  _type(): string;
  _remote: boolean;
  _info(callback: Callback<{ doc_count: number; update_seq: number }>): void;
  _get(id: string, options: { rev?: string; latest?: boolean }, callback: Callback<{ doc: PouchDoc; metadata: Metadata }>): void;
  _getRevisionTree(id: string, callback: Callback<RevisionTree>): void;
  revsDiff(request: Record<string, string[]>, options?: unknown, callback?: Callback<RevsDiff>): Promise<RevsDiff>;
  _bulkDocs(request: { docs: PouchDoc[] }, options: { new_edits?: boolean }, callback: Callback<unknown[]>): void;
  _changes(options: ChangesOptions): { cancel(): void };
  _getLocal(id: string, callback: Callback<PouchDoc>): void;
  _putLocal(doc: PouchDoc, options: unknown, callback?: Callback<unknown>): void;
  _removeLocal(doc: PouchDoc, options: unknown, callback?: Callback<unknown>): void;
  _allDocs(options: unknown, callback: Callback<unknown>): void;
  _close(callback: Callback<void>): void;
  _destroy(options: unknown, callback: Callback<unknown>): void;
}

/** The shape PouchDB's own errors have; the replicator reads `status`. */
function pouchError(status: number, name: string, reason: string): Error {
  return Object.assign(new Error(reason), { status, name, error: name, reason });
}
const missing = () => pouchError(404, 'not_found', 'missing');
/** The answer for a record this store does not have, shared: PouchDB only reads its status and message. */
const unknownRecord = missing();

/** A record's revisions without their texts: enough for its tree. */
function revisionTreeOf(db: Db, docId: string): RevisionRecord[] {
  return (
    syncStatement(db, 'SELECT rev, parent, deleted FROM sync_rev WHERE doc_id = ? ORDER BY seq').all(docId) as {
      rev: string;
      parent: string | null;
      deleted: 0 | 1;
    }[]
  ).map((row) => ({ rev: row.rev, parent: row.parent, deleted: row.deleted === 1, body: null }));
}

/** A record's deleted leaves, `closing` first (the deletion that closes it in a database it left). */
function deletedLeavesOf(db: Db, docId: string, closing: string): string[] {
  const leaves = revisionTreeOf(db, docId).filter(
    (revision, _index, all) => revision.deleted && !all.some((child) => child.parent === revision.rev),
  );
  return [closing, ...leaves.map((leaf) => leaf.rev).filter((rev) => rev !== closing)];
}

/** Records merged in one transaction: a save waits for one such slice at most. */
const mergedAtOnce = 100;

/**
 * Records written in one transaction at most, counting those waiting here for a record of the slice (linked when it
 * comes, in its transaction), unless one record alone has more. A desk whose sources were edited after the entries
 * citing them sends them last: a slice of 100 sources linked 33,000 sector entries and their annotations at once,
 * and a save typed meanwhile waited 13 s for it.
 */
export const writtenAtOnce = 200;

/** Where the slice beginning at `start` ends: `mergedAtOnce` records, fewer when records here wait for them. */
function sliceEnd(db: Db, histories: readonly RecordHistory[], start: number): number {
  const candidates = histories.slice(start, start + mergedAtOnce);
  const waiting = waitingFor(
    db,
    candidates.map((history) => history.id),
  );
  let written = 0;
  let end = start;
  for (const history of candidates) {
    const rows = 1 + (waiting.get(history.id) ?? 0);
    if (end > start && written + rows > writtenAtOnce) break;
    written += rows;
    end += 1;
  }
  return end;
}

/**
 * Replication's own writes (merged slices, checkpoints) commit without waiting
 * for the disk (synchronous = NORMAL). In WAL mode commits reach the disk in
 * order, so a power cut can only lose a tail of them, checkpoints with the
 * records before them, and the next round fetches those again. A user's save,
 * made between two of these writes, commits as the store always does.
 */
function withoutWaitingForDisk<T>(db: Db, write: () => T): T {
  const level = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  try {
    return write();
  } finally {
    db.pragma(`synchronous = ${level}`);
  }
}

/** What of the store one replication sees: the records of one server database, and who hears of merged ones. */
export interface StoreView {
  /** Only records of this partition are in the changes feed (so pushed); none: every record. */
  partition?: { name: NonNullable<Partition>; shared: ReadonlySet<string> };
  /** Told what each merged batch changed in the tables, after its transaction. */
  onMerged?: (touched: Touched[]) => void;
  /** Told of records received and left out of the merge (no content), by reason, batch by batch. */
  onLeftOut?: (reason: SyncNoticeReason, count: number) => void;
  /** Told when a batch's merge begins and when it has ended (written or failed), so other work waits for the gaps. */
  merges?: MergeActivity;
}

const stores = new Map<string, { db: Db; view: StoreView }>();

/** Makes a store reachable as `new PouchDB(name, { adapter: 'sherpa' })`. */
export function exposeStore(name: string, db: Db, view: StoreView = {}): void {
  stores.set(name, { db, view });
}
export function withdrawStore(name: string): void {
  stores.delete(name);
}

function instanceId(db: Db): string {
  const existing = statement(db, `SELECT json_extract(body, '$.id') FROM sync_local WHERE id = 'sherpa/instance'`).pluck().get() as
    | string
    | undefined;
  if (existing) return existing;
  const id = crypto.randomUUID();
  statement(db, `INSERT INTO sync_local (id, rev, body) VALUES ('sherpa/instance', '0-1', json_object('id', ?))`).run(id);
  return id;
}

function metadataOf(db: Db, docId: string, revisions: readonly RevisionRecord[]): Metadata | undefined {
  const state = docState(db, docId);
  if (!state || revisions.length === 0) return undefined;
  const seq = syncStatement(db, 'SELECT max(seq) FROM sync_rev WHERE doc_id = ?').pluck().get(docId) as number;
  return { id: docId, rev: state.rev, winningRev: state.rev, deleted: state.deleted === 1, rev_tree: treeOf(revisions), seq };
}

function pouchDocOf(docId: string, revision: RevisionRecord): PouchDoc {
  // Its author rides inside the document, so CouchDB keeps and replicates it, deletions included.
  const author = revision.author ? { [authorField]: revision.author } : {};
  return revision.deleted
    ? { _id: docId, _rev: revision.rev, _deleted: true, ...author }
    : { ...revision.body, ...author, _id: docId, _rev: revision.rev };
}

/** A replicated document as the history of revisions it carries: the leaf with its body, its ancestors by id. */
function historyOf(doc: PouchDoc): RecordHistory {
  const body: RecordBody = {};
  for (const [field, value] of Object.entries(doc))
    if (!field.startsWith('_') && field !== authorField)
      body[field] = typeof value === 'string' || typeof value === 'number' || value === null ? value : JSON.stringify(value);
  const ids = doc._revisions?.ids ?? [String(doc._rev).slice(String(doc._rev).indexOf('-') + 1)];
  const start = doc._revisions?.start ?? Number.parseInt(String(doc._rev), 10);
  const revisions = ids.map((hash, index): RevisionRecord => {
    const parentHash = ids[index + 1];
    return {
      rev: `${start - index}-${hash}`,
      parent: parentHash === undefined ? null : `${start - index - 1}-${parentHash}`,
      deleted: index === 0 && doc._deleted === true,
      body: index === 0 && doc._deleted !== true ? body : null,
      author: index === 0 ? revisionAuthorOf(doc[authorField]) : null,
    };
  });
  return { id: doc._id, entity: doc._id.slice(0, Math.max(0, doc._id.indexOf(':'))), revisions };
}

/** Several leaves of one record in a batch become one history. */
export function receivedHistories(docs: readonly PouchDoc[]): RecordHistory[] {
  const byId = new Map<string, RecordHistory>();
  for (const doc of docs) {
    const history = historyOf(doc);
    const known = byId.get(history.id);
    if (!known) {
      byId.set(history.id, history);
      continue;
    }
    for (const revision of history.revisions) {
      const index = known.revisions.findIndex((existing) => existing.rev === revision.rev);
      if (index === -1) known.revisions.push(revision);
      else if (revision.body !== null || revision.deleted) known.revisions[index] = revision;
    }
  }
  return [...byId.values()];
}

/**
 * Whether a record received from a database may change this desk. One it holds only where it shares nothing
 * with the server (a meeting or note of a summit not shared, a record never sent) is the desk's alone, whatever a compromised or
 * careless server sends under its id; and a record new here may arrive (a colleague's, a summit offered) unless
 * it files itself under a summit this desk holds and does not share. Either is left out of the merge.
 */
function withinScope(db: Db, view: StoreView, history: RecordHistory, holds: (docId: string) => boolean): boolean {
  const partition = view.partition;
  if (!partition) return true;
  // A summit's own record travels in its own database only (2750). The reference database may still bring a
  // deletion without text, of a summit this desk holds: the one closing the copy sent there before 2750.
  if (history.entity === 'summit')
    return (
      partition.name === history.id ||
      (partition.name === referencePartition && holds(history.id) && history.revisions.every((revision) => revision.body === null))
    );
  // Held here and shared no more: a colleague's edit of what a deletion here unlinked, from the database it was in, is let in.
  if (holds(history.id))
    return partitionOf(db, history.id, partition.shared) !== null || unlinkedFromDatabase(db, history.id, history.entity, partition.name);
  return history.revisions.every((revision) => {
    const summit = revision.body ? summitOfRevision(db, history.entity, revision.body) : null;
    return summit === null || partition.shared.has(summit) || !holds(summit);
  });
}

/**
 * Whether this desk holds a record, for withinScope: a batch's own records read in one statement (a first pull
 * read each on its own, 21,000 statements on the quick store), any other (a summit one names) once, then kept.
 * Valid while nothing is written: the batch's scope is settled before its merge begins.
 */
function holdsAmong(db: Db, batch: readonly RecordHistory[]): (docId: string) => boolean {
  const held = heldRecords(
    db,
    batch.map((history) => history.id),
  );
  const asked = new Map<string, boolean>(batch.map((history) => [history.id, held.has(history.id)]));
  return (docId) => {
    const known = asked.get(docId);
    if (known !== undefined) return known;
    const holds = docState(db, docId) !== undefined;
    asked.set(docId, holds);
    return holds;
  };
}

function SherpaAdapter(this: AdapterApi, options: { name: string }, callback: Callback<AdapterApi>): void {
  const exposed = stores.get(options.name);
  if (!exposed) {
    callback(new Error(`No Sherpa store is open as ${options.name}`));
    return;
  }
  const { db, view } = exposed;
  this._id = (done) => done(null, instanceId(db));
  this._type = () => 'sherpa';
  // A local database, as PouchDB's own adapters say: without it PouchDB asks `db.type()` instead, which warns on the
  // console at every replication (hundreds of lines in a test run, thousands in a first pull of 300 summits).
  this._remote = false;
  // The replicator asks after every batch, for a progress count only: the records of this database are counted
  // once (through the partition index: a summit's database is not a count of the whole store).
  let docCount: number | undefined;
  this._info = (done) => {
    docCount ??= (
      view.partition
        ? syncStatement(db, 'SELECT count(*) FROM sync_home WHERE home = ?').pluck().get(view.partition.name)
        : syncStatement(db, 'SELECT count(*) FROM sync_doc WHERE deleted = 0').pluck().get()
    ) as number;
    done(null, {
      doc_count: docCount,
      update_seq: lastFeedPlace(db),
    });
  };
  this._get = (id, getOptions, done) => {
    const revisions = revisionsOf(db, id);
    const metadata = metadataOf(db, id, revisions);
    if (!metadata) return done(missing());
    const rev = getOptions.rev && getOptions.latest ? latest(getOptions.rev, metadata) : (getOptions.rev ?? metadata.winningRev);
    const revision = revisions.find((candidate) => candidate.rev === rev);
    if (!revision || (revision.body === null && !revision.deleted)) return done(missing());
    done(null, { doc: pouchDocOf(id, revision), metadata });
  };
  // The replicator's revs_diff asks for each record of a batch (all of them, in a first pull, unknown here): the
  // tree needs no texts, and an unknown record's answer is one error made once, not an Error and its stack per record.
  this._getRevisionTree = (id, done) => {
    const revisions = revisionTreeOf(db, id);
    if (revisions.length === 0) return done(unknownRecord);
    done(null, treeOf(revisions));
  };
  // PouchDB's own revs_diff reads each record's tree in turn; a batch of a first pull, all unknown here, is
  // answered in one statement instead (a record's revisions are all held, so none is 'missing' in the tree).
  this.revsDiff = (request, diffOptions, maybeDone) => {
    const done = (typeof diffOptions === 'function' ? diffOptions : maybeDone) as Callback<RevsDiff> | undefined;
    const answer = new Promise<RevsDiff>((resolve) =>
      resolve(Object.fromEntries([...missingRevisions(db, request)].map(([docId, missing]) => [docId, { missing }]))),
    );
    if (done)
      answer.then(
        (diff) => done(null, diff),
        (error: Error) => done(error),
      );
    return answer;
  };
  this._bulkDocs = (request, bulkOptions, done) => {
    if (bulkOptions.new_edits !== false)
      return done(pouchError(403, 'forbidden', 'Sherpa records are edited in Sherpa, not through replication'));
    // PouchDB hands the batch over sorted by record id, which scatters a summit's follow-ups and notes ahead of
    // the meetings they belong to: a slice would hold them back to wait, then link them once the meeting came.
    // In the merge's own order (parents first), each slice finds what it links to, as a bundle's slices do.
    // A record that cannot be merged (more branches than a merge may take, a history no desk writes) is refused
    // alone, answered as the server's rules refuse one (forbidden): the replicator goes on with the rest and the
    // desk counts it.
    let histories: RecordHistory[];
    const refused = new Map<string, 'too-many-branches' | 'invalid'>();
    try {
      const received = receivedHistories(request.docs);
      const mergeable: RecordHistory[] = [];
      for (const history of received) {
        const refusal = historyRefusal(history);
        if (refusal === null) mergeable.push(history);
        else refused.set(history.id, refusal);
      }
      // Two reads a record or more: the saves typed meanwhile are taken once for the batch.
      const inScope = withSavesTaken(db, () => {
        if (!view.partition) return mergeable;
        const holds = holdsAmong(db, mergeable);
        return mergeable.filter((history) => withinScope(db, view, history, holds));
      });
      for (const reason of refused.values()) view.onLeftOut?.(reason, 1);
      // Left out silently to the server, but counted: a server sending these is misconfigured or hostile.
      if (inScope.length < mergeable.length) view.onLeftOut?.('out-of-scope', mergeable.length - inScope.length);
      histories = mergeOrder(
        inScope,
        withSavesTaken(db, () => endingDeleted(db, inScope)),
      );
    } catch (error) {
      return done(error instanceof Error ? error : new Error(String(error)));
    }
    // A batch from the server is merged a slice at a time, each slice one short transaction, yielding
    // between slices: a save waits for one slice at most, however large the replicator's batches.
    view.merges?.begins();
    const mergeFrom = (start: number) => {
      if (start >= histories.length) {
        view.merges?.ends();
        return done(
          null,
          request.docs.map((doc) => {
            const refusal = refused.get(doc._id);
            return refusal === undefined
              ? { ok: true, id: doc._id, rev: doc._rev }
              : { id: doc._id, rev: doc._rev, status: 403, name: 'forbidden', error: 'forbidden', reason: refusal };
          }),
        );
      }
      let end = start + 1;
      try {
        end = withSavesTaken(db, () => sliceEnd(db, histories, start));
        mergeSlice(histories.slice(start, end));
      } catch (error) {
        view.merges?.ends();
        return done(error instanceof Error ? error : new Error(String(error)));
      }
      setImmediate(() => mergeFrom(end));
    };
    const mergeSlice = (slice: RecordHistory[]) => {
      // A slice's dozens of statements a record take the saves typed meanwhile once, before it.
      const { before, after, besides, merged } = withSavesTaken(db, () => {
        const before = view.onMerged
          ? rowKeysOf(
              db,
              slice.map((history) => history.id),
            )
          : undefined;
        const start = view.onMerged ? latestSeq(db) : 0;
        const merged = withoutWaitingForDisk(db, () =>
          db.transaction(() => {
            const result = applyMerge(db, slice);
            markReceivedFromServer(
              db,
              slice.map((history) => ({ docId: history.id, revs: history.revisions.map((revision) => revision.rev) })),
              view.partition?.name,
            );
            return result;
          })(),
        );
        return {
          before,
          after: before ? rowKeysOf(db, [...before.keys()]) : undefined,
          besides: before ? writtenBesides(db, start, new Set(before.keys())) : [],
          merged,
        };
      });
      if (before && after && view.onMerged) {
        const touched = [...touchedBetween(before, after), ...besides];
        // A merged slice may have brought a conflict (a kept losing revision), or settled one elsewhere without
        // changing any row (a losing leaf closed, a deletion answered): the conflicts list reads again.
        const revised = merged.records.some((record) => record.change !== 'unchanged');
        if (touched.length > 0 || revised) view.onMerged([...touched, { entity: 'conflict', how: 'updated', ids: [] }]);
      }
    };
    mergeFrom(0);
  };
  this._changes = (changesOptions) => {
    let cancelled = false;
    // Listeners are attached after `changes()` returns, as with any adapter that reads from disk.
    setImmediate(() => {
      if (cancelled) return;
      const since = Number(changesOptions.since ?? 0) || 0;
      const limit = changesOptions.limit && changesOptions.limit > 0 ? changesOptions.limit : Number.POSITIVE_INFINITY;
      const partition = view.partition;
      const results: Record<string, unknown>[] = [];
      let lastSeq = since;
      let emitted = 0;
      // A page at a time, yielding between pages, so a long feed does not hold up a save.
      // The replicator asks for ids and leaves only: the texts are read when it fetches the records it lacks.
      const withTexts = changesOptions.include_docs === true || changesOptions.conflicts === true;
      const fullChange = (docId: string) => {
        const revisions = revisionsOf(db, docId);
        const metadata = metadataOf(db, docId, revisions);
        const winner = revisions.find((revision) => revision.rev === metadata?.winningRev);
        return metadata && winner ? changesOptions.processChange(pouchDocOf(docId, winner), metadata, changesOptions) : undefined;
      };
      const changeOf = (docId: string, seq: number) => {
        const state = docState(db, docId);
        if (!state?.rev) return undefined;
        const revisions = revisionTreeOf(db, docId);
        const metadata = {
          id: docId,
          rev: state.rev,
          winningRev: state.rev,
          deleted: state.deleted === 1,
          rev_tree: treeOf(revisions),
          seq,
        };
        return changesOptions.processChange({ _id: docId, _rev: state.rev }, metadata, changesOptions);
      };
      const nextPage = () => {
        if (cancelled) return;
        try {
          withSavesTaken(db, readPage);
        } catch (error) {
          // A store closed under a replication still running: its error ends the replication, not the process.
          changesOptions.complete(error instanceof Error ? error : new Error(String(error)));
        }
      };
      const readPage = () => {
        const page = feedPage(db, lastSeq, 500, partition?.name);
        for (const { doc_id: docId, seq, from_server: fromServer, moved_out: movedOut } of page) {
          if (emitted >= limit) break;
          lastSeq = seq;
          // Just pulled from this database and unchanged since: the server has it, so it is not even offered.
          if (fromServer === 1) continue;
          if (partition && movedOut === null && partitionOf(db, docId, partition.shared) !== partition.name) continue;
          // Moved to another database: only deletions are offered there (the one closing the move, and any of a
          // version a colleague edited there meanwhile, dismissed since), none of the text it has now.
          const change =
            movedOut !== null
              ? {
                  id: docId,
                  changes: deletedLeavesOf(db, docId, movedOut).map((rev) => ({ rev })),
                  doc: { _id: docId, _rev: movedOut, _deleted: true },
                  deleted: true,
                }
              : withTexts
                ? fullChange(docId)
                : changeOf(docId, seq);
          if (!change) continue;
          change.seq = seq;
          if (!changesOptions.include_docs) delete change.doc;
          changesOptions.onChange(change);
          if (changesOptions.return_docs !== false) results.push(change);
          emitted += 1;
        }
        if (page.length > 0 && emitted < limit) setImmediate(nextPage);
        else if (!changesOptions.continuous) changesOptions.complete(null, { results, last_seq: lastSeq });
      };
      nextPage();
    });
    return {
      cancel() {
        cancelled = true;
      },
    };
  };
  this._getLocal = (id, done) => {
    const row = statement(db, 'SELECT rev, body FROM sync_local WHERE id = ?').get(id) as { rev: string; body: string } | undefined;
    if (!row) return done(missing());
    done(null, { ...(JSON.parse(row.body) as Record<string, unknown>), _id: id, _rev: row.rev });
  };
  this._putLocal = (doc, putOptions, maybeDone) => {
    const done = (typeof putOptions === 'function' ? putOptions : maybeDone) as Callback<unknown>;
    const current = statement(db, 'SELECT rev FROM sync_local WHERE id = ?').pluck().get(doc._id) as string | undefined;
    if ((current ?? undefined) !== (doc._rev ?? undefined)) return done(pouchError(409, 'conflict', 'Document update conflict'));
    const rev = `0-${(current ? Number.parseInt(current.slice(2), 10) : 0) + 1}`;
    const { _id, _rev, ...body } = doc;
    withoutWaitingForDisk(db, () =>
      statement(
        db,
        'INSERT INTO sync_local (id, rev, body) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET rev = excluded.rev, body = excluded.body',
      ).run(_id, rev, JSON.stringify(body)),
    );
    done(null, { ok: true, id: _id, rev });
  };
  this._removeLocal = (doc, removeOptions, maybeDone) => {
    const done = (typeof removeOptions === 'function' ? removeOptions : maybeDone) as Callback<unknown>;
    const removed = statement(db, 'DELETE FROM sync_local WHERE id = ? AND rev = ?').run(doc._id, doc._rev ?? '');
    if (removed.changes === 0) return done(missing());
    done(null, { ok: true, id: doc._id, rev: '0-0' });
  };
  this._allDocs = (_options, done) => done(pouchError(501, 'not_implemented', 'Sherpa lists records through its own views'));
  this._close = (done) => done(null);
  // The store is the user's data: replication never deletes it.
  this._destroy = (_options, done) => done(pouchError(403, 'forbidden', 'A Sherpa store is not destroyed through replication'));
  queueMicrotask(() => callback(null, this));
}
SherpaAdapter.valid = () => true;
SherpaAdapter.use_prefix = false;

/** A PouchDB plugin adding the `sherpa` adapter. */
export function sherpaAdapter(PouchDB: { adapter(name: string, adapter: unknown, preferred?: boolean): void }): void {
  PouchDB.adapter('sherpa', SherpaAdapter, false);
}
