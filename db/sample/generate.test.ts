import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { migrate, migrations } from '../migrations/index.ts';
import { openDatabase } from '../open.ts';
import { search } from '../search.ts';
import { generateDataset, markRecordsGeneratedUnmarked } from './generate.ts';

const small = { seed: 7, summits: 6, meetings: 60, sectorEntries: 120, annotations: 300, largestSummitMeetings: 20 };
const tables = [
  'source',
  'country',
  'person',
  'summit',
  'meeting',
  'meeting_participant',
  'follow_up',
  'timeline_event',
  'programme',
  'sector',
  'sector_entry',
  'note',
  'note_revision',
];

function fingerprint(options: typeof small): string {
  const db = openDatabase(':memory:');
  generateDataset(db, options);
  const hash = createHash('sha256');
  for (const table of tables) hash.update(JSON.stringify(db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()));
  db.close();
  return hash.digest('hex');
}

describe('generateDataset', () => {
  it('gives the same content for the same seed, and different content for another', () => {
    expect(fingerprint(small)).toBe(fingerprint(small));
    expect(fingerprint({ ...small, seed: 8 })).not.toBe(fingerprint(small));
  });

  it('holds the requested numbers of summits, meetings, entries and annotations', () => {
    const db = openDatabase(':memory:');
    const generated = generateDataset(db, small);
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM summit')).toBe(6);
    expect(count('SELECT count(*) AS n FROM meeting')).toBe(60);
    expect(count('SELECT count(*) AS n FROM sector_entry')).toBe(120);
    expect(count('SELECT count(*) AS n FROM note')).toBe(300);
    expect(generated.counts.annotations + generated.counts.notes).toBe(300);
    expect(count(`SELECT count(*) AS n FROM meeting WHERE summit_id = ${generated.largestSummitId}`)).toBe(20);
    expect(
      count(`SELECT count(*) AS n FROM meeting WHERE id = ${generated.sampleMeetingId} AND summit_id = ${generated.largestSummitId}`),
    ).toBe(1);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    db.close();
  });

  it('writes complete briefs with UTC start times, sourced entries and searchable Korean text', () => {
    const db = openDatabase(':memory:');
    generateDataset(db, small);
    const emptySections = db
      .prepare(
        `SELECT count(*) AS n FROM meeting WHERE '' IN (purpose, objectives, their_asks, points_to_make, lines_to_take,
           defensive_points, background, sensitivities, protocol_notes, press_line)`,
      )
      .get() as { n: number };
    expect(emptySections.n).toBe(0);
    const starts = db.prepare('SELECT starts_at AS startsAt, time_zone AS timeZone FROM meeting').all() as {
      startsAt: string;
      timeZone: string;
    }[];
    for (const { startsAt, timeZone } of starts) {
      expect(startsAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
      // Meetings are set between 08:00 and 19:00 at the venue.
      const hour = Number(new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(new Date(startsAt)));
      expect(hour).toBeGreaterThanOrEqual(8);
      expect(hour).toBeLessThanOrEqual(19);
    }
    expect(db.prepare('SELECT count(*) AS n FROM sector_entry WHERE source_id IS NULL').get()).toEqual({ n: 0 });
    expect(search(db, { text: '실무그룹', limit: 5 }).length).toBeGreaterThan(0);
    expect(search(db, { text: '"working group"', limit: 5 }).length).toBeGreaterThan(0);
    db.close();
  });

  it('indexes every generated row for search exactly as the per-row triggers would, and puts the triggers back', () => {
    const db = openDatabase(':memory:');
    const triggers = () => db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all();
    const before = triggers();
    generateDataset(db, small);
    expect(triggers()).toEqual(before);
    const indexed = () => db.prepare('SELECT rowid, * FROM search_text ORDER BY rowid').all();
    const generated = indexed();
    expect(generated.length).toBeGreaterThan(small.meetings + small.sectorEntries);
    // Touching every row makes each table's update trigger index it again, one row at a time.
    for (const table of [
      'summit',
      'meeting',
      'person',
      'sector',
      'sector_entry',
      'source',
      'timeline_event',
      'follow_up',
      'country',
      'programme',
    ])
      db.exec(`UPDATE ${table} SET id = id`);
    expect(indexed()).toEqual(generated);
    db.close();
  });

  it('gives the sample meeting the same share at any size when its step is scaled with the store', () => {
    const annotationsOfSample = (annotations: number) => {
      const db = openDatabase(':memory:');
      const generated = generateDataset(db, { ...small, annotations, sampleMeetingEvery: annotations / 40 });
      const { n } = db.prepare('SELECT count(*) AS n FROM note WHERE meeting_id = ?').get(generated.sampleMeetingId) as { n: number };
      const { meetingNotes } = db.prepare('SELECT count(*) AS meetingNotes FROM note WHERE meeting_id IS NOT NULL').get() as {
        meetingNotes: number;
      };
      db.close();
      return { n, perMeeting: meetingNotes / small.meetings };
    };
    const smaller = annotationsOfSample(600);
    const larger = annotationsOfSample(6_000);
    // Ten times the annotations: every meeting gets ten times as many, the sample meeting's extra forty draws stay forty.
    expect(larger.perMeeting / smaller.perMeeting).toBeGreaterThan(8);
    expect(larger.n - larger.perMeeting).toBeLessThan(smaller.n - smaller.perMeeting + 20);
  });

  it('by default sends one meeting draw in 2,000 to the sample meeting, as the full benchmark store always had', () => {
    expect(fingerprint({ ...small, sampleMeetingEvery: 2_000 } as typeof small)).toBe(fingerprint(small));
    expect(fingerprint({ ...small, sampleMeetingEvery: 10 } as typeof small)).not.toBe(fingerprint(small));
  });

  it('leaves no note waiting for its replication revision, as a desk leaves its store, generated now or upgraded', () => {
    // Every note waiting made a start's first statement on the replication tables go through all of them (pendingNotes.ts).
    const waiting = (db: ReturnType<typeof openDatabase>) =>
      db.prepare('SELECT count(*) FROM note WHERE updated_at > (SELECT revision FROM note_saves_after)').pluck().get();
    const noteRevisions = (db: ReturnType<typeof openDatabase>) =>
      db.prepare("SELECT count(*) FROM sync_rev WHERE doc_id IN (SELECT doc_id FROM sync_doc WHERE entity = 'note')").pluck().get();
    const current = openDatabase(':memory:');
    generateDataset(current, small);
    const upgraded = openDatabase(':memory:', { migrate: false });
    migrate(
      upgraded,
      migrations.filter((migration) => migration.version <= 20),
    );
    generateDataset(upgraded, small);
    migrate(upgraded, migrations);
    for (const db of [current, upgraded]) {
      expect(waiting(db)).toBe(0);
      // One revision a note, as it was inserted: taking them wrote none again.
      expect(noteRevisions(db)).toBe(small.annotations);
      db.close();
    }
  });

  it('marks what a store generated before schema 260 holds unmarked once upgraded, as at the current schema', () => {
    const unmarked = (db: ReturnType<typeof openDatabase>) =>
      ['summit', 'follow_up', 'timeline_event', 'source'].map(
        (table) => db.prepare(`SELECT count(*) FROM ${table} WHERE classification = ''`).pluck().get() as number,
      );
    const old = openDatabase(':memory:', { migrate: false });
    migrate(
      old,
      migrations.filter((migration) => migration.version <= 20),
    );
    generateDataset(old, small);
    expect(() => markRecordsGeneratedUnmarked(old)).toThrow(/upgrade the store first/);
    migrate(old, migrations);
    expect(unmarked(old).every((count) => count > 0)).toBe(true);
    const marked = markRecordsGeneratedUnmarked(old);
    expect(unmarked(old)).toEqual([0, 0, 0, 0]);
    expect(marked).toBeGreaterThan(small.summits);
    const current = openDatabase(':memory:');
    generateDataset(current, small);
    for (const table of ['summit', 'follow_up']) {
      const markings = (db: ReturnType<typeof openDatabase>) => db.prepare(`SELECT id, classification FROM ${table} ORDER BY id`).all();
      expect(markings(old)).toEqual(markings(current));
    }
    old.close();
    current.close();
  });
});
