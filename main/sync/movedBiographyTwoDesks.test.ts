import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMeetingBiography } from '../../db/meetingBiographies.ts';
import type { Db } from '../../db/open.ts';
import { statement } from '../../db/sql.ts';
import { syncStatement } from '../../db/sync/pendingNotes.ts';
import { branchesLeftBehind, descendingRandomIds, seedRandomIds } from '../../db/sync/testing.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { syncOnce } from './replication.ts';
import { startTestServer, type TestServer } from './testServer.ts';

// Issue #13's property test, shrunk: two desks write the same person's biography for a meeting while a third desk
// moves the meeting to a summit and a colleague's later edit of it takes it back out. The third desk, seeing the
// meeting leave the summit, gives the biography it held there a revision in the meeting's new home, which outranks
// the colleague's text of the same length; that text is then a branch left in the summit's database, and used to be
// closed only at the desk's next exchange: the desks met, held the same versions, and the third desk still had
// revisions to send. Now the exchange that carries the move carries all of it.

let server: TestServer;
const stores: Db[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const db of stores) db.close();
  await server?.stop();
});

function desk(): Db {
  const db = openScratchDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-moved-biography-')), 'store.sqlite'));
  stores.push(db);
  return db;
}

const idOf = (db: Db, table: 'person' | 'summit', name: string) =>
  statement(db, `SELECT id FROM ${table} WHERE ${table === 'person' ? 'name' : 'title'} = ?`)
    .pluck()
    .get(name) as number;
const meetingId = (db: Db) => statement(db, 'SELECT id FROM meeting').pluck().get() as number;
/** The biography's versions as a desk holds them: every revision and which is shown. */
const biographyVersions = (db: Db) => ({
  revisions: syncStatement(
    db,
    `SELECT R.rev, R.parent, R.deleted FROM sync_rev AS R JOIN sync_doc AS D ON D.doc_id = R.doc_id
      WHERE D.entity = 'meeting_biography' ORDER BY R.rev`,
  ).all(),
  shown: statement(db, 'SELECT text FROM meeting_biography').pluck().all(),
});

/** The texts of the biography's live versions: the one shown and those kept beside it. */
const liveTexts = (db: Db) =>
  syncStatement(
    db,
    `SELECT DISTINCT R.body ->> 'text' FROM sync_rev AS R JOIN sync_doc AS D ON D.doc_id = R.doc_id
      WHERE D.entity = 'meeting_biography' AND R.deleted = 0
        AND NOT EXISTS (SELECT 1 FROM sync_rev AS C WHERE C.doc_id = R.doc_id AND C.parent = R.rev) ORDER BY 1`,
  )
    .pluck()
    .all();

describe('a biography written on two desks while a third moves its meeting in and out of a summit', () => {
  it('is settled in the exchange that carries the move: once the desks met they hold the same, with nothing left to send', async () => {
    const url = server.database('moved-biography');
    const [first, mover, second] = [desk(), desk(), desk()] as [Db, Db, Db];
    first.exec(`
      INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES (1, 'Arctic Council ministerial', '2025-05-12', '2025-05-13', 'Europe/Oslo');
      INSERT INTO meeting (id, title, format, starts_at, time_zone) VALUES (1, 'Bilateral with the Sámi Parliament', 'bilateral', '2025-05-12T09:00:00Z', 'Europe/Oslo');
      INSERT INTO person (id, name) VALUES (1, 'President of the Sámi Parliament');
    `);
    for (const db of [first, mover, second]) await syncOnce(db, { url });

    // Apart: the mover files the meeting under the ministerial; the two others write the biography, and the second
    // retitles the meeting, which takes it back out of the summit: of two versions of the same length CouchDB's rule
    // shows the higher id, and the second desk's ids are drawn highest.
    seedRandomIds(first, 1);
    seedRandomIds(mover, 2);
    descendingRandomIds(second);
    statement(mover, 'UPDATE meeting SET summit_id = ? WHERE id = ?').run(
      idOf(mover, 'summit', 'Arctic Council ministerial'),
      meetingId(mover),
    );
    for (const [db, text] of [
      [first, 'Elected in 2021; will raise the reindeer-herding corridors.'],
      [second, 'Former language teacher; will raise the Sámi language centres.'],
    ] as const)
      setMeetingBiography(db, meetingId(db), idOf(db, 'person', 'President of the Sámi Parliament'), text);
    statement(second, 'UPDATE meeting SET title = ? WHERE id = ?').run('Pull-aside with the Sámi Parliament', meetingId(second));

    // The mover receives the first desk's biography while the meeting is in the summit, then the second's edit and text.
    await syncOnce(first, { url });
    await syncOnce(mover, { url });
    expect(biographyVersions(mover).shown).toEqual(['Elected in 2021; will raise the reindeer-herding corridors.']);
    await syncOnce(second, { url });
    await syncOnce(mover, { url });
    expect(statement(mover, 'SELECT title, summit_id AS summitId FROM meeting').get()).toEqual({
      title: 'Pull-aside with the Sámi Parliament',
      summitId: null,
    });
    expect(biographyVersions(mover).shown).toEqual(['Former language teacher; will raise the Sámi language centres.']);

    // Every desk meets once: the mover closes what the meeting left in the summit's database, the others take it.
    for (const db of [mover, first, second]) await syncOnce(db, { url });
    expect(branchesLeftBehind(mover)).toEqual([]);
    const met = biographyVersions(mover);
    for (const db of [first, second]) expect(biographyVersions(db)).toEqual(met);
    // Both texts are still there: one shown, the other kept as a conflict.
    expect(liveTexts(mover)).toEqual([
      'Elected in 2021; will raise the reindeer-herding corridors.',
      'Former language teacher; will raise the Sámi language centres.',
    ]);

    // Met: the next round finds nothing more to send, and the desks stay equal.
    const again = await syncOnce(mover, { url });
    expect(again.push.docs_written).toBe(0);
    expect(biographyVersions(mover)).toEqual(met);
  });
});
