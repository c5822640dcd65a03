import type { Db } from '../../db/open.ts';
import { NotFoundError } from '../../db/sql.ts';
import { type ChangeEvent, type Channel, channelAccess, type IpcError, type Result } from '../../shared/contract.ts';
import type { Handlers } from './handlers/types.ts';
import { UserError } from './handlers/types.ts';
import { requestSchemas } from './schemas.ts';
import { describeIssue } from './validation.ts';

export interface DispatchOptions {
  db: Db;
  handlers: Handlers;
  /** Told after every successful write, to push the change to every window. */
  onChange?: (event: ChangeEvent) => void;
  /** Unexpected failures are logged here and answered with a generic message. */
  logError?: (channel: string, error: unknown) => void;
  /** Why the store was opened read-only (a newer Sherpa's file, a read-only folder): told when a write is refused. */
  readOnlyReason?: string;
}

export type Dispatch = (channel: string, payload: unknown) => Promise<Result<unknown>>;

const isChannel = (name: string): name is Channel => Object.hasOwn(channelAccess, name);

/**
 * The one way into the handlers, whatever the transport (Electron IPC or the
 * loopback harness): validate, run (writes in one transaction), answer with a
 * result. Nothing thrown inside ever crosses the bridge.
 */
export function createDispatch({ db, handlers, onChange, logError, readOnlyReason }: DispatchOptions): Dispatch {
  return async (channel, payload) => {
    if (typeof channel !== 'string' || !isChannel(channel)) {
      return failure({ code: 'unknown_channel', message: `Unknown channel: ${String(channel).slice(0, 100)}` });
    }
    const parsed = requestSchemas[channel].safeParse(payload);
    if (!parsed.success) return failure({ code: 'invalid_request', ...describeIssue(parsed.error) });
    const handler = handlers[channel] as (request: unknown) => unknown;
    try {
      const isWrite = channelAccess[channel] === 'write';
      const value = isWrite ? db.transaction(() => handler(parsed.data))() : await handler(parsed.data);
      if (isWrite && onChange) onChange(changeEventFor(channel, parsed.data, value));
      return { ok: true, value };
    } catch (error) {
      return failure(toIpcError(channel, error, logError, readOnlyReason));
    }
  };
}

function failure(error: IpcError): Result<never> {
  return { ok: false, error };
}

function changeEventFor(channel: Channel, request: unknown, value: unknown): ChangeEvent {
  const entity = channel.slice(0, channel.indexOf('.'));
  const idOf = (candidate: unknown): number | null => {
    if (candidate && typeof candidate === 'object' && 'id' in candidate && typeof candidate.id === 'number') return candidate.id;
    return null;
  };
  return { channel, entity, id: idOf(request) ?? idOf(value) };
}

function toIpcError(channel: Channel, error: unknown, logError: DispatchOptions['logError'], readOnlyReason?: string): IpcError {
  if (error instanceof UserError) return { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
  if (error instanceof NotFoundError) return { code: 'not_found', message: error.message };
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'constraint', message: constraintMessage(code) };
  }
  if ((code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') && readOnlyReason) return { code: 'read_only', message: readOnlyReason };
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') {
    return { code: 'read_only', message: 'The data folder cannot be written to. Your data is unchanged; Sherpa can still show it.' };
  }
  if (code === 'SQLITE_FULL') {
    return { code: 'read_only', message: 'The disk is full. Nothing was saved; what was saved before is unchanged.' };
  }
  logError?.(channel, error);
  return { code: 'internal', message: 'Sherpa could not complete this. Nothing was changed.' };
}

function constraintMessage(code: string): string {
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return 'This refers to a record that does not exist, or is still used by other records.';
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'A record with this name already exists.';
  return 'This would break a rule of the store (for example an empty name or an end before a start).';
}
