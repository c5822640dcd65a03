import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import { latestSeq, recordSyncOutcome, setSharedSummitDocs, writeSyncAccount } from '../../db/sync/account.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { DeskReplicator } from './replicator.ts';

// A desk a week offline: thousands of edits to a summit it does not share
// (the Nordic one), a few to the one it does (the Pacific one). The state
// line's "n changes waiting to be sent" counts only what will be sent, however
// many records changed.

const docOf = (db: Db, entity: string, rowId: number) =>
  db.prepare('SELECT doc_id FROM sync_doc WHERE entity = ? AND row_key = ?').pluck().get(entity, String(rowId)) as string;

describe('the number of changes waiting to be sent', () => {
  it('leaves out a summit not shared, even after thousands of edits to it', async () => {
    const db = openScratchDatabase();
    db.exec(`
      INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES
        (1, 'Pacific Islands Forum', '2026-08-24', '2026-08-28', 'Pacific/Tongatapu'),
        (2, 'Nordic–Baltic summit', '2026-09-14', '2026-09-15', 'Atlantic/Reykjavik');
    `);
    // A closed port on this machine: every round fails, as on a plane, and nothing is sent.
    writeSyncAccount(db, { url: 'http://127.0.0.1:9', username: '', passwordSealed: '' });
    setSharedSummitDocs(db, [docOf(db, 'summit', 1)]);
    const meeting = db.prepare(
      "INSERT INTO meeting (summit_id, title, format, starts_at, time_zone) VALUES (?, ?, 'bilateral', '2026-08-25T09:00:00Z', 'UTC')",
    );
    db.transaction(() => {
      for (let index = 0; index < 2_500; index += 1) meeting.run(2, `Nordic working session ${index + 1}`);
      for (let index = 0; index < 3; index += 1) meeting.run(1, `Pacific bilateral ${index + 1}`);
    })();
    const desk = new DeskReplicator(db, { intervalMs: 3_600_000 });
    try {
      const status = await desk.start();
      expect(status.state).toBe('error');
      // The shared summit's own record (in the reference database) and its three meetings.
      expect(status.waiting).toBe(4);
    } finally {
      await desk.stop();
    }
  });

  it('counts a meeting moved out of the shared summit into one not shared: its removal there is still to send', async () => {
    const db = openScratchDatabase();
    db.exec(`
      INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES
        (1, 'G20 Johannesburg', '2025-11-22', '2025-11-23', 'Africa/Johannesburg'),
        (2, 'G20 Cape Town ministerial', '2025-10-01', '2025-10-02', 'Africa/Johannesburg');
      INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone) VALUES
        (1, 1, 'Bilateral with Brazil', 'bilateral', '2025-11-22T08:00:00Z', 'Africa/Johannesburg');
    `);
    writeSyncAccount(db, { url: 'http://127.0.0.1:9', username: '', passwordSealed: '' });
    setSharedSummitDocs(db, [docOf(db, 'summit', 1)]);
    recordSyncOutcome(db, { pushedThrough: latestSeq(db), at: '2025-11-20T08:00:00.000Z', error: null });
    db.exec('UPDATE meeting SET summit_id = 2 WHERE id = 1');
    const desk = new DeskReplicator(db, { intervalMs: 3_600_000 });
    try {
      const status = await desk.start();
      expect(status.state).toBe('error');
      expect(status.waiting).toBe(1);
    } finally {
      await desk.stop();
    }
  });
});
