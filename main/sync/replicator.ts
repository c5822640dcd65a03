import type { Db } from '../../db/open.ts';
import { indexPendingSearch } from '../../db/search.ts';
import {
  addSyncNotices,
  countRecordsToSendAfter,
  latestSeq,
  readDatabasesBehind,
  readSyncAccount,
  readSyncNotices,
  recordSyncOutcome,
  recordsChangedAfter,
  sharedSummitDocs,
} from '../../db/sync/account.ts';
import { missingRevisions } from '../../db/sync/history.ts';
import { movedOutHomes, partitionOf, referencePartition } from '../../db/sync/partition.ts';
import type { Touched } from '../../shared/contract.ts';
import type { SyncErrorKind, SyncRefill, SyncStatus } from '../../shared/syncSettings.ts';
import { openPassword } from './credentials.ts';
import { checkServerUrl, databaseUrl, isDatabaseDenied, SyncRedirectRefused } from './deskServer.ts';
import { searchCatchUpSlice } from './searchWhileWaiting.ts';

export type { SyncStatus } from '../../shared/syncSettings.ts';

// Replication runs in the background: after a local save (nudged) and on a
// timer, one run at a time. A server that cannot be reached is not an error
// to the user's work: the state says so, edits wait, and the next run picks
// them up. Nothing here blocks a save: runs are asynchronous and the merge
// writes in small transactions.

export interface ReplicatorOptions {
  /** How often to sync without a nudge. */
  intervalMs?: number;
  /** After a round the server failed, the wait before the next; it doubles with each failure in a row, up to `intervalMs`. */
  retryMs?: number;
  now?: () => Date;
  onStatus?: (status: SyncStatus) => void;
  /** Told what records a run wrote into the tables, batch by batch, so open views refresh. */
  onPulled?: (touched: Touched[]) => void;
  /** A round that failed for a reason other than the server (away, refusing): for the log, beside the state line. */
  logError?: (error: unknown) => void;
  /** How long a request waits for the server's answer to begin (replication.ts's `answerWithinMs` unless given). */
  answerWithinMs?: number;
}

/**
 * PouchDB and its HTTP stack (most of the main process's code, and a public-suffix table
 * built as it loads) are loaded by the first round, not with the app: a desk without a
 * server never loads them, and every start is spared their load time.
 */
type Replication = typeof import('./replication.ts');
let replicationLoaded: Promise<Replication> | undefined;
const loadReplication = (): Promise<Replication> => {
  replicationLoaded ??= import('./replication.ts');
  return replicationLoaded;
};

export class DeskReplicator {
  readonly #db: Db;
  readonly #intervalMs: number;
  readonly #retryMs: number;
  readonly #now: () => Date;
  readonly #onStatus: (status: SyncStatus) => void;
  readonly #onPulled: ((touched: Touched[]) => void) | undefined;
  readonly #logError: (error: unknown) => void;
  readonly #answerWithinMs: number | undefined;
  /** Ends the round under way when the desk stops (Lock, Disconnect, a new address): none waits for a silent server. */
  #roundStop: AbortController | undefined;
  #timer: NodeJS.Timeout | undefined;
  #retry: NodeJS.Timeout | undefined;
  /** Rounds failed in a row for want of the server: the next retry waits retryMs × 2^(failures − 1). */
  #failures = 0;
  #running: Promise<SyncStatus> | undefined;
  #again = false;
  /** The next round syncs every database: the first, the timer's, one after a failure, or asked for by the user. */
  #everything = true;
  /** Server databases whose changes feed told of a colleague's change since the last round. */
  readonly #heard = new Set<string>();
  /** The summits shared at the last good round: sharing another syncs every database. */
  #sharedAtLastRound = '';
  #syncing = false;
  #stopped = true;
  /**
   * Server databases that had lost records this desk sent back, by database, the latest round's: in memory only, so
   * the officer is told for as long as replication runs (until Lock, Disconnect, a new address or the app's end).
   */
  readonly #refilled = new Map<string, SyncRefill>();
  /** The server databases listened to, by URL: a change there starts a round. */
  readonly #watching = new Map<string, () => void>();

  constructor(db: Db, options: ReplicatorOptions = {}) {
    this.#db = db;
    this.#intervalMs = options.intervalMs ?? 60_000;
    this.#retryMs = Math.min(options.retryMs ?? 2_000, this.#intervalMs);
    this.#now = options.now ?? (() => new Date());
    this.#onStatus = options.onStatus ?? (() => undefined);
    this.#onPulled = options.onPulled;
    this.#logError = options.logError ?? (() => undefined);
    this.#answerWithinMs = options.answerWithinMs;
  }

  get running(): boolean {
    return !this.#stopped;
  }

  status(): SyncStatus {
    const account = readSyncAccount(this.#db);
    if (!account || this.#stopped)
      return { state: 'off', waiting: 0, lastSyncedAt: account?.lastSyncedAt ?? null, lastError: null, notices: [] };
    const waiting = this.#waiting(account.pushedThrough);
    const lastError =
      account.lastError === null
        ? null
        : { kind: errorKind(account.lastErrorKind), detail: account.lastError, at: account.lastErrorAt ?? account.lastSyncedAt ?? '' };
    const state = this.#syncing ? 'syncing' : lastError ? 'error' : waiting > 0 ? 'waiting' : 'up-to-date';
    const refilled = this.#refilled.size > 0 ? { refilled: [...this.#refilled.values()] } : {};
    return { state, waiting, lastSyncedAt: account.lastSyncedAt, lastError, notices: readSyncNotices(this.#db), ...refilled };
  }

  /** Records changed since the last good round that go to a database this desk shares (a free-standing note does not). */
  #waiting(pushedThrough: number): number {
    // Counted in one statement, so a week of edits offline (thousands, many to summits not shared) is counted exactly.
    return countRecordsToSendAfter(this.#db, pushedThrough);
  }

  /** Starts replicating; resolves with the state once the first round is done (a desk's first pull, say). */
  start(): Promise<SyncStatus> {
    if (!this.#stopped) return this.#running ?? Promise.resolve(this.status());
    this.#stopped = false;
    this.#everything = true;
    this.#refilled.clear();
    this.#timer = setInterval(() => void this.nudge(), this.#intervalMs);
    this.#timer.unref();
    return this.nudge();
  }

  /**
   * Asks for a run soon; resolves with the state once the run that includes it is done. After a save
   * ('changes') the run syncs the databases of what changed here and of what colleagues changed;
   * 'everything' syncs every database, as the timer's runs do.
   */
  nudge(scope: 'changes' | 'everything' = 'everything'): Promise<SyncStatus> {
    if (scope === 'everything') this.#everything = true;
    if (this.#stopped) return Promise.resolve(this.status());
    if (this.#running) {
      this.#again = true;
      return this.#running.then(() => this.#running ?? this.status());
    }
    this.#running = this.#run().finally(() => {
      this.#running = undefined;
      if (this.#again && !this.#stopped) {
        this.#again = false;
        // A save or a colleague's change asked meanwhile needs its own databases only; an 'everything' asked
        // meanwhile has already set #everything. A follow-up over every database after each save mid-round
        // was 301 databases' round trips on the benchmark's store.
        void this.nudge('changes');
      }
    });
    return this.#running;
  }

  /** Whether the server turns these credentials down before they are saved (replication.ts's serverRefusesPassword). */
  async refusesPassword(account: { url: string; username: string; password: string }): Promise<boolean> {
    const { serverRefusesPassword } = await loadReplication();
    return serverRefusesPassword(account, this.#answerWithinMs === undefined ? undefined : Math.min(this.#answerWithinMs, 15_000));
  }

  /** Waits for a run under way; no new run starts. The store may be closed once this resolves. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    clearTimeout(this.#retry);
    this.#unwatch();
    this.#roundStop?.abort();
    await this.#running?.catch(() => undefined);
    this.#unwatch();
  }

  async #run(): Promise<SyncStatus> {
    const account = readSyncAccount(this.#db);
    if (!account) return this.status();
    this.#syncing = true;
    this.#onStatus(this.status());
    const before = latestSeq(this.#db);
    const roundStop = new AbortController();
    this.#roundStop = roundStop;
    /** Listens to the shared databases but these: known once the round has read the account. */
    let listenToAllBut: ((refused: readonly string[]) => void) | undefined;
    try {
      checkServerUrl(account.url);
      const password = openPassword(this.#db, account.passwordSealed);
      if (password === null) throw new SyncRoundError('password-unreadable', 'The stored password cannot be read on this desk');
      const server = {
        baseUrl: account.url,
        databasePrefix: account.databasePrefix,
        ...(account.username ? { username: account.username, password } : {}),
      };
      const shared = sharedSummitDocs(this.#db);
      const sharing = [...shared].sort().join(' ');
      // With many summits shared, a round over every database is hundreds of requests: a save needs only its own.
      const everything = this.#everything || sharing !== this.#sharedAtLastRound;
      const only = everything ? undefined : this.#databasesToSync(account.pushedThrough, shared);
      this.#everything = false;
      this.#heard.clear();
      const { syncDesk, watchDatabase } = await loadReplication();
      listenToAllBut = (refused) =>
        this.#watch(
          [referencePartition, ...shared]
            .filter((partition) => !refused.includes(partition))
            .map((partition) => ({ partition, url: databaseUrl(server, partition) })),
          server,
          watchDatabase,
        );
      const { notices, refilled } = await syncDesk(this.#db, server, shared, this.#onPulled, only, {
        signal: roundStop.signal,
        ...(this.#answerWithinMs === undefined ? {} : { answerWithinMs: this.#answerWithinMs }),
      });
      addSyncNotices(this.#db, notices, this.#now().toISOString());
      for (const refill of refilled) this.#refilled.set(refill.database, { ...refill, at: this.#now().toISOString() });
      await this.#indexMerged();
      this.#sharedAtLastRound = sharing;
      listenToAllBut([]);
      // Records pulled in this run are the server's already; a save made during the run may not be.
      const pushedThrough = this.#again ? before : latestSeq(this.#db);
      recordSyncOutcome(this.#db, { pushedThrough, behind: new Map(), at: this.#now().toISOString(), error: null });
      this.#failures = 0;
    } catch (error) {
      // What the databases that did sync left out is counted, whatever ended the round.
      const notices = (error as { notices?: Parameters<typeof addSyncNotices>[1] } | null)?.notices;
      if (notices && this.#db.open) addSyncNotices(this.#db, notices, this.#now().toISOString());
      // Stopped by the desk, not failed by the server: nothing to report, and the next start syncs every database.
      if (roundStop.signal.aborted) {
        this.#everything = true;
        return this.status();
      }
      const reason = reasonOf(error);
      if (reason.kind === 'other') this.#logError(error);
      if (this.#db.open)
        recordSyncOutcome(this.#db, {
          ...this.#sentDespite(error, account.pushedThrough, before),
          at: this.#now().toISOString(),
          error: reason,
        });
      // The databases that did sync are listened to: one refused (an officer taken off a summit) does not leave a
      // colleague's change to the others waiting for the timer's round, from the desk's start or unlock on.
      const refused = (error as { failedPartitions?: readonly string[] } | null)?.failedPartitions;
      if (refused && refused.length > 0) listenToAllBut?.(refused);
      // What a failed round merged before it failed is found by search too, without a search doing it all at once.
      await this.#indexMerged().catch((indexing: unknown) => this.#logError(indexing));
      this.#everything = true;
      // A server away or dropping connections is tried again soon, then less and less often; settings
      // the user must correct (a refused password, plain http) wait for the next timed round or a save.
      // A name not found is a typo or no network (a plane's): tried again as a server away is.
      if (reason.kind === 'unreachable' || reason.kind === 'name-not-found' || reason.kind === 'other') this.#retryLater();
    } finally {
      this.#syncing = false;
      if (this.#roundStop === roundStop) this.#roundStop = undefined;
    }
    const status = this.status();
    this.#onStatus(status);
    return status;
  }

  /**
   * Indexes for search the rows this round merged (migration 1600 marks them; a first pull's whole store), before
   * the round reports done: once it does, search finds every record pulled. The state line says "syncing" meanwhile.
   */
  async #indexMerged(): Promise<void> {
    while (this.#db.open && indexPendingSearch(this.#db, searchCatchUpSlice) > 0) await new Promise((resolve) => setImmediate(resolve));
  }

  /**
   * A round in which only some databases failed (the server refused the user one, or answered its exchange with
   * an error) sent everything else: the account's mark moves on, and each failed database that has records of
   * this desk's waiting keeps its own mark (2960), so "n changes waiting" counts those and no edit that went. A
   * summit only joined, not received yet, holds nothing of this desk's and keeps no mark.
   */
  #sentDespite(error: unknown, pushedThrough: number, before: number): { pushedThrough?: number; behind?: Map<string, number> } {
    const failed = (error as { failedPartitions?: readonly string[] } | null)?.failedPartitions;
    if (!failed || failed.length === 0) return {};
    const shared = sharedSummitDocs(this.#db);
    const behindBefore = readDatabasesBehind(this.#db);
    const behind = new Map<string, number>();
    for (const partition of failed) {
      const since = behindBefore.get(partition) ?? pushedThrough;
      if (this.#databasesChanged(since, shared).has(partition)) behind.set(partition, since);
    }
    return { pushedThrough: this.#again ? before : latestSeq(this.#db), behind };
  }

  /** The databases of records changed here since the last good round, and those a colleague changed. */
  #databasesToSync(pushedThrough: number, shared: ReadonlySet<string>): Set<string> {
    const databases = this.#databasesChanged(pushedThrough, shared);
    for (const database of this.#heard) databases.add(database);
    // A database refused at the last exchange with records of this desk waiting is tried again with every save.
    for (const database of readDatabasesBehind(this.#db).keys()) databases.add(database);
    return databases;
  }

  /** The databases of records changed here since the last good round. */
  #databasesChanged(pushedThrough: number, shared: ReadonlySet<string>): Set<string> {
    const databases = new Set<string>();
    for (const docId of recordsChangedAfter(this.#db, pushedThrough)) {
      const partition = partitionOf(this.#db, docId, shared);
      if (partition !== null) databases.add(partition);
      // Moved out of a shared database: that database's copy is closed this round too.
      for (const home of movedOutHomes(this.#db, docId)) if (home === referencePartition || shared.has(home)) databases.add(home);
    }
    return databases;
  }

  #retryLater(): void {
    if (this.#stopped) return;
    this.#failures += 1;
    const wait = Math.min(this.#retryMs * 2 ** (this.#failures - 1), this.#intervalMs);
    clearTimeout(this.#retry);
    this.#retry = setTimeout(() => void this.nudge(), wait);
    this.#retry.unref();
  }

  /** Listens to exactly these databases from now on (the summits shared may have changed). */
  #watch(
    databases: readonly { partition: string; url: string }[],
    server: { username?: string; password?: string },
    watchDatabase: Replication['watchDatabase'],
  ): void {
    if (this.#stopped) return;
    const urls = databases.map((database) => database.url);
    for (const [url, stop] of this.#watching)
      if (!urls.includes(url)) {
        stop();
        this.#watching.delete(url);
      }
    for (const { partition, url } of databases) {
      if (this.#watching.has(url)) continue;
      const stop = watchDatabase(
        url,
        server,
        (change) => {
          // This desk's own push heard back (or a revision it already holds): nothing to pull. A round for it
          // would sync again, and beside a colleague's edit arriving, hold up its pull.
          if (this.#db.open && holdsEveryRevision(this.#db, change)) return;
          this.#heard.add(partition);
          void this.nudge('changes');
        },
        () => {
          // The server went away: the timer's rounds (and the next save) find it again, and listen again.
          this.#watching.get(url)?.();
          this.#watching.delete(url);
        },
      );
      this.#watching.set(url, stop);
    }
  }

  #unwatch(): void {
    for (const stop of this.#watching.values()) stop();
    this.#watching.clear();
  }
}

/** Whether this desk holds every leaf a server's feed told of for a record (a change it made itself, say). */
function holdsEveryRevision(db: Db, change: { id: string; revs: readonly string[] }): boolean {
  return change.revs.length > 0 && missingRevisions(db, { [change.id]: change.revs }).size === 0;
}

class SyncRoundError extends Error {
  readonly kind: SyncErrorKind;
  constructor(kind: SyncErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

const errorKinds: readonly SyncErrorKind[] = [
  'unreachable',
  'name-not-found',
  'no-tls-answer',
  'refused',
  'no-access',
  'not-couchdb',
  'not-tls',
  'password-unreadable',
  'database-failed',
  'no-database-synced',
  'redirected',
  'other',
];
function errorKind(stored: string | null): SyncErrorKind {
  return (errorKinds as readonly (string | null)[]).includes(stored) ? (stored as SyncErrorKind) : 'other';
}

/** A short reason for the state line: PouchDB's errors carry a status and a name, fetch's a cause. */
function reasonOf(error: unknown): { kind: SyncErrorKind; detail: string } {
  if (error instanceof SyncRoundError) return { kind: error.kind, detail: error.message };
  if (error instanceof Error) {
    const withCause = error as Error & { status?: number; database?: string; cause?: { code?: string } };
    if (/replicates only over https/.test(error.message)) return { kind: 'not-tls', detail: error.message.slice(0, 300) };
    // Before the network causes: PouchDB may pass the error on as its own, so it is known by its words too.
    if (error instanceof SyncRedirectRefused) return { kind: 'redirected', detail: error.redirectedTo };
    const redirect = /sync redirect refused: the server sent this desk to (\S+)/.exec(error.message);
    if (redirect) return { kind: 'redirected', detail: redirect[1] ?? '' };
    // A mistyped address said only "cannot be reached… sent when it is back", as if waiting would help: a host name no
    // one knows, and an https address whose port answers plain http, are each said with what to check.
    const cause = withCause.cause as { code?: string; hostname?: string } | undefined;
    if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN') return { kind: 'name-not-found', detail: cause.hostname ?? '' };
    if (cause?.code === 'ERR_SSL_WRONG_VERSION_NUMBER' || cause?.code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG')
      return { kind: 'no-tls-answer', detail: cause.code };
    if (withCause.cause?.code) return { kind: 'unreachable', detail: `Server not reachable (${withCause.cause.code})` };
    if (/fetch failed|ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT/.test(error.message))
      return { kind: 'unreachable', detail: `Server not reachable (${error.message.slice(0, 200)})` };
    // An answer that ended half-way through its JSON: the server stopped or the connection was cut mid-round, as a
    // server away is (the parser's words, in English, told the officer nothing). A web page is not JSON at all (below).
    if (/end of JSON input|in JSON at position/.test(error.message) && !/after JSON/.test(error.message))
      return { kind: 'unreachable', detail: 'The server’s answer was cut short' };
    // A web page where the server should be (a mistyped port or path): the parser's words would only confuse.
    if (error instanceof SyntaxError || /is not valid JSON|Unexpected token|after JSON/.test(error.message))
      return { kind: 'not-couchdb', detail: 'The address answers, but not as a CouchDB server' };
    if (isDatabaseDenied(error)) return { kind: 'no-access', detail: withCause.database ?? '' };
    // One database's exchange failed with the server's answer (the others synced): named, with the answer's status.
    // An address with a path where no CouchDB is (…:5984/sherpa) answers 404 for every database: "the other databases
    // synced" told the officer her set-up worked when nothing had gone.
    const failedAlone = error as { databaseFailed?: boolean; noneExchanged?: boolean };
    if (failedAlone.databaseFailed)
      return {
        kind: failedAlone.noneExchanged ? 'no-database-synced' : 'database-failed',
        detail: `“${withCause.database ?? ''}” (HTTP ${withCause.status ?? ''})`,
      };
    if (withCause.status === 401) return { kind: 'refused', detail: 'The server refused the user name or password' };
    return { kind: 'other', detail: error.message.slice(0, 300) };
  }
  return { kind: 'other', detail: String(error).slice(0, 300) };
}
