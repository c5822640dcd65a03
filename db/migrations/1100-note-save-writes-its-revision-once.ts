import type { Db } from '../open.ts';
import type { Migration } from './index.ts';

// Autosave writes a note on every pause in typing, and each save cost about
// twice a bare commit in our own work. Most of it was the replication
// revision the save records (migration 0400's trigger), written in three
// passes: the record's text built as JSON twice (once to store, once to see
// whether anything changed), then the revision written, then rewritten by
// 0750's trigger to add its author. The note's trigger now builds the text
// once and writes the author in the same row, so 0750's trigger has nothing
// left to do for a note. What a revision holds is unchanged: the same text,
// the same parent, the same author and time (0750's expression, copied), and
// no revision when nothing changed.

const newHash = 'lower(hex(randomblob(16)))';
const nextRev = `(CASE WHEN D.rev = '' THEN 1 ELSE CAST(substr(D.rev, 1, instr(D.rev, '-') - 1) AS INTEGER) + 1 END) || '-' || ${newHash}`;
/** Who wrote it: as 0750's trigger records it. */
const authorHere = `coalesce(
  (SELECT json_object('desk', desk_name, 'fingerprint', fingerprint, 'at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
     FROM desk_key WHERE id = 1 AND fingerprint <> ''),
  json_object('at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))`;

/** The note's text as 0400 and 0500 build it: its columns, references as replication ids, the edit counter left out. */
function noteBody(db: Db): string {
  const columns = (db.pragma('table_info(note)') as { name: string }[])
    .map((column) => column.name)
    .filter((name) => name !== 'id' && name !== 'version');
  const references = new Map(
    (db.pragma('foreign_key_list(note)') as { table: string; from: string }[]).map((key) => [key.from, key.table]),
  );
  const pairs = columns.map((column) => {
    const target = references.get(column);
    const value =
      target === undefined
        ? `NEW.${column}`
        : `(SELECT doc_id FROM sync_doc WHERE entity = '${target}' AND row_key = CAST(NEW.${column} AS TEXT))`;
    return `'${column}', ${value}`;
  });
  return `json_object(${pairs.join(', ')})`;
}

export const noteSaveWritesItsRevisionOnce: Migration = {
  version: 1100,
  name: "a note save builds its revision's text once and writes its author in the same row",
  up(db) {
    const key = 'CAST(NEW.id AS TEXT)';
    // LIMIT 1 keeps SQLite from copying the text's subquery into each place that names it (it would build it again).
    db.exec(`
      DROP TRIGGER sync_note_update;
      CREATE TRIGGER sync_note_update AFTER UPDATE ON note
        WHEN NOT EXISTS (SELECT 1 FROM sync_applying WHERE entity = 'note' AND row_key = ${key}) BEGIN
        INSERT INTO sync_rev (doc_id, rev, parent, deleted, body, author)
          SELECT D.doc_id, ${nextRev}, D.rev, 0, T.body, ${authorHere}
          FROM sync_doc AS D, (SELECT ${noteBody(db)} AS body LIMIT 1) AS T
          WHERE D.entity = 'note' AND D.row_key = ${key}
            AND T.body IS NOT (SELECT R.body FROM sync_rev AS R WHERE R.doc_id = D.doc_id AND R.rev = D.rev);
        UPDATE sync_doc SET rev = (SELECT R.rev FROM sync_rev AS R WHERE R.doc_id = sync_doc.doc_id AND R.parent IS nullif(sync_doc.rev, '')),
          deleted = 0
          WHERE entity = 'note' AND row_key = ${key}
            AND EXISTS (SELECT 1 FROM sync_rev AS R WHERE R.doc_id = sync_doc.doc_id AND R.parent IS nullif(sync_doc.rev, ''));
      END;
    `);
  },
};
