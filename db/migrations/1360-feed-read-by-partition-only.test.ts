import { describe, expect, it } from 'vitest';
import { createNote, saveNote } from '../notes.ts';
import type { Db } from '../open.ts';
import { feedPage } from '../sync/partition.ts';
import { openScratchDatabase, treesANoteSaveWrites } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 1360);
// Saves as they were up to 1650, which made a note's revision lazy (its own test compares the two).
const through = migrations.filter((migration) => migration.version < 1650);

function storeAt(list: typeof migrations): Db {
  const db = openScratchDatabase(':memory:', { migrate: false });
  migrate(db, list);
  return db;
}

const content = { title: 'After the call', body: 'Reply expected next week.', tags: ['follow-up'], classification: '' };

describe('migration 1360', () => {
  it('a save writes one index over the places instead of two, and the whole feed still offers each record once, in order', () => {
    const [old, now] = [storeAt(before), storeAt(through)];
    for (const db of [old, now]) {
      const notes = [1, 2, 3].map(() => createNote(db, { sectorEntryId: null, meetingId: null }, content));
      // Saved out of the order they were made: the feed follows the saves.
      for (const note of [notes[1], notes[0]]) if (note) saveNote(db, note.id, 1, { ...content, body: 'Second thoughts' });
    }
    expect(treesANoteSaveWrites(old)).toContain('sync_home_by_seq');
    expect(treesANoteSaveWrites(now)).not.toContain('sync_home_by_seq');
    expect(treesANoteSaveWrites(now)).toContain('sync_home_feed');
    // Read two at a time, as the adapter reads pages: no record twice, none left out.
    const wholeFeed = (db: Db) => {
      const entries = [];
      for (let page = feedPage(db, 0, 2); page.length > 0; page = feedPage(db, page.at(-1)?.seq ?? 0, 2)) entries.push(...page);
      return entries.map((entry) => ({
        record: db.prepare('SELECT row_key FROM sync_doc WHERE doc_id = ?').pluck().get(entry.doc_id),
        seq: entry.seq,
      }));
    };
    expect(wholeFeed(now)).toEqual(wholeFeed(old));
    expect(wholeFeed(now).map((entry) => entry.record)).toEqual(['3', '2', '1']);
  });
});
