import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import { setSharedSummitDocs, writeSyncAccount } from '../../db/sync/account.ts';
import { syncPrepare } from '../../db/sync/pendingNotes.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { exportBundle, importBundle, reviewBundle } from './bundle.ts';
import { ensureDeskKeys } from './deskKeys.ts';
import { databaseUrl } from './replication.ts';
import { DeskReplicator } from './replicator.ts';
import { startTestServer } from './testServer.ts';

// A summit's bundle (and its server database) holds exactly that summit's
// records, those that reach it through another record (a meeting's notes,
// follow-ups and participants) included, and what they refer to; never
// another summit's. Two summits of different hosts share a person and a sector.

const scheme = { name: 'NATO', levels: [{ name: 'NATO UNCLASSIFIED', mark: 'NU' }] } as never;
const docOf = (db: Db, entity: string, rowId: number) =>
  syncPrepare(db, 'SELECT doc_id FROM sync_doc WHERE entity = ? AND row_key = ?').pluck().get(entity, String(rowId)) as string;

/** Vilnius (hosted by Lithuania) and Washington (hosted by the United States), with records that changed summit. */
function twoSummits(): Db {
  const db = openScratchDatabase();
  db.exec(`
    INSERT INTO source (id, title) VALUES (1, 'Article');
    INSERT INTO country (id, name, kind) VALUES (1, 'Lithuania', 'country'), (2, 'United States', 'country'), (3, 'NATO', 'organisation');
    INSERT INTO person (id, name, country_id) VALUES (1, 'Jens Stoltenberg', 3);
    INSERT INTO programme (id, code, name) VALUES (1, 'ITPP', 'Korea–NATO ITPP');
    INSERT INTO sector (id, programme_id, name) VALUES (1, 1, 'Cyber defence');
    INSERT INTO sector_entry (id, sector_id, occurred_on, title, source_id) VALUES (1, 1, '2023-07-11', 'ITPP adopted', 1);
    INSERT INTO summit (id, title, start_date, end_date, time_zone, country_id) VALUES
      (1, 'Vilnius Summit', '2023-07-11', '2023-07-12', 'Europe/Vilnius', 1),
      (2, 'Washington Summit', '2024-07-09', '2024-07-11', 'America/New_York', 2);
    INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone) VALUES
      (1, 1, 'Vilnius bilateral', 'bilateral', '2023-07-11T09:00:00Z', 'Europe/Vilnius'),
      (2, 2, 'Washington bilateral', 'bilateral', '2024-07-09T14:00:00Z', 'America/New_York'),
      (3, 2, 'Moved to Vilnius', 'bilateral', '2023-07-12T09:00:00Z', 'Europe/Vilnius');
    INSERT INTO meeting_participant (meeting_id, person_id, side) VALUES (1, 1, 'theirs'), (2, 1, 'theirs'), (3, 1, 'theirs');
    INSERT INTO note (id, meeting_id, title, body) VALUES
      (1, 1, 'Vilnius annotation', 'Vilnius meeting note'),
      (2, 2, 'Washington annotation', 'Washington meeting note'),
      (3, 3, 'Moved meeting note', 'Travels with its meeting to Vilnius'),
      (4, 2, 'Relinked to Vilnius', 'First on Washington, now on Vilnius'),
      (5, 1, 'Relinked to Washington', 'First on Vilnius, now on Washington');
    INSERT INTO note (id, summit_id, sector_id, title, body) VALUES
      (6, 1, 1, 'Vilnius cyber', 'Vilnius sector note'),
      (7, 2, 1, 'Washington cyber', 'Washington sector note');
    INSERT INTO note (id, sector_entry_id, title, body) VALUES (8, 1, 'Entry annotation', 'On the shared sector entry');
    INSERT INTO follow_up (id, meeting_id, description) VALUES (1, 1, 'Vilnius follow-up'), (2, 2, 'Washington follow-up'),
      (3, 3, 'Moved meeting follow-up');
    INSERT INTO timeline_event (id, occurred_on, title, summit_id) VALUES (1, '2023-07-11', 'Vilnius opens', 1),
      (2, '2024-07-09', 'Washington opens', 2);
  `);
  // Links changed after the records were made: the meeting moved (its Washington text left behind), one note each way.
  db.exec(`
    UPDATE meeting SET purpose = 'Washington-only purpose' WHERE id = 3;
    UPDATE meeting SET summit_id = 1, purpose = 'Vilnius purpose' WHERE id = 3;
    UPDATE note SET meeting_id = 1 WHERE id = 4;
    UPDATE note SET meeting_id = 2 WHERE id = 5;
  `);
  return db;
}

const vilnius = {
  summit: ['Vilnius Summit'],
  meeting: ['Moved to Vilnius', 'Vilnius bilateral'],
  note: ['Moved meeting note', 'Relinked to Vilnius', 'Vilnius annotation', 'Vilnius cyber'],
  follow_up: ['Moved meeting follow-up', 'Vilnius follow-up'],
  timeline_event: ['Vilnius opens'],
  meeting_participant: 2,
  // What left it for the other summit goes as a deletion closing it there, without any text (2000).
  left: ['note'],
};
const washington = {
  summit: ['Washington Summit'],
  meeting: ['Washington bilateral'],
  note: ['Relinked to Washington', 'Washington annotation', 'Washington cyber'],
  follow_up: ['Washington follow-up'],
  timeline_event: ['Washington opens'],
  meeting_participant: 1,
  left: ['follow_up', 'meeting', 'meeting_participant', 'note', 'note'],
};
const nameOf = (body: Record<string, unknown> | null | undefined) => String(body?.name ?? body?.title ?? body?.description ?? '');

describe('a summit’s records, and no other summit’s', () => {
  it('a bundle of each summit holds exactly its records, those linked through its meetings, and the shared person and sector', () => {
    const a = twoSummits();
    const deskA = ensureDeskKeys(a, 'Desk A');
    const b = openScratchDatabase();
    const deskB = ensureDeskKeys(b, 'Desk B');
    for (const [summitId, expected, other] of [
      [1, vilnius, washington],
      [2, washington, vilnius],
    ] as const) {
      const file = exportBundle(a, deskA, { summit: docOf(a, 'summit', summitId) }, { recipients: [deskB.card] });
      const { records: all } = reviewBundle(b, deskB, file, scheme);
      const closedHere = all.filter((record) => record.revisions.every((revision) => revision.body === null));
      expect(closedHere.map((record) => record.entity).sort()).toEqual(expected.left);
      for (const record of closedHere) expect(record.revisions.at(-1)?.deleted).toBe(true);
      const records = all.filter((record) => !closedHere.includes(record));
      const current = (entity: string) =>
        records
          .filter((record) => record.entity === entity)
          .map((record) => nameOf(record.revisions.findLast((revision) => revision.body !== null)?.body))
          .sort();
      expect(current('summit')).toEqual(expected.summit);
      expect(current('meeting')).toEqual(expected.meeting);
      expect(current('note')).toEqual(expected.note);
      expect(current('follow_up')).toEqual(expected.follow_up);
      expect(current('timeline_event')).toEqual(expected.timeline_event);
      expect(records.filter((record) => record.entity === 'meeting_participant')).toHaveLength(expected.meeting_participant);
      // What they refer to comes along: the shared person and sector, the host country, not the other host.
      expect(current('person')).toEqual(['Jens Stoltenberg']);
      expect(current('sector')).toEqual(['Cyber defence']);
      expect(current('country')).toEqual([summitId === 1 ? 'Lithuania' : 'United States', 'NATO'].sort());
      // Nothing of the other summit, in any revision of anything inside.
      const inside = JSON.stringify(all);
      for (const name of [...other.summit, ...other.meeting, ...other.note, ...other.follow_up, ...other.timeline_event])
        expect(inside).not.toContain(name);
      // The moved meeting's text from its Washington days goes by its revision id only.
      expect(inside).not.toContain('Washington-only purpose');
      // Nor any of its records (an earlier revision of a record that changed summit may still name one).
      const ids = new Set(records.map((record) => record.id));
      const others =
        summitId === 1
          ? [docOf(a, 'summit', 2), docOf(a, 'meeting', 2)]
          : [docOf(a, 'summit', 1), docOf(a, 'meeting', 1), docOf(a, 'meeting', 3)];
      for (const id of others) expect(ids.has(id)).toBe(false);
    }
    // Desk B imports Vilnius: the moved meeting as it is now, and nothing of Washington.
    importBundle(b, deskB, exportBundle(a, deskA, { summit: docOf(a, 'summit', 1) }, { recipients: [deskB.card] }), { acceptSigner: true });
    expect(b.prepare('SELECT title FROM summit').pluck().all()).toEqual(['Vilnius Summit']);
    expect(b.prepare(`SELECT purpose FROM meeting WHERE title = 'Moved to Vilnius'`).pluck().get()).toBe('Vilnius purpose');
    expect(b.prepare('SELECT count(*) FROM note').pluck().get()).toBe(vilnius.note.length);
  });

  it('a meeting moved to another summit takes its notes, follow-ups and participants to that summit’s database on the server', async () => {
    const server = await startTestServer();
    const a = openScratchDatabase();
    a.exec(`
      INSERT INTO person (id, name) VALUES (1, 'Jens Stoltenberg');
      INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES
        (1, 'Vilnius Summit', '2023-07-11', '2023-07-12', 'Europe/Vilnius'),
        (2, 'Washington Summit', '2024-07-09', '2024-07-11', 'America/New_York');
      INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone) VALUES
        (1, 2, 'Bilateral', 'bilateral', '2023-07-12T09:00:00Z', 'Europe/Vilnius');
      INSERT INTO meeting_participant (meeting_id, person_id, side) VALUES (1, 1, 'theirs');
      INSERT INTO note (meeting_id, title, body) VALUES (1, 'Annotation', 'On the meeting');
      INSERT INTO follow_up (meeting_id, description) VALUES (1, 'Send the readout');
    `);
    const databasePrefix = `scope${process.pid}`;
    writeSyncAccount(a, { url: server.url, username: '', passwordSealed: '', databasePrefix });
    setSharedSummitDocs(a, [docOf(a, 'summit', 1), docOf(a, 'summit', 2)]);
    const desk = new DeskReplicator(a, { intervalMs: 3_600_000 });
    const kindsIn = async (summitId: number) => {
      const response = await fetch(`${databaseUrl({ baseUrl: server.url, databasePrefix }, docOf(a, 'summit', summitId))}/_all_docs`);
      const { rows } = (await response.json()) as { rows: { id: string }[] };
      return rows.map((row) => row.id.slice(0, row.id.indexOf(':'))).sort();
    };
    try {
      desk.start();
      await desk.nudge();
      // Each summit's database holds its own record too (2750).
      expect(await kindsIn(2)).toEqual(['follow_up', 'meeting', 'meeting_participant', 'note', 'summit']);
      a.exec('UPDATE meeting SET summit_id = 1 WHERE id = 1');
      await desk.nudge();
      expect(await kindsIn(1)).toEqual(['follow_up', 'meeting', 'meeting_participant', 'note', 'summit']);
    } finally {
      await desk.stop();
      await server.stop();
    }
  });
});
