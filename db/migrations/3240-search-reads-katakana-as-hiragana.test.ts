import { describe, expect, it } from 'vitest';
import { search } from '../search.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 3240);
const upTo3240 = migrations.filter((migration) => migration.version <= 3240);
const found = (db: ReturnType<typeof openScratchDatabase>, text: string) =>
  search(db, { text, limit: 10 }).map((hit) => [hit.kind, hit.id]);

describe('migration 3240: katakana read as hiragana', () => {
  it('finds a name saved before in katakana by its hiragana, and changes no record', () => {
    const db = openScratchDatabase(':memory:', { migrate: false });
    migrate(db, before);
    db.exec(`
      INSERT INTO person (id, name, native_name, title, biography, classification)
        VALUES (1, 'Ishiba Shigeru', 'イシバ シゲル', 'Prime Minister', 'ジャパン', ''),
               (2, 'Kishida Fumio', 'きしだ ふみお', 'Former Prime Minister', '', '');
    `);
    // As an earlier Sherpa indexed them: katakana pairs as written.
    db.exec(`UPDATE search_text SET title_cjk = replace(replace(title_cjk, 'しば', 'シバ'), 'いし', 'イシ')`);
    db.exec('DELETE FROM search_title');
    db.exec(`INSERT INTO search_title (rowid, title, title_cjk, title_fold) SELECT rowid, title, title_cjk, title_fold FROM search_text`);
    expect(found(db, 'いしば')).toEqual([]);
    const updatedAt = db.prepare('SELECT id, updated_at FROM person ORDER BY id').all();
    migrate(db, upTo3240);
    expect(found(db, 'いしば')).toEqual([['person', 1]]);
    expect(found(db, 'イシバ')).toEqual([['person', 1]]);
    expect(found(db, 'キシダ')).toEqual([['person', 2]]);
    expect(db.prepare('SELECT id, updated_at FROM person ORDER BY id').all()).toEqual(updatedAt);
    db.close();
  });
});
