import type { Migration } from './index.ts';

// Every local write's trigger inserts the record's new revision, then makes it
// the winner by looking it up as the child of the old winner, through the
// index of revisions by (record, parent): one more index a save writes (1.4
// pages of the 16 a note save wrote, each synced and, in an encrypted store,
// encrypted). The lookup now goes by the new revision's number instead
// (`last_insert_rowid()`, which inside a trigger is the row its own INSERT
// made), still checking that it is the old winner's child of the same record,
// so a trigger whose INSERT wrote nothing (an unchanged text) finds nothing, as
// before: the winner is always a leaf, so no other row can be its child.
//
// The other readers of the parent index find a revision's children among the
// revisions of the next generation instead (a revision's parent is always one
// generation down, which merge.ts checks of every revision received, and a
// revision's id starts with its generation): a range of the (record, rev)
// index that holds a revision or two. The parent index then goes.
//
// The triggers are rewritten from their own text, as every synced kind has
// three and each names the lookup the same way; a trigger where the lookup
// does not follow its own INSERT into sync_rev stops the migration.

/** 0400's lookup of the revision just written, as every trigger since spells it. */
const byParent = "R.doc_id = sync_doc.doc_id AND R.parent IS nullif(sync_doc.rev, '')";
const byNumber = `R.seq = last_insert_rowid() AND ${byParent}`;

/** Whether each lookup in a trigger follows an INSERT into sync_rev with no other INSERT between. */
function followsItsOwnInsert(sql: string): boolean {
  const parts = sql.split(byParent);
  return parts.slice(0, -1).every((_, index) => {
    const before = parts.slice(0, index + 1).join(byParent);
    const lastInsert = before.toUpperCase().lastIndexOf('INSERT INTO ');
    return lastInsert >= 0 && /^INSERT INTO sync_rev\b/i.test(before.slice(lastInsert));
  });
}

export const newRevisionFoundByItsNumber: Migration = {
  version: 1450,
  name: "a write finds the revision it made by its number; the revisions' parent index goes",
  up(db) {
    const triggers = db
      .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND instr(sql, ?) > 0 ORDER BY name")
      .all(byParent) as { name: string; sql: string }[];
    for (const trigger of triggers) {
      if (!followsItsOwnInsert(trigger.sql))
        throw new Error(`Trigger ${trigger.name} looks up a revision by its parent without having inserted it.`);
      db.exec(`DROP TRIGGER ${trigger.name}`);
      db.exec(trigger.sql.split(byParent).join(byNumber));
    }
    db.exec(`
      DROP TRIGGER sync_rev_branched;
      CREATE TRIGGER sync_rev_branched AFTER INSERT ON sync_rev
        WHEN EXISTS (SELECT 1 FROM sync_rev AS R WHERE R.doc_id = NEW.doc_id
          AND R.rev >= substr(NEW.rev, 1, instr(NEW.rev, '-')) AND R.rev < substr(NEW.rev, 1, instr(NEW.rev, '-') - 1) || '.'
          AND R.parent IS NEW.parent AND R.rev <> NEW.rev)
      BEGIN
        INSERT OR IGNORE INTO sync_branched (doc_id) VALUES (NEW.doc_id);
      END;
      DROP INDEX sync_rev_by_parent;
    `);
  },
};
