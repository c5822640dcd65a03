import { describe, expect, it } from 'vitest';
import { search } from '../search.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 3400);
const upTo3400 = migrations.filter((migration) => migration.version <= 3400);
const found = (db: ReturnType<typeof openScratchDatabase>, text: string) =>
  search(db, { text, limit: 10 }).map((hit) => [hit.kind, hit.id]);

describe('migration 3400: Urdu letters read as Persian ones', () => {
  it('finds Urdu names saved before when typed on a Persian keyboard, and changes no record', () => {
    const db = openScratchDatabase(':memory:', { migrate: false });
    migrate(db, before);
    db.exec(`
      INSERT INTO person (id, name, native_name, title, biography, classification)
        VALUES (1, 'Shahbaz Qureshi', 'شہباز قریشی', 'Minister', 'بھارت کے ساتھ', ''),
               (2, 'Ali Rezaei', 'علی رضایی', 'Adviser', 'تهران', '');
    `);
    // As an earlier Sherpa indexed them: the tokenizer keeps ہ, ھ and ے, so nothing folded was added.
    db.exec(`UPDATE search_text SET title_fold = '', body_fold = ''`);
    db.exec('DELETE FROM search_title');
    db.exec(`INSERT INTO search_title (rowid, title, title_cjk, title_fold) SELECT rowid, title, title_cjk, '' FROM search_text`);
    expect(found(db, 'شهباز')).toEqual([]);
    const updatedAt = db.prepare('SELECT id, updated_at FROM person ORDER BY id').all();
    migrate(db, upTo3400);
    expect(found(db, 'شهباز')).toEqual([['person', 1]]);
    expect(found(db, 'بهارت')).toEqual([['person', 1]]);
    expect(found(db, 'شہباز')).toEqual([['person', 1]]);
    expect(found(db, 'تهران')).toEqual([['person', 2]]);
    expect(db.prepare('SELECT id, updated_at FROM person ORDER BY id').all()).toEqual(updatedAt);
    db.close();
  });
});
