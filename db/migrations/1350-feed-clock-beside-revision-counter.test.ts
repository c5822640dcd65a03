import { describe, expect, it } from 'vitest';
import { createNote, emptyTrash, linkNote, saveNote, trashNote } from '../notes.ts';
import type { Db } from '../open.ts';
import { summits } from '../summits.ts';
import { feedPage, lastFeedPlace, offerNewlyShared } from '../sync/partition.ts';
import { openScratchDatabase, treesANoteSaveWrites } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 1350);
// Saves as they were up to 1650, which made a note's revision lazy (its own test compares the two).
const through = migrations.filter((migration) => migration.version < 1650);

function storeAt(list: typeof migrations): Db {
  const db = openScratchDatabase(':memory:', { migrate: false });
  migrate(db, list);
  return db;
}

const content = { title: 'After the call', body: 'Reply expected next week.', tags: ['follow-up'], classification: '' };
const summit = (db: Db, title: string) =>
  summits.insert(db, {
    title,
    city: '',
    countryId: null,
    startDate: '2024-01-01',
    endDate: '2024-01-01',
    timeZone: 'UTC',
    description: '',
    sourceId: null,
  });

/** A desk's day with notes: new records, saves, a link to a summit, a move to another, a note trashed and deleted. */
function day(db: Db): void {
  const [first, second] = [summit(db, 'Maritime dialogue'), summit(db, 'Trade ministers')];
  const kept = createNote(db, { sectorEntryId: null, meetingId: null }, content);
  const binned = createNote(db, { sectorEntryId: null, meetingId: null }, content);
  saveNote(db, kept.id, 1, { ...content, body: 'Second thoughts' });
  linkNote(db, kept.id, { summitId: first });
  saveNote(db, kept.id, 2, { ...content, body: 'Third thoughts' });
  linkNote(db, kept.id, { summitId: second });
  linkNote(db, binned.id, { summitId: first });
  trashNote(db, binned.id);
  emptyTrash(db);
}

/** Each record where it replicates, in the order of the whole feed (replication ids are random: a summit is named by its row). */
function feedInOrder(db: Db): { entity: string; rowKey: string | null; home: string | null }[] {
  return feedPage(db, 0, 1000).map(({ doc_id: docId }) => {
    const row = db
      .prepare('SELECT D.entity, D.row_key AS rowKey, H.home FROM sync_home AS H JOIN sync_doc AS D USING (doc_id) WHERE H.doc_id = ?')
      .get(docId) as { entity: string; rowKey: string | null; home: string | null };
    const home = row.home?.startsWith('summit:')
      ? `summit ${db.prepare('SELECT row_key FROM sync_doc WHERE doc_id = ?').pluck().get(row.home)}`
      : row.home;
    return { ...row, home };
  });
}

const placeOfNote = (db: Db, noteId: number) =>
  db
    .prepare("SELECT H.home, H.seq FROM sync_home AS H JOIN sync_doc AS D USING (doc_id) WHERE D.entity = 'note' AND D.row_key = ?")
    .get(String(noteId)) as { home: string | null; seq: number };

describe('migration 1350', () => {
  it('gives every record the same place in the feeds as before, and a save writes no clock table', () => {
    const [old, now] = [storeAt(before), storeAt(through)];
    day(old);
    day(now);
    const places = (db: Db) => feedPage(db, 0, 1000).map((entry) => ({ ...entry, doc_id: undefined }));
    expect(feedInOrder(now)).toEqual(feedInOrder(old));
    expect(places(now)).toEqual(places(old));
    expect(feedInOrder(now).some((record) => record.home === 'summit 2')).toBe(true);
    expect(lastFeedPlace(now)).toBe(old.prepare('SELECT seq FROM sync_feed_clock').pluck().get());
    expect(treesANoteSaveWrites(old)).toContain('sync_feed_clock');
    expect(treesANoteSaveWrites(now)).not.toContain('sync_feed_clock');
  });

  it('a store upgraded after a day goes on from its clock: later saves and moves come after every place given before', () => {
    const db = storeAt(before);
    day(db);
    const clock = db.prepare('SELECT seq FROM sync_feed_clock').pluck().get() as number;
    migrate(db, through);
    expect(lastFeedPlace(db)).toBe(clock);

    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content);
    expect(placeOfNote(db, note.id).seq).toBe(clock + 1);
    saveNote(db, note.id, 1, { ...content, body: 'Second thoughts' });
    expect(placeOfNote(db, note.id).seq).toBe(clock + 2);
    // The revision's place, then the move's: a feed read up to the save still offers the note at its summit.
    linkNote(db, note.id, { summitId: summit(db, 'Trade ministers') });
    const moved = placeOfNote(db, note.id);
    expect(moved.seq).toBeGreaterThan(clock + 2);
    expect(feedPage(db, clock + 2, 100, moved.home ?? '').map((entry) => entry.doc_id)).toHaveLength(1);
    expect(lastFeedPlace(db)).toBe(moved.seq);
  });

  it('a summit shared anew takes a place after every other, and the next revision one after it', () => {
    const db = storeAt(through);
    const summitId = summit(db, 'Maritime dialogue');
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content);
    const summitDoc = db.prepare("SELECT doc_id FROM sync_doc WHERE entity = 'summit' AND row_key = ?").pluck().get(String(summitId));
    offerNewlyShared(db, [summitDoc as string]);
    const offered = db.prepare('SELECT seq FROM sync_home WHERE doc_id = ?').pluck().get(summitDoc) as number;
    expect(offered).toBe(lastFeedPlace(db));
    expect(offered).toBeGreaterThan(placeOfNote(db, note.id).seq);
    saveNote(db, note.id, 1, { ...content, body: 'Second thoughts' });
    expect(placeOfNote(db, note.id).seq).toBe(offered + 1);
  });
});
