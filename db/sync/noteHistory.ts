import type { RecordBody } from '../../shared/sync.ts';
import type { Db } from '../open.ts';
import { statement } from '../sql.ts';
import { docState } from './history.ts';
import { quietly } from './rows.ts';

// A note's own history (note_revision) is what its history and conflict views
// show. A note changed by another desk gets its new text there too, and when
// two desks edited it at once the losing text is put in it as well, so the
// officer sees both texts where notes always show them and can restore either.

interface NoteRow {
  id: number;
  version: number;
  title: string;
  body: string;
  tags: string;
  classification: string;
  updated_at: string;
}

const insertRevision = (db: Db) =>
  statement(
    db,
    `INSERT OR IGNORE INTO note_revision (note_id, version, title, body, tags, classification, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );

const bumpVersion = (db: Db, noteId: number) =>
  quietly(db, 'note', String(noteId), () => statement(db, 'UPDATE note SET version = version + 1 WHERE id = ?').run(noteId));

export function recordReceivedNote(db: Db, docId: string, losers: readonly (RecordBody | null)[]): void {
  const state = docState(db, docId);
  if (state?.entity !== 'note' || state.row_key === null) return;
  const noteId = Number(state.row_key);
  const row = () =>
    statement(db, 'SELECT id, version, title, body, tags, classification, updated_at FROM note WHERE id = ?').get(noteId) as NoteRow;
  const known = new Set(statement(db, 'SELECT body FROM note_revision WHERE note_id = ?').pluck().all(noteId) as string[]);
  let added = false;
  for (const loser of losers) {
    if (!loser || typeof loser.body !== 'string' || known.has(loser.body) || loser.body === row().body) continue;
    // Only the note's own counter moves: its record's text is unchanged, so no record revision is written (and a
    // row still waiting for its meeting is not taken for an edit unlinking it, which would replicate).
    bumpVersion(db, noteId);
    const current = row();
    insertRevision(db).run(
      noteId,
      current.version,
      String(loser.title ?? current.title),
      loser.body,
      typeof loser.tags === 'string' ? loser.tags : current.tags,
      String(loser.classification ?? current.classification),
      String(loser.updated_at ?? current.updated_at),
    );
    known.add(loser.body);
    added = true;
  }
  // The text on screen is the newest version, above any loser just listed.
  if (added) bumpVersion(db, noteId);
  const current = row();
  insertRevision(db).run(noteId, current.version, current.title, current.body, current.tags, current.classification, current.updated_at);
}
