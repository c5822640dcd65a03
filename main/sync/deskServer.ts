import { referencePartition } from '../../db/sync/partition.ts';
import { serverUrlProblem } from '../../shared/syncSettings.ts';

// Naming and checking a desk's server databases. Kept apart from replication.ts,
// whose PouchDB and HTTP stack (a megabyte of code, and a public-suffix table
// built as it loads) is loaded only when a round runs: Sherpa starts without it.

/** A desk's server: its base URL, and the prefix its databases are named with. */
export interface DeskServer {
  baseUrl: string;
  databasePrefix: string;
  username?: string;
  password?: string;
}

/** TLS everywhere but loopback: records must not cross a network in clear. */
export function checkServerUrl(url: string): URL {
  const problem = serverUrlProblem(url);
  if (problem === 'empty' || problem === 'not-a-url') throw new Error(`The server address ${url.slice(0, 200)} is not a web address.`);
  const parsed = new URL(url.trim());
  if (problem === 'not-tls')
    throw new Error(
      `Sherpa replicates only over https (the server at ${parsed.host} was given as ${parsed.protocol}); plain http is allowed on this machine only.`,
    );
  if (problem === 'credentials-in-url') throw new Error('Give the server credentials in their own fields, not in the URL.');
  return parsed;
}

/** The server database a partition replicates to: `<prefix>-reference`, `<prefix>-summit-<uuid>`. */
export function databaseName(prefix: string, partition: string): string {
  return partition === referencePartition ? `${prefix}-reference` : `${prefix}-summit-${partition.slice(partition.indexOf(':') + 1)}`;
}

export function databaseUrl(server: Pick<DeskServer, 'baseUrl' | 'databasePrefix'>, partition: string): string {
  const base = checkServerUrl(server.baseUrl);
  base.pathname = `${base.pathname.replace(/\/+$/, '')}/${databaseName(server.databasePrefix, partition)}`;
  return base.toString();
}

/**
 * CouchDB answers 401 to a wrong password, but also to an officer creating a database (only admins may),
 * and 403 to a user not given access to a database: those are the administrator's to fix, not the password.
 */
export function isDatabaseDenied(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { status, reason } = error as Error & { status?: number; reason?: string };
  return status === 403 || (status === 401 && /not a server admin|not allowed/i.test(`${error.message} ${reason ?? ''}`));
}

/**
 * A server that sends the desk elsewhere: its answer redirected a request to another scheme, host or port than the
 * address the user typed. Never followed: the request carries the user's password (Basic auth) and the desk's
 * records, and what came back would be merged as if the desk's own server had sent it.
 */
export class SyncRedirectRefused extends Error {
  /** Where the server sent the desk: its scheme, host and port only, never a path or query, which may carry names. */
  readonly redirectedTo: string;
  constructor(redirectedTo: string) {
    super(`sync redirect refused: the server sent this desk to ${redirectedTo}`);
    this.redirectedTo = redirectedTo;
    this.name = 'SyncRedirectRefused';
  }
}
