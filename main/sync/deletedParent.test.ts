import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import { listConflicts } from '../../db/sync/conflicts.ts';
import { syncedEntities } from '../../db/sync/history.ts';
import { syncPrepare } from '../../db/sync/pendingNotes.ts';
import { rowsMatchWinners, storeByRecordIds } from '../../db/sync/testing.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { exportBundle, importBundle } from './bundle.ts';
import { ensureDeskKeys } from './deskKeys.ts';
import { syncOnce } from './replication.ts';
import { startTestServer } from './testServer.ts';

// Desk A deletes a meeting while desk B, offline, adds a follow-up and a note
// to it. B's work was made on a desk that never saw the deletion: the
// deletion must not take it along. The meeting comes back (its deletion loses,
// as a deletion against a concurrent edit does) and everything stays linked.

function deskWithMeeting(): Db {
  const db = openScratchDatabase();
  db.exec(`
    INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES (1, 'Washington Summit', '2024-07-09', '2024-07-11', 'America/New_York');
    INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone) VALUES (1, 1, 'Bilateral', 'bilateral', '2024-07-09T14:00:00Z', 'America/New_York');
  `);
  return db;
}

/** What desk B adds offline, on a meeting desk A has meanwhile deleted. */
function addToMeeting(db: Db): void {
  const meeting = db.prepare('SELECT id FROM meeting').pluck().get() as number;
  db.prepare(`INSERT INTO follow_up (meeting_id, description) VALUES (?, 'Send the export licence list')`).run(meeting);
  db.prepare(`INSERT INTO note (meeting_id, title, body) VALUES (?, 'Ask', 'Raise the licences first')`).run(meeting);
}

/** What the user sees of B's work on a desk. */
const followUpsWithMeeting = (db: Db) =>
  db.prepare('SELECT F.description, M.title FROM follow_up F LEFT JOIN meeting M ON M.id = F.meeting_id').all();
const notesWithMeeting = (db: Db) => db.prepare('SELECT N.body, M.title FROM note N LEFT JOIN meeting M ON M.id = N.meeting_id').all();

/**
 * The records as both desks must hold them: rows, winners and revisions. Each
 * desk's own note history, edit counters and authorship of what it received are its own.
 */
const sharedRecords = (db: Db) => {
  const store = storeByRecordIds(db);
  return {
    // A note's edit counter (version) counts this desk's writes of it.
    rows: syncedEntities.map((entity) =>
      store[entity]?.map((row) => {
        const { version: _version, ...shared } = JSON.parse(row) as Record<string, unknown>;
        return shared;
      }),
    ),
    winners: store.sync_doc,
    revisions: syncPrepare(db, 'SELECT doc_id, rev, parent, deleted, body FROM sync_rev ORDER BY doc_id, rev').all(),
    waiting: store.sync_waiting,
  };
};

const meetingRevisions = (db: Db) =>
  syncPrepare(db, `SELECT rev, parent, deleted, body FROM sync_rev WHERE doc_id LIKE 'meeting:%' ORDER BY rev`).all();

const expectBWorkKept = (db: Db) => {
  expect(followUpsWithMeeting(db)).toEqual([{ description: 'Send the export licence list', title: 'Bilateral' }]);
  expect(notesWithMeeting(db)).toEqual([{ body: 'Raise the licences first', title: 'Bilateral' }]);
  expect(rowsMatchWinners(db, syncedEntities)).toBe(true);
};

describe('a deletion never takes along what a desk that had not seen it added', () => {
  for (const deleterSyncsFirst of [true, false])
    it(`keeps a follow-up and a note added offline to a meeting deleted elsewhere, through the server (${deleterSyncsFirst ? 'deleter' : 'adder'} syncs first)`, async () => {
      const server = await startTestServer();
      try {
        const account = { url: server.database('summit-washington') };
        const a = deskWithMeeting();
        const b = openScratchDatabase();
        await syncOnce(a, account);
        await syncOnce(b, account);
        a.exec('DELETE FROM meeting');
        addToMeeting(b);
        const [first, second] = deleterSyncsFirst ? [a, b] : [b, a];
        await syncOnce(first, account);
        await syncOnce(second, account);
        await syncOnce(first, account);
        await syncOnce(second, account);
        expectBWorkKept(a);
        expectBWorkKept(b);
        expect(sharedRecords(a)).toEqual(sharedRecords(b));
      } finally {
        await server.stop();
      }
    });

  it('keeps the follow-up on a desk that cannot bring the meeting back itself, and links it when a desk that can does', async () => {
    const server = await startTestServer();
    try {
      const account = { url: server.database('summit-washington') };
      const a = deskWithMeeting();
      const b = openScratchDatabase();
      const c = openScratchDatabase();
      for (const desk of [a, b, c]) await syncOnce(desk, account);
      // A retitles then deletes: the deletion closes a text replication never brings to B or C.
      a.exec(`UPDATE meeting SET title = 'Bilateral (moved)'`);
      a.exec('DELETE FROM meeting');
      addToMeeting(b);
      const keysB = ensureDeskKeys(b, 'Desk B');
      const keysC = ensureDeskKeys(c, 'Desk C');
      importBundle(c, keysC, exportBundle(b, keysB, 'everything', { recipients: [keysC.card] }), { acceptSigner: true });
      await syncOnce(a, account);
      await syncOnce(c, account);
      // C lacks the deleted text: the meeting stays deleted there for now, but nothing on it goes.
      expect(c.prepare('SELECT count(*) FROM meeting').pluck().get()).toBe(0);
      expect(followUpsWithMeeting(c)).toEqual([{ description: 'Send the export licence list', title: null }]);
      expect(notesWithMeeting(c)).toEqual([{ body: 'Raise the licences first', title: null }]);
      expect(rowsMatchWinners(c, syncedEntities)).toBe(true);
      // A bundle from A, which has not heard of the follow-up, brings the deleted text: C brings the meeting back itself.
      const keysA = ensureDeskKeys(a, 'Desk A');
      importBundle(c, keysC, exportBundle(a, keysA, 'everything', { recipients: [keysC.card] }), { acceptSigner: true });
      expect(followUpsWithMeeting(c)).toEqual([{ description: 'Send the export licence list', title: 'Bilateral (moved)' }]);
      // A brings the meeting back when B's follow-up reaches it, and sends that on its next round.
      for (const desk of [b, a, a, b, c]) await syncOnce(desk, account);
      for (const desk of [a, b, c]) {
        expect(followUpsWithMeeting(desk)).toEqual([{ description: 'Send the export licence list', title: 'Bilateral (moved)' }]);
        expect(notesWithMeeting(desk)).toEqual([{ body: 'Raise the licences first', title: 'Bilateral (moved)' }]);
        expect(rowsMatchWinners(desk, syncedEntities)).toBe(true);
      }
      // C and A each brought it back, as the same revision: no conflict.
      expect(meetingRevisions(a)).toEqual(meetingRevisions(c));
      expect(listConflicts(c)).toEqual([]);
      expect(sharedRecords(a)).toEqual(sharedRecords(c));
      // B heard through the server only, which names the retitled revision by id, without its text.
      const { revisions: _bRevisions, ...onB } = sharedRecords(b);
      const { revisions: _cRevisions, ...onC } = sharedRecords(c);
      expect(onB).toEqual(onC);
    } finally {
      await server.stop();
    }
  });

  it('still deletes a meeting everywhere with all on it, when the deleting desk had seen all of it', async () => {
    const server = await startTestServer();
    try {
      const account = { url: server.database('summit-washington') };
      const a = deskWithMeeting();
      // More than one replication batch of follow-ups, so their deletions arrive in several.
      for (let index = 0; index < 250; index += 1)
        a.prepare(`INSERT INTO follow_up (meeting_id, description) VALUES (1, ?)`).run(`Follow-up ${index}`);
      a.exec(`INSERT INTO note (meeting_id, title, body) VALUES (1, 'Ask', 'Raise the licences first')`);
      const b = openScratchDatabase();
      await syncOnce(a, account);
      await syncOnce(b, account);
      expect(b.prepare('SELECT count(*) FROM follow_up').pluck().get()).toBe(250);
      a.exec('DELETE FROM meeting');
      await syncOnce(a, account);
      await syncOnce(b, account);
      await syncOnce(a, account);
      for (const desk of [a, b]) {
        expect(desk.prepare('SELECT count(*) FROM meeting').pluck().get()).toBe(0);
        expect(desk.prepare('SELECT count(*) FROM follow_up').pluck().get()).toBe(0);
        expect(notesWithMeeting(desk)).toEqual([{ body: 'Raise the licences first', title: null }]);
      }
      expect(sharedRecords(a)).toEqual(sharedRecords(b));
    } finally {
      await server.stop();
    }
  });

  it('keeps them through bundles too, whichever desk imports first', () => {
    const a = deskWithMeeting();
    const b = openScratchDatabase();
    const keysA = ensureDeskKeys(a, 'Desk A');
    const keysB = ensureDeskKeys(b, 'Desk B');
    importBundle(b, keysB, exportBundle(a, keysA, 'everything', { recipients: [keysB.card] }), { acceptSigner: true });
    a.exec('DELETE FROM meeting');
    addToMeeting(b);
    const fromA = exportBundle(a, keysA, 'everything', { recipients: [keysB.card] });
    importBundle(a, keysA, exportBundle(b, keysB, 'everything', { recipients: [keysA.card] }), { acceptSigner: true });
    importBundle(b, keysB, fromA, { acceptSigner: true });
    // Each desk brought the meeting back on its own, before hearing of the other: the same revision, no conflict.
    expect(meetingRevisions(a)).toEqual(meetingRevisions(b));
    importBundle(b, keysB, exportBundle(a, keysA, 'everything', { recipients: [keysB.card] }), { acceptSigner: true });
    importBundle(a, keysA, exportBundle(b, keysB, 'everything', { recipients: [keysA.card] }), { acceptSigner: true });
    expectBWorkKept(a);
    expectBWorkKept(b);
    expect(sharedRecords(a)).toEqual(sharedRecords(b));
    expect(listConflicts(a)).toEqual([]);
  });
});
