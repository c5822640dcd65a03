import { describe, expect, it } from 'vitest';
import { people } from '../people.ts';
import { search } from '../search.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 3510);
const upTo3510 = migrations.filter((migration) => migration.version <= 3510);
const found = (db: ReturnType<typeof openScratchDatabase>, text: string) =>
  search(db, { text, limit: 10 }).map((hit) => [hit.kind, hit.id]);

describe('migration 3510: Serbian, Montenegrin and Macedonian Cyrillic read in Latin, titles found by Hangul initials', () => {
  it('finds names saved in Cyrillic before by their Latin spelling, and changes no record', () => {
    const db = openScratchDatabase(':memory:', { migrate: false });
    migrate(db, before);
    db.exec(`
      INSERT INTO person (id, name, native_name, title, biography, classification)
        VALUES (1, 'Prime Minister', 'Милојко Спајић', 'Premijer', 'Подгорица и Цетиње', ''),
               (2, 'Foreign Minister', 'Ѓорѓе Иванов', 'Minister', 'Скопје', ''),
               (3, 'Sergei Lavrov', 'Сергей Лавров', 'Minister', 'Москва', '');
    `);
    // As an earlier Sherpa indexed them, with no Latin for their Cyrillic words.
    db.exec(`UPDATE search_text SET title_fold = '', body_fold = ''`);
    db.exec('DELETE FROM search_title');
    db.exec(`INSERT INTO search_title (rowid, title, title_cjk, title_fold) SELECT rowid, title, title_cjk, '' FROM search_text`);
    expect(found(db, 'Spajic')).toEqual([]);
    const people = db.prepare('SELECT * FROM person ORDER BY id').all();
    migrate(db, upTo3510);
    expect(found(db, 'Spajic')).toEqual([['person', 1]]);
    expect(found(db, 'Milojko')).toEqual([['person', 1]]);
    expect(found(db, 'Podgorica')).toEqual([['person', 1]]);
    expect(found(db, 'Gjorgje')).toEqual([['person', 2]]);
    expect(found(db, 'Skopje')).toEqual([['person', 2]]);
    expect(found(db, 'Спајић')).toEqual([['person', 1]]);
    // A Russian name holds no letter only Serbian writes: it is left as it was.
    expect(found(db, 'Moskva')).toEqual([]);
    expect(found(db, 'Лавров')).toEqual([['person', 3]]);
    expect(db.prepare('SELECT * FROM person ORDER BY id').all()).toEqual(people);
    db.close();
  });

  it('finds people saved before by the initials of their names, then those saved after, and changes no record', () => {
    const db = openScratchDatabase(':memory:', { migrate: false });
    migrate(db, before);
    db.exec(`
      INSERT INTO person (id, name, native_name, title, biography, classification)
        VALUES (1, 'Yoon Suk Yeol', '윤석열', '대통령', '', ''),
               (2, 'Cho Tae-yul', '조태열', '외교부 장관', '윤석열 정부', '');
    `);
    expect(found(db, 'ㅇㅅㅇ')).toEqual([]);
    const saved = db.prepare('SELECT * FROM person ORDER BY id').all();
    migrate(db, upTo3510);
    expect(found(db, 'ㅇㅅㅇ')).toEqual([['person', 1]]);
    expect(found(db, 'ㅈㅌㅇ')).toEqual([['person', 2]]);
    expect(found(db, '윤석열').sort()).toEqual([
      ['person', 1],
      ['person', 2],
    ]);
    expect(db.prepare('SELECT * FROM person ORDER BY id').all()).toEqual(saved);
    // The index's writer gives a person saved after the migration their initials too.
    const han = people.insert(db, {
      name: 'Han Duck-soo',
      nativeName: '한덕수',
      title: '국무총리',
      countryId: null,
      biography: '',
      classification: '',
      sourceId: null,
    });
    expect(found(db, 'ㅎㄷㅅ')).toEqual([['person', han]]);
    db.close();
  });
});
