import httpAdapter from 'pouchdb-adapter-http';
import PouchDB, { type Database, type ReplicationResult, type SyncResult } from 'pouchdb-core';
import replication from 'pouchdb-replication';
import type { Db } from '../../db/open.ts';
import { foreignKeys, type SyncedEntity, syncedEntities } from '../../db/sync/history.ts';
import { settleLocalDeletions } from '../../db/sync/merge.ts';
import { referencePartition } from '../../db/sync/partition.ts';
import { syncStatement } from '../../db/sync/pendingNotes.ts';
import { isLoopbackUrl, type SyncNotice, type SyncNoticeReason, type SyncRefill } from '../../shared/syncSettings.ts';
import { checkServerUrl, type DeskServer, databaseName, databaseUrl, isDatabaseDenied, SyncRedirectRefused } from './deskServer.ts';
import { noticingLostCheckpoints } from './forgottenCheckpoints.ts';
import { searchWhileWaiting } from './searchWhileWaiting.ts';
import { exposeStore, type PouchDoc, type StoreView, sherpaAdapter, withdrawStore } from './sherpaAdapter.ts';

export { checkServerUrl, type DeskServer, databaseName, databaseUrl } from './deskServer.ts';

// Live replication with a CouchDB-protocol server (Apache CouchDB 3 at a
// desk; pouchdb-server on loopback in the tests), by PouchDB's own
// replicator reading and writing the store through the `sherpa` adapter.

/**
 * PouchDB's plugins change its one class. The replicator defines its methods
 * once and refuses a second time (a test that loads the app's modules afresh
 * loads this file again); the adapters are simply registered again, so the
 * `sherpa` adapter is always this module's, with its own open stores.
 */
const withReplication = Object.hasOwn(PouchDB, 'replicate') ? PouchDB : PouchDB.plugin(replication);
export const Pouch = withReplication.plugin(httpAdapter).plugin(sherpaAdapter);

export interface ServerAccount {
  /** The database's URL, e.g. https://couch.desk.example/summit-vilnius */
  url: string;
  username?: string;
  password?: string;
}

let opened = 0;

/** A connection that failed before any answer: the server closed it, or reset it. */
function droppedConnection(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return error instanceof TypeError && (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET');
}

/**
 * Node's own fetch keeps connections open between requests; PouchDB's default
 * opens one per request (a TLS handshake each, with a real server) and parses
 * a cookie jar it does not need: credentials go as Basic auth on each request.
 * A kept connection can be closed by the server just as a request goes out on
 * it (its keep-alive timer fired while this desk was busy merging): that
 * request is sent once more, on a new connection. Every request replication
 * makes may be repeated (CouchDB's replication writes are idempotent); a
 * second failure is the round's error.
 */
async function keptAliveFetch(url: string, given: RequestInit): Promise<Response> {
  const init = isLoopbackUrl(url) ? uncompressed(given) : given;
  try {
    return await sameServerFetch(url, init);
  } catch (error) {
    const repeatable = init.body === undefined || init.body === null || typeof init.body === 'string';
    if (!droppedConnection(error) || !repeatable || init.signal?.aborted) throw error;
    return sameServerFetch(url, init);
  }
}

/** Redirects followed on the same server (a CouchDB behind a proxy adding a slash) before the request counts as failed. */
const maxRedirects = 5;

/**
 * fetch follows redirects wherever they lead (Node drops the Authorization header on a cross-origin redirect, but
 * a 307 still sends the body, and the answer would be read as the desk's server's). Redirects are read here
 * instead: followed while they stay on the scheme, host and port of the request, refused otherwise.
 */
async function sameServerFetch(url: string, init: RequestInit): Promise<Response> {
  let current = new URL(url);
  let request: RequestInit = { ...init, redirect: 'manual' };
  for (let hop = 0; ; hop += 1) {
    const response = await fetch(current, request);
    const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
    if (location === null) return response;
    const next = new URL(location, current);
    if (next.origin !== current.origin) {
      await response.body?.cancel();
      throw new SyncRedirectRefused(next.origin);
    }
    if (hop >= maxRedirects) return response;
    await response.body?.cancel();
    // A 303 (and a 301 or 302 answering a POST, as browsers do) is read with GET; a 307 or 308 repeats the request.
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && request.method === 'POST')) {
      const { body: _body, ...rest } = request;
      request = { ...rest, method: 'GET' };
    }
    current = next;
  }
}

/** How long a request waits for the server's answer to begin before the round counts the server as away. */
export const answerWithinMs = 60_000;

/** The slowest link a desk replicates over (a hotel's, a satellite's), in bits a millisecond: 64 kbit/s. */
const slowestLinkBitsPerMs = 64;

/**
 * The server answers a request only once it has the whole of it: a batch of 500 long briefs sent from a laptop on
 * a slow link takes minutes to go, and a fixed wait would fail it every round, so nothing would ever be sent. The
 * wait starts once the body could have gone at the slowest link's pace.
 */
export function answerDeadlineMs(bodyBytes: number, waitMs = answerWithinMs): number {
  return waitMs + Math.ceil((bodyBytes * 8) / slowestLinkBitsPerMs);
}

/**
 * Whether the server refuses this user name and password outright (CouchDB answers 401 to wrong credentials on any
 * path), asked before Connect saves them: a mistyped password saved anyway left the desk "connected", its sidebar red
 * and its changes counted as waiting, for a setting the server had already turned down. A server that cannot be
 * reached, or answers anything else, says nothing about the password: the account is saved and changes wait, as a desk
 * set up before it has the network does. The wait is the round's, shortened: Connect is a click the officer watches.
 */
export async function serverRefusesPassword(
  account: { url: string; username: string; password: string },
  waitMs = Math.min(answerWithinMs, 15_000),
): Promise<boolean> {
  const session = checkServerUrl(account.url);
  session.pathname = `${session.pathname.replace(/\/+$/, '')}/_session`;
  const credentials = Buffer.from(`${account.username}:${account.password}`, 'utf8').toString('base64');
  try {
    const answer = await boundedFetch({ answerWithinMs: waitMs })(session.toString(), {
      headers: { authorization: `Basic ${credentials}`, accept: 'application/json' },
    });
    await answer.body?.cancel();
    return answer.status === 401;
  } catch {
    return false;
  }
}

/** What bounds one round's requests: the desk stopping it (Lock, Disconnect, a new address), and the server's silence. */
export interface RoundLimits {
  signal?: AbortSignal;
  answerWithinMs?: number;
}

/**
 * A server whose machine lost its power or network mid-round sends no reset: the connection stays open and
 * silent, and Node's own limit is five minutes, all that while the state line saying "Syncing…" and Lock waiting
 * for the round. A request whose answer has not begun in time fails as a server away does (the round is tried
 * again by itself); one the desk stops fails at once. An answer under way is read on: a slow link's large batch
 * is not cut short, and Node's own limit on a stalled body stays.
 */
function boundedFetch(limits: RoundLimits): (url: string, given: RequestInit) => Promise<Response> {
  return async (url, given) => {
    const bodyBytes = typeof given.body === 'string' ? Buffer.byteLength(given.body) : 0;
    const waitMs = answerDeadlineMs(bodyBytes, limits.answerWithinMs);
    const silence = new AbortController();
    const timer = setTimeout(
      () => silence.abort(new TypeError(`fetch failed: no answer within ${waitMs / 1000} s`, { cause: { code: 'ETIMEDOUT' } })),
      waitMs,
    );
    const signals = [silence.signal, limits.signal, given.signal].filter((signal): signal is AbortSignal => signal instanceof AbortSignal);
    try {
      return await keptAliveFetch(url, { ...given, signal: AbortSignal.any(signals) });
    } finally {
      clearTimeout(timer);
    }
  };
}

type Fetcher = (url: string, given: RequestInit) => Promise<Response>;

/**
 * Within one database's replication PouchDB asks the server the same questions again and again: the database's
 * info (to set it up, then for a progress count at the start and after every batch) and the server's own id (for
 * each direction's replication id): one sync of a database with nothing new asked its info 3 times and the
 * server's id twice. Over 300 summit databases and a hotel's or satellite's round trips, that is minutes of
 * waiting (a colleague joining five summits: 109 requests, 89 now). A successful answer to a GET of the database's address or one above it (the server's), with no query,
 * is read once a replication and given again: a database's or server's identity does not change within one, and
 * the counts it carries are only shown as progress. The changes feed, the records and the checkpoints are always
 * asked anew, and a failed answer is never kept, so a database this replication sets up is read again.
 */
export function askedOnce(databaseUrl: string, fetcher: Fetcher): Fetcher {
  const database = new URL(databaseUrl);
  const databasePath = database.pathname.endsWith('/') ? database.pathname : `${database.pathname}/`;
  // The answer being read, not only one read: a sync's push and pull ask for the server's id at the same moment.
  const kept = new Map<string, Promise<KeptAnswer | Response>>();
  const ask = async (url: string, given: RequestInit): Promise<KeptAnswer | Response> => {
    const response = await fetcher(url, given);
    if (response.status !== 200) return response;
    return {
      status: response.status,
      statusText: response.statusText,
      headers: new Headers(response.headers),
      body: await response.arrayBuffer(),
    };
  };
  return async (url, given) => {
    const asked = new URL(url);
    const identity =
      (given.method ?? 'GET').toUpperCase() === 'GET' &&
      asked.search === '' &&
      asked.origin === database.origin &&
      asked.pathname.endsWith('/') &&
      databasePath.startsWith(asked.pathname);
    if (!identity) return fetcher(url, given);
    let answer = kept.get(asked.href);
    if (!answer) {
      answer = ask(url, given);
      kept.set(asked.href, answer);
      // A failure, or an answer other than 200, is not kept: the next asker asks the server itself.
      answer.then(
        (settled) => {
          if (settled instanceof Response) kept.delete(asked.href);
        },
        () => kept.delete(asked.href),
      );
      const first = await answer;
      return first instanceof Response ? first : new Response(first.body.slice(0), first);
    }
    const settled = await answer.catch(() => null);
    if (settled === null || settled instanceof Response) return fetcher(url, given);
    return new Response(settled.body.slice(0), settled);
  };
}

interface KeptAnswer {
  status: number;
  statusText: string;
  headers: Headers;
  body: ArrayBuffer;
}

/**
 * A server on this machine is asked not to compress its answers: the bytes cross no network, and gzip
 * cost both ends CPU (the server compressing every batch, this desk inflating it) during a first pull.
 */
function uncompressed(init: RequestInit): RequestInit {
  const headers = new Headers(init.headers);
  headers.set('accept-encoding', 'identity');
  return { ...init, headers };
}

/**
 * PouchDB's replicator asks the source database for its info after each batch,
 * for a progress count only, and leaves that request's failure unhandled
 * (pouchdb-replication 9.0.0, `finishBatch`): a server dropping that one
 * request would end the whole process. The first info, asked before any batch,
 * fails the replication as it should; a later one that fails answers with the
 * last info known, and the batch's own requests report a server that is gone.
 */
function withSteadyInfo(database: Database): Database {
  const info = database.info.bind(database);
  let known: Awaited<ReturnType<Database['info']>> | undefined;
  database.info = async () => {
    try {
      known = await info();
      return known;
    } catch (error) {
      if (known) return known;
      throw error;
    }
  };
  return database;
}

/** Records left out of one database's exchange, by direction and reason (no content). */
type LeftOut = (direction: SyncNotice['direction'], reason: SyncNoticeReason, count: number) => void;

/** Why the server refused one record it was sent, from its answer for that record (or for a request of it alone). */
function sentRefusalOf(answer: { status?: number; name?: string; error?: string }): SyncNoticeReason {
  const name = `${answer.name ?? answer.error ?? ''}`.toLowerCase();
  if (name === 'forbidden' || name === 'unauthorized') return 'forbidden';
  if (answer.status === 413 || name === 'too_large' || name === 'request_entity_too_large') return 'too-large';
  return 'server-error';
}

type BulkAnswer = { id?: string; rev?: string; ok?: boolean; status?: number; name?: string; error?: string; reason?: string };

/**
 * The server may refuse one record of a batch (its rules, its size limit, an error of its own): PouchDB's
 * replicator goes on past a record answered "forbidden" and ends the whole replication at any other answer, or at
 * a batch refused as too large as a whole. Each record the server refuses is answered "forbidden" here, counted,
 * and the rest of the batch is written: a batch too large is sent again in halves, down to the record alone.
 */
function withRefusalsAlone(remote: Database, leftOut: LeftOut): Database {
  const bulkDocs = remote.bulkDocs.bind(remote) as (
    request: { docs: PouchDoc[]; new_edits?: boolean },
    options?: unknown,
  ) => Promise<BulkAnswer[]>;
  const write = async (request: { docs: PouchDoc[]; new_edits?: boolean }, options: unknown): Promise<BulkAnswer[]> => {
    try {
      return await bulkDocs(request, options);
    } catch (error) {
      if ((error as { status?: number }).status !== 413) throw error;
      const [doc, ...others] = request.docs;
      if (doc && others.length === 0) return [{ id: doc._id, rev: doc._rev, status: 413, error: 'too_large' }];
      const half = Math.ceil(request.docs.length / 2);
      return [
        ...(await write({ ...request, docs: request.docs.slice(0, half) }, options)),
        ...(await write({ ...request, docs: request.docs.slice(half) }, options)),
      ];
    }
  };
  remote.bulkDocs = (async (request: { docs: PouchDoc[]; new_edits?: boolean }, options?: unknown) =>
    (await write(request, options)).map((answer) => {
      if (!answer.error) return answer;
      const reason = sentRefusalOf(answer);
      leftOut('sent', reason, 1);
      return { ...answer, name: 'forbidden', error: 'forbidden', reason };
    })) as unknown as Database['bulkDocs'];
  return remote;
}

/**
 * Pushes this desk's changes and pulls the server's, once; every conflict is kept by the merge.
 * With a view, only that partition's records are pushed, and merged records are told of.
 */
export async function syncOnce(db: Db, account: ServerAccount, view: StoreView = {}): Promise<SyncResult> {
  checkServerUrl(account.url);
  db.transaction(() => settleLocalDeletions(db))();
  return replicateOnce(db, account, view, {});
}

/** One database's push and pull, the store's deletions already settled (they are read once a round: every tombstone). */
async function replicateOnce(
  db: Db,
  account: ServerAccount,
  view: StoreView,
  limits: RoundLimits,
  leftOut: LeftOut = () => undefined,
  /** 'pull': the desk has nothing of its own for this database, so no push replication is run (see `nothingToSend`). */
  directions: 'both' | 'pull' = 'both',
  /** Kinds of record pulled alone first, a list at a time (see `parentsFirst`): an empty desk's first pull. */
  kindsFirst: readonly (readonly string[])[] = [],
  /** Told when the server database has lost what this desk exchanged with it (see `noticingLostCheckpoints`). */
  lost: () => void = () => undefined,
): Promise<SyncResult> {
  const name = `sherpa-store-${++opened}`;
  exposeStore(name, db, { ...view, onLeftOut: (reason, count) => leftOut('received', reason, count) });
  const local = withSteadyInfo(new Pouch(name, { adapter: 'sherpa' }));
  const remote = noticingLostCheckpoints(
    withRefusalsAlone(
      withSteadyInfo(
        new Pouch(account.url, {
          adapter: 'http',
          fetch: askedOnce(account.url, boundedFetch(limits)),
          ...(account.username ? { auth: { username: account.username, password: account.password ?? '' } } : {}),
        }),
      ),
      leftOut,
    ),
    local,
    db,
    view.partition?.name,
    lost,
  );
  try {
    const first = await pullFirst(remote, local, kindsFirst);
    // The records taken first are the round's too (the replication after them finds them here).
    const withFirst = (pull: ReplicationResult): ReplicationResult => ({
      ...pull,
      docs_read: pull.docs_read + first,
      docs_written: pull.docs_written + first,
    });
    // Batches of 500 pushed, of 2,000 pulled: fewer requests and checkpoints a round (a first pull's reference database
    // is most of the store); the adapter merges each in short transactions, so a save never waits for a whole batch.
    if (directions === 'pull') {
      const pull = withFirst(await Pouch.replicate(remote, local, { batch_size: pulledAtOnce }));
      return { pull, push: { ...pull, docs_read: 0, docs_written: 0, doc_write_failures: 0, errors: [] } };
    }
    const { push, pull } = await Pouch.sync(local, remote, { batch_size: 500, pull: { batch_size: pulledAtOnce } });
    return { push, pull: withFirst(pull) };
  } finally {
    await Promise.all([local.close(), remote.close()]);
    withdrawStore(name);
  }
}

/**
 * Whether this desk has nothing to offer a summit's database: every place in its feed (migration 0700's
 * `sync_home`, and 2750's moves out of it) is a record just pulled from it and unchanged since (1300), or
 * there is none, as on a first pull to an empty desk. The push would read that feed, offer nothing, and
 * still cost the server its checkpoint's requests: on the benchmark's store 300 summits' worth of round
 * trips a round. A summit's feed is small, so reading it is cheap; the reference database always pushes.
 */
export function nothingToSend(db: Db, partition: string): boolean {
  return (
    syncStatement(
      db,
      `SELECT NOT EXISTS (SELECT 1 FROM sync_home WHERE home = ? AND from_server_seq IS NOT seq)
          AND NOT EXISTS (SELECT 1 FROM sync_moved_out WHERE home = ? AND seq IS NOT NULL)`,
    )
      .pluck()
      .get(partition, partition) === 1
  );
}

/**
 * The records of these kinds on the server, a list of kinds at a time, written here as the replicator writes what it
 * pulls (each record's winning branch, `_bulk_get` with its history, merged by the adapter): answers how many were
 * written. The replication after it finds them here (revs_diff) and brings anything else, conflicts' other branches
 * included, and keeps its checkpoint: nothing of this is needed for the pull to be whole, only for its order. A
 * replication of its own per list (the `_doc_ids` filter) would send every id with each batch's request and have the
 * server read its whole feed per list.
 */
async function pullFirst(remote: Database, local: Database, kindsFirst: readonly (readonly string[])[]): Promise<number> {
  let written = 0;
  try {
    for (const kinds of kindsFirst) {
      const listed = await Promise.all(kinds.map((kind) => remote.allDocs({ startkey: `${kind}:`, endkey: `${kind}:\ufff0` })));
      const docIds = listed.flatMap((list, index) => list.rows.map((row) => row.id).filter((id) => id.startsWith(`${kinds[index]}:`)));
      const slice = (start: number) => {
        const asked = remote.bulkGet({ docs: docIds.slice(start, start + pulledAtOnce).map((id) => ({ id })), revs: true });
        // Awaited at its turn; a merge failing before then ends the loop, and this answer is then no one's.
        asked.catch(() => undefined);
        return asked;
      };
      let next = docIds.length > 0 ? slice(0) : undefined;
      for (let start = 0; next; start += pulledAtOnce) {
        const { results } = await next;
        // The server reads the next slice while this one is merged: its work and the desk's overlap, where the
        // replicator's batches take turns (asked, then merged, then asked again).
        next = start + pulledAtOnce < docIds.length ? slice(start + pulledAtOnce) : undefined;
        const docs = results.flatMap((record) => record.docs.flatMap((doc) => (doc.ok ? [doc.ok] : [])));
        if (docs.length === 0) continue;
        const answers = await local.bulkDocs({ docs, new_edits: false });
        written += answers.filter((answer) => !answer.error).length;
      }
    }
  } catch {
    // Only the order is at stake: on any failure (a database not made yet, a refused user, a server away) the
    // replication after it runs as before, and its error is the one the desk reports.
  }
  return written;
}

/** Whether this desk holds no record of the database yet: its first pull, to an empty desk. */
function holdsNoneOf(db: Db, partition: string): boolean {
  return syncStatement(db, 'SELECT NOT EXISTS (SELECT 1 FROM sync_home WHERE home = ?)').pluck().get(partition) === 1;
}

/**
 * The kinds other records link to, parents first (a list of kinds at a time, each linking only to kinds of earlier
 * lists). A feed sends a record edited after the records linking to it after them (the benchmark's sources, marked
 * after the sector entries citing them): on a first pull those entries waited, written twice. Pulled first, kind
 * by kind, every record finds what it links to; the pull after them skips what they brought (revs_diff).
 */
export function parentsFirst(db: Db): SyncedEntity[][] {
  const linksOf = (kind: SyncedEntity) => [...foreignKeys(db, kind).values()].filter((target) => target !== kind);
  const linkedTo = new Set<string>(syncedEntities.flatMap(linksOf));
  const levels: SyncedEntity[][] = [];
  const placed = new Set<string>();
  for (let left = syncedEntities.filter((kind) => linkedTo.has(kind)); left.length > 0; ) {
    const level = left.filter((kind) => linksOf(kind).every((target) => placed.has(target) || !linkedTo.has(target)));
    // Kinds linking to each other (none today) would go together: each then waits for the other as before.
    levels.push(level.length > 0 ? level : left);
    for (const kind of levels.at(-1) ?? []) placed.add(kind);
    left = left.filter((kind) => !placed.has(kind));
  }
  return levels;
}

/** Records a pull asks the server for at a time (its changes, their texts, then one checkpoint). */
export const pulledAtOnce = 2000;

/**
 * Summit databases replicated at once: while some wait for the server, another's batch is merged. Each asks the
 * server six times for one batch of about 250 records (a first pull), and with three the desk's thread still stood
 * idle with every lane waiting; six took the 300 summits of the full benchmark store in 41–43 s against 51–58 s
 * (docs/measurements.md, round 32).
 */
export const summitsAtOnce = 6;

/**
 * One round with the server: the reference database first (what the summits'
 * records refer to), then the shared summits' databases, a few at a time: a
 * summit's records refer to the reference database's and to their own
 * summit's only, so two summits' batches may be merged in any order. A
 * database of a summit this desk does not share is never read or written. The
 * round ends only when every replication it started has ended, so a store
 * closed after it is not written to. Once only, after migration 2750, a shared
 * summit whose record leaves the reference database goes first (see below).
 */
export async function syncDesk(
  db: Db,
  server: DeskServer,
  shared: ReadonlySet<string>,
  onMerged?: StoreView['onMerged'],
  /** Only these databases (a round after a save or a colleague's change); none: every one. */
  only?: ReadonlySet<string>,
  limits: RoundLimits = {},
): Promise<{ pushed: number; pulled: number; notices: Omit<SyncNotice, 'at'>[]; refilled: Omit<SyncRefill, 'at'>[] }> {
  let pushed = 0;
  let pulled = 0;
  checkServerUrl(server.baseUrl);
  // A summit record leaving the reference database (2750) reaches its own database before its copy there is
  // closed (movedOut.ts writes that closing only once it has): a colleague's desk on an earlier version that read
  // the closing first would drop the summit, for as long as the summit's database refused the push.
  const leavingReference = summitsLeavingReference(db, shared);
  db.transaction(() => settleLocalDeletions(db))();
  // A database this user may not open is the administrator's to fix, and one whose exchange the server answered
  // with an error is that database's: the other databases still sync, then it is reported.
  let denied: unknown;
  let databaseFailed: unknown;
  let failed: { error: unknown } | undefined;
  // The databases whose exchange failed so: what this desk had for them is still waiting, the rest went.
  const failedPartitions: string[] = [];
  // Databases exchanged: none, while one failed, is a server (or an address) answering errors for everything.
  let exchanged = 0;
  // Every database refused is named, not the first alone: an officer taken off two summits is told of both.
  const deniedDatabases: string[] = [];
  const leftOut = new Map<string, Omit<SyncNotice, 'at'>>();
  // Databases found to have lost what this desk exchanged with them, and how many records the push gave back.
  const refilled: Omit<SyncRefill, 'at'>[] = [];
  // What the round merges is indexed for search while it waits for the server; the rest once the round is done.
  const catchUp = searchWhileWaiting(db);
  const replicate = async (partition: string): Promise<boolean> => {
    let result: SyncResult;
    const database = databaseName(server.databasePrefix, partition);
    const count: LeftOut = (direction, reason, added) => {
      const key = `${database} ${direction} ${reason}`;
      const notice = leftOut.get(key) ?? { database, direction, reason, count: 0 };
      notice.count += added;
      leftOut.set(key, notice);
    };
    try {
      const once = (directions: 'both' | 'pull', lost?: () => void) =>
        replicateOnce(
          db,
          {
            url: databaseUrl(server, partition),
            ...(server.username ? { username: server.username, password: server.password ?? '' } : {}),
          },
          { partition: { name: partition, shared }, merges: catchUp, ...(onMerged ? { onMerged } : {}) },
          limits,
          count,
          directions,
          partition === referencePartition && holdsNoneOf(db, partition) ? parentsFirst(db) : [],
          lost,
        );
      const pullOnly = partition !== referencePartition && nothingToSend(db, partition);
      let lost = false;
      result = await once(pullOnly ? 'pull' : 'both', () => {
        lost = true;
      });
      // A database found wiped by a pull: what this desk received from it goes back to it now, not never.
      if (pullOnly && lost) {
        const pulledFirst = result.pull.docs_written;
        result = await once('both');
        result = { ...result, pull: { ...result.pull, docs_written: result.pull.docs_written + pulledFirst } };
      }
      // A loss that cost nothing (a pull cut off between its two checkpoints: the server had every record) is not told.
      if (lost && result.push.docs_written > 0) refilled.push({ database, count: result.push.docs_written });
    } catch (error) {
      // The server's permissions are per database: the state line names the one the administrator must open.
      if (error instanceof Error) Object.assign(error, { database });
      if (isDatabaseDenied(error)) {
        denied ??= error;
        deniedDatabases.push(database);
      } else if (failedInDatabase(error)) databaseFailed ??= error;
      else throw error;
      failedPartitions.push(partition);
      return false;
    }
    pushed += result.push.docs_written;
    pulled += result.pull.docs_written;
    exchanged += 1;
    return true;
  };
  const summits = [...shared].sort().filter((partition) => (!only || only.has(partition)) && !leavingReference.includes(partition));
  // Each lane takes the next summit once its own is done; after a failure no lane starts another.
  const lane = async () => {
    for (let partition = summits.shift(); partition !== undefined && !failed; partition = summits.shift()) {
      try {
        await replicate(partition);
      } catch (error) {
        failed ??= { error };
      }
    }
  };
  try {
    for (const partition of leavingReference)
      if (await replicate(partition)) db.transaction(() => settleLocalDeletions(db, new Set([partition])))();
    if (!only || only.has(referencePartition)) await replicate(referencePartition);
    await Promise.all(Array.from({ length: Math.min(summitsAtOnce, summits.length) }, lane));
  } finally {
    catchUp.stop();
  }
  const notices = [...leftOut.values()];
  if (failed) throw Object.assign(failed.error as object, { notices });
  if (denied) throw Object.assign(denied as object, { notices, failedPartitions, database: deniedDatabases.sort().join(', ') });
  if (databaseFailed)
    throw Object.assign(databaseFailed as object, { notices, databaseFailed: true, failedPartitions, noneExchanged: exchanged === 0 });
  return { pushed, pulled, notices, refilled };
}

/** Shared summits whose record's copy in the reference database is not closed yet (2750). */
function summitsLeavingReference(db: Db, shared: ReadonlySet<string>): string[] {
  return (
    syncStatement(
      db,
      `SELECT doc_id FROM sync_moved_out WHERE home = '${referencePartition}' AND doc_id LIKE 'summit:%' AND tombstone IS NULL ORDER BY doc_id`,
    )
      .pluck()
      .all() as string[]
  ).filter((docId) => shared.has(docId));
}

/**
 * An exchange the server answered with an error of its own (a status other than a refused password): that
 * database's, not the server's; the other databases go on. A server away, a refused password or a web page
 * where the server should be ends the round.
 */
function failedInDatabase(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return error instanceof Error && !(error instanceof SyntaxError) && typeof status === 'number' && status >= 400 && status !== 401;
}

/** How often the live feed's server is asked to send a newline while it has no change to tell (CouchDB's heartbeat). */
export const feedHeartbeatMs = 10_000;
/** Heartbeats missed in a row after which the live feed's server counts as away. */
const heartbeatsMissed = 3;

/**
 * The live feed's requests: its server sends a newline every heartbeat while it has nothing to tell, so a
 * request that has heard nothing (no answer begun, then no byte of it) for a few heartbeats is on a connection
 * gone silent, a server that lost its power or network mid-wait, which sends no reset. Node's own limit was five
 * minutes, during which a colleague's edit waited for the next timed round. It fails as a server away does; each
 * byte heard, a heartbeat's newline included, starts the wait again.
 */
function heardWithin(silenceMs: number): (url: string, given: RequestInit) => Promise<Response> {
  return async (url, given) => {
    const silence = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waitAgain = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => silence.abort(new TypeError(`fetch failed: nothing heard within ${silenceMs / 1000} s`, { cause: { code: 'ETIMEDOUT' } })),
        silenceMs,
      );
    };
    const signal = AbortSignal.any([silence.signal, given.signal].filter((each): each is AbortSignal => each instanceof AbortSignal));
    // Cancelled (the desk stopped listening) or failed: no timer is left to keep the process waiting.
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
    waitAgain();
    let response: Response;
    try {
      response = await keptAliveFetch(url, { ...given, signal });
    } catch (error) {
      clearTimeout(timer);
      throw error;
    }
    if (response.body === null) {
      clearTimeout(timer);
      return response;
    }
    const heard = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        waitAgain();
        controller.enqueue(chunk);
      },
      flush: () => clearTimeout(timer),
    });
    return new Response(response.body.pipeThrough(heard), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** A change heard on a server database's feed: the record and its leaves there. */
export interface HeardChange {
  id: string;
  revs: string[];
}

/**
 * Listens to one server database's changes feed (longpoll, as CouchDB's own
 * clients do), so a colleague's edit is pulled within moments, not at the next
 * timed round. Returns how to stop listening; `onError` is told once (a server
 * silent for a few heartbeats included), and the next round listens again.
 */
export function watchDatabase(
  url: string,
  account: Omit<ServerAccount, 'url'>,
  /** Told each change's record and its leaves (every branch's, deletions included). */
  onChange: (change: HeardChange) => void,
  onError: (error: unknown) => void,
  heartbeatMs = feedHeartbeatMs,
): () => void {
  checkServerUrl(url);
  const remote: Database = new Pouch(url, {
    adapter: 'http',
    skip_setup: true,
    fetch: heardWithin(heartbeatMs * heartbeatsMissed),
    ...(account.username ? { auth: { username: account.username, password: account.password ?? '' } } : {}),
  });
  let stopped = false;
  // Every leaf of a changed record, not its winner alone: a colleague's conflicting branch is news too.
  const feed = remote.changes({ since: 'now', live: true, heartbeat: heartbeatMs, style: 'all_docs' });
  feed.on('change', (info) => {
    const change = info as { id: string; changes?: { rev: string }[] };
    if (!stopped) onChange({ id: change.id, revs: (change.changes ?? []).map((leaf) => leaf.rev) });
  });
  feed.on('error', (error) => {
    if (!stopped) onError(error);
  });
  return () => {
    stopped = true;
    feed.cancel();
    void remote.close().catch(() => undefined);
  };
}
