import { describe, expect, it } from 'vitest';
import { listPeople, listSources } from '../people.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 3050);
const upTo3050 = migrations.filter((migration) => migration.version <= 3050);

// How Sherpa keyed these names before 3050: Persian and Arabic letters as typed.
const keyedAsBefore = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

describe('migration 3050: names typed on a Persian or an Arabic keyboard sort as one', () => {
  it('lists Persian names saved before in the order of their alphabet, whichever keyboard typed them, and changes no record', () => {
    const db = openScratchDatabase(':memory:', { migrate: false });
    migrate(db, before);
    // Persian names from two desks: ک and ی typed on a Persian keyboard, ك and ي on an Arabic one.
    db.exec(`
      INSERT INTO person (id, name, native_name, title, biography, classification) VALUES
        (1, 'یزدی', '', 'Delegate', '', ''),
        (2, 'محمدي', '', 'Delegate', '', ''),
        (3, 'کاظمی', '', 'Delegate', '', ''),
        (4, 'لاريجاني', '', 'Delegate', '', ''),
        (5, 'هاشمی', '', 'Delegate', '', ''),
        (6, 'كرماني', '', 'Delegate', '', ''),
        (7, 'Zarif', '', 'Delegate', '', '');
      INSERT INTO source (id, title, publisher, location, published_on, note) VALUES
        (1, 'لایحه بودجه', '', '', NULL, ''),
        (2, 'کتاب سفید', '', '', NULL, '');
    `);
    for (const [table, column, key] of [
      ['person', 'name', 'name_key'],
      ['source', 'title', 'title_key'],
    ] as const) {
      const write = db.prepare(`UPDATE ${table} SET ${key} = ? WHERE id = ?`);
      for (const { id, text } of db.prepare(`SELECT id, ${column} AS text FROM ${table}`).all() as { id: number; text: string }[])
        write.run(keyedAsBefore(text), id);
    }
    const names = () => listPeople(db).map((person) => person.name);
    // ک and ی after every Arabic letter; ك before ل, ي after ه: one list in two orders.
    expect(names()).toEqual(['Zarif', 'كرماني', 'لاريجاني', 'محمدي', 'هاشمی', 'کاظمی', 'یزدی']);
    expect(listSources(db).map((source) => source.title)).toEqual(['لایحه بودجه', 'کتاب سفید']);
    const updatedAt = db.prepare('SELECT id, updated_at FROM person ORDER BY id').all();
    const triggers = () => db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all();
    const triggersBefore = triggers();
    const searchRows = db.prepare('SELECT count(*) FROM search_text').pluck().get();
    migrate(db, upTo3050);
    // As the Persian alphabet files them: ک after ق, before ل; ی last.
    expect(names()).toEqual(['Zarif', 'کاظمی', 'كرماني', 'لاريجاني', 'محمدي', 'هاشمی', 'یزدی']);
    expect(listSources(db).map((source) => source.title)).toEqual(['کتاب سفید', 'لایحه بودجه']);
    expect(db.prepare('SELECT id, updated_at FROM person ORDER BY id').all()).toEqual(updatedAt);
    expect(triggers()).toEqual(triggersBefore);
    expect(db.prepare('SELECT count(*) FROM search_text').pluck().get()).toBe(searchRows);
    db.close();
  });
});
