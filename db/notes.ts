import type { Db } from './open.ts';
import { statement, table } from './sql.ts';
import type { Note, NoteRevision } from './types.ts';

export const notes = table<Note>({
  table: 'note',
  kind: 'note',
  touch: false,
  columns: {
    id: 'id',
    sectorEntryId: 'sector_entry_id',
    meetingId: 'meeting_id',
    title: 'title',
    body: 'body',
    tags: 'tags',
    classification: 'classification',
    version: 'version',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
    deletedAt: 'deleted_at',
  },
  fromRow: (row) => ({ ...(row as unknown as Note), tags: JSON.parse(String(row.tags)) as string[] }),
});

export type NoteContent = Pick<Note, 'title' | 'body' | 'tags' | 'classification'>;
export type NoteTarget = Pick<Note, 'sectorEntryId' | 'meetingId'>;

export class NoteConflictError extends Error {
  readonly current: Note;
  constructor(current: Note) {
    super(`This note was changed elsewhere (now version ${current.version}). Choose which text to keep.`);
    this.name = 'NoteConflictError';
    this.current = current;
  }
}

function recordRevision(db: Db, note: Note): void {
  statement(
    db,
    `INSERT INTO note_revision (note_id, version, title, body, tags, classification, saved_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(note.id, note.version, note.title, note.body, JSON.stringify(note.tags), note.classification, note.updatedAt);
}

export function createNote(db: Db, target: NoteTarget, content: NoteContent): Note {
  const id = notes.insert(db, { ...target, ...content });
  const note = notes.get(db, id);
  recordRevision(db, note);
  return note;
}

/**
 * Saves new content only if the caller edited the current version: versions,
 * not clocks, decide conflicts, and a stale save never overwrites.
 */
export function saveNote(db: Db, id: number, baseVersion: number, content: NoteContent): Note {
  const current = notes.get(db, id);
  if (current.version !== baseVersion) throw new NoteConflictError(current);
  statement(
    db,
    `UPDATE note SET title = ?, body = ?, tags = ?, classification = ?, version = version + 1,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ') WHERE id = ?`,
  ).run(content.title, content.body, JSON.stringify(content.tags), content.classification, id);
  const saved = notes.get(db, id);
  recordRevision(db, saved);
  return saved;
}

export function listNotesOfSectorEntry(db: Db, sectorEntryId: number): Note[] {
  return notes.all(db, 'WHERE sector_entry_id = ? AND deleted_at IS NULL ORDER BY created_at, id', sectorEntryId);
}

export function listNotesOfMeeting(db: Db, meetingId: number): Note[] {
  return notes.all(db, 'WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY created_at, id', meetingId);
}

export function listRecentNotes(db: Db, limit: number): Note[] {
  return notes.all(db, 'WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT ?', limit);
}

export function listRevisions(db: Db, noteId: number): NoteRevision[] {
  notes.get(db, noteId);
  return (
    statement(
      db,
      `SELECT note_id AS noteId, version, title, body, tags, classification, saved_at AS savedAt
       FROM note_revision WHERE note_id = ? ORDER BY version DESC`,
    ).all(noteId) as (Omit<NoteRevision, 'tags'> & { tags: string })[]
  ).map((revision) => ({ ...revision, tags: JSON.parse(revision.tags) as string[] }));
}
