import { describe, expect, it } from 'vitest';
import { openDatabase } from '../open.ts';
import { sectors } from '../sectors.ts';
import { migrate, migrations } from './index.ts';

describe('0300 ids of deleted records are never reused', () => {
  it('a store from before 0300 keeps its rows, and from then on a new sector never takes a deleted one’s id', () => {
    const db = openDatabase(':memory:', { migrate: false });
    migrate(
      db,
      migrations.filter((migration) => migration.version < 300),
    );
    db.exec(`
      INSERT INTO programme (id, code, name) VALUES (1, 'ITPP', 'Partnership');
      INSERT INTO sector (id, programme_id, name, position) VALUES (1, 1, 'Cyber', 1), (2, 1, 'Maritime', 2);
    `);
    migrate(db);
    expect(db.prepare('SELECT id, name FROM sector ORDER BY id').all()).toEqual([
      { id: 1, name: 'Cyber' },
      { id: 2, name: 'Maritime' },
    ]);
    db.prepare('DELETE FROM sector WHERE id = 2').run();
    const id = sectors.insert(db, { programmeId: 1, name: 'Space', position: 2 });
    expect(id).toBe(3);
  });
});
