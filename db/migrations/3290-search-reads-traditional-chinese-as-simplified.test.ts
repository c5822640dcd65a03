import { describe, expect, it } from 'vitest';
import { search } from '../search.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 3290);
const upTo3290 = migrations.filter((migration) => migration.version <= 3290);
const found = (db: ReturnType<typeof openScratchDatabase>, text: string) =>
  search(db, { text, limit: 10 }).map((hit) => [hit.kind, hit.id]);

describe('migration 3290: traditional Chinese read as simplified', () => {
  it('finds a name saved before in traditional characters by its simplified form, and changes no record', () => {
    const db = openScratchDatabase(':memory:', { migrate: false });
    migrate(db, before);
    db.exec(`
      INSERT INTO person (id, name, native_name, title, biography, classification)
        VALUES (1, 'Lai Ching-te', '賴清德', 'Leader', '臺灣', ''),
               (2, 'Xi Jinping', '习近平', 'President', '', ''),
               (3, 'Ishiba Shigeru', '石破 茂', 'Prime Minister', '', '');
    `);
    // As an earlier Sherpa indexed them: traditional pairs as written.
    const asWritten = (column: string) => `replace(replace(replace(${column}, '赖', '賴'), '台', '臺'), '湾', '灣')`;
    db.exec(`UPDATE search_text SET title_cjk = ${asWritten('title_cjk')}, body_cjk = ${asWritten('body_cjk')}`);
    db.exec('DELETE FROM search_title');
    db.exec(`INSERT INTO search_title (rowid, title, title_cjk, title_fold) SELECT rowid, title, title_cjk, title_fold FROM search_text`);
    expect(found(db, '赖清德')).toEqual([]);
    expect(found(db, '台湾')).toEqual([]);
    const updatedAt = db.prepare('SELECT id, updated_at FROM person ORDER BY id').all();
    migrate(db, upTo3290);
    expect(found(db, '赖清德')).toEqual([['person', 1]]);
    expect(found(db, '賴清德')).toEqual([['person', 1]]);
    expect(found(db, '台湾')).toEqual([['person', 1]]);
    expect(found(db, '習近平')).toEqual([['person', 2]]);
    expect(found(db, '石破')).toEqual([['person', 3]]);
    expect(db.prepare('SELECT id, updated_at FROM person ORDER BY id').all()).toEqual(updatedAt);
    db.close();
  });
});
