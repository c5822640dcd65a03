import type { Note, NoteLink, NoteRevision } from '../shared/domain.ts';
import { tagKey } from '../shared/noteTags.ts';
import { compareNames } from '../shared/sortKey.ts';
import type { Db } from './open.ts';
import { NotFoundError, statement, table } from './sql.ts';

export const notes = table<Note>({
  table: 'note',
  kind: 'note',
  touch: false,
  columns: {
    id: 'id',
    sectorEntryId: 'sector_entry_id',
    meetingId: 'meeting_id',
    summitId: 'summit_id',
    sectorId: 'sector_id',
    title: 'title',
    body: 'body',
    tags: 'tags',
    classification: 'classification',
    version: 'version',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
    deletedAt: 'deleted_at',
  },
  fromRow: (row) => {
    row.tags = tagsOf(String(row.tags));
    return row as unknown as Note;
  },
});

// The stored tag lists of a desk repeat (most notes carry none or a few of the same), and
// parsing one costs a quarter of a microsecond: more than the rest of a row's reading in a
// meeting brief of sixteen annotations. Each list is parsed once here; every note gets its own copy.
const parsedTags = new Map<string, readonly string[]>();
const parsedTagsKept = 2000;

function tagsOf(text: string): string[] {
  let tags = parsedTags.get(text);
  if (tags === undefined) {
    tags = JSON.parse(text) as string[];
    if (parsedTags.size >= parsedTagsKept) parsedTags.clear();
    parsedTags.set(text, tags);
  }
  return tags.slice();
}

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

/** A pause this long or longer in a note's saves ends its typing session, and its revision. */
export const typingSessionPause = '60 seconds';

export interface SaveOptions {
  /**
   * The window saved this note before without leaving it: the save joins the
   * revision of that typing session, unless the session paused for
   * `typingSessionPause`. Otherwise (a first save, a restore) it starts one.
   */
  readonly continuesSession?: boolean;
}

// Built once: a statement is found by its text, and a text built on every save is hashed again on every save.
const keepSessionBefore = `INSERT OR IGNORE INTO note_revision (note_id, version, title, body, tags, classification, saved_at)
   SELECT id, version, title, body, tags, classification, updated_at FROM note
   WHERE id = ? AND version = ?
     AND NOT (? AND version > 1 AND updated_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-${typingSessionPause}'))`;
// Only the columns the save did not write come back: the text it wrote is the caller's own (see saveNote).
const saveIfCurrent = `UPDATE note SET title = ?, body = ?, tags = ?, classification = ?, version = version + 1,
   updated_at = strftime('%Y-%m-%dT%H:%M:%fZ') WHERE id = ? AND version = ?
 RETURNING sector_entry_id AS sectorEntryId, meeting_id AS meetingId, summit_id AS summitId, sector_id AS sectorId,
   version, created_at AS createdAt, updated_at AS updatedAt, deleted_at AS deletedAt`;

/** ES2024's String.prototype.isWellFormed (Node 20 and later), missing from the ES2023 library the project builds against. */
const isWellFormed = (text: string) => (text as unknown as { isWellFormed(): boolean }).isWellFormed();

type SavedColumns = Pick<
  Note,
  'sectorEntryId' | 'meetingId' | 'summitId' | 'sectorId' | 'version' | 'createdAt' | 'updatedAt' | 'deletedAt'
>;

/**
 * Saves new content only if the caller edited the current version: versions,
 * not clocks, decide conflicts, and a stale save never overwrites. Every save
 * gets a new version; the history keeps one revision per typing session (the
 * last state of it), so autosave does not fill it with every pause in typing.
 * The open session's revision is the note itself (migration 2350): a save that
 * starts a session first writes the one before it to the history, unless it
 * is there already, and a save that joins one writes no revision at all.
 */
export function saveNote(db: Db, id: number, baseVersion: number, content: NoteContent, options: SaveOptions = {}): Note {
  // Only of the version this save is based on: a stale save keeps nothing and is refused below. The note's first is never joined.
  statement(db, keepSessionBefore).run(id, baseVersion, options.continuesSession === true ? 1 : 0);
  // One statement checks the version and writes: autosave runs this on every pause in typing.
  const row = statement(db, saveIfCurrent).get(
    content.title,
    content.body,
    JSON.stringify(content.tags),
    content.classification,
    id,
    baseVersion,
  ) as SavedColumns | undefined;
  if (row === undefined) throw new NoteConflictError(notes.get(db, id));
  // The texts are answered from the caller's own strings, which the store holds as given: reading them back cost a
  // save a copy and a decoding of its whole body (0.003 ms of the statements' 0.05 on tmpfs; on a loaded disk, where
  // the caches are cold after each sync, 0.00–0.08 ms of their 0.15–0.23). A text with half a surrogate pair (which
  // the request schema refuses) is stored with a replacement character, so such a save is answered from the store.
  if (!(isWellFormed(content.title) && isWellFormed(content.body) && isWellFormed(content.classification))) return notes.get(db, id);
  return {
    id,
    sectorEntryId: row.sectorEntryId,
    meetingId: row.meetingId,
    summitId: row.summitId,
    sectorId: row.sectorId,
    title: content.title,
    body: content.body,
    tags: [...content.tags],
    classification: content.classification,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
  };
}

export function listNotesOfSectorEntry(db: Db, sectorEntryId: number): Note[] {
  return notes.all(db, 'WHERE sector_entry_id = ? AND deleted_at IS NULL ORDER BY created_at, id', sectorEntryId);
}

export function listNotesOfMeeting(db: Db, meetingId: number): Note[] {
  return notes.all(db, 'WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY created_at, id', meetingId);
}

/**
 * Links a free-standing note to one summit, meeting or sector, or unlinks it.
 * The text and version are untouched: an edit queued in another window still saves.
 * An annotation on a sector entry stays where it is.
 */
export function linkNote(db: Db, id: number, link: NoteLink): Note {
  const note = notes.get(db, id);
  if (note.sectorEntryId !== null) throw new NoteLinkError();
  const target = (key: 'summitId' | 'meetingId' | 'sectorId') =>
    link !== null && key in link ? (link as Record<string, number>)[key] : null;
  statement(db, 'UPDATE note SET summit_id = ?, meeting_id = ?, sector_id = ? WHERE id = ?').run(
    target('summitId'),
    target('meetingId'),
    target('sectorId'),
    id,
  );
  return notes.get(db, id);
}

export class NoteLinkError extends Error {
  constructor() {
    super('An annotation on a sector entry stays with its entry; it cannot be linked elsewhere.');
    this.name = 'NoteLinkError';
  }
}

/** Live notes linked to a summit. */
export function listNotesOfSummit(db: Db, summitId: number): Note[] {
  return notes.all(db, 'WHERE summit_id = ? AND deleted_at IS NULL ORDER BY created_at, id', summitId);
}

/** Live notes linked to a sector (not the annotations on its entries). */
export function listNotesOfSector(db: Db, sectorId: number): Note[] {
  return notes.all(db, 'WHERE sector_id = ? AND deleted_at IS NULL ORDER BY created_at, id', sectorId);
}

export function listRecentNotes(db: Db, limit: number): Note[] {
  return notes.all(db, 'WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT ?', limit);
}

/** Which notes a list shows: free-standing notes, annotations, or both. */
export type NoteKind = 'note' | 'annotation' | 'all';
export interface NoteFilter {
  kind?: NoteKind;
  /** Only notes carrying this tag, in any case ("istanbul" finds "İstanbul": shared/noteTags.ts). */
  tag?: string;
  limit?: number;
}

/** Live (not trashed) notes, most recently edited first. */
export function listNotes(db: Db, filter: NoteFilter = {}): Note[] {
  const conditions = ['deleted_at IS NULL'];
  const params: unknown[] = [];
  if (filter.kind === 'note') conditions.push('sector_entry_id IS NULL AND meeting_id IS NULL');
  if (filter.kind === 'annotation') conditions.push('(sector_entry_id IS NOT NULL OR meeting_id IS NOT NULL)');
  if (filter.tag !== undefined) {
    conditions.push(`EXISTS (SELECT 1 FROM json_each(note.tags) WHERE ${tagKeyOf('value')} = ?)`);
    params.push(tagKey(filter.tag));
  }
  params.push(filter.limit ?? 500);
  return notes.all(db, `WHERE ${conditions.join(' AND ')} ORDER BY updated_at DESC, id DESC LIMIT ?`, ...params);
}

/**
 * A tag's key (shared/noteTags.ts) in SQL: a tag of printable ASCII alone is keyed by SQLite's own lower(), which
 * is tagKey there, and only others call tag_key. A JavaScript call per tag made listing 20,000 notes' tags 2.6
 * times as costly in CPU time, and filtering them by a tag 5 times; this way about 1.3 times, and 1.2 times.
 */
const tagKeyOf = (value: string) => `CASE WHEN ${value} GLOB '*[^ -~]*' THEN tag_key(${value}) ELSE lower(${value}) END`;

/**
 * Every tag used on a live note, with how many notes carry it. Tags differing in case only are one (tagKey),
 * spelt as first seen: on the note written first here, its first spelling there (SQLite takes the bare
 * `tag.value` from the row min() picks).
 */
export function listNoteTags(db: Db): { tag: string; count: number }[] {
  return (
    statement(
      db,
      `SELECT tag.value AS tag, count(DISTINCT note.id) AS count, min(note.id * 65536 + tag.key) AS first
       FROM note, json_each(note.tags) AS tag
       WHERE note.deleted_at IS NULL GROUP BY ${tagKeyOf('tag.value')}`,
    ).all() as { tag: string; count: number }[]
  )
    .map(({ tag, count }) => ({ tag, count }))
    .sort((a, b) => compareNames(a.tag, b.tag));
}

/**
 * Moves a note to the trash. The version is left alone: an edit still queued
 * in another window saves normally instead of turning into a conflict.
 */
export function trashNote(db: Db, id: number): Note {
  const note = notes.get(db, id);
  if (note.deletedAt !== null) return note;
  statement(db, `UPDATE note SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ') WHERE id = ?`).run(id);
  return notes.get(db, id);
}

/**
 * Deletes an annotation nobody wrote anything in (no title, text or tag), as
 * made by "Add annotation" and left: it would otherwise stay listed as
 * "Nothing written yet" and be counted. Checked here, in one statement, so an
 * edit saved meanwhile keeps the note. True when it was deleted.
 */
export function discardEmptyNote(db: Db, id: number): boolean {
  notes.get(db, id);
  return (
    statement(db, `DELETE FROM note WHERE id = ? AND title = '' AND trim(body) = '' AND tags = '[]' AND deleted_at IS NULL`).run(id)
      .changes > 0
  );
}

export function restoreNote(db: Db, id: number): Note {
  notes.get(db, id);
  statement(db, 'UPDATE note SET deleted_at = NULL WHERE id = ?').run(id);
  return notes.get(db, id);
}

export function listTrash(db: Db): Note[] {
  return notes.all(db, 'WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id DESC');
}

/** Deletes for good the notes in the trash (and their revisions), and nothing else. */
export function emptyTrash(db: Db): number {
  return statement(db, 'DELETE FROM note WHERE deleted_at IS NOT NULL').run().changes;
}

/**
 * Brings back an old revision as a new one: history stays append-only, and a
 * restore based on a stale version is a conflict like any other save.
 */
export function restoreRevision(db: Db, id: number, version: number, baseVersion: number): Note {
  const revision = listRevisions(db, id).find((candidate) => candidate.version === version);
  if (!revision) throw new NotFoundError('revision', `${id}/${version}`);
  const { title, body, tags, classification } = revision;
  return saveNote(db, id, baseVersion, { title, body, tags, classification });
}

/** The note's history, newest first: its open typing session's revision is the note as it stands (see saveNote). */
export function listRevisions(db: Db, noteId: number): NoteRevision[] {
  notes.get(db, noteId);
  return (
    statement(
      db,
      `SELECT note_id AS noteId, version, title, body, tags, classification, saved_at AS savedAt
       FROM note_revision WHERE note_id = ?
       UNION ALL
       SELECT id, version, title, body, tags, classification, updated_at FROM note
       WHERE id = ? AND NOT EXISTS (SELECT 1 FROM note_revision WHERE note_id = note.id AND version = note.version)
       ORDER BY version DESC`,
    ).all(noteId, noteId) as (Omit<NoteRevision, 'tags'> & { tags: string })[]
  ).map((revision) => ({ ...revision, tags: JSON.parse(revision.tags) as string[] }));
}
