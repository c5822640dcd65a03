import { describe, expect, it } from 'vitest';
import { createNote } from '../notes.ts';
import { indexPendingSearch, search } from '../search.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 2800);
const upTo2800 = migrations.filter((migration) => migration.version <= 2800);
const automerge = (db: ReturnType<typeof openScratchDatabase>, table: string) =>
  db.prepare(`SELECT v FROM ${table}_config WHERE k = 'automerge'`).pluck().get();

describe('migration 2800: the search index merges its segments less often', () => {
  it('keeps every row findable when indexed in many small transactions, as a first pull indexes', () => {
    const db = openScratchDatabase(':memory:', { migrate: false });
    migrate(db, before);
    expect(automerge(db, 'search_text')).toBeUndefined();
    migrate(db, upTo2800);
    expect([automerge(db, 'search_text'), automerge(db, 'search_title')]).toEqual([8, 8]);
    // Forty transactions of five notes: segments pile up past eight and are merged while indexing goes on.
    for (let slice = 0; slice < 40; slice++) {
      for (let note = 0; note < 5; note++)
        createNote(
          db,
          { meetingId: null, sectorEntryId: null },
          { title: `Brief ${slice}-${note}`, body: `harbour${slice} talking point ${note}`, tags: [], classification: '' },
        );
      indexPendingSearch(db);
    }
    expect(db.prepare('SELECT count(*) FROM search_text').pluck().get()).toBe(200);
    expect(search(db, { text: 'harbour17', limit: 10 }).map((hit) => hit.title)).toHaveLength(5);
    expect(search(db, { text: 'brief 39-4', limit: 10 }).map((hit) => hit.title)).toContain('Brief 39-4');
    expect(search(db, { text: 'talking', limit: 300 })).toHaveLength(200);
    db.close();
  });
});
