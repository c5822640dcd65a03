import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open.ts';

/** One statement call a handler made: replaying these is "the same queries as raw better-sqlite3". */
export interface RecordedCall {
  readonly sql: string;
  readonly method: 'all' | 'get' | 'run';
  readonly args: readonly unknown[];
}

const methods = ['all', 'get', 'run'] as const;

/**
 * Records every statement call made while `work` runs on this connection.
 * Recording the handler's own calls keeps the raw side in step with whatever
 * the handlers query today, instead of a hand copy that drifts.
 */
export async function recordStatements(db: Db, work: () => unknown): Promise<RecordedCall[]> {
  const prototype = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<(typeof methods)[number], (...args: unknown[]) => unknown>;
  const originals = methods.map((method) => prototype[method]);
  const calls: RecordedCall[] = [];
  methods.forEach((method, index) => {
    const original = originals[index] as (...args: unknown[]) => unknown;
    prototype[method] = function (this: Statement, ...args: unknown[]) {
      calls.push({ sql: this.source, method, args });
      return original.apply(this, args);
    };
  });
  try {
    await work();
  } finally {
    methods.forEach((method, index) => {
      prototype[method] = originals[index] as (...args: unknown[]) => unknown;
    });
  }
  return calls;
}

/** Prepares the recorded calls once; the returned function runs them and returns the raw rows. */
export function rawReplay(db: Db, calls: readonly RecordedCall[]): () => unknown[] {
  const prepared = calls.map((call) => ({ statement: db.prepare(call.sql), method: call.method, args: call.args }));
  return () => prepared.map(({ statement, method, args }) => statement[method](...args));
}
