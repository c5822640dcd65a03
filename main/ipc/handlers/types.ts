import type { Db } from '../../../db/open.ts';
import type { ChangedEntity, Channel, Request, Response, Touched } from '../../../shared/contract.ts';
import type { PdfEngine } from '../../pdf/engine.ts';
import type { RecentDeletions } from './recentDeletions.ts';

/** What handlers are built from. No Electron here: handlers run in plain Node under tests. */
export interface HandlerDeps {
  db: Db;
  clock: () => Date;
  /** How this process prints briefing packs; without it pack.export answers that export is unavailable. */
  pdf?: PdfExportDeps;
  /** Where this store's backups live; without it the backup channels answer that backups are unavailable. */
  backups?: { folder: string; key?: Buffer };
  /** The deletes Undo can reverse, shared by the handlers that delete (records, packs); each group makes its own without it. */
  recentDeletions?: RecentDeletions;
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

/** A failure the user caused and can fix; the dispatch passes its message on as it is. */
export class UserError extends Error {
  readonly code: 'invalid_request' | 'constraint' | 'conflict';
  readonly field: string | undefined;
  /** The records the refusal is about, by name (IpcError.names). */
  readonly names: string[] | undefined;
  constructor(code: 'invalid_request' | 'constraint' | 'conflict', message: string, field?: string, names?: string[]) {
    super(message);
    this.name = 'UserError';
    this.code = code;
    this.field = field;
    this.names = names;
  }
}
