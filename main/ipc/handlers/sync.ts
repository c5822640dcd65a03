import type { Db } from '../../../db/open.ts';
import { statement } from '../../../db/sql.ts';
import { deleteSyncAccount, readSyncAccount, setSharedSummitDocs, sharedSummitDocs, writeSyncAccount } from '../../../db/sync/account.ts';
import { referencePartition } from '../../../db/sync/partition.ts';
import { readingNoNote, syncStatement } from '../../../db/sync/pendingNotes.ts';
import { waitingBySharedSummit } from '../../../db/sync/summitWaiting.ts';
import type { RefusalReason } from '../../../shared/refusals.ts';
import { revisionAuthorOf } from '../../../shared/sync.ts';
import {
  type SyncOverview,
  type SyncStatus,
  serverUrlProblem,
  storedPasswordApplies,
  summitDatabasePattern,
} from '../../../shared/syncSettings.ts';
import { sealPassword } from '../../sync/credentials.ts';
import { databaseName } from '../../sync/deskServer.ts';
import type { HandlerDeps, HandlerGroup } from './types.ts';
import { UserError } from './types.ts';

/** The background replicator as the handlers drive it (main/core.ts owns it). */
export interface SyncControl {
  status(): SyncStatus;
  /** Starts (or starts again, after the account changed) replicating; resolves once the old run has finished. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** A run now; resolves with the state after it. */
  now(): Promise<SyncStatus>;
  /**
   * Whether the server turns down a user name and password typed at Connect, asked before they are saved; false when
   * it cannot tell (the server away). Absent where no server can be asked (a test's stand-in): saved as typed.
   */
  refusesPassword?(account: { url: string; username: string; password: string }): Promise<boolean>;
}

const off: SyncStatus = { state: 'off', waiting: 0, lastSyncedAt: null, lastError: null, notices: [] };

const urlProblems = {
  empty: { message: 'url: give the address of the desk’s CouchDB server', reason: 'server_url_empty' },
  'not-a-url': { message: 'url: must be a web address such as https://couch.desk.example:6984', reason: 'server_url_not_a_url' },
  'not-tls': {
    message: 'url: must start with https:// (plain http is allowed only for a server on this computer)',
    reason: 'server_url_not_tls',
  },
  'credentials-in-url': {
    message: 'url: give the user name and password in their own fields, not in the address',
    reason: 'server_url_credentials',
  },
} as const satisfies Record<string, { message: string; reason: RefusalReason }>;

export function overviewOf(db: Db, control: SyncControl | undefined): SyncOverview {
  const account = readSyncAccount(db);
  const shared = sharedSummitDocs(db);
  const prefix = account?.databasePrefix ?? 'sherpa';
  const thisDesk = statement(db, 'SELECT fingerprint FROM desk_key WHERE id = 1').pluck().get() as string | undefined;
  // The summits' own records only: asked on every start (the sidebar's line), it does not wait for the revisions of
  // every note saved since they were last written. The count of records waiting does, and there is none to count
  // without an account (waitingBySharedSummit counts from the account's marks).
  const { summits, joining, deletedSummits } = readingNoNote(db, () => ({
    summits: syncStatement(
      db,
      `SELECT S.id AS summitId, S.title, S.classification, D.doc_id AS docId FROM summit AS S
       JOIN sync_doc AS D ON D.entity = 'summit' AND D.row_key = CAST(S.id AS TEXT) ORDER BY S.start_date DESC, S.id`,
    ).all() as { summitId: number; title: string; classification: string; docId: string }[],
    joining: joiningSummits(db, shared),
    deletedSummits: deletedSharedSummits(db, shared),
  }));
  const waiting = account ? waitingBySharedSummit(db) : new Map<string, number>();
  return {
    status: control?.status() ?? off,
    account: account
      ? {
          url: account.url,
          username: account.username,
          passwordSet: account.passwordSealed !== '',
          referenceDatabase: databaseName(prefix, referencePartition),
        }
      : null,
    summits: summits.map(({ summitId, title, classification, docId }) => ({
      summitId,
      title,
      classification,
      shared: shared.has(docId),
      database: databaseName(prefix, docId),
      waiting: waiting.get(docId) ?? 0,
    })),
    joining: joining.map((docId) => databaseName(prefix, docId)),
    deletedSummits: deletedSummits.map(({ docId, title, classification, author }) => {
      const deletedBy = revisionAuthorOf(author);
      return {
        database: databaseName(prefix, docId),
        title,
        classification,
        deletedBy,
        byThisDesk: deletedBy !== null && deletedBy.fingerprint === thisDesk,
      };
    }),
  };
}

/**
 * Summits shared but not on this desk yet: joined by their database's name, waiting for its first exchange.
 * One whose deletion is here has arrived (as a deletion): deletedSharedSummits names it.
 */
function joiningSummits(db: Db, shared: ReadonlySet<string>): string[] {
  const held = syncStatement(db, `SELECT 1 FROM sync_doc WHERE doc_id = ? AND (row_key IS NOT NULL OR deleted <> 0)`).pluck();
  return [...shared].filter((docId) => held.get(docId) === undefined).sort();
}

/**
 * Shared summits whose record is deleted: the deletion's author (it travels with the revision) and the title and
 * marking of the version it deleted, when this desk had that version's text.
 */
function deletedSharedSummits(
  db: Db,
  shared: ReadonlySet<string>,
): { docId: string; title: string | null; classification: string | null; author: string | null }[] {
  const deleted = syncStatement(
    db,
    `SELECT R.author, P.body ->> '$.title' AS title, P.body ->> '$.classification' AS classification FROM sync_doc AS D
       JOIN sync_rev AS R ON R.doc_id = D.doc_id AND R.rev = D.rev
       LEFT JOIN sync_rev AS P ON P.doc_id = R.doc_id AND P.rev = R.parent
     WHERE D.doc_id = ? AND D.deleted <> 0`,
  );
  return [...shared].sort().flatMap((docId) => {
    const row = deleted.get(docId) as { author: string | null; title: string | null; classification: unknown } | undefined;
    if (!row) return [];
    const title = typeof row.title === 'string' ? row.title : null;
    // The marking of the text deleted, which the line shows its title under; unknown without that text.
    const classification = title !== null && typeof row.classification === 'string' ? row.classification : null;
    return [{ docId, title, classification, author: row.author }];
  });
}

/** The summit a database name given by a colleague names, on this server (its prefix); a refusal naming it otherwise. */
function summitOfDatabase(prefix: string, name: string): string {
  const match = summitDatabasePattern.exec(name.trim());
  if (!match?.[1] || name.trim() !== `${prefix}-summit-${match[1]}`)
    throw new UserError(
      'invalid_request',
      `joinDatabases: ${name.trim()} is not a summit database of this server (${prefix}-summit-…)`,
      { reason: 'summit_database_unknown', params: { name: name.trim().slice(0, 80) } },
      'joinDatabases',
    );
  return `summit:${match[1]}`;
}

/** Settings → Sync: connect to the desk's server, choose the summits shared, disconnect, sync now. */
export function syncHandlers({ db, sync }: HandlerDeps): HandlerGroup<'sync.status' | 'sync.configure' | 'sync.disconnect' | 'sync.now'> {
  const control = () => {
    if (!sync) throw new UserError('invalid_request', 'Replication is not available in this window.', 'replication_unavailable');
    return sync;
  };
  return {
    'sync.status': () => overviewOf(db, sync),
    'sync.configure': async ({ url, username, password, summitIds, joinDatabases }, changes) => {
      const replicator = control();
      const problem = serverUrlProblem(url);
      if (problem) throw new UserError('invalid_request', urlProblems[problem].message, urlProblems[problem].reason, 'url');
      const summitDoc = syncStatement(db, `SELECT doc_id FROM sync_doc WHERE entity = 'summit' AND row_key = ?`).pluck();
      const summitDocs = summitIds.map((summitId) => {
        const docId = summitDoc.get(String(summitId)) as string | undefined;
        if (!docId) throw new UserError('invalid_request', `summitIds: there is no summit ${summitId}`, 'no_such_record', 'summitIds');
        return docId;
      });
      const kept = readSyncAccount(db);
      const joining =
        joinDatabases === undefined
          ? joiningSummits(db, sharedSummitDocs(db))
          : joinDatabases.map((name) => summitOfDatabase(kept?.databasePrefix ?? 'sherpa', name));
      if (password === undefined && !storedPasswordApplies(kept ?? null, { url, username }))
        throw new UserError(
          'invalid_request',
          'password: give the password again for a new server address or user name',
          'password_again',
          'password',
        );
      // A password the server turns down is refused here, before anything is written: the officer retypes it.
      if (password !== undefined && username !== '' && (await replicator.refusesPassword?.({ url: url.trim(), username, password })))
        throw new UserError(
          'invalid_request',
          'password: the server refused this user name or password; nothing was saved',
          'server_refused_password',
          'password',
        );
      db.transaction(() => {
        const passwordSealed = password === undefined ? (kept?.passwordSealed ?? '') : sealPassword(db, password);
        writeSyncAccount(db, { url: url.trim(), username, passwordSealed, ...(kept ? { databasePrefix: kept.databasePrefix } : {}) });
        setSharedSummitDocs(db, [...new Set([...summitDocs, ...joining])]);
      })();
      await replicator.restart();
      changes.record('sync', 'updated', []);
      return overviewOf(db, replicator);
    },
    'sync.disconnect': async (_request, changes) => {
      const replicator = control();
      await replicator.stop();
      db.transaction(() => {
        deleteSyncAccount(db);
        setSharedSummitDocs(db, []);
      })();
      changes.record('sync', 'updated', []);
      return overviewOf(db, replicator);
    },
    'sync.now': async (_request, changes) => {
      const replicator = control();
      if (!readSyncAccount(db)) throw new UserError('invalid_request', 'url: connect to a server first', 'connect_first', 'url');
      await replicator.now();
      changes.record('sync', 'updated', []);
      return overviewOf(db, replicator);
    },
  };
}
