import { describe, expect, it } from 'vitest';
import type { Db } from '../open.ts';
import { openDatabase } from '../open.ts';
import { indexPendingSearch, search } from '../search.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 1600);

// One record of every kind search lists, with text in every column its entry reads, Korean included.
const records = `
  INSERT INTO source (id, title, publisher, note) VALUES (1, 'Communiqué', 'NATO', 'Paragraph 12');
  INSERT INTO country (id, name, native_name, kind, note) VALUES (1, 'Republic of Korea', '대한민국', 'country', 'IP4 partner');
  INSERT INTO programme (id, code, name, description) VALUES (1, 'ITPP', 'Partnership programme', 'Tailored');
  INSERT INTO summit (id, title, city, description, start_date, end_date, time_zone)
    VALUES (1, 'Vilnius Summit', 'Vilnius', 'Alliance summit 사이버방위', '2023-07-11', '2023-07-12', 'Europe/Vilnius');
  INSERT INTO person (id, name, native_name, title, biography) VALUES (1, 'Yoon Suk Yeol', '윤석열', 'President', 'Former prosecutor');
  INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone, venue, purpose, outcome)
    VALUES (1, 1, 'Stoltenberg–Yoon', 'bilateral', '2023-07-11T09:00:00Z', 'Europe/Vilnius', 'LITEXPO', 'Partnership', 'Agreed');
  INSERT INTO sector (id, programme_id, name, summary, our_position) VALUES (1, 1, 'Cyber defence', 'Hybrid threats', 'Support the centre');
  INSERT INTO sector_entry (id, sector_id, source_id, title, body, source_excerpt, occurred_on)
    VALUES (1, 1, 1, 'Tallinn centre membership', 'Joined the CCDCOE', 'Excerpt of the cable', '2022-05-05');
  INSERT INTO timeline_event (id, summit_id, occurred_on, title, description, source_excerpt)
    VALUES (1, 1, '2023-07-11', 'Summit opens', 'Opening session', 'Press release');
  INSERT INTO follow_up (id, meeting_id, description, owner) VALUES (1, 1, 'Send the ITPP draft', 'Defence attaché');
  INSERT INTO note (id, meeting_id, title, body, tags) VALUES (1, 1, 'Ask', 'Raise the export licences', '["licences"]');`;
const tables = ['summit', 'person', 'meeting', 'sector', 'sector_entry', 'source', 'timeline_event', 'follow_up', 'country', 'programme'];

// The columns 1600 knows: later migrations may add some (1900 adds the folded text) to every row alike.
const indexRows = (db: Db) =>
  db.prepare('SELECT rowid, title, body, title_cjk, body_cjk, kind, ref_id, summit_id, sector_id FROM search_text ORDER BY rowid').all();
const titleRows = (db: Db) => db.prepare(`SELECT rowid FROM search_title WHERE search_title MATCH 'vilnius OR 대한'`).pluck().all();

/** The records written as a merge writes them: every row listed in sync_applying meanwhile. */
function writtenByMerge(db: Db): void {
  db.transaction(() => {
    const applying = db.prepare('INSERT INTO sync_applying (entity, row_key) VALUES (?, ?)');
    for (const table of [...tables, 'note']) applying.run(table, '1');
    db.exec(records);
    db.exec('DELETE FROM sync_applying');
  })();
}

describe('migration 1600: rows a merge writes are indexed for search in batches', () => {
  it('indexes merged rows, once caught up, exactly as an edit made here is indexed, before and after the migration', () => {
    const old = openDatabase(':memory:', { migrate: false });
    migrate(old, before);
    old.exec(records);
    indexPendingSearch(old);
    const expected = indexRows(old);
    expect(expected).toHaveLength(11);
    expect(migrate(old)).toEqual(migrations.filter((migration) => migration.version >= 1600).map((migration) => migration.version));
    expect(indexRows(old)).toEqual(expected);

    const typedHere = openDatabase(':memory:');
    typedHere.exec(records);
    expect(typedHere.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(0);
    indexPendingSearch(typedHere);
    expect(indexRows(typedHere)).toEqual(expected);

    const merged = openDatabase(':memory:');
    writtenByMerge(merged);
    // Nothing is indexed yet: the note waits in its own list (0080), each other merged row is marked.
    expect(merged.prepare('SELECT count(*) FROM search_text').pluck().get()).toBe(0);
    expect(merged.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(10);
    expect(indexPendingSearch(merged)).toBe(11);
    expect(indexRows(merged)).toEqual(expected);
    expect(titleRows(merged)).toEqual(titleRows(typedHere));
    expect(indexPendingSearch(merged)).toBe(0);
  });

  it('re-indexes a merged update and drops a merged deletion; a search catches up by itself, a slice at a time if asked', () => {
    const db = openDatabase(':memory:');
    db.exec(records);
    db.transaction(() => {
      db.exec(`INSERT INTO sync_applying (entity, row_key) VALUES ('sector_entry', '1'), ('timeline_event', '1')`);
      db.exec(`UPDATE sector_entry SET title = 'Riga centre membership' WHERE id = 1`);
      db.exec('DELETE FROM timeline_event WHERE id = 1');
      db.exec('DELETE FROM sync_applying');
    })();
    // Found by what it says now, never by what it said, and the deleted event is gone, without asking to catch up.
    expect(search(db, { text: 'Riga', limit: 10 }).map((hit) => hit.title)).toEqual(['Riga centre membership']);
    expect(search(db, { text: 'Tallinn', limit: 10 })).toEqual([]);
    expect(search(db, { text: 'Summit opens', limit: 10 })).toEqual([]);

    const many = openDatabase(':memory:');
    writtenByMerge(many);
    let slices = 0;
    while (indexPendingSearch(many, 3) > 0) slices += 1;
    // Three of the notes' and three of the others' a slice: the ten merged records and the note in four.
    expect(slices).toBe(4);
    expect(many.prepare('SELECT count(*) FROM search_text').pluck().get()).toBe(11);
  });
});
