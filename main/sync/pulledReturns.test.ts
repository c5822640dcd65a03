import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { Touched } from '../../shared/contract.ts';
import { syncOnce } from './replication.ts';
import { startTestServer } from './testServer.ts';

// Desk A (Johannesburg) deletes the BRICS summit while desk B, offline, redrafts
// its side meeting. When B's redraft reaches A, the meeting keeps its summit
// alive: A's merge writes the summit back, a record the server never sent.
// Open windows heard only of what the server sent, so the summit lists (the
// pack builder's summit choice, say) went without it until a reload.

const summitTitle = 'BRICS Sherpa meeting, Gqeberha';

function deskWithSummit(): Db {
  const db = openScratchDatabase();
  db.exec(`
    INSERT INTO summit (id, title, start_date, end_date, time_zone)
      VALUES (1, '${summitTitle}', '2026-11-21', '2026-11-23', 'Africa/Johannesburg');
    INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone)
      VALUES (1, 1, 'Side meeting, Nelson Mandela Bay', 'bilateral', '2026-11-24T09:00:00Z', 'Africa/Johannesburg');
  `);
  return db;
}

describe('a record a merge brings back that the server did not send', () => {
  it('is told to the open windows as the records pulled are', async () => {
    const server = await startTestServer();
    try {
      const account = { url: server.database('pulled-returns') };
      const a = deskWithSummit();
      const b = openScratchDatabase();
      await syncOnce(a, account);
      await syncOnce(b, account);

      a.prepare('DELETE FROM summit WHERE title = ?').run(summitTitle);
      b.prepare(
        `UPDATE meeting SET purpose = 'Align the BRICS and G20 food-security texts' WHERE title = 'Side meeting, Nelson Mandela Bay'`,
      ).run();
      await syncOnce(b, account);

      const told: Touched[] = [];
      await syncOnce(a, account, { onMerged: (touched) => told.push(...touched) });
      const summitHere = a.prepare('SELECT id FROM summit WHERE title = ?').pluck().get(summitTitle) as number | undefined;
      expect(summitHere).toBeDefined();
      expect(told.filter((each) => each.entity === 'summit' && each.how !== 'updated').flatMap((each) => each.ids)).toContain(summitHere);
    } finally {
      await server.stop();
    }
  });
});
