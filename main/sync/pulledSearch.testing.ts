import type { Db } from '../../db/open.ts';
import { openScratchDatabase } from '../../db/testing.ts';

// Desks for the pull-and-search tests: one summit with a record of every kind a first pull indexes for search, and
// one sector's many entries, each annotated, the bulk of a first pull.

/** Searched as the index stands: a search catches up by itself, so this reads the index without asking it to. */
export const indexedTitles = (db: Db, word: string) =>
  db.prepare('SELECT title FROM search_text WHERE search_text MATCH ? ORDER BY title').pluck().all(word) as string[];

export function deskWithASummit(): Db {
  const db = openScratchDatabase();
  db.exec(`
    INSERT INTO summit (id, title, city, start_date, end_date, time_zone) VALUES (1, 'Vilnius Summit', 'Vilnius', '2023-07-11', '2023-07-12', 'Europe/Vilnius');
    INSERT INTO source (id, title) VALUES (1, 'Vilnius communiqué');
    INSERT INTO programme (id, code, name) VALUES (1, 'ITPP', 'Vilnius partnership programme');
    INSERT INTO sector (id, programme_id, name) VALUES (1, 1, 'Vilnius cyber defence');
    INSERT INTO sector_entry (sector_id, source_id, title, occurred_on) VALUES (1, 1, 'Vilnius centre membership', '2023-07-11');
    INSERT INTO person (id, name, native_name) VALUES (1, 'Vilnius delegate', 'Vilniaus delegatas');
    INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone)
      VALUES (1, 1, 'Vilnius bilateral', 'bilateral', '2023-07-11T09:00:00Z', 'Europe/Vilnius');
    INSERT INTO follow_up (meeting_id, description) VALUES (1, 'Vilnius follow-up');
    INSERT INTO meeting_biography (meeting_id, person_id, text, classification) VALUES (1, 1, 'Hosted the Vilnius side event', 'NATO RESTRICTED');
    INSERT INTO timeline_event (occurred_on, title, summit_id) VALUES ('2023-07-11', 'Vilnius opens', 1);
    INSERT INTO note (meeting_id, title, body) VALUES (1, 'Vilnius ask', 'Raise the ITPP sectors');
  `);
  return db;
}

/**
 * The search index against the store's rows, each kind's as its view (`…_search_row`) makes it: rows of the store
 * not in the index, rows indexed with other words than the row has now, and entries with no row. All empty when the
 * index holds exactly the store.
 */
export function indexedRowsAgainstStore(db: Db): { missing: number[]; stale: number[]; extra: number[] } {
  const views = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'view' AND name GLOB '*_search_row'`).pluck().all() as string[];
  const words = (row: { title: string | null; body: string | null }) => JSON.stringify([row.title ?? '', row.body ?? '']);
  const expected = new Map<number, string>();
  for (const view of views)
    for (const row of db.prepare(`SELECT rowid AS id, title, body FROM ${view}`).all() as { id: number; title: string; body: string }[])
      expected.set(row.id, words(row));
  const indexed = new Map(
    (db.prepare('SELECT rowid AS id, title, body FROM search_text').all() as { id: number; title: string; body: string }[]).map((row) => [
      row.id,
      words(row),
    ]),
  );
  const titles = new Set(db.prepare('SELECT rowid FROM search_title').pluck().all() as number[]);
  return {
    missing: [...expected.keys()].filter((id) => !indexed.has(id) || !titles.has(id)),
    stale: [...expected].filter(([id, row]) => indexed.has(id) && indexed.get(id) !== row).map(([id]) => id),
    extra: [...new Set([...indexed.keys(), ...titles])].filter((id) => !expected.has(id)),
  };
}

/**
 * One sector ('Shipbuilding') with `entries` sector entries ('Hull order N'), each annotated ('Hull annotation'),
 * citing the sources in turn, and the people of one country (Estonia).
 */
export function deskWithHullOrders(entries: number, sources: readonly string[], people: readonly string[]): Db {
  const db = openScratchDatabase();
  db.exec(`
    INSERT INTO programme (id, code, name) VALUES (1, 'EDF', 'Defence Fund');
    INSERT INTO sector (id, programme_id, name) VALUES (1, 1, 'Shipbuilding');
    INSERT INTO country (id, name, kind) VALUES (1, 'Estonia', 'country');
  `);
  const source = db.prepare('INSERT INTO source (id, title) VALUES (?, ?)');
  for (const [index, title] of sources.entries()) source.run(index + 1, title);
  const person = db.prepare('INSERT INTO person (id, name, country_id) VALUES (?, ?, 1)');
  for (const [index, name] of people.entries()) person.run(index + 1, name);
  db.exec(`
    CREATE TEMP TABLE numbers (value INTEGER PRIMARY KEY);
    WITH RECURSIVE counted (value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM counted WHERE value < ${entries})
      INSERT INTO numbers SELECT value FROM counted;
    INSERT INTO sector_entry (sector_id, occurred_on, title, source_id)
      SELECT 1, '2026-03-01', 'Hull order ' || value, 1 + value % ${sources.length} FROM numbers;
    INSERT INTO note (sector_entry_id, title, body) SELECT id, 'Hull annotation ' || id, 'Frigate hull ' || id FROM sector_entry;
    DROP TABLE numbers;
  `);
  return db;
}
