import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import express from 'express';
import expressPouchDB, { type Handler } from 'express-pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import type { Database } from 'pouchdb-core';
import { Pouch } from './replication.ts';

export interface TestServer {
  url: string;
  port: number;
  serverNumber: number;
  /** A database's URL, unique to this server: the memory adapter keeps databases for the life of the process. */
  database(name: string): string;
  stop(): Promise<void>;
}

let started = 0;
const MemoryPouch = Pouch.plugin(memoryAdapter);
/**
 * One express-pouchdb a server number (it keeps state on its PouchDB class), its databases under a prefix of their
 * own: the memory adapter keeps every database for the life of the process, so two tests' desks naming the same
 * database (the reference database of one sample) on servers of their own met there, and one desk pulled the other
 * test's records. A server reopened on its number (`port`, `serverNumber`) finds its databases again.
 */
const couches = new Map<number, Handler>();

/**
 * A CouchDB-protocol server (pouchdb-server's express-pouchdb, in memory) on
 * 127.0.0.1 at a free port, for tests: they start it and stop it in `finally`.
 * `port` reopens a server where a stopped one was, as a desk's server coming back.
 */
export async function startTestServer(port = 0, serverNumber = ++started): Promise<TestServer> {
  // PouchDB prefixes every database name with `prefix` (its types do not list the option).
  const ownDatabases = { adapter: 'memory', prefix: `server-${process.pid}-${serverNumber}-` };
  const couch =
    couches.get(serverNumber) ??
    expressPouchDB(MemoryPouch.defaults(ownDatabases), {
      mode: 'minimumForPouchDB',
      inMemoryConfig: true,
    });
  couches.set(serverNumber, couch);
  const app = express();
  app.use('/', couch);
  const server = app.listen(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const listening = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${listening}`,
    port: listening,
    serverNumber,
    database: (name) => `http://127.0.0.1:${listening}/${name}-${process.pid}-${serverNumber}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A server on 127.0.0.1 that accepts every connection and never answers: a desk's server whose machine lost its
 * power or its network (no reset ever reaches the desk), or a hotel's proxy holding the request.
 */
export async function startSilentServer(): Promise<{ url: string; port: number; stop: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * The server behind accounts, as CouchDB 3 answers them: a wrong password is refused whole (401), a database the
 * user is not a member of is refused by name (403 forbidden). pouchdb-server's in-memory mode enforces neither, so
 * a proxy on 127.0.0.1 in front of it does; `passwords` and `allowed` are read at every request, so a test changes
 * them as an administrator would, midway. Each call starts a proxy at its own port: a server's address changing.
 */
export async function startAccountsProxy(
  server: Pick<TestServer, 'port'>,
  passwords: Readonly<Record<string, string>>,
  allowed: (user: string, database: string) => boolean,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const proxy = http.createServer((request, response) => {
    const [user = '', password = ''] = Buffer.from((request.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
      .toString('utf8')
      .split(':');
    const database = decodeURIComponent((request.url ?? '/').split('/')[1]?.split('?')[0] ?? '');
    const [status, error, reason] =
      passwords[user] !== password
        ? [401, 'unauthorized', 'Name or password is incorrect.']
        : database !== '' && !allowed(user, database)
          ? [403, 'forbidden', 'You are not allowed to access this db.']
          : [0, '', ''];
    if (status !== 0) {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ error, reason }));
      return;
    }
    const upstream = http.request(
      { host: '127.0.0.1', port: server.port, path: request.url, method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}

/** A server's databases as a copy of them holds them: records with their revisions, and the checkpoints asked for. */
export interface ServerCopy {
  databases: { name: string; records: Database; checkpoints: Record<string, unknown>[] }[];
}

/**
 * A copy of every database of `server`, as its administrator's nightly copy takes it: the records with all their
 * revisions, and the replication checkpoints (`_local/…`, which replication does not carry) of these ids.
 */
export async function copyOfServer(server: TestServer, checkpointIds: readonly string[]): Promise<ServerCopy> {
  const names = (await (await fetch(`${server.url}/_all_dbs`)).json()) as string[];
  const databases: ServerCopy['databases'] = [];
  for (const name of names) {
    const remote = new Pouch(`${server.url}/${name}`, { adapter: 'http' });
    const records = new MemoryPouch(`copy-${process.pid}-${server.serverNumber}-${name}-${Date.now()}`);
    await Pouch.replicate(remote, records);
    const checkpoints: Record<string, unknown>[] = [];
    for (const id of checkpointIds) {
      const found = await remote.get(id).catch(() => undefined);
      if (found) checkpoints.push(found as Record<string, unknown>);
    }
    await remote.close();
    databases.push({ name, records, checkpoints });
  }
  return { databases };
}

/** A server started at `port` whose databases are `copy` restored: what the copy held, and nothing written since. */
export async function restoredServer(copy: ServerCopy, port: number): Promise<TestServer> {
  const server = await startTestServer(port);
  for (const { name, records, checkpoints } of copy.databases) {
    const remote = new Pouch(`${server.url}/${name}`, { adapter: 'http' });
    await Pouch.replicate(records, remote);
    for (const { _rev, ...checkpoint } of checkpoints) await remote.put(checkpoint as { _id: string });
    await remote.close();
  }
  return server;
}
