import { describe, expect, it } from 'vitest';
import { search } from '../search.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 3020);
const upTo3020 = migrations.filter((migration) => migration.version <= 3020);
const found = (db: ReturnType<typeof openScratchDatabase>, text: string) =>
  search(db, { text, limit: 10 }).map((hit) => [hit.kind, hit.id]);

describe('migration 3020: search folds away an apostrophe inside a name', () => {
  it('finds a name saved before with an apostrophe inside it by the name typed without one', () => {
    const db = openScratchDatabase(':memory:', { migrate: false });
    migrate(db, before);
    db.exec(`
      INSERT INTO person (id, name, native_name, title, biography, classification)
        VALUES (1, 'Ngũgĩ wa Thiong’o', '', 'Writer', 'Met Mr O''Brien in N’Djamena.', '');
    `);
    // As an earlier Sherpa indexed it: the apostrophes were kept, so "Thiong’o" was two words and nothing folded.
    db.exec(`UPDATE search_text SET title_fold = '', body_fold = ''`);
    db.exec(`DELETE FROM search_title`);
    db.exec(`INSERT INTO search_title (rowid, title, title_cjk, title_fold) SELECT rowid, title, title_cjk, '' FROM search_text`);
    expect(found(db, 'obrien')).toEqual([]);
    expect(found(db, 'Ndjamena')).toEqual([]);
    migrate(db, upTo3020);
    expect(found(db, 'Thiongo')).toEqual([['person', 1]]);
    expect(found(db, 'obrien')).toEqual([['person', 1]]);
    expect(found(db, 'Ndjamena')).toEqual([['person', 1]]);
    expect(found(db, "Thiong'o")).toEqual([['person', 1]]);
    db.close();
  });
});
