import { describe, expect, it } from 'vitest';
import { openScratchDatabase } from '../testing.ts';
import { recordSyncOutcome, setSharedSummitDocs, writeSyncAccount } from './account.ts';
import { syncStatement } from './pendingNotes.ts';
import { waitingBySharedSummit } from './summitWaiting.ts';

/** The rule as first written, every shared summit against every changed record: what the count must still say. */
function waitingByTheRule(db: ReturnType<typeof openScratchDatabase>): Map<string, number> {
  const rows = syncStatement(
    db,
    `SELECT S.summit_doc_id AS summitDocId, count(DISTINCT R.doc_id) AS waiting
       FROM sync_account AS A
       JOIN sync_shared_summit AS S
       LEFT JOIN sync_database_behind AS B ON B.partition = S.summit_doc_id
       JOIN sync_rev AS R ON R.seq > coalesce(B.pushed_through, A.pushed_through)
      WHERE A.id = 1
        AND NOT EXISTS (SELECT 1 FROM sync_home AS H WHERE H.doc_id = R.doc_id AND H.from_server_seq IS H.seq)
        AND (R.doc_id = S.summit_doc_id
          OR (SELECT home FROM sync_home AS H WHERE H.doc_id = R.doc_id) = S.summit_doc_id
          OR EXISTS (SELECT 1 FROM sync_moved_out AS M WHERE M.doc_id = R.doc_id AND M.home = S.summit_doc_id
                AND (M.tombstone IS NULL OR (SELECT T.seq FROM sync_rev AS T WHERE T.doc_id = M.doc_id AND T.rev = M.tombstone)
                  > coalesce(B.pushed_through, A.pushed_through))))
      GROUP BY S.summit_doc_id`,
  ).all() as { summitDocId: string; waiting: number }[];
  return new Map(rows.map((row) => [row.summitDocId, row.waiting]));
}

const summitDoc = (db: ReturnType<typeof openScratchDatabase>, id: number) =>
  db.prepare(`SELECT doc_id FROM sync_doc WHERE entity = 'summit' AND row_key = ?`).pluck().get(String(id)) as string;
const mark = (db: ReturnType<typeof openScratchDatabase>) => db.prepare('SELECT max(seq) FROM sync_rev').pluck().get() as number;

describe('the changes waiting for each shared summit', () => {
  it('are counted per summit as the rule says: its own record, what lives in its database, what left it, each after its own mark', () => {
    const db = openScratchDatabase();
    db.exec(`
      INSERT INTO country (id, name, kind) VALUES (1, 'Moldova', 'country');
      INSERT INTO summit (id, title, country_id, start_date, end_date, time_zone) VALUES
        (1, 'EPC, Bulboaca', 1, '2027-06-01', '2027-06-02', 'Europe/Chisinau'),
        (2, 'Tbilisi side summit', 1, '2027-06-08', '2027-06-08', 'Asia/Tbilisi'),
        (3, 'Not shared', 1, '2027-07-01', '2027-07-01', 'Europe/Brussels');
    `);
    const meeting = db.prepare(
      `INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone) VALUES (?, ?, ?, 'bilateral', '2027-06-01T07:00:00Z', 'Europe/Chisinau')`,
    );
    const note = db.prepare(`INSERT INTO note (id, meeting_id, title, body) VALUES (?, ?, 'Line', 'Energy interconnector')`);
    for (let id = 1; id <= 12; id += 1) {
      meeting.run(id, (id % 3) + 1, `Bilateral ${id}`);
      note.run(id, id);
    }
    writeSyncAccount(db, { url: 'http://127.0.0.1:5984', username: '', passwordSealed: '' });
    setSharedSummitDocs(db, [summitDoc(db, 1), summitDoc(db, 2)]);
    expect(waitingBySharedSummit(db)).toEqual(waitingByTheRule(db));
    expect([...waitingBySharedSummit(db).values()].reduce((sum, count) => sum + count, 0)).toBeGreaterThan(10);

    // Sent up to here; then edits, a meeting moved out of a shared summit, and a summit the server refused.
    recordSyncOutcome(db, { pushedThrough: mark(db), at: '2027-05-30T10:00:00Z', error: null });
    const refusedFrom = mark(db);
    db.exec(`
      UPDATE note SET body = 'Gas storage' WHERE id IN (1, 2);
      UPDATE meeting SET summit_id = 3 WHERE id = 4;
      UPDATE summit SET title = 'EPC, Mimi Castle' WHERE id = 1;
    `);
    recordSyncOutcome(db, {
      pushedThrough: mark(db),
      behind: new Map([[summitDoc(db, 2), refusedFrom]]),
      at: '2027-05-30T11:00:00Z',
      error: null,
    });
    db.exec(`UPDATE note SET body = 'Transit' WHERE id = 7`);
    const counted = waitingBySharedSummit(db);
    expect(counted).toEqual(waitingByTheRule(db));
    expect(counted.size).toBeGreaterThan(0);
    db.close();
  });
});
