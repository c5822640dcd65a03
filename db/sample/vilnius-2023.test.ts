import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../open.ts';
import { excerpts, loadSampleIfEmpty, namedSectors } from './vilnius-2023.ts';

const article = fs.readFileSync(path.join(import.meta.dirname, 'rok-nato-itpp-vilnius-2023.txt'), 'utf8');
const normalise = (text: string) => text.replace(/\s+/g, ' ');

describe('the bundled Vilnius 2023 sample', () => {
  let db: Db;
  beforeAll(() => {
    db = openDatabase(':memory:');
    expect(loadSampleIfEmpty(db)).toBe(true);
  });

  it('quotes the article verbatim in every excerpt it relies on', () => {
    for (const [name, excerpt] of Object.entries(excerpts)) {
      expect(normalise(article), `excerpt "${name}"`).toContain(normalise(excerpt));
    }
    const stored = db
      .prepare('SELECT source_excerpt FROM sector_entry UNION ALL SELECT source_excerpt FROM timeline_event')
      .pluck()
      .all() as string[];
    for (const excerpt of stored) expect(normalise(article)).toContain(normalise(excerpt));
  });

  it('cites the article on every record', () => {
    const sourceId = db.prepare('SELECT id FROM source').pluck().get();
    expect(db.prepare('SELECT count(*) FROM source').pluck().get()).toBe(1);
    for (const table of ['country', 'person', 'summit', 'meeting', 'programme', 'sector', 'sector_entry', 'timeline_event']) {
      const uncited = db.prepare(`SELECT count(*) FROM ${table} WHERE source_id IS NOT ?`).pluck().get(sourceId);
      expect(uncited, `${table} rows without the article as source`).toBe(0);
    }
  });

  it('has the summit, the Stoltenberg–Yoon meeting and its participants', () => {
    expect(db.prepare('SELECT title, city, start_date, time_zone FROM summit').get()).toEqual({
      title: 'NATO Summit, Vilnius 2023',
      city: 'Vilnius',
      start_date: '2023-07-11',
      time_zone: 'Europe/Vilnius',
    });
    const people = db
      .prepare(
        `SELECT p.name, p.native_name AS nativeName FROM meeting_participant mp JOIN person p ON p.id = mp.person_id
         JOIN meeting m ON m.id = mp.meeting_id WHERE m.title LIKE '%Stoltenberg%' ORDER BY p.name`,
      )
      .all();
    expect(people).toEqual([
      { name: 'Jens Stoltenberg', nativeName: '' },
      { name: 'Yoon Suk Yeol', nativeName: '윤석열' },
    ]);
  });

  it('has the 11 ITPP sectors: the six the article names and five marked as not named', () => {
    const sectors = db
      .prepare("SELECT s.name, s.summary FROM sector s JOIN programme p ON p.id = s.programme_id WHERE p.code = 'ITPP' ORDER BY s.position")
      .all() as { name: string; summary: string }[];
    expect(sectors).toHaveLength(11);
    expect(sectors.slice(0, 6).map((sector) => sector.name)).toEqual([...namedSectors]);
    for (const sector of sectors.slice(6)) {
      expect(sector.name).toMatch(/not named in source/);
      expect(sector.summary).toBe('Not named in source.');
    }
  });

  it('names none of the seven allies and invents no time of day', () => {
    const allies = db.prepare("SELECT purpose FROM meeting WHERE title LIKE '%seven NATO allies%'").pluck().get() as string;
    expect(allies).toContain('The seven allies are not named in source');
    expect(db.prepare("SELECT count(*) FROM country WHERE kind = 'country'").pluck().get()).toBe(2);
    expect(db.prepare('SELECT count(*) FROM meeting WHERE start_time_known = 1').pluck().get()).toBe(0);
  });

  it('dates the timeline from the article: 2006, 2012, November 2022, 11 July 2023', () => {
    expect(db.prepare('SELECT occurred_on, precision FROM timeline_event ORDER BY occurred_on').raw().all()).toEqual([
      ['2006-01-01', 'year'],
      ['2012-01-01', 'year'],
      ['2022-11-01', 'month'],
      ['2023-07-11', 'day'],
    ]);
  });

  it('is loaded only into an empty store', () => {
    expect(loadSampleIfEmpty(db)).toBe(false);
    expect(db.prepare('SELECT count(*) FROM summit').pluck().get()).toBe(1);
  });
});
