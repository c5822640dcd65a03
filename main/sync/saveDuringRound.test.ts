import { afterEach, describe, expect, it, vi } from 'vitest';
import { setSharedSummitDocs, writeSyncAccount } from '../../db/sync/account.ts';
import { deskWithASummit } from './pulledSearch.testing.ts';
import { DeskReplicator } from './replicator.ts';
import { startTestServer } from './testServer.ts';

// A save made while a round runs is synced by a round after it. That round went over every database the desk
// shares (the reference database and each summit's: 301 on the benchmark's store, each its requests), where a
// save's round goes over the databases of what changed.

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a save made while a round runs', () => {
  it('is synced by a round over its own database, not over every database', async () => {
    const server = await startTestServer();
    const a = deskWithASummit();
    const databasePrefix = `during${process.pid}`;
    const summit = a.prepare(`SELECT doc_id FROM sync_doc WHERE entity = 'summit'`).pluck().get() as string;
    writeSyncAccount(a, { url: server.url, username: '', passwordSealed: '', databasePrefix });
    setSharedSummitDocs(a, [summit]);
    const deskA = new DeskReplicator(a, { intervalMs: 3_600_000 });
    try {
      await deskA.start();
      const asked: string[] = [];
      const fetched = globalThis.fetch;
      vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
        asked.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
        return fetched(input, init);
      });
      a.exec(`UPDATE note SET body = 'First save', version = version + 1 WHERE title = 'Vilnius ask'`);
      const first = deskA.nudge('changes');
      // Saved while that round runs: its round comes after.
      a.exec(`UPDATE follow_up SET description = 'Second save' WHERE description = 'Vilnius follow-up'`);
      const second = deskA.nudge('changes');
      await first;
      expect(await second).toMatchObject({ state: 'up-to-date', waiting: 0, lastError: null });
      // A replication reads its checkpoints first (the live feeds' own requests are not replications).
      const replicated = (database: string) =>
        asked.filter((path) => path.startsWith(`/${databasePrefix}-${database}`) && path.includes('/_local/'));
      expect(replicated('summit-').length).toBeGreaterThan(0);
      expect(replicated('reference')).toEqual([]);
    } finally {
      await deskA.stop();
      await server.stop();
    }
  }, 60_000);
});
