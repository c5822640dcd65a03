import { describe, expect, it } from 'vitest';
import { openDatabase } from '../open.ts';
import { generateDataset } from '../sample/generate.ts';
import { search } from '../search.ts';
import { summits } from '../summits.ts';
import { migrate, migrations } from './index.ts';

describe('search titles indexed on their own (0660)', () => {
  it('upgrades a filled store: every indexed row’s title is in the new index, and writers keep both in step', () => {
    const db = openDatabase(':memory:', { migrate: false });
    migrate(
      db,
      migrations.filter((migration) => migration.version < 660),
    );
    generateDataset(db, { seed: 6, summits: 4, meetings: 30, sectorEntries: 60, annotations: 120, largestSummitMeetings: 10 });
    const titles = (table: string) =>
      db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid`).pluck().all('{title title_cjk} : "with"*');
    const before = titles('search_text');
    expect(before.length).toBeGreaterThan(10);
    migrate(db);
    const titleIndexed = () =>
      db.prepare(`SELECT rowid FROM search_title WHERE search_title MATCH ? ORDER BY rowid`).pluck().all('"with"*');
    expect(titleIndexed()).toEqual(before);

    const id = summits.insert(db, {
      title: 'Quillwort maritime dialogue',
      city: '',
      countryId: null,
      startDate: '2024-01-01',
      endDate: '2024-01-01',
      timeZone: 'UTC',
      description: 'Talks on patrols.',
      sourceId: null,
    });
    expect(search(db, { text: 'quillwort', limit: 5 }).map((hit) => hit.id)).toEqual([id]);
    summits.update(db, id, { title: 'Renamed dialogue' });
    expect(search(db, { text: 'quillwort', limit: 5 })).toEqual([]);
    summits.remove(db, id);
    expect(db.prepare(`SELECT count(*) FROM search_title WHERE search_title MATCH 'renamed'`).pluck().get()).toBe(0);
    db.close();
  });
});
