import { describe, expect, it } from 'vitest';
import type { Db } from '../open.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const through = migrations.filter((migration) => migration.version <= 2000);

function storeAt(list: typeof migrations): Db {
  const db = openScratchDatabase(':memory:', { migrate: false });
  migrate(db, list);
  return db;
}

const winnerOf = (db: Db, docId: string) => db.prepare('SELECT rev FROM sync_doc WHERE doc_id = ?').pluck().get(docId) as string;
const parentOf = (db: Db, docId: string, rev: string) =>
  db.prepare('SELECT parent FROM sync_rev WHERE doc_id = ? AND rev = ?').pluck().get(docId, rev) as string;
const docOf = (db: Db, entity: string, rowKey: string) =>
  db.prepare('SELECT doc_id FROM sync_doc WHERE entity = ? AND row_key = ?').pluck().get(entity, rowKey) as string;

describe('migration 2000', () => {
  it('notes what a meeting moved to another summit leaves behind, and which version that database last held of each', () => {
    const db = storeAt(through);
    db.exec(`
      INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES
        (1, 'G20 Johannesburg', '2025-11-22', '2025-11-23', 'Africa/Johannesburg'),
        (2, 'G20 Cape Town ministerial', '2025-10-01', '2025-10-02', 'Africa/Johannesburg');
      INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone) VALUES
        (1, 1, 'Bilateral with Brazil', 'bilateral', '2025-11-22T08:00:00Z', 'Africa/Johannesburg'),
        (2, 1, 'Bilateral with Korea', 'bilateral', '2025-11-22T10:00:00Z', 'Africa/Johannesburg');
      INSERT INTO note (id, meeting_id, title, body) VALUES (1, 1, 'Points', 'Debt relief first.'), (2, 2, 'Points', 'Minerals.');
      DELETE FROM note WHERE id = 2;
    `);
    const [johannesburg, meeting, note, korea, deletedNote] = [
      docOf(db, 'summit', '1'),
      docOf(db, 'meeting', '1'),
      docOf(db, 'note', '1'),
      docOf(db, 'meeting', '2'),
      db.prepare(`SELECT doc_id FROM sync_doc WHERE entity = 'note' AND deleted = 1`).pluck().get() as string,
    ];
    const noteBefore = winnerOf(db, note);
    db.exec('UPDATE meeting SET summit_id = 2 WHERE id IN (1, 2)');
    const movedOut = db.prepare('SELECT doc_id, home, closed, tombstone, seq FROM sync_moved_out ORDER BY doc_id').all();
    // The meeting moved by a revision of its own: the version before it is closed. Its note moved with it, as it was.
    // A note already deleted leaves nothing to close.
    expect(movedOut).toEqual(
      [
        { doc_id: meeting, home: johannesburg, closed: parentOf(db, meeting, winnerOf(db, meeting)), tombstone: null, seq: null },
        { doc_id: note, home: johannesburg, closed: noteBefore, tombstone: null, seq: null },
        { doc_id: korea, home: johannesburg, closed: parentOf(db, korea, winnerOf(db, korea)), tombstone: null, seq: null },
      ].sort((a, b) => (a.doc_id < b.doc_id ? -1 : 1)),
    );
    expect(movedOut.map((row) => (row as { doc_id: string }).doc_id)).not.toContain(deletedNote);
    // Moved back: nothing to close there any more; the summit it left now is noted instead.
    db.exec('UPDATE meeting SET summit_id = 1 WHERE id = 1');
    expect(db.prepare('SELECT home FROM sync_moved_out WHERE doc_id = ?').pluck().all(meeting)).toEqual([docOf(db, 'summit', '2')]);
  });
});
