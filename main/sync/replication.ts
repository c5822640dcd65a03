import httpAdapter from 'pouchdb-adapter-http';
import PouchDB, { type Database, type SyncResult } from 'pouchdb-core';
import replication from 'pouchdb-replication';
import type { Db } from '../../db/open.ts';
import { settleLocalDeletions } from '../../db/sync/merge.ts';
import { exposeStore, sherpaAdapter, withdrawStore } from './sherpaAdapter.ts';

// Live replication with a CouchDB-protocol server (Apache CouchDB 3 at a
// desk; pouchdb-server on loopback in the tests), by PouchDB's own
// replicator reading and writing the store through the `sherpa` adapter.

/** PouchDB's plugins change its one class, so they are added once, here. */
export const Pouch = PouchDB.plugin(httpAdapter).plugin(replication).plugin(sherpaAdapter);

export interface ServerAccount {
  /** The database's URL, e.g. https://couch.desk.example/summit-vilnius */
  url: string;
  username?: string;
  password?: string;
}

/** TLS everywhere but loopback: records must not cross a network in clear. */
export function checkServerUrl(url: string): URL {
  const parsed = new URL(url);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback))
    throw new Error(
      `Sherpa replicates only over https (the server at ${parsed.host} was given as ${parsed.protocol}); plain http is allowed on this machine only.`,
    );
  if (parsed.username || parsed.password) throw new Error('Give the server credentials in their own fields, not in the URL.');
  return parsed;
}

let opened = 0;

/**
 * Node's own fetch keeps connections open between requests; PouchDB's default
 * opens one per request (a TLS handshake each, with a real server) and parses
 * a cookie jar it does not need: credentials go as Basic auth on each request.
 */
const keptAliveFetch = (url: string, init: RequestInit) => fetch(url, init);

/** Pushes this desk's changes and pulls the server's, once; every conflict is kept by the merge. */
export async function syncOnce(db: Db, account: ServerAccount): Promise<SyncResult> {
  checkServerUrl(account.url);
  db.transaction(() => settleLocalDeletions(db))();
  const name = `sherpa-store-${++opened}`;
  exposeStore(name, db);
  const local: Database = new Pouch(name, { adapter: 'sherpa' });
  const remote: Database = new Pouch(account.url, {
    adapter: 'http',
    fetch: keptAliveFetch,
    ...(account.username ? { auth: { username: account.username, password: account.password ?? '' } } : {}),
  });
  try {
    return await Pouch.sync(local, remote, { batch_size: 500 });
  } finally {
    await Promise.all([local.close(), remote.close()]);
    withdrawStore(name);
  }
}
