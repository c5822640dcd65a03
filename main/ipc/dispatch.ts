import type { Db } from '../../db/open.ts';
import { NotFoundError } from '../../db/sql.ts';
import { type ChangeEvent, type Channel, channelEffects, channels, type IpcError, type Result } from '../../shared/contract.ts';
import type { ReadOnlyRefusal } from '../../shared/refusals.ts';
import { changeEventFor, changeLog } from './changeLog.ts';
import type { ChangeLog, Handlers } from './handlers/types.ts';
import { UserError } from './handlers/types.ts';
import { requestSchemas } from './schemas.ts';
import { validAsGiven } from './validAsGiven.ts';
import { describeIssue } from './validation.ts';

export interface DispatchOptions {
  db: Db;
  handlers: Handlers;
  /** Told after a call that changed something, with what it changed, to push to every window. */
  onChange?: (event: ChangeEvent) => void;
  /** Unexpected failures are logged here and answered with a generic message. */
  logError?: (channel: string, error: unknown) => void;
  /** Why the store was opened read-only (a newer Sherpa's file, a read-only folder): told when a write is refused. */
  readOnlyReason?: string;
  /** The same reason for the page to word in the user's language; a store open for reading only, when not said. */
  readOnlyRefusal?: ReadOnlyRefusal;
  /**
   * Why writes are refused for now, while the store is open for writing (being checked after an unexpected stop,
   * main/core.ts): asked at each call; a channel that writes is then refused before it runs, and a write a read
   * would make fails as read-only with this reason.
   */
  writesRefused?: () => WritesRefused | undefined;
}

/** A passing reason to refuse every write, in English for logs and tests, and as a reason the page words. */
export interface WritesRefused {
  message: string;
  reason: ReadOnlyRefusal;
}

// Kept importable from here, where the dispatch uses them.
export { changeEventFor, changeLog } from './changeLog.ts';

export type Dispatch = (channel: string, payload: unknown) => Promise<Result<unknown>>;

// The store's channels only: the session's are the lock layer's (main/session/lockable.ts).
const storeChannels = new Set<string>(channels);
const isChannel = (name: string): name is Channel => storeChannels.has(name);

/**
 * The one way into the handlers, whatever the transport (Electron IPC or the
 * loopback harness): validate, run, answer with a result. Each channel's
 * declared effects are honoured here: a write transaction around it, and
 * telling the windows what it changed. Nothing thrown inside ever crosses the bridge.
 */
export function createDispatch({
  db,
  handlers,
  onChange,
  logError,
  readOnlyReason,
  readOnlyRefusal,
  writesRefused,
}: DispatchOptions): Dispatch {
  // Made once: better-sqlite3 builds four wrappers each time `transaction` is called, a cost every note save paid.
  const inTransaction = db.transaction((run: () => unknown) => run());
  return async (channel, payload) => {
    if (typeof channel !== 'string' || !isChannel(channel)) {
      return failure({ code: 'unknown_channel', message: `Unknown channel: ${String(channel).slice(0, 100)}` });
    }
    let request: unknown;
    try {
      request = validAsGiven[channel]?.(payload);
      if (request === undefined) {
        const parsed = requestSchemas[channel].safeParse(payload);
        if (!parsed.success) return failure({ code: 'invalid_request', ...describeIssue(parsed.error) });
        request = parsed.data;
      }
    } catch (error) {
      // A payload nested deeper than the checks' stack (an array in an array a hundred thousand times, well inside
      // the transport's limit) overflows it: answered as a request that cannot be read, never thrown to the caller.
      if (error instanceof RangeError)
        return failure({ code: 'invalid_request', message: 'The request is nested too deeply to be read.', reason: 'invalid' });
      return failure(toIpcError(channel, error, logError, readOnlyReason, readOnlyRefusal));
    }
    const handler = handlers[channel] as (request: unknown, changes: ChangeLog) => unknown;
    const effects = channelEffects[channel];
    const refused = writesRefused?.();
    if (refused && (effects.transaction || effects.announces !== false))
      return failure({ code: 'read_only', message: refused.message, reason: refused.reason });
    const { log, touched } = changeLog();
    try {
      const run = () => handler(request, log);
      let value = effects.transaction ? inTransaction(run) : run();
      // Most handlers answer at once (better-sqlite3 is synchronous): only a promise is waited for, which spares each read a turn of the queue.
      if (value instanceof Promise) value = await value;
      const change = changeEventFor(channel, effects.announces, touched);
      if (change) onChange?.(change);
      return { ok: true, value };
    } catch (error) {
      const refusedNow = writesRefused?.();
      return failure(
        refusedNow
          ? toIpcError(channel, error, logError, refusedNow.message, refusedNow.reason)
          : toIpcError(channel, error, logError, readOnlyReason, readOnlyRefusal),
      );
    }
  };
}

function failure(error: IpcError): Result<never> {
  return { ok: false, error };
}

function toIpcError(
  channel: Channel,
  error: unknown,
  logError: DispatchOptions['logError'],
  readOnlyReason?: string,
  readOnlyRefusal: ReadOnlyRefusal = 'store_read_only',
): IpcError {
  if (error instanceof UserError)
    return {
      code: error.code,
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
      ...(error.names ? { names: error.names } : {}),
      ...error.refusal,
    };
  if (error instanceof NotFoundError) return { code: 'not_found', message: error.message };
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'))
    return { code: 'constraint', ...constraintRefusal(code), ...uniqueField(code, (error as Error).message) };
  // The reason the store was opened read-only is said by the start-up notice; here the page says only that it is so.
  if ((code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') && readOnlyReason)
    return { code: 'read_only', message: readOnlyReason, reason: readOnlyRefusal };
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') {
    return {
      code: 'read_only',
      message: 'The data folder cannot be written to. Your data is unchanged; Sherpa can still show it.',
      reason: 'folder_read_only',
    };
  }
  if (code === 'SQLITE_FULL') {
    return { code: 'read_only', message: 'The disk is full. Nothing was saved; what was saved before is unchanged.', reason: 'disk_full' };
  }
  logError?.(channel, error);
  return { code: 'internal', message: 'Sherpa could not complete this. Nothing was changed.' };
}

/**
 * The one column a unique rule was broken on ("UNIQUE constraint failed: programme.code"), as the record's field:
 * a programme given a code already in use was told only that some rule of the store was broken, nowhere near its Code.
 */
function uniqueField(code: string, message: string): Pick<IpcError, 'field'> {
  const column = code === 'SQLITE_CONSTRAINT_UNIQUE' ? /^UNIQUE constraint failed: \w+\.(\w+)$/.exec(message)?.[1] : undefined;
  return column ? { field: column.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase()) } : {};
}

function constraintRefusal(code: string): Pick<IpcError, 'message' | 'reason'> {
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
    return { message: 'This refers to a record that does not exist, or is still used by other records.', reason: 'refers_to_missing' };
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
    return { message: 'A record with this name already exists.', reason: 'name_taken' };
  return { message: 'This would break a rule of the store (for example an empty name or an end before a start).', reason: 'breaks_rule' };
}
