import { describe, expect, it } from 'vitest';
import { openDatabase } from '../open.ts';
import { loadSampleIfEmpty, sampleSource } from '../sample/vilnius-2023.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 260);

/** A store at 0250 holding the sample's article, a desk's own source, and a summit, event and follow-up citing each. */
function storeAt250() {
  const db = openDatabase(':memory:', { migrate: false });
  migrate(db, before);
  db.prepare('INSERT INTO source (title, publisher, location, published_on, note) VALUES (?, ?, ?, NULL, ?)').run(
    sampleSource.title,
    sampleSource.publisher,
    sampleSource.location,
    sampleSource.note,
  );
  db.exec(`
    INSERT INTO source (title, location) VALUES ('Embassy cable 1142', 'registry');
    INSERT INTO summit (title, start_date, end_date, time_zone, source_id) VALUES ('NATO Summit, Vilnius 2023', '2023-07-11', '2023-07-11', 'Europe/Vilnius', 1);
    INSERT INTO summit (title, start_date, end_date, time_zone, source_id) VALUES ('Washington Summit', '2024-07-09', '2024-07-11', 'America/New_York', 2);
    INSERT INTO timeline_event (occurred_on, title, summit_id, source_id) VALUES ('2006-01-01', 'Korea becomes a NATO partner state', 1, 1);
    INSERT INTO timeline_event (occurred_on, title, summit_id, source_id) VALUES ('2024-05-02', 'Sherpa meeting', 2, 2);
    INSERT INTO meeting (summit_id, title, format, starts_at, time_zone) VALUES (2, 'Pull-aside', 'pull-aside', '2024-07-10T14:00:00Z', 'America/New_York');
    INSERT INTO follow_up (meeting_id, description) VALUES (1, 'Send the readout');
  `);
  return db;
}

const markings = (db: ReturnType<typeof storeAt250>, table: string) =>
  db.prepare(`SELECT classification FROM ${table} ORDER BY id`).pluck().all();

describe('0260 markings on timeline events, follow-ups, summits and sources', () => {
  it('leaves what a desk wrote unmarked, never at the lowest level', () => {
    const db = storeAt250();
    expect(
      migrate(
        db,
        migrations.filter((migration) => migration.version <= 260),
      ),
    ).toEqual([260]);
    expect(markings(db, 'follow_up')).toEqual(['']);
    expect(markings(db, 'summit')[1]).toBe('');
    expect(markings(db, 'timeline_event')[1]).toBe('');
    expect(markings(db, 'source')[1]).toBe('');
  });

  it('marks the bundled sample’s rows, which quote a public article, as the sample marks everything else', () => {
    const db = storeAt250();
    migrate(db);
    expect(markings(db, 'source')[0]).toBe('NATO UNCLASSIFIED');
    expect(markings(db, 'summit')[0]).toBe('NATO UNCLASSIFIED');
    expect(markings(db, 'timeline_event')[0]).toBe('NATO UNCLASSIFIED');
  });

  it('upgrades a store seeded with the sample before 0260 to the marking a fresh store’s sample has', () => {
    const seededBefore = openDatabase(':memory:', { migrate: false });
    migrate(seededBefore, before);
    loadSampleIfEmpty(seededBefore);
    migrate(seededBefore);
    const fresh = openDatabase(':memory:');
    loadSampleIfEmpty(fresh);
    for (const table of ['summit', 'timeline_event', 'source']) {
      expect(markings(seededBefore, table), table).toEqual(markings(fresh, table));
      expect(markings(fresh, table), table).not.toContain('');
    }
  });

  it('lets a new record be written with a marking', () => {
    const db = storeAt250();
    migrate(db);
    db.prepare("INSERT INTO follow_up (description, classification) VALUES ('Reply on the secondment', 'NATO RESTRICTED')").run();
    expect(markings(db, 'follow_up')).toEqual(['', 'NATO RESTRICTED']);
  });
});
