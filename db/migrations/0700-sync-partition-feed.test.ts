import { describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../open.ts';
import { misplacedRecords } from '../sync/testing.ts';
import { migrate, migrations } from './index.ts';

const docOf = (db: Db, entity: string, rowKey: string) =>
  db.prepare('SELECT doc_id FROM sync_doc WHERE entity = ? AND row_key = ?').pluck().get(entity, rowKey) as string;
const homeOf = (db: Db, docId: string) => db.prepare('SELECT home FROM sync_home WHERE doc_id = ?').pluck().get(docId);

describe('0700 where each record replicates, indexed for the changes feeds', () => {
  it('places every record of an existing store where its texts say, at its latest revision', () => {
    const db = openDatabase(':memory:', { migrate: false });
    migrate(
      db,
      migrations.filter((migration) => migration.version < 700),
    );
    db.exec(`
      INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES
        (1, 'Vilnius Summit', '2023-07-11', '2023-07-12', 'Europe/Vilnius'),
        (2, 'Washington Summit', '2024-07-09', '2024-07-11', 'America/New_York');
      INSERT INTO person (id, name) VALUES (1, 'Jens Stoltenberg');
      INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone) VALUES
        (1, 1, 'Stoltenberg–Yoon', 'bilateral', '2023-07-11T09:00:00Z', 'Europe/Vilnius'),
        (2, NULL, 'A call of no summit', 'bilateral', '2023-08-01T09:00:00Z', 'Europe/Vilnius');
      INSERT INTO meeting_participant (meeting_id, person_id, side) VALUES (1, 1, 'theirs'), (2, 1, 'theirs');
      INSERT INTO follow_up (id, meeting_id, description) VALUES (1, 1, 'Send the ITPP text');
      INSERT INTO timeline_event (id, occurred_on, title, summit_id) VALUES (1, '2024-07-09', 'Washington opens', 2), (2, '2022-11-01', 'Mission opened', NULL);
      INSERT INTO programme (id, code, name) VALUES (1, 'ITPP', 'Individually Tailored Partnership Programme');
      INSERT INTO source (id, title) VALUES (1, 'Vilnius communiqué');
      INSERT INTO sector (id, programme_id, name) VALUES (1, 1, 'Cyber defence');
      INSERT INTO sector_entry (id, sector_id, occurred_on, title, source_id) VALUES (1, 1, '2023-07-11', 'ITPP agreed', 1);
      INSERT INTO note (id, meeting_id, title, body) VALUES (1, 1, 'Ask', 'Raise the ITPP sectors'), (2, 2, 'Call', 'Nothing to share');
      INSERT INTO note (id, summit_id, title, body) VALUES (3, 2, 'Summit', 'Washington logistics');
      INSERT INTO note (id, sector_entry_id, title, body) VALUES (4, 1, 'Annotation', 'Check the date');
      INSERT INTO note (id, title, body) VALUES (5, 'Mine', 'A free-standing note');
      INSERT INTO note (id, meeting_id, title, body) VALUES (6, 1, 'Old', 'Deleted, but it was Vilnius''s');
      UPDATE note SET body = 'Raise the ITPP sectors, all eleven' WHERE id = 1;
      DELETE FROM note WHERE id = 6;
    `);
    const deletedNote = db.prepare(`SELECT doc_id FROM sync_doc WHERE entity = 'note' AND deleted = 1`).pluck().get() as string;

    // Up to its own version: a later migration (2750) gives the summits' own records places of their own.
    migrate(
      db,
      migrations.filter((migration) => migration.version <= 700),
    );
    const vilnius = docOf(db, 'summit', '1');
    const washington = docOf(db, 'summit', '2');
    expect(misplacedRecords(db)).toEqual([]);
    expect(homeOf(db, docOf(db, 'note', '1'))).toBe(vilnius);
    expect(homeOf(db, deletedNote)).toBe(vilnius);
    expect(homeOf(db, docOf(db, 'note', '2'))).toBeNull();
    expect(homeOf(db, docOf(db, 'note', '3'))).toBe(washington);
    expect(homeOf(db, docOf(db, 'note', '4'))).toBe('reference');
    expect(homeOf(db, docOf(db, 'note', '5'))).toBeNull();
    expect(homeOf(db, docOf(db, 'follow_up', '1'))).toBe(vilnius);
    expect(homeOf(db, docOf(db, 'meeting_participant', '1:1'))).toBe(vilnius);
    expect(homeOf(db, docOf(db, 'meeting_participant', '2:1'))).toBeNull();
    expect(homeOf(db, docOf(db, 'timeline_event', '1'))).toBe(washington);
    expect(homeOf(db, docOf(db, 'timeline_event', '2'))).toBe('reference');
    // Each record at its latest revision's place, as the feed offered it before: checkpoints already written stay right.
    expect(
      db
        .prepare('SELECT count(*) FROM sync_home AS H WHERE H.seq <> (SELECT max(seq) FROM sync_rev WHERE doc_id = H.doc_id)')
        .pluck()
        .get(),
    ).toBe(0);
    expect(db.prepare('SELECT count(*) FROM sync_home').pluck().get()).toBe(db.prepare('SELECT count(*) FROM sync_doc').pluck().get());
  });
});
