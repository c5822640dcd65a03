import { describe, expect, it } from 'vitest';
import { openDatabase } from '../open.ts';
import { search } from '../search.ts';
import { migrate, migrations } from './index.ts';

describe('search inside CJK compounds (0250) on a store written before it', () => {
  const upgraded = () => {
    const db = openDatabase(':memory:', { migrate: false });
    migrate(
      db,
      migrations.filter((migration) => migration.version < 250),
    );
    db.exec(`
      INSERT INTO summit (id, title, start_date, end_date, time_zone, description)
        VALUES (1, 'Vilnius Summit', '2023-07-11', '2023-07-12', 'Europe/Vilnius', '나토 정상회의 및 사이버방위 협력');
      INSERT INTO note (id, title, body) VALUES (1, '출장 메모', '한국과 나토는 사이버방위 협력을 강화하기로 하였다.');
      INSERT INTO note (id, title, body) VALUES (2, 'Plane notes', 'Quillwort briefing');
    `);
    // Note 1 indexed as 0080's search did; note 2 saved but still waiting to be indexed, which the upgrade must keep.
    db.exec(`
      INSERT INTO search_index (rowid, title, body, kind, ref_id, summit_id, sector_id)
        SELECT rowid, title, body, kind, ref_id, summit_id, sector_id FROM note_search_row WHERE ref_id = 1;
      DELETE FROM note_search_pending WHERE note_id = 1;
    `);
    expect(migrate(db)).toEqual(migrations.filter((migration) => migration.version >= 250).map((migration) => migration.version));
    return db;
  };
  const found = (db: ReturnType<typeof openDatabase>, text: string) =>
    search(db, { text, limit: 10 }).map((hit) => `${hit.kind}:${hit.id}`);

  it('finds rows indexed before the upgrade inside compounds, and Latin words as before', () => {
    const db = upgraded();
    expect(found(db, '방위').sort()).toEqual(['note:1', 'summit:1']);
    expect(found(db, '회의')).toEqual(['summit:1']);
    expect(found(db, 'vilnius')).toEqual(['summit:1']);
    expect(found(db, 'quillwort')).toEqual(['note:2']);
    db.close();
  });

  it('keeps the index in step through the same triggers after the upgrade', () => {
    const db = upgraded();
    db.exec("UPDATE summit SET description = '핵군축협의' WHERE id = 1");
    expect(found(db, '방위')).toEqual(['note:1']);
    expect(found(db, '군축협')).toEqual(['summit:1']);
    db.exec(
      "INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES (2, '北大西洋条約機構首脳会議', '2024-07-09', '2024-07-11', 'UTC')",
    );
    expect(found(db, '首脳')).toEqual(['summit:2']);
    db.exec('DELETE FROM summit WHERE id = 2');
    expect(found(db, '首脳')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM search_text').pluck().get()).toBe(3);
    db.close();
  });
});
