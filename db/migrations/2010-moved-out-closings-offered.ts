import type { Migration } from './index.ts';

// A record that left a summit's database may still have a version there that
// another desk edited before it heard of the move: a conflict on the desks
// holding the record's new home. Dismissing that version writes a deletion of
// it, homed where the record now is, so the old database never heard it and
// the colleague sharing only that summit kept the edit for good. Such a
// deletion now gives the record a new place in the old database's feed too,
// where it is offered beside the one closing the move (movedOut.ts): deletions
// carry no text, so nothing of the new summit travels there.
export const movedOutClosingsOffered: Migration = {
  version: 2010,
  name: 'a deletion of a record that left a database is offered to that database too',
  up(db) {
    db.exec(`
      CREATE TRIGGER sync_moved_out_closed AFTER INSERT ON sync_rev
        WHEN NEW.deleted = 1 AND EXISTS (SELECT 1 FROM sync_moved_out WHERE doc_id = NEW.doc_id AND tombstone IS NOT NULL) BEGIN
        UPDATE sqlite_sequence SET seq = seq + 1 WHERE name = 'sync_feed_clock';
        UPDATE sync_moved_out SET seq = (SELECT seq FROM sqlite_sequence WHERE name = 'sync_feed_clock')
          WHERE doc_id = NEW.doc_id AND tombstone IS NOT NULL;
      END;
    `);
  },
};
