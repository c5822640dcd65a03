import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import { nextId, statement } from '../../db/sql.ts';
import { syncStatement } from '../../db/sync/pendingNotes.ts';
import { openScratchCopy } from '../../db/testing.ts';
import { ensureDeskKeys } from './deskKeys.ts';
import { syncOnce } from './replication.ts';
import { startTestServer, type TestServer } from './testServer.ts';

// Two desks share both summits. One moves a meeting to the other summit and
// edits its note twice, sending each; the other, offline, edits the same note once. When they
// meet, the note holds both edits as a conflict. Closing the copy the summit it
// left held (movedOut.ts) must not end the offline desk's branch: its edit,
// outranked by the longer branch, stays a kept version on both desks, not lost.
// Found by main/sync/convergence.property.test.ts (seed 20261201, path 96).

const noteBodies = (db: Db, docId: string) => ({
  current: statement(db, 'SELECT body FROM note WHERE id = (SELECT row_key FROM sync_doc WHERE doc_id = ?)').pluck().get(docId),
  // The live leaves: the current version and each conflicting one kept beside it.
  live: (
    syncStatement(
      db,
      `SELECT json_extract(L.body, '$.body') FROM sync_rev AS L WHERE L.doc_id = ? AND L.deleted = 0
          AND NOT EXISTS (SELECT 1 FROM sync_rev AS C WHERE C.doc_id = L.doc_id AND C.parent = L.rev)`,
    )
      .pluck()
      .all(docId) as string[]
  ).sort(),
});

describe('a note edited on a desk that had not heard its meeting moved', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('keeps that edit as a conflicting version once the move reaches that desk', async () => {
    const url = server.database('moved-out-conflict');
    const mover = openScratchCopy();
    const offline = openScratchCopy();
    ensureDeskKeys(mover, 'Sherpa');
    ensureDeskKeys(offline, 'Deputy');
    const summit = (db: Db, title: string) => {
      const id = nextId(db, 'summit');
      statement(
        db,
        `INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES (?, ?, '2025-06-24', '2025-06-25', 'Europe/Amsterdam')`,
      ).run(id, title);
      return id;
    };
    summit(mover, 'Pacific Islands Forum');
    const nordic = summit(mover, 'Nordic–Baltic summit');
    const meeting = nextId(mover, 'meeting');
    statement(
      mover,
      `INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone)
         VALUES (?, 1, 'Bilateral with Tonga', 'bilateral', '2025-06-24T09:00:00Z', 'Europe/Amsterdam')`,
    ).run(meeting);
    const note = nextId(mover, 'note');
    statement(mover, `INSERT INTO note (id, meeting_id, title, body) VALUES (?, ?, 'Readout', 'First draft')`).run(note, meeting);
    const docId = syncStatement(mover, `SELECT doc_id FROM sync_doc WHERE entity = 'note' AND row_key = ?`)
      .pluck()
      .get(String(note)) as string;
    await syncOnce(mover, { url });
    await syncOnce(offline, { url });
    const edit = (db: Db, body: string) =>
      statement(db, 'UPDATE note SET body = ?, version = version + 1 WHERE id = (SELECT row_key FROM sync_doc WHERE doc_id = ?)').run(
        body,
        docId,
      );

    // Offline, the deputy edits the note once; the sherpa moves the meeting and edits the note twice.
    edit(offline, 'Deputy’s readout');
    statement(mover, 'UPDATE meeting SET summit_id = ? WHERE id = ?').run(nordic, meeting);
    edit(mover, 'Sherpa’s readout');
    await syncOnce(mover, { url });
    // Sent, so the next edit is a revision of its own: the sherpa's branch is the longer one and wins.
    edit(mover, 'Sherpa’s readout, final');
    await syncOnce(mover, { url });
    // The deputy hears of the move and of the longer branch, then meets again: its copy in the summit the
    // meeting left is closed.
    for (const db of [offline, mover, offline, mover]) await syncOnce(db, { url });

    for (const db of [mover, offline])
      expect(noteBodies(db, docId)).toEqual({
        current: 'Sherpa’s readout, final',
        live: ['Deputy’s readout', 'Sherpa’s readout, final'],
      });
    mover.close();
    offline.close();
  });
});
