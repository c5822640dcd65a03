import { describe, expect, it } from 'vitest';
import { createNote, linkNote, saveNote } from '../notes.ts';
import type { Db } from '../open.ts';
import { summits } from '../summits.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 1110);
// 1120 trades this saving for a cheaper one (the place worked out without temporary tables, and written as 1040 did).
const upTo1110 = migrations.filter((migration) => migration.version <= 1110);
// The feed clock this test reads is gone since 1350, whose test checks the same moves by places.
const beforeClockWent = migrations.filter((migration) => migration.version < 1350);
const content = { title: 'After the call', body: 'The reply is expected next week.', tags: [], classification: '' };

function storeAt(list: typeof migrations): Db {
  const db = openScratchDatabase(':memory:', { migrate: false });
  migrate(db, list);
  return db;
}

/** Counts writes to the changes-feed index (a TEMP trigger: this connection's only). */
function countPlaceWrites(db: Db): () => number {
  db.exec(`
    CREATE TEMP TABLE place_writes (n INTEGER NOT NULL);
    INSERT INTO place_writes VALUES (0);
    CREATE TEMP TRIGGER count_place_writes AFTER UPDATE ON main.sync_home BEGIN UPDATE place_writes SET n = n + 1; END;
  `);
  return () => db.prepare('SELECT n FROM temp.place_writes').pluck().get() as number;
}

const feedClock = (db: Db) => db.prepare('SELECT seq FROM sync_feed_clock').pluck().get() as number;
const placeOf = (db: Db, noteId: number) =>
  db
    .prepare("SELECT H.home, H.seq FROM sync_home AS H JOIN sync_doc AS D USING (doc_id) WHERE D.entity = 'note' AND D.row_key = ?")
    .get(String(noteId)) as { home: string | null; seq: number };

describe('migration 1110', () => {
  it('a save that keeps the note where it replicates takes one new place in the feeds and writes its row there once', () => {
    const db = storeAt(upTo1110);
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content);
    const writes = countPlaceWrites(db);
    const clock = feedClock(db);
    db.transaction(() => saveNote(db, note.id, 1, { ...content, body: 'Second thoughts' }))();

    expect(writes()).toBe(1);
    expect(feedClock(db)).toBe(clock + 1);
    expect(placeOf(db, note.id)).toEqual({ home: null, seq: clock + 1 });
  });

  it('a note linked to a summit moves to its feed, as before the migration', () => {
    const moved = [storeAt(before), storeAt(upTo1110), storeAt(beforeClockWent)].map((db) => {
      const summitId = summits.insert(db, {
        title: 'Maritime dialogue',
        city: '',
        countryId: null,
        startDate: '2024-01-01',
        endDate: '2024-01-01',
        timeZone: 'UTC',
        description: '',
        sourceId: null,
      });
      const note = createNote(db, { sectorEntryId: null, meetingId: null }, content);
      const clock = feedClock(db);
      linkNote(db, note.id, { summitId });
      const summitDoc = db.prepare("SELECT doc_id FROM sync_doc WHERE entity = 'summit' AND row_key = ?").pluck().get(String(summitId));
      const place = placeOf(db, note.id);
      return { toSummit: place.home === summitDoc, placesTaken: feedClock(db) - clock, atTheEnd: place.seq === feedClock(db) };
    });
    // The revision's place, then the move's: a feed that read up to the first must still offer the note.
    expect(moved[1]).toEqual({ toSummit: true, placesTaken: 2, atTheEnd: true });
    expect(moved[1]).toEqual(moved[0]);
    expect(moved[2]).toEqual(moved[0]);
  });
});
