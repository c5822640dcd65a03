import { describe, expect, it } from 'vitest';
import { createNote, linkNote, saveNote } from '../notes.ts';
import type { Db } from '../open.ts';
import { writeDeskKey } from '../sync/desk.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 1100);
// Saves as they were up to 1650, which made a note's revision lazy (its own test compares the two).
const through = migrations.filter((migration) => migration.version < 1650);
const content = { title: 'After the call', body: 'The reply is expected next week. 회신 예정.', tags: ['follow-up'], classification: '' };

function storeAt(list: typeof migrations): Db {
  const db = openScratchDatabase(':memory:', { migrate: false });
  migrate(db, list);
  writeDeskKey(
    db,
    {
      desk_name: 'Seoul desk',
      signing_private: Buffer.alloc(32),
      signing_public: 'cw',
      encryption_private: Buffer.alloc(32),
      encryption_public: 'ZW5j',
    },
    'AAAA BBBB CCCC DDDD EEEE',
  );
  return db;
}

/** Counts the rewrites of revision rows after their insert (a TEMP trigger: it is this connection's only). */
function countRevisionRewrites(db: Db): () => number {
  db.exec(`
    CREATE TEMP TABLE rewrites (n INTEGER NOT NULL);
    INSERT INTO rewrites VALUES (0);
    CREATE TEMP TRIGGER count_rewrites AFTER UPDATE ON main.sync_rev BEGIN UPDATE rewrites SET n = n + 1; END;
  `);
  return () => db.prepare('SELECT n FROM temp.rewrites').pluck().get() as number;
}

const lastRevision = (db: Db) =>
  db.prepare('SELECT parent, deleted, body, author FROM sync_rev ORDER BY seq DESC LIMIT 1').get() as {
    parent: string | null;
    deleted: number;
    body: string;
    author: string;
  };

describe('migration 1100', () => {
  it('a note save writes its revision once, its author (desk, fingerprint, time) in the same row', () => {
    const db = storeAt(through);
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content);
    const rewrites = countRevisionRewrites(db);
    const parent = db.prepare("SELECT rev FROM sync_doc WHERE entity = 'note' AND row_key = ?").pluck().get(String(note.id));
    db.transaction(() => saveNote(db, note.id, 1, { ...content, body: 'Second thoughts' }))();

    expect(rewrites()).toBe(0);
    const revision = lastRevision(db);
    expect(revision.parent).toBe(parent);
    expect(JSON.parse(revision.body)).toMatchObject({ title: 'After the call', body: 'Second thoughts', tags: '["follow-up"]' });
    expect(JSON.parse(revision.author)).toEqual({ desk: 'Seoul desk', fingerprint: 'AAAA BBBB CCCC DDDD EEEE', at: expect.any(String) });
    expect(db.prepare("SELECT rev FROM sync_doc WHERE entity = 'note' AND row_key = ?").pluck().get(String(note.id))).not.toBe(parent);
  });

  it('records the same text, author and place as before, and still no revision when nothing changed', () => {
    const [old, now] = [storeAt(before), storeAt(through)];
    for (const db of [old, now]) {
      const note = createNote(db, { sectorEntryId: null, meetingId: null }, content);
      saveNote(db, note.id, 1, { ...content, body: 'Second thoughts' });
      // The same link again: the row is written, its text is unchanged.
      linkNote(db, note.id, null);
    }
    const written = (db: Db) =>
      (
        db.prepare('SELECT parent IS NULL AS first, deleted, body, author FROM sync_rev ORDER BY seq').all() as {
          body: string;
          author: string;
        }[]
      ).map((row) => ({
        ...row,
        body: { ...JSON.parse(row.body), created_at: 'now', updated_at: 'now' },
        author: { ...JSON.parse(row.author), at: 'now' },
      }));
    expect(written(now)).toEqual(written(old));
    expect(written(now)).toHaveLength(2);
    const places = (db: Db) => db.prepare('SELECT via, home FROM sync_home ORDER BY seq').all();
    expect(places(now)).toEqual(places(old));
  });
});
