import type { Database } from 'pouchdb-core';
import type { Db } from '../../db/open.ts';
import { forgetReceivedFromServer, heldCheckpoints } from '../../db/sync/partition.ts';

/**
 * PouchDB's replicator keeps a checkpoint of each exchange on both sides, under the same `_local/` id, the
 * server's written before this desk's copy on a push and just after it on a pull. A server database that answers
 * "not found" for a checkpoint this store holds has lost it: it was wiped and made again empty at the same address
 * (or restored from an old copy of its own). PouchDB then starts again from the beginning, but this desk's
 * push skips the records it received from that database (1300), which the server no longer has: a summit a desk
 * only received never reached the server again, and a colleague joining found it empty while every desk said
 * "up to date". Those notes are cleared for that database as soon as the loss is seen, before the push reads
 * its feed, and `lost` is told, so a round that meant only to pull pushes too. Only checkpoints this store held
 * when the exchange began count: a first pull writes its own copy, then asks the server for its copy (not found
 * yet) to write it there.
 */
export function noticingLostCheckpoints(remote: Database, db: Db, partition: string | undefined, lost: () => void): Database {
  const held = heldCheckpoints(db);
  const get = remote.get.bind(remote) as (id: string, ...rest: unknown[]) => Promise<unknown>;
  remote.get = (async (id: string, ...rest: unknown[]) => {
    try {
      return await get(id, ...rest);
    } catch (error) {
      if (id.startsWith('_local/') && (error as { status?: unknown } | null)?.status === 404 && held.has(id)) {
        forgetReceivedFromServer(db, partition);
        lost();
      }
      throw error;
    }
  }) as Database['get'];
  return remote;
}
