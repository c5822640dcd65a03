import net, { type AddressInfo } from 'node:net';
import express from 'express';
import expressPouchDB, { type Handler } from 'express-pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
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
/** express-pouchdb keeps state on its PouchDB class, so one serves every test server of the process. */
let couch: Handler | undefined;

/**
 * A CouchDB-protocol server (pouchdb-server's express-pouchdb, in memory) on
 * 127.0.0.1 at a free port, for tests: they start it and stop it in `finally`.
 * `port` reopens a server where a stopped one was, as a desk's server coming back.
 */
export async function startTestServer(port = 0, serverNumber = ++started): Promise<TestServer> {
  couch ??= expressPouchDB(Pouch.plugin(memoryAdapter).defaults({ adapter: 'memory' }), {
    mode: 'minimumForPouchDB',
    inMemoryConfig: true,
  });
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
