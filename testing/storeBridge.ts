// The renderer's bridge wired to the real store: the real dispatch (schemas,
// handlers, transactions) over an in-memory SQLite database with the sample
// briefing. Components tested against it meet exactly the refusals and
// answers the app gives, not a hand-written imitation of them.
import type { Db } from '../db/open.ts';
import { loadSampleIfEmpty } from '../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../db/testing.ts';
import { createDispatch, type WritesRefused } from '../main/ipc/dispatch.ts';
import { createHandlers } from '../main/ipc/handlers/index.ts';
import type { SyncControl } from '../main/ipc/handlers/sync.ts';
import { type ChangeEvent, type Channel, channels, type SherpaApi } from '../shared/contract.ts';

export interface StoreBridge {
  readonly db: Db;
  readonly bridge: SherpaApi;
  /** Every call the page made, in order, with its answer's outcome. */
  readonly calls: { channel: Channel; request: unknown; ok: boolean }[];
  /** Every change the store announced. */
  readonly changes: ChangeEvent[];
}

export function createStoreBridge(
  options: {
    sample?: boolean;
    now?: Date;
    backups?: { folder: string };
    sync?: SyncControl;
    /** Why every write is refused, as the app's core says while it checks the store after a crash. */
    writesRefused?: () => WritesRefused | undefined;
  } = {},
): StoreBridge {
  const db = openScratchDatabase(':memory:');
  if (options.sample !== false) loadSampleIfEmpty(db);
  const now = options.now ?? new Date('2023-07-01T08:00:00Z');
  const listeners = new Set<(event: ChangeEvent) => void>();
  const calls: StoreBridge['calls'] = [];
  const changes: ChangeEvent[] = [];
  const dispatch = createDispatch({
    db,
    handlers: createHandlers({
      db,
      clock: () => now,
      ...(options.backups ? { backups: options.backups } : {}),
      ...(options.sync ? { sync: options.sync } : {}),
    }),
    ...(options.writesRefused ? { writesRefused: options.writesRefused } : {}),
    onChange: (event) => {
      changes.push(event);
      for (const listener of [...listeners]) listener(event);
    },
  });
  // Through JSON both ways, as both transports do: the page never shares an object with the store.
  const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? {})) as T;
  const api = Object.fromEntries(
    channels.map((channel) => [
      channel,
      async (request: unknown) => {
        const result = viaJson(await dispatch(channel, viaJson(request)));
        calls.push({ channel, request, ok: result.ok });
        return result;
      },
    ]),
  );
  const bridge = {
    ...api,
    onChange: (listener: (event: ChangeEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onFlushRequest: () => () => {},
    flushDone: () => {},
  } as unknown as SherpaApi;
  return { db, bridge, calls, changes };
}
