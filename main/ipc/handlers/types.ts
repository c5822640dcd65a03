import type { Db } from '../../../db/open.ts';
import type { ChangedEntity, Channel, Request, Response, StoreWrites, Touched } from '../../../shared/contract.ts';
import type { Refusal, RefusalReason } from '../../../shared/refusals.ts';
import type { PdfEngine } from '../../pdf/engine.ts';
import type { RecentDeletions } from './recentDeletions.ts';
import type { SyncControl } from './sync.ts';

/** What handlers are built from. No Electron here: handlers run in plain Node under tests. */
export interface HandlerDeps {
  db: Db;
  clock: () => Date;
  /** How this process prints briefing packs; without it pack.export answers that export is unavailable. */
  pdf?: PdfExportDeps;
  /** Where this store's backups live; without it the backup channels answer that backups are unavailable. */
  backups?: { folder: string; key?: Buffer };
  /** Where bundles and contact cards are written; without it the channels that write files answer that they are unavailable. */
  exchange?: { exportsDir: string };
  /** The deletes Undo can reverse, shared by the handlers that delete (records, packs); each group makes its own without it. */
  recentDeletions?: RecentDeletions;
  /** The background replicator of this store; without it the sync channels other than sync.status answer that replication is unavailable. */
  sync?: SyncControl;
  /** Whether the store takes writes now (main/core.ts); without it, whether the connection itself refuses them. */
  writes?: () => StoreWrites;
}

export interface PdfExportDeps {
  engine: PdfEngine;
  /** The folder exported packs are written to; pack.export writes nowhere else. */
  exportsDir: string;
}

/**
 * Where a write says what it changed, as it changes it: the dispatch tells
 * other windows only what was recorded, so a write that changed nothing
 * (a conflicting save) tells nobody.
 */
export interface ChangeLog {
  record(entity: ChangedEntity, how: Touched['how'], ids: readonly number[]): void;
}

export type Handler<K extends Channel> = (request: Request<K>, changes: ChangeLog) => Response<K> | Promise<Response<K>>;
export type HandlerGroup<K extends Channel> = { [C in K]: Handler<C> };
export type Handlers = HandlerGroup<Channel>;

/**
 * A failure the user caused and can fix. The dispatch passes it on as it is:
 * the page words its `refusal` in the user's language; the English message is for logs and tests.
 */
export class UserError extends Error {
  readonly code: 'invalid_request' | 'constraint' | 'conflict';
  readonly field: string | undefined;
  /** The records the refusal is about, by name (IpcError.names). */
  readonly names: string[] | undefined;
  readonly refusal: Refusal;
  constructor(
    code: 'invalid_request' | 'constraint' | 'conflict',
    message: string,
    refusal: Refusal | RefusalReason,
    field?: string,
    names?: string[],
  ) {
    super(message);
    this.name = 'UserError';
    this.code = code;
    this.field = field;
    this.names = names;
    this.refusal = typeof refusal === 'string' ? { reason: refusal } : refusal;
  }
}
