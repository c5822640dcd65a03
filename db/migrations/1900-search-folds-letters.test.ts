import { describe, expect, it } from 'vitest';
import { search } from '../search.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 1900);
const upTo1900 = migrations.filter((migration) => migration.version <= 1900);

describe('migration 1900: search folds letters', () => {
  it('rebuilds an existing index so a Vietnamese, Turkish or Arabic name saved before is found by its plain spelling', () => {
    const db = openScratchDatabase(':memory:', { migrate: false });
    migrate(db, before);
    db.exec(`
      INSERT INTO summit (id, title, city, start_date, end_date, time_zone, description, classification)
        VALUES (1, 'ASEAN Summit', 'Viangchan', '2026-10-06', '2026-10-08', 'Asia/Vientiane', 'Bilateral with Đặng Thị Ngọc Thịnh', '');
      INSERT INTO person (id, name, native_name, title, biography, classification)
        VALUES (1, 'Ayşe Yılmaz', 'مُحَمَّد', 'Ambassador', 'Born in İstanbul.', '');
    `);
    const rowsBefore = db.prepare('SELECT rowid, title, body FROM search_text ORDER BY rowid').all();
    expect(search(db, { text: 'dang', limit: 10 })).toEqual([]);

    migrate(db, upTo1900);
    expect(db.prepare('SELECT rowid, title, body FROM search_text ORDER BY rowid').all()).toEqual(rowsBefore);
    expect(search(db, { text: 'dang thi', limit: 10 }).map((hit) => [hit.kind, hit.id])).toEqual([['summit', 1]]);
    expect(search(db, { text: 'yilmaz', limit: 10 }).map((hit) => [hit.kind, hit.id])).toEqual([['person', 1]]);
    expect(search(db, { text: 'محمد', limit: 10 }).map((hit) => [hit.kind, hit.id])).toEqual([['person', 1]]);
    // Edits after the migration are indexed folded too, and leave the index when deleted.
    db.exec(`UPDATE person SET name = 'Đoàn Văn Sáu' WHERE id = 1`);
    expect(search(db, { text: 'doan', limit: 10 }).map((hit) => hit.id)).toEqual([1]);
    expect(search(db, { text: 'yilmaz', limit: 10 })).toEqual([]);
    db.close();
  });
});
