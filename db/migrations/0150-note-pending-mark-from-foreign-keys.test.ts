import { describe, expect, it } from 'vitest';
import { openDatabase } from '../open.ts';
import { migrate, migrations } from './index.ts';

function annotatedEntry(db: ReturnType<typeof openDatabase>): void {
  db.exec(`
    INSERT INTO source (id, title) VALUES (1, 'Article');
    INSERT INTO programme (id, code, name) VALUES (1, 'ITPP', 'Partnership');
    INSERT INTO sector (id, programme_id, name) VALUES (1, 1, 'Cyber defence');
    INSERT INTO sector_entry (id, sector_id, occurred_on, title, source_id) VALUES (1, 1, '2023-07-11', 'Training', 1);
    INSERT INTO note (id, sector_entry_id, title, body) VALUES (1, 1, 'Our view', 'Worth following up');
  `);
}

describe('0150: deleting what a note annotates', () => {
  it('failed before (the note was already marked for the search index) and works after, keeping the note', () => {
    const db = openDatabase(':memory:', { migrate: false });
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      migrations.filter((migration) => migration.version < 150),
    );
    annotatedEntry(db);
    expect(() => db.prepare('DELETE FROM sector_entry WHERE id = 1').run()).toThrow(/note_search_pending/);

    migrate(db);
    db.prepare('DELETE FROM sector_entry WHERE id = 1').run();
    expect(db.prepare('SELECT id, sector_entry_id AS entry, body FROM note').all()).toEqual([
      { id: 1, entry: null, body: 'Worth following up' },
    ]);
    expect(db.prepare('SELECT note_id FROM note_search_pending').all()).toEqual([{ note_id: 1 }]);
  });
});
