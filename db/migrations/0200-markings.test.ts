import { describe, expect, it } from 'vitest';
import { openDatabase } from '../open.ts';
import { readSetting, writeSetting } from '../settings.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 200);
const shippedNato = {
  name: 'NATO',
  levels: [
    { name: 'NATO UNCLASSIFIED', portion: 'NU' },
    { name: 'NATO RESTRICTED', portion: 'NR' },
    { name: 'NATO CONFIDENTIAL', portion: 'NC' },
    { name: 'NATO SECRET', portion: 'NS' },
  ],
};

/** A store at the version before 0200, holding these settings and one unmarked meeting. */
function storeAt80(settings: unknown) {
  const db = openDatabase(':memory:', { migrate: false });
  migrate(db, before);
  if (settings !== undefined) writeSetting(db, 'settings', settings);
  db.exec(`
    INSERT INTO summit (title, start_date, end_date, time_zone) VALUES ('Madrid Summit', '2022-06-28', '2022-06-30', 'Europe/Madrid');
    INSERT INTO meeting (summit_id, title, format, starts_at, time_zone) VALUES (1, 'Pull-aside', 'pull-aside', '2022-06-29T08:00:00Z', 'Europe/Madrid');
  `);
  return db;
}

describe('0200 markings', () => {
  it('adds COSMIC TOP SECRET to the NATO scheme as Sherpa shipped it, keeping the other settings', () => {
    const db = storeAt80({ theme: 'dark', classificationScheme: shippedNato });
    migrate(db);
    expect(readSetting(db, 'settings')).toEqual({
      theme: 'dark',
      classificationScheme: { name: 'NATO', levels: [...shippedNato.levels, { name: 'COSMIC TOP SECRET', portion: 'CTS' }] },
    });
  });

  it('leaves a scheme the desk changed, and a store with no saved settings, as they were', () => {
    const desk = { name: 'NATO', levels: [...shippedNato.levels.slice(0, 3), { name: 'NATO SECRET', portion: 'S' }] };
    const changed = storeAt80({ classificationScheme: desk });
    migrate(changed);
    expect(readSetting(changed, 'settings')).toEqual({ classificationScheme: desk });
    const fresh = storeAt80(undefined);
    migrate(fresh);
    expect(readSetting(fresh, 'settings')).toBeUndefined();
  });

  it('keeps an unmarked record unmarked, and lists a summit’s meetings with their marking from the index alone', () => {
    const db = storeAt80(undefined);
    migrate(db);
    expect(db.prepare('SELECT classification FROM meeting').pluck().all()).toEqual(['']);
    const plan = (
      db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT id, summit_id, title, format, starts_at, start_time_known, time_zone, venue, status, classification
           FROM meeting WHERE summit_id = ? ORDER BY starts_at, id`,
        )
        .all(1) as { detail: string }[]
    )
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toContain('COVERING INDEX meeting_summary_by_summit');
  });
});
