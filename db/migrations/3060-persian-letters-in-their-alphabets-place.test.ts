import { describe, expect, it } from 'vitest';
import { compareNames } from '../../shared/sortKey.ts';
import { listPeople } from '../people.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 3060);
const upTo3060 = migrations.filter((migration) => migration.version <= 3060);

// Keys as 3050 left them: Persian keyboard letters folded, پ چ ژ گ as typed (after every Arabic letter).
const keyedAsBefore = (text: string) =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[یى]/gu, 'ي').replace(/ک/gu, 'ك');

// Iranian officials' names, in the order of the Persian alphabet: ب پ ت ج چ ح ز ژ س ک گ ل.
const inPersianOrder = ['بهرامی', 'پزشکیان', 'تهرانی', 'جلیلی', 'چمران', 'حسینی', 'زارع', 'ژیان', 'سعیدی', 'کاظمی', 'گنجی', 'لاریجانی'];

describe('migration 3060: Persian پ چ ژ گ in their alphabet’s place', () => {
  it('files each after its neighbour in a list sorted in code', () => {
    expect([...inPersianOrder].reverse().sort(compareNames)).toEqual(inPersianOrder);
  });

  it('lists people saved before in the Persian alphabet’s order, and changes no record', () => {
    const db = openScratchDatabase(':memory:', { migrate: false });
    migrate(db, before);
    const insert = db.prepare(
      `INSERT INTO person (id, name, native_name, title, biography, classification) VALUES (?, ?, '', 'Delegate', '', '')`,
    );
    for (const [index, name] of [...inPersianOrder].reverse().entries()) insert.run(index + 1, name);
    const write = db.prepare('UPDATE person SET name_key = ? WHERE id = ?');
    for (const { id, name } of db.prepare('SELECT id, name FROM person').all() as { id: number; name: string }[])
      write.run(keyedAsBefore(name), id);
    const names = () => listPeople(db).map((person) => person.name);
    expect(names().indexOf('پزشکیان')).toBeGreaterThan(names().indexOf('لاریجانی'));
    const updatedAt = db.prepare('SELECT id, updated_at FROM person ORDER BY id').all();
    migrate(db, upTo3060);
    expect(names()).toEqual(inPersianOrder);
    expect(db.prepare('SELECT id, updated_at FROM person ORDER BY id').all()).toEqual(updatedAt);
    db.close();
  });
});
