// PouchDB's parts ship no types; these cover what Sherpa's replication uses.
declare module 'pouchdb-core' {
  export interface ReplicationResult {
    ok: boolean;
    docs_read: number;
    docs_written: number;
    doc_write_failures: number;
    errors: unknown[];
    last_seq: number | string;
    status: string;
  }
  export interface Replication extends PromiseLike<ReplicationResult> {
    cancel(): void;
    on(event: 'change' | 'complete' | 'error' | 'paused' | 'active' | 'denied', listener: (info: unknown) => void): Replication;
  }
  export interface SyncResult {
    push: ReplicationResult;
    pull: ReplicationResult;
  }
  export interface ReplicateOptions {
    batch_size?: number;
    batches_limit?: number;
    retry?: boolean;
    live?: boolean;
  }
  /** sync's options: both directions', each overridden by its own. */
  export interface SyncOptions extends ReplicateOptions {
    push?: ReplicateOptions;
    pull?: ReplicateOptions;
  }
  export interface DatabaseOptions {
    adapter?: string;
    auth?: { username: string; password: string };
    skip_setup?: boolean;
    /** The http adapter's requests go through this instead of its own cookie-keeping fetch. */
    fetch?: (url: string, init: RequestInit) => Promise<Response>;
  }
  export interface Database {
    readonly name: string;
    get(id: string, options?: { conflicts?: boolean; open_revs?: 'all' | string[]; revs?: boolean }): Promise<Record<string, unknown>>;
    put(doc: Record<string, unknown>): Promise<{ ok: boolean; id: string; rev: string }>;
    info(): Promise<{ doc_count: number; update_seq: number | string }>;
    /** Records by id, each its winning revision (with its history's ids when `revs`). */
    bulkGet(request: { docs: { id: string; rev?: string }[]; revs?: boolean }): Promise<{
      results: { id: string; docs: { ok?: Record<string, unknown>; error?: unknown }[] }[];
    }>;
    /** The live records' ids (and winning revisions) from `startkey` to `endkey`, in the ids' order. */
    allDocs(options: { startkey: string; endkey: string }): Promise<{ rows: { id: string }[] }>;
    /** Replication writes through it (`new_edits: false`); each record's answer is its own, an error among them. */
    bulkDocs(request: { docs: Record<string, unknown>[]; new_edits?: boolean }, options?: unknown): Promise<Record<string, unknown>[]>;
    close(): Promise<void>;
    destroy(): Promise<void>;
    /** A live feed (longpoll over http): told of each change after `since`. */
    changes(options: { since: 'now' | number | string; live: true; heartbeat?: number; timeout?: number; style?: 'all_docs' }): ChangesFeed;
    /** The whole feed at once, each record's leaves named. */
    changes(options: { style: 'all_docs' }): Promise<{ results: { id: string }[] }>;
  }
  export interface ChangesFeed {
    on(event: 'change' | 'error' | 'complete', listener: (info: unknown) => void): ChangesFeed;
    cancel(): void;
  }
  export interface PouchDBStatic {
    new (name: string, options?: DatabaseOptions): Database;
    plugin(plugin: unknown): PouchDBStatic;
    adapter(name: string, adapter: unknown, preferred?: boolean): void;
    defaults(options: DatabaseOptions): PouchDBStatic;
    replicate(source: Database | string, target: Database | string, options?: ReplicateOptions): Replication;
    sync(source: Database | string, target: Database | string, options?: SyncOptions): PromiseLike<SyncResult> & { cancel(): void };
  }
  const PouchDB: PouchDBStatic;
  export default PouchDB;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'express-pouchdb' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  import type { PouchDBStatic } from 'pouchdb-core';
  export type Handler = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
  export default function expressPouchDB(PouchDB: PouchDBStatic, options: { mode: 'minimumForPouchDB'; inMemoryConfig: boolean }): Handler;
}
declare module 'express' {
  import type { Server } from 'node:http';
  import type { Handler } from 'express-pouchdb';
  export interface Application {
    use(path: string, handler: Handler): Application;
    listen(port: number, host: string): Server;
  }
  export default function express(): Application;
}
