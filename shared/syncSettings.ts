// Live replication as the Settings screen sees it: the server, which summits
// this desk shares, and the state line. Shared by main (which enforces the
// rules) and the renderer (which checks them first and words them).

import type { RevisionAuthor } from './sync.ts';

export type SyncState = 'off' | 'syncing' | 'up-to-date' | 'waiting' | 'error';

/** Why the last round failed, as a kind the screen words in the user's language; `detail` is the server's or the system's own words. */
/** `not-couchdb`: something answers at the address, but not CouchDB (a web page). `no-access`: the server let the user in but not into a database (`detail` names it): the administrator must create it or open it to them. */
/** `database-failed`: one database's exchange failed with an answer of the server's (`detail` names the database); the others synced. */
/** `no-database-synced`: as `database-failed`, but no database was exchanged in the round (an address with a wrong path). */
/** `redirected`: the server sent the desk to another scheme, host or port (`detail` names it): not followed, the password stays with the address typed. */
/** `name-not-found`: the address's host name could not be looked up (`detail`): a typo, or no network. `no-tls-answer`: an https address whose port answers without TLS. */
export type SyncErrorKind =
  | 'unreachable'
  | 'name-not-found'
  | 'no-tls-answer'
  | 'refused'
  | 'no-access'
  | 'not-couchdb'
  | 'not-tls'
  | 'password-unreadable'
  | 'database-failed'
  | 'no-database-synced'
  | 'redirected'
  | 'other';

/**
 * Why records were left out of an exchange, each one alone, the rest going on. Received: `too-many-branches`
 * (a record with more branches than a merge may take), `invalid` (a history no desk writes), `out-of-scope` (a
 * record of a summit this desk does not share, or filed under one: a misconfigured or hostile server). Sent:
 * `forbidden` (the server's rules refused it), `too-large` (more than the server takes at once), `server-error`.
 */
export type SyncNoticeReason = 'too-many-branches' | 'invalid' | 'out-of-scope' | 'forbidden' | 'too-large' | 'server-error';

/** Records left out of the exchanges with one server database, counted since the desk connected: no content. */
export interface SyncNotice {
  database: string;
  direction: 'received' | 'sent';
  reason: SyncNoticeReason;
  count: number;
  /** The last time one was left out. */
  at: string;
}

export interface SyncStatus {
  state: SyncState;
  /** Records changed here that the server has not had yet. */
  waiting: number;
  lastSyncedAt: string | null;
  lastError: { kind: SyncErrorKind; detail: string; at: string } | null;
  /** Records left out of an exchange, by database: shown until the desk disconnects. */
  notices: SyncNotice[];
  /**
   * Server databases found to have lost records, which this desk sent back, since replication last started (the
   * desk's start or unlock, Connect): absent when none, as nearly always, so the status sent at every round stays small.
   */
  refilled?: SyncRefill[];
}

/**
 * A server database wiped, replaced or restored from an older copy, found so by this desk (forgottenCheckpoints.ts),
 * which pushed back what it held of it: the officer who manages the server learns it had lost records. No content.
 */
export interface SyncRefill {
  database: string;
  /** Records this desk sent back in that round (more than 0: a loss that cost nothing is not told). */
  count: number;
  at: string;
}

export interface SyncSummitChoice {
  summitId: number;
  title: string;
  /** The summit's marking ('' unmarked): its title is shown with its portion mark. */
  classification: string;
  shared: boolean;
  /** The server database its meetings and notes replicate to: the name the server's administrator gives permissions on. */
  database: string;
  /** This desk's changes to it not at the server yet (0 when not shared): unticking it stops counting them, and says so. */
  waiting: number;
}

export interface SyncOverview {
  status: SyncStatus;
  /** The server this desk is connected to; null when replication is off. */
  account: { url: string; username: string; passwordSet: boolean; referenceDatabase: string } | null;
  summits: SyncSummitChoice[];
  /**
   * Summits a colleague shares that this desk joined by their database's name and has not received yet: no
   * title is known here until that database's first exchange (the reference database carries none, 2750).
   */
  joining: string[];
  /**
   * Summits shared or joined here whose record is deleted (by this desk or a colleague's): said so, with the
   * deleting desk and the title this desk last had (null when it never had one), rather than "not received yet".
   */
  deletedSummits: DeletedSharedSummit[];
}

export interface DeletedSharedSummit {
  database: string;
  title: string | null;
  /**
   * The marking the summit's record had when deleted ('' unmarked): its row is gone, its last text is not.
   * null when this desk never had that text: the line then says the marking is unknown, never looks unmarked.
   */
  classification: string | null;
  deletedBy: RevisionAuthor | null;
  /** Deleted on this desk (the author's fingerprint is this desk's card's): its officer kept what they did not delete. */
  byThisDesk: boolean;
}

export interface SyncConfigureRequest {
  url: string;
  username: string;
  /** Omitted: keep the password already stored (changing only the summits shared). */
  password?: string;
  summitIds: number[];
  /**
   * Summits not on this desk yet, shared by a colleague: the names of their server databases, as the colleague's
   * Sync panel shows them (`sherpa-summit-…`). Omitted: those already being joined stay.
   */
  joinDatabases?: string[];
}

/** The part of a summit's database name after the desk's prefix: `summit-` and the summit's replication id. */
export const summitDatabasePattern = /^[a-z][a-z0-9_$()+/-]*-summit-([0-9a-f]{32})$/;

export type ServerUrlProblem = 'empty' | 'not-a-url' | 'not-tls' | 'credentials-in-url';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether a server URL names this machine (where plain http is allowed, and bytes cross no network). */
export function isLoopbackUrl(url: string): boolean {
  try {
    return loopbackHosts.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** TLS everywhere but this machine, and credentials in their own fields: what a server URL must be. */
export function serverUrlProblem(url: string): ServerUrlProblem | null {
  if (url.trim() === '') return 'empty';
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return 'not-a-url';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'not-a-url';
  if (parsed.protocol === 'http:' && !loopbackHosts.has(parsed.hostname)) return 'not-tls';
  if (parsed.username || parsed.password) return 'credentials-in-url';
  return null;
}

/**
 * Whether the password stored for `stored` may be sent as-is with `next`: only to the same server (origin)
 * and the same user. A changed or mistyped address must never receive the desk's password unasked.
 */
export function storedPasswordApplies(stored: { url: string; username: string } | null, next: { url: string; username: string }): boolean {
  if (!stored || stored.username !== next.username) return false;
  try {
    return new URL(stored.url.trim()).origin === new URL(next.url.trim()).origin;
  } catch {
    return false;
  }
}
