import { describe, expect, it } from 'vitest';
import type { Db } from './open.ts';
import { indexPendingSearch, search } from './search.ts';
import { openScratchDatabase } from './testing.ts';

// A merge marks the rows it writes for search; the catch-up indexes them a slice at a time (db/search.ts). FTS5
// writes the words of each slice as segments of its index and merges them again later: a first pull's catch-ups,
// writing one segment for each kind of row in a slice, were about half of what a desk did during the pull.

/** Rows of five kinds written as a merge writes them (listed in sync_applying), so only marked for the catch-up. */
function mergedRows(db: Db): void {
  db.transaction(() => {
    const applying = db.prepare('INSERT INTO sync_applying (entity, row_key) VALUES (?, ?)');
    for (const table of ['summit', 'person', 'meeting', 'source', 'country', 'note']) applying.run(table, '1');
    db.exec(`
      INSERT INTO source (id, title, publisher) VALUES (1, 'Vilnius Communiqué', 'NATO');
      INSERT INTO country (id, name, kind) VALUES (1, 'Republic of Korea', 'country');
      INSERT INTO summit (id, title, city, start_date, end_date, time_zone)
        VALUES (1, 'Vilnius Summit', 'Vilnius', '2023-07-11', '2023-07-12', 'Europe/Vilnius');
      INSERT INTO person (id, name, biography) VALUES (1, 'Yoon Suk Yeol', 'Spoke at the Vilnius Summit');
      INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone)
        VALUES (1, 1, 'Stoltenberg–Yoon in Vilnius', 'bilateral', '2023-07-11T09:00:00Z', 'Europe/Vilnius');
      INSERT INTO note (id, meeting_id, title, body) VALUES (1, 1, 'Ask', 'Raise the export licences in Vilnius');
      DELETE FROM sync_applying;`);
  })();
}

/** The segments of an FTS5 index: its data rows' segment ids (FTS5's file format keeps it above bit 37 of a row's id). */
const segments = (db: Db, index: 'search_text' | 'search_title') =>
  db.prepare(`SELECT count(DISTINCT id >> 37) FROM ${index}_data WHERE id >> 37 > 0`).pluck().get() as number;

describe("the search catch-up of a merge's rows", () => {
  it('indexes every kind of a slice as one segment of the index, each row found', () => {
    const db = openScratchDatabase();
    mergedRows(db);
    const before = { text: segments(db, 'search_text'), title: segments(db, 'search_title') };
    expect(indexPendingSearch(db)).toBe(6);
    expect({ text: segments(db, 'search_text') - before.text, title: segments(db, 'search_title') - before.title }).toEqual({
      text: 1,
      title: 1,
    });
    expect(
      search(db, { text: 'vilnius', limit: 20 })
        .map((hit) => hit.kind)
        .sort(),
    ).toEqual(['annotation', 'meeting', 'person', 'source', 'summit']);
  });
});
