import type { AddressInfo } from 'node:net';
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
