import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../open.ts';
import { search } from '../search.ts';
import { generateDataset } from './generate.ts';

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
});
