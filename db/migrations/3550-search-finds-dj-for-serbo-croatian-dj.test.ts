import { describe, expect, it } from 'vitest';
import { search } from '../search.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 3550);
const upTo3550 = migrations.filter((migration) => migration.version <= 3550);
const found = (db: ReturnType<typeof openScratchDatabase>, text: string) =>
  search(db, { text, limit: 10 })
    .map((hit) => hit.id)
    .sort();

describe('migration 3550: đ and ђ found written dj', () => {
  it('finds names saved before by their dj spelling, leaves other rows and every record as they were', () => {
    const db = openScratchDatabase(':memory:', { migrate: false });
    migrate(db, before);
    db.exec(`
      INSERT INTO person (id, name, native_name, title, biography, classification)
        VALUES (1, 'Novak Đoković', '', 'Player', 'Beograd', ''),
               (2, 'Singer', 'Ђорђе Балашевић', '', 'Нови Сад', ''),
               (3, 'Djembe ensemble', '', '', 'Djibouti', '');
    `);
    // As an earlier Sherpa indexed them, with no dj written (here with nothing folded at all: a row left alone keeps that).
    db.exec(`UPDATE search_text SET title_fold = '', body_fold = ''`);
    db.exec('DELETE FROM search_title');
    db.exec(`INSERT INTO search_title (rowid, title, title_cjk, title_fold) SELECT rowid, title, title_cjk, '' FROM search_text`);
    expect(found(db, 'Djokovic')).toEqual([]);
    expect(found(db, 'Djordje')).toEqual([]);
    const people = db.prepare('SELECT * FROM person ORDER BY id').all();
    const djembe = db.prepare('SELECT * FROM search_text WHERE ref_id = 3').all();
    migrate(db, upTo3550);
    expect(found(db, 'Djokovic')).toEqual([1]);
    expect(found(db, 'Djordje')).toEqual([2]);
    expect(found(db, 'Dokovic')).toEqual([1]);
    expect(found(db, 'djembe')).toEqual([3]);
    expect(db.prepare('SELECT * FROM person ORDER BY id').all()).toEqual(people);
    expect(db.prepare('SELECT * FROM search_text WHERE ref_id = 3').all()).toEqual(djembe);
    db.close();
  });
});
