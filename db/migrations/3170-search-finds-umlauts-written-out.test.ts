import { describe, expect, it } from 'vitest';
import { search } from '../search.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 3170);
const upTo3170 = migrations.filter((migration) => migration.version <= 3170);
const found = (db: ReturnType<typeof openScratchDatabase>, text: string) =>
  search(db, { text, limit: 10 }).map((hit) => [hit.kind, hit.id]);

describe('migration 3170: umlauts written out', () => {
  it('finds German names saved before by their umlauts written out with an e, and changes no record', () => {
    const db = openScratchDatabase(':memory:', { migrate: false });
    migrate(db, before);
    db.exec(`
      INSERT INTO person (id, name, native_name, title, biography, classification)
        VALUES (1, 'Jürgen Kühn', '', 'Head of Division', 'Studied in Köln.', ''),
               (2, 'Hans Weber', '', 'Adviser', 'Berlin.', '');
    `);
    // As an earlier Sherpa indexed them: the tokenizer folds ü to u itself, so nothing folded was added.
    db.exec(`UPDATE search_text SET title_fold = '', body_fold = ''`);
    db.exec(`DELETE FROM search_title`);
    db.exec(`INSERT INTO search_title (rowid, title, title_cjk, title_fold) SELECT rowid, title, title_cjk, '' FROM search_text`);
    expect(found(db, 'Juergen')).toEqual([]);
    expect(found(db, 'Jurgen')).toEqual([['person', 1]]);
    const updatedAt = db.prepare('SELECT id, updated_at FROM person ORDER BY id').all();
    migrate(db, upTo3170);
    expect(found(db, 'Juergen Kuehn')).toEqual([['person', 1]]);
    expect(found(db, 'koeln')).toEqual([['person', 1]]);
    expect(found(db, 'Jurgen')).toEqual([['person', 1]]);
    expect(found(db, 'Weber')).toEqual([['person', 2]]);
    expect(db.prepare('SELECT id, updated_at FROM person ORDER BY id').all()).toEqual(updatedAt);
    db.close();
  });
});
