import { describe, expect, it } from 'vitest';
import { openDatabase } from '../open.ts';
import { loadSampleIfEmpty, sampleSource } from '../sample/vilnius-2023.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 1020);

/** A store just before 1020 holding the sample's article, a desk's own source, and a country and a programme citing each. */
function storeBefore1020() {
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
    INSERT INTO country (name, kind, note, source_id) VALUES ('Republic of Korea', 'country', 'Called “South Korea” in the source.', 1);
    INSERT INTO country (name, kind, note, source_id) VALUES ('Japan', 'country', 'Our own assessment.', 2);
    INSERT INTO programme (code, name, description, source_id) VALUES ('ITPP', 'Tailored programme', 'Eleven sectors.', 1);
    INSERT INTO programme (code, name, description, source_id) VALUES ('IPCP', 'Older programme', 'Our own note.', NULL);
  `);
  return db;
}

const markings = (db: ReturnType<typeof storeBefore1020>, table: string) =>
  db.prepare(`SELECT classification FROM ${table} ORDER BY id`).pluck().all();

describe('1020 markings on countries and programmes', () => {
  it('leaves what a desk wrote unmarked, never at the lowest level, and marks what quotes the sample’s public article', () => {
    const db = storeBefore1020();
    expect(migrate(db)).toEqual(migrations.filter((migration) => migration.version >= 1020).map((migration) => migration.version));
    expect(markings(db, 'country')).toEqual(['NATO UNCLASSIFIED', '']);
    expect(markings(db, 'programme')).toEqual(['NATO UNCLASSIFIED', '']);
    expect(db.prepare('SELECT note FROM country ORDER BY id').pluck().all()).toEqual([
      'Called “South Korea” in the source.',
      'Our own assessment.',
    ]);
  });

  it('upgrades a store seeded with the sample before 1020 to the markings a fresh store’s sample has', () => {
    const seededBefore = openDatabase(':memory:', { migrate: false });
    migrate(seededBefore, before);
    loadSampleIfEmpty(seededBefore);
    migrate(seededBefore);
    const fresh = openDatabase(':memory:');
    loadSampleIfEmpty(fresh);
    for (const table of ['country', 'programme']) expect(markings(seededBefore, table)).toEqual(markings(fresh, table));
    expect(markings(fresh, 'country')).not.toContain('');
  });
});
