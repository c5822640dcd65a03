import { describe, expect, it } from 'vitest';
import { listPeople } from '../people.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 2940);
const upTo2940 = migrations.filter((migration) => migration.version <= 2940);

describe('migration 2940: Cyrillic names sort by their alphabet', () => {
  it('lists Ukrainian names saved before in the order of the Ukrainian alphabet, and changes no record', () => {
    const db = openScratchDatabase(':memory:', { migrate: false });
    migrate(db, before);
    db.exec(`
      INSERT INTO person (id, name, native_name, title, biography, classification) VALUES
        (1, 'Юлія Свириденко', '', 'Prime Minister', '', ''),
        (2, 'Ігор Жовква', '', 'Deputy Head of the Office', '', ''),
        (3, 'Андрій Сибіга', '', 'Foreign Minister', '', ''),
        (4, 'Євген Перебийніс', '', 'Deputy Foreign Minister', '', ''),
        (5, 'Ґонгадзе', '', 'Delegate', '', ''),
        (6, 'Дмитро Кулеба', '', 'Former Foreign Minister', '', '');
    `);
    // As an earlier Sherpa keyed them, in lower case: І, Є and Ґ after Я.
    const keyAsBefore = db.prepare('UPDATE person SET name_key = ? WHERE id = ?');
    for (const { id, name } of db.prepare('SELECT id, name FROM person').all() as { id: number; name: string }[])
      keyAsBefore.run(name.toLowerCase(), id);
    const names = () => listPeople(db).map((person) => person.name);
    expect(names()).toEqual(['Андрій Сибіга', 'Дмитро Кулеба', 'Юлія Свириденко', 'Євген Перебийніс', 'Ігор Жовква', 'Ґонгадзе']);
    const updatedAt = db.prepare('SELECT id, updated_at FROM person ORDER BY id').all();
    const triggers = () => db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all();
    const triggersBefore = triggers();
    migrate(db, upTo2940);
    expect(names()).toEqual(['Андрій Сибіга', 'Ґонгадзе', 'Дмитро Кулеба', 'Євген Перебийніс', 'Ігор Жовква', 'Юлія Свириденко']);
    // A key is not an edit: no record changed, and the triggers (search index, replication) are back as they were.
    expect(db.prepare('SELECT id, updated_at FROM person ORDER BY id').all()).toEqual(updatedAt);
    expect(triggers()).toEqual(triggersBefore);
    db.close();
  });
});
