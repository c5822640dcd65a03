import { describe, expect, it } from 'vitest';
import { search } from '../search.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 3030);
const upTo3030 = migrations.filter((migration) => migration.version <= 3030);
const found = (db: ReturnType<typeof openScratchDatabase>, text: string) =>
  search(db, { text, limit: 10 }).map((hit) => [hit.kind, hit.id]);

describe('migration 3030: search folds the Sámi ŋ, ŧ and ǥ, and the Hebrew geresh', () => {
  it('finds a Sámi name saved before by the letters typed for ŋ and ŧ, a Hebrew one by an apostrophe for ׳, and still as written', () => {
    const db = openScratchDatabase(':memory:', { migrate: false });
    migrate(db, before);
    db.exec(`
      INSERT INTO person (id, name, native_name, title, biography, classification)
        VALUES (1, 'Áillohaš Niillas Ŋuoras', '', 'Delegate', 'From Ŧuolbmá, with the Sámiráđđi.', ''),
               (2, 'Jens Stoltenberg', '', 'Minister', 'Norway.', ''),
               (3, 'Joe Biden', 'ג׳ו ביידן', 'President', '', '');
    `);
    // As an earlier Sherpa indexed it: ŋ and ŧ kept as letters of their own, only đ folded.
    db.exec(`UPDATE search_text SET title_fold = '', body_fold = ''`);
    db.exec(`UPDATE search_text SET body_fold = 'from ŧuolbma, with the samiraddi.' WHERE body LIKE 'From %'`);
    db.exec(`DELETE FROM search_title`);
    db.exec(`INSERT INTO search_title (rowid, title, title_cjk, title_fold) SELECT rowid, title, title_cjk, '' FROM search_text`);
    expect(found(db, 'Nuoras')).toEqual([]);
    expect(found(db, 'tuolbma')).toEqual([]);
    expect(found(db, "ג'ו")).toEqual([]);
    migrate(db, upTo3030);
    expect(found(db, 'Nuoras')).toEqual([['person', 1]]);
    expect(found(db, 'Ŋuoras')).toEqual([['person', 1]]);
    expect(found(db, 'tuolbma')).toEqual([['person', 1]]);
    expect(found(db, 'samiraddi')).toEqual([['person', 1]]);
    expect(found(db, 'Stoltenberg')).toEqual([['person', 2]]);
    expect(found(db, "ג'ו ביידן")).toEqual([['person', 3]]);
    expect(found(db, 'ג׳ו')).toEqual([['person', 3]]);
    db.close();
  });
});
