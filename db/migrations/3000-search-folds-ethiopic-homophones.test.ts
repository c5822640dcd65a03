import { describe, expect, it } from 'vitest';
import { search } from '../search.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 3000);
const upTo3000 = migrations.filter((migration) => migration.version <= 3000);
const found = (db: ReturnType<typeof openScratchDatabase>, text: string) =>
  search(db, { text, limit: 10 }).map((hit) => [hit.kind, hit.id]);

describe('migration 3000: search folds the Ethiopic letters that sound alike', () => {
  it('finds an Amharic name saved before by the spelling a newspaper gives it, and by its own', () => {
    const db = openScratchDatabase(':memory:', { migrate: false });
    migrate(db, before);
    db.exec(`
      INSERT INTO person (id, name, native_name, title, biography, classification)
        VALUES (1, 'Abiy Ahmed', 'ዐቢይ አሕመድ', 'Prime Minister of Ethiopia', 'ሠላም፡ከፀሐይ', '');
    `);
    // As an earlier Sherpa indexed it: Ethiopic letters fold nowhere, so no folded text was kept.
    db.exec(`UPDATE search_text SET title_fold = '', body_fold = ''`);
    db.exec(`DELETE FROM search_title`);
    db.exec(`INSERT INTO search_title (rowid, title, title_cjk, title_fold) SELECT rowid, title, title_cjk, '' FROM search_text`);
    expect(found(db, 'አህመድ')).toEqual([]);
    migrate(db, upTo3000);
    expect(found(db, 'አህመድ')).toEqual([['person', 1]]);
    expect(found(db, 'ዓቢይ')).toEqual([['person', 1]]);
    expect(found(db, 'ኣቢይ አሕመድ')).toEqual([['person', 1]]);
    expect(found(db, 'ሰላም')).toEqual([['person', 1]]);
    expect(found(db, 'ዐቢይ')).toEqual([['person', 1]]);
    // Written after the migration, indexed folded too.
    db.exec(`UPDATE person SET native_name = 'ደመቀ መኰንን ሐሰን' WHERE id = 1`);
    expect(found(db, 'ሀሰን')).toEqual([['person', 1]]);
    db.close();
  });
});
