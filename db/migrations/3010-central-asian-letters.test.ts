import { describe, expect, it } from 'vitest';
import { listPeople } from '../people.ts';
import { search } from '../search.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 3010);
const upTo3010 = migrations.filter((migration) => migration.version <= 3010);

describe('migration 3010: Kazakh, Kyrgyz and Tajik letters fold to Russian ones and sort after them, Uzbek apostrophes fold away', () => {
  it('finds and lists names saved before as a desk without those keyboards looks them up, and changes no record', () => {
    const db = openScratchDatabase(':memory:', { migrate: false });
    migrate(db, before);
    db.exec(`
      INSERT INTO person (id, name, native_name, title, biography, classification) VALUES
        (1, 'Тоқаев Қасым-Жомарт', '', 'President of Kazakhstan', 'Ақорда, Астана.', ''),
        (2, 'Әлиев Ғани', '', 'Adviser', 'Өскемен.', ''),
        (3, 'Бабаев Руслан', '', 'Observer', '', ''),
        (4, 'Mirziyoyev Shavkat', '', 'President of Uzbekistan', 'O‘zbekiston Respublikasi.', ''),
        (5, 'Чорновіл Вячеслав', '', 'Delegate', 'Зустріч у Києві.', '');
    `);
    // As an earlier Sherpa keyed and indexed them: the Kazakh letters and the apostrophe kept as they were (the key
    // first, as writing it re-indexes the row), і left for the tokenizer.
    const keyAsBefore = db.prepare('UPDATE person SET name_key = ? WHERE id = ?');
    for (const { id, name } of db.prepare('SELECT id, name FROM person').all() as { id: number; name: string }[])
      keyAsBefore.run(name.toLowerCase(), id);
    db.exec(`
      UPDATE search_text SET title_fold = '', body_fold = '';
      DELETE FROM search_title;
      INSERT INTO search_title (rowid, title, title_cjk, title_fold) SELECT rowid, title, title_cjk, title_fold FROM search_text;
    `);
    const ids = (text: string) => search(db, { text, limit: 10 }).map((hit) => hit.id);
    const names = () => listPeople(db).map((person) => person.name);
    expect(ids('Токаев')).toEqual([]);
    expect(ids('Ozbekiston')).toEqual([]);
    expect(ids('Києві')).toEqual([]);
    expect(names()).toEqual(['Mirziyoyev Shavkat', 'Бабаев Руслан', 'Тоқаев Қасым-Жомарт', 'Чорновіл Вячеслав', 'Әлиев Ғани']);
    const updatedAt = db.prepare('SELECT id, updated_at FROM person ORDER BY id').all();
    const triggers = () => db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all();
    const triggersBefore = triggers();
    migrate(db, upTo3010);
    expect(ids('Токаев')).toEqual([1]);
    expect(ids('Тоқаев')).toEqual([1]);
    expect(ids('Акорда')).toEqual([1]);
    expect(ids('Алиев Гани')).toEqual([2]);
    expect(ids('Оскемен')).toEqual([2]);
    for (const typed of ['Ozbekiston', 'O‘zbekiston', "O'zbekiston", 'Oʻzbekiston']) expect(ids(typed), typed).toEqual([4]);
    expect(ids('Чорновіл')).toEqual([5]);
    expect(ids('Києві')).toEqual([5]);
    expect(names()).toEqual(['Mirziyoyev Shavkat', 'Әлиев Ғани', 'Бабаев Руслан', 'Тоқаев Қасым-Жомарт', 'Чорновіл Вячеслав']);
    expect(db.prepare('SELECT id, updated_at FROM person ORDER BY id').all()).toEqual(updatedAt);
    expect(triggers()).toEqual(triggersBefore);
    // Written after the migration, indexed folded too.
    db.exec(`UPDATE person SET biography = 'Ҷумҳурии Тоҷикистон.' WHERE id = 3`);
    expect(ids('Чумхурии')).toEqual([3]);
    db.close();
  });
});
