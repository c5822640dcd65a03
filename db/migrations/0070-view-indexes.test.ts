import { describe, expect, it } from 'vitest';
import { openDatabase } from '../open.ts';
import { generateDataset } from '../sample/generate.ts';
import { search, toMatchExpression } from '../search.ts';
import { listTimeline, listTimelineOfSummit } from '../timeline.ts';
import { migrate, migrations } from './index.ts';

// Timings belong to the benchmark; these check the query plans that keep the
// views fast on a large store, and that the indexed queries answer the same.
const plan = (db: ReturnType<typeof openDatabase>, sql: string) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(1) as { detail: string }[]).map((row) => row.detail).join('\n');

describe('view indexes (0070)', () => {
  const db = openDatabase(':memory:');
  const generated = generateDataset(db, {
    seed: 3,
    summits: 5,
    meetings: 40,
    sectorEntries: 80,
    annotations: 200,
    largestSummitMeetings: 12,
  });

  it('count a sector entry’s live annotations from the index alone', () => {
    expect(plan(db, `SELECT count(*) FROM note n WHERE n.sector_entry_id = ? AND n.deleted_at IS NULL`)).toContain(
      'COVERING INDEX note_live_by_entry',
    );
  });

  it('list a summit’s meetings from the index alone, in order', () => {
    const detail = plan(
      db,
      `SELECT id, summit_id, title, format, starts_at, start_time_known, time_zone, venue, status FROM meeting WHERE summit_id = ? ORDER BY starts_at, id`,
    );
    expect(detail).toContain('COVERING INDEX meeting_summary_by_summit');
    expect(detail).not.toContain('TEMP B-TREE');
  });

  it('find a summit’s timeline by summit, with the same events as filtering all of them', () => {
    expect(plan(db, `SELECT * FROM timeline_event WHERE summit_id = ? ORDER BY occurred_on, id`)).toContain('INDEX timeline_by_summit');
    const summitId = generated.largestSummitId;
    const events = listTimelineOfSummit(db, summitId);
    expect(events.length).toBeGreaterThan(0);
    expect(events).toEqual(listTimeline(db).filter((event) => event.summitId === summitId));
  });

  it('keep search whole and in step after rebuilding its index with longer prefixes', () => {
    // A store filled before this migration, then upgraded.
    const db = openDatabase(':memory:', { migrate: false });
    migrate(
      db,
      migrations.filter((migration) => migration.version < 70),
    );
    generateDataset(db, { seed: 4, summits: 3, meetings: 20, sectorEntries: 40, annotations: 100 });
    // Counted straight from the index: search() itself expects the latest schema.
    const before = db
      .prepare('SELECT count(*) FROM search_index WHERE search_index MATCH ?')
      .pluck()
      .get(toMatchExpression('working group')) as number;
    expect(before).toBeGreaterThan(0);
    migrate(db);
    expect(search(db, { text: 'working group', limit: 500 })).toHaveLength(before);
    // The index sits in search_text since 0250, which kept these prefixes.
    const definition = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'search_text'`).pluck().get();
    expect(definition).toContain(`prefix = '1 2 3 4 5 6'`);
    const indexed = db.prepare('SELECT count(*) FROM search_index').pluck().get();
    const rows = db
      .prepare(
        `SELECT (SELECT count(*) FROM summit) + (SELECT count(*) FROM meeting) + (SELECT count(*) FROM person) + (SELECT count(*) FROM sector)
           + (SELECT count(*) FROM sector_entry) + (SELECT count(*) FROM note WHERE deleted_at IS NULL) + (SELECT count(*) FROM source)
           + (SELECT count(*) FROM timeline_event) + (SELECT count(*) FROM follow_up) + (SELECT count(*) FROM country) + (SELECT count(*) FROM programme)`,
      )
      .pluck()
      .get();
    expect(indexed).toBe(rows);
    const id = Number(
      db
        .prepare(
          `INSERT INTO summit (title, start_date, end_date, time_zone) VALUES ('Quillfeather conference', '2030-01-01', '2030-01-01', 'UTC')`,
        )
        .run().lastInsertRowid,
    );
    expect(search(db, { text: 'quillf', limit: 5 }).map((hit) => [hit.kind, hit.id])).toEqual([['summit', id]]);
    db.close();
  });

  it('read a meeting’s annotations in order from the index', () => {
    const detail = plan(db, `SELECT * FROM note WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY created_at, id`);
    expect(detail).toContain('INDEX note_live_by_meeting');
    expect(detail).not.toContain('TEMP B-TREE');
  });
});
