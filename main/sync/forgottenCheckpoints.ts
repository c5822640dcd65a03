import type { Database } from 'pouchdb-core';
import type { Db } from '../../db/open.ts';
import { forgetReceivedFromServer, heldCheckpoint } from '../../db/sync/partition.ts';

/**
 * PouchDB's replicator keeps a checkpoint of each exchange on both sides, under the same `_local/` id, the
 * server's written before this desk's copy on a push and just after it on a pull: once an exchange ends, both
 * name its session. A server database that answers "not found" for a checkpoint this store holds has lost it: it
 * was wiped and made again empty at the same address. One whose copy never heard of the session this store's copy
 * names was restored from an older copy of itself: its databases are there, but behind what the desks hold.
 * PouchDB then starts again from the beginning, or from the last session both copies name, but this desk's push
 * skips the records it received from that database (1300), which the server may no longer have: a summit a desk
 * only received never reached the server again, and a colleague joining found it empty (or without what was
 * written after the server's copy was taken) while every desk said "up to date". Those notes are cleared for that
 * database as soon as the loss is seen, before the push reads its feed, and `lost` is told, so a round that meant
 * only to pull pushes too. Only checkpoints this store held when the exchange began count: a first pull writes its
 * own copy, then asks the server for its copy (not found yet) to write it there, and each later batch's copy here
 * is written before the server's. A pull cut off between the two writes makes the server's copy look behind too:
 * the next round offers the database's records again, and the server answers that it has them.
 */
export function noticingLostCheckpoints(
  remote: Database,
  local: Database,
  db: Db,
  partition: string | undefined,
  lost: () => void,
): Database {
  const writtenNow = new Set<string>();
  const put = local.put.bind(local) as (doc: { _id?: unknown }, ...rest: unknown[]) => Promise<unknown>;
  local.put = ((doc: { _id?: unknown }, ...rest: unknown[]) => {
    if (typeof doc?._id === 'string' && doc._id.startsWith('_local/')) writtenNow.add(doc._id);
    return put(doc, ...rest);
  }) as Database['put'];
  const heldBefore = (id: string) => (writtenNow.has(id) ? undefined : heldCheckpoint(db, id));
  const notice = () => {
    forgetReceivedFromServer(db, partition);
    lost();
  };
  const get = remote.get.bind(remote) as (id: string, ...rest: unknown[]) => Promise<unknown>;
  remote.get = (async (id: string, ...rest: unknown[]) => {
    if (!id.startsWith('_local/')) return get(id, ...rest);
    let answer: unknown;
    try {
      answer = await get(id, ...rest);
    } catch (error) {
      if ((error as { status?: unknown } | null)?.status === 404 && heldBefore(id) !== undefined) notice();
      throw error;
    }
    const held = heldBefore(id);
    if (held !== undefined && neverHeard(answer, held.session_id)) notice();
    return answer;
  }) as Database['get'];
  return remote;
}

/** Whether the server's checkpoint `copy` names neither as its last session nor in its history the session `session`. */
function neverHeard(copy: unknown, session: unknown): boolean {
  if (typeof session !== 'string') return false;
  const { session_id: last, history } = (copy ?? {}) as { session_id?: unknown; history?: unknown };
  if (last === session) return false;
  return !(Array.isArray(history) && history.some((entry) => (entry as { session_id?: unknown } | null)?.session_id === session));
}
