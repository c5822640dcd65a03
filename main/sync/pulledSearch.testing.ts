import type { Db } from '../../db/open.ts';
import { openScratchDatabase } from '../../db/testing.ts';

// One summit with a record of every kind a first pull indexes for search, for the pull-and-search tests.

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
