import type { Db } from '../../db/open.ts';
import { latestSeq, readSyncAccount, recordSyncOutcome, recordsChangedAfter } from '../../db/sync/account.ts';
import { checkServerUrl, syncOnce } from './replication.ts';

// Replication runs in the background: after a local save (nudged) and on a
// timer, one run at a time. A server that cannot be reached is not an error
// to the user's work: the state says so, edits wait, and the next run picks
// them up. Nothing here blocks a save: runs are asynchronous and the merge
// writes in small transactions.

export interface SyncStatus {
  state: 'off' | 'syncing' | 'up-to-date' | 'waiting' | 'error';
  /** Records changed here that the server has not had yet. */
  waiting: number;
  lastSyncedAt: string | null;
  lastError: string | null;
}

export interface ReplicatorOptions {
  /** How often to sync without a nudge. */
  intervalMs?: number;
  now?: () => Date;
  onStatus?: (status: SyncStatus) => void;
}

export class DeskReplicator {
  readonly #db: Db;
  readonly #intervalMs: number;
  readonly #now: () => Date;
  readonly #onStatus: (status: SyncStatus) => void;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<SyncStatus> | undefined;
  #again = false;
  #syncing = false;
  #stopped = true;

  constructor(db: Db, options: ReplicatorOptions = {}) {
    this.#db = db;
    this.#intervalMs = options.intervalMs ?? 60_000;
    this.#now = options.now ?? (() => new Date());
    this.#onStatus = options.onStatus ?? (() => undefined);
  }

  status(): SyncStatus {
    const account = readSyncAccount(this.#db);
    if (!account || this.#stopped) return { state: 'off', waiting: 0, lastSyncedAt: account?.lastSyncedAt ?? null, lastError: null };
    const waiting = recordsChangedAfter(this.#db, account.pushedThrough);
    const state = this.#syncing ? 'syncing' : account.lastError ? 'error' : waiting > 0 ? 'waiting' : 'up-to-date';
    return { state, waiting, lastSyncedAt: account.lastSyncedAt, lastError: account.lastError };
  }

  start(): void {
    this.#stopped = false;
    this.#timer = setInterval(() => void this.nudge(), this.#intervalMs);
    this.#timer.unref();
    void this.nudge();
  }

  /** Asks for a run soon (after a save); resolves with the state once the run that includes it is done. */
  nudge(): Promise<SyncStatus> {
    if (this.#stopped) return Promise.resolve(this.status());
    if (this.#running) {
      this.#again = true;
      return this.#running.then(() => this.#running ?? this.status());
    }
    this.#running = this.#run().finally(() => {
      this.#running = undefined;
      if (this.#again && !this.#stopped) {
        this.#again = false;
        void this.nudge();
      }
    });
    return this.#running;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#running?.catch(() => undefined);
  }

  async #run(): Promise<SyncStatus> {
    const account = readSyncAccount(this.#db);
    if (!account) return this.status();
    this.#syncing = true;
    this.#onStatus(this.status());
    const before = latestSeq(this.#db);
    try {
      checkServerUrl(account.url);
      const result = await syncOnce(this.#db, {
        url: account.url,
        ...(account.username ? { username: account.username, password: account.password } : {}),
      });
      const pushed = Number(result.push.last_seq);
      // Records pulled in this run are the server's already; a save made during the run is not.
      const savedDuringRun = this.#again;
      const pushedThrough = savedDuringRun ? Math.max(Number.isFinite(pushed) ? pushed : 0, before) : latestSeq(this.#db);
      recordSyncOutcome(this.#db, { pushedThrough, at: this.#now().toISOString(), error: null });
    } catch (error) {
      recordSyncOutcome(this.#db, { at: this.#now().toISOString(), error: reasonOf(error) });
    } finally {
      this.#syncing = false;
    }
    const status = this.status();
    this.#onStatus(status);
    return status;
  }
}

/** A short reason for the state line: PouchDB's errors carry a status and a name, fetch's a cause. */
function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const withCause = error as Error & { status?: number; cause?: { code?: string } };
    if (withCause.cause?.code) return `Server not reachable (${withCause.cause.code})`;
    if (withCause.status === 401 || withCause.status === 403) return 'The server refused the user name or password';
    return error.message.slice(0, 300);
  }
  return String(error).slice(0, 300);
}
