import { describe, expect, it } from 'vitest';
import { listPeople } from '../people.ts';
import { search } from '../search.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 2950);
const upTo2950 = migrations.filter((migration) => migration.version <= 2950);

describe('migration 2950: Ə folds to A and sorts after E, Georgian capitals fold to their letters, apostrophes in Cyrillic words fold away', () => {
  it('finds and lists names saved before as a desk without those keyboards looks them up, and changes no record', () => {
    const db = openScratchDatabase(':memory:', { migrate: false });
    migrate(db, before);
    db.exec(`
      INSERT INTO person (id, name, native_name, title, biography, classification) VALUES
        (1, 'Əliyev İlham', '', 'President of Azerbaijan', 'Born in Naxçıvan; Heydər Əliyev''s son.', ''),
        (2, 'Zurabishvili', 'ᲡᲐᲚᲝᲛᲔ ᲖᲣᲠᲐᲑᲘᲨᲕᲘᲚᲘ', 'Former President of Georgia', '', ''),
        (3, 'Eriksen', '', 'Observer', '', ''),
        (4, 'Fico', '', 'Prime Minister of Slovakia', '', ''),
        (5, 'В’ячеслав Чорновіл', '', 'Delegate', 'Мар''яна Бетлій is his deputy.', '');
    `);
    // As an earlier Sherpa keyed and indexed them: Ə and Mtavruli kept as letters the tokenizer does not fold (the key
    // first, as writing it re-indexes the row).
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
    expect(ids('aliyev')).toEqual([]);
    expect(ids('სალომე')).toEqual([]);
    expect(ids('вячеслав')).toEqual([]);
    expect(names()).toEqual(['Eriksen', 'Fico', 'Zurabishvili', 'Əliyev İlham', 'В’ячеслав Чорновіл']);
    const updatedAt = db.prepare('SELECT id, updated_at FROM person ORDER BY id').all();
    const triggers = () => db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all();
    const triggersBefore = triggers();
    migrate(db, upTo2950);
    expect(ids('aliyev')).toEqual([1]);
    expect(ids('Əliyev')).toEqual([1]);
    expect(ids('heydar')).toEqual([1]);
    expect(ids('სალომე ზურაბიშვილი')).toEqual([2]);
    expect(ids('ᲡᲐᲚᲝᲛᲔ')).toEqual([2]);
    expect(ids('вячеслав')).toEqual([5]);
    expect(ids('вʼячеслав')).toEqual([5]);
    expect(ids('маряна')).toEqual([5]);
    expect(names()).toEqual(['Eriksen', 'Əliyev İlham', 'Fico', 'Zurabishvili', 'В’ячеслав Чорновіл']);
    expect(db.prepare('SELECT id, updated_at FROM person ORDER BY id').all()).toEqual(updatedAt);
    expect(triggers()).toEqual(triggersBefore);
    // Written after the migration, indexed folded too.
    db.exec(`UPDATE person SET name = 'Ceyhun Bayramov', biography = 'Deputy of Əli Əsədov.' WHERE id = 4`);
    expect(ids('asadov')).toEqual([4]);
    db.close();
  });
});
