import { describe, expect, it } from 'vitest';
import {
  createNote,
  emptyTrash,
  linkNote,
  listNotes,
  listNotesOfMeeting,
  listNoteTags,
  listRevisions,
  listTrash,
  NoteConflictError,
  notes,
  restoreNote,
  restoreRevision,
  saveNote,
  trashNote,
} from './notes.ts';
import { openDatabase } from './open.ts';
import { loadSampleIfEmpty } from './sample/vilnius-2023.ts';

const content = (body: string, tags: string[] = []) => ({ title: 'Talking points', body, tags, classification: 'NATO UNCLASSIFIED' });

function store() {
  const db = openDatabase(':memory:');
  loadSampleIfEmpty(db);
  const meetingId = (db.prepare('SELECT id FROM meeting ORDER BY id LIMIT 1').get() as { id: number }).id;
  return { db, meetingId };
}

describe('saving a note', () => {
  it('bumps the version on each save and keeps every saved state as a revision', () => {
    const { db } = store();
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content('first'));
    const second = saveNote(db, note.id, note.version, content('second'));
    const third = saveNote(db, note.id, second.version, content('third', ['ITPP']));
    expect(third.version).toBe(note.version + 2);
    expect(listRevisions(db, note.id).map((revision) => [revision.version, revision.body, revision.tags])).toEqual([
      [third.version, 'third', ['ITPP']],
      [second.version, 'second', []],
      [note.version, 'first', []],
    ]);
  });

  it('refuses a save based on an old version and leaves the newer text in place', () => {
    const { db } = store();
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content('original'));
    saveNote(db, note.id, note.version, content('written in window A'));
    let conflict: unknown;
    try {
      saveNote(db, note.id, note.version, content('written in window B'));
    } catch (error) {
      conflict = error;
    }
    expect(conflict).toBeInstanceOf(NoteConflictError);
    expect((conflict as NoteConflictError).current.body).toBe('written in window A');
    expect(notes.get(db, note.id).body).toBe('written in window A');
    expect(listRevisions(db, note.id)).toHaveLength(2);
  });

  it('answers a save with the note exactly as the store now holds it, its meeting, dates and tags included', () => {
    const { db, meetingId } = store();
    const note = createNote(db, { sectorEntryId: null, meetingId }, content('original', ['Vilnius']));
    const saved = saveNote(db, note.id, note.version, content('날씨: 맑음 — seating plan agreed', ['follow-up', '확인필요']));
    expect(saved).toEqual(notes.get(db, note.id));
    expect(saved).toMatchObject({ meetingId, version: 2, createdAt: note.createdAt, tags: ['follow-up', '확인필요'] });
    expect(saved.updatedAt >= note.updatedAt).toBe(true);
    // The answer's tags are the caller's own to change: the next save read from the store is unchanged.
    saved.tags.push('changed in the window');
    expect(notes.get(db, note.id).tags).toEqual(['follow-up', '확인필요']);
  });

  it('answers a save of a trashed, linked note as the store holds it, and a text with half a surrogate pair as stored', () => {
    const { db } = store();
    const summitId = (db.prepare('SELECT id FROM summit ORDER BY id LIMIT 1').get() as { id: number }).id;
    const note = linkNote(db, createNote(db, { sectorEntryId: null, meetingId: null }, content('original')).id, { summitId });
    trashNote(db, note.id);
    const saved = saveNote(db, note.id, note.version, content('typed in the trash', ['Vilnius']));
    expect(saved).toEqual(notes.get(db, note.id));
    expect(saved).toMatchObject({ summitId, deletedAt: expect.any(String), version: 2 });
    // The request schema refuses such a text; a caller that skips it still gets what the store kept (a replacement character).
    const broken = saveNote(db, note.id, saved.version, { ...content('half a pair: \ud83d'), title: 'Also \udc00' });
    expect(broken).toEqual(notes.get(db, note.id));
    expect(broken.body).toBe('half a pair: \ufffd');
  });

  it('refuses a save of a note that is gone as not found, and writes nothing', () => {
    const { db } = store();
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content('original'));
    db.prepare('DELETE FROM note WHERE id = ?').run(note.id);
    expect(() => saveNote(db, note.id, note.version, content('typed on'))).toThrow(/No note with id/);
    expect(db.prepare('SELECT count(*) AS n FROM note_revision WHERE note_id = ?').get(note.id)).toEqual({ n: 0 });
  });

  it('restores an old revision as a new revision, and refuses a stale restore', () => {
    const { db } = store();
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content('v1 text'));
    const second = saveNote(db, note.id, note.version, content('v2 text'));
    const restored = restoreRevision(db, note.id, note.version, second.version);
    expect(restored.body).toBe('v1 text');
    expect(restored.version).toBe(second.version + 1);
    expect(listRevisions(db, note.id).map((revision) => revision.body)).toEqual(['v1 text', 'v2 text', 'v1 text']);
    expect(() => restoreRevision(db, note.id, note.version, second.version)).toThrow(NoteConflictError);
    expect(() => restoreRevision(db, note.id, 99, restored.version)).toThrow(/No revision/);
  });
});

describe('the trash', () => {
  it('hides a trashed note from lists, shows it in the trash, and restores it unchanged', () => {
    const { db, meetingId } = store();
    const annotation = createNote(db, { sectorEntryId: null, meetingId }, content('on the meeting'));
    const trashed = trashNote(db, annotation.id);
    expect(trashed.deletedAt).not.toBeNull();
    expect(trashed.version).toBe(annotation.version);
    expect(listNotesOfMeeting(db, meetingId).map((note) => note.id)).not.toContain(annotation.id);
    expect(listTrash(db).map((note) => note.id)).toEqual([annotation.id]);
    const restored = restoreNote(db, annotation.id);
    expect(restored.deletedAt).toBeNull();
    expect(restored.body).toBe('on the meeting');
    expect(listNotesOfMeeting(db, meetingId).map((note) => note.id)).toContain(annotation.id);
    expect(listTrash(db)).toEqual([]);
  });

  it('empties only trashed notes, with their revisions', () => {
    const { db } = store();
    const kept = createNote(db, { sectorEntryId: null, meetingId: null }, content('keep me'));
    const binned = createNote(db, { sectorEntryId: null, meetingId: null }, content('bin me'));
    saveNote(db, binned.id, binned.version, content('bin me, edited'));
    trashNote(db, binned.id);
    expect(emptyTrash(db)).toBe(1);
    expect(notes.find(db, binned.id)).toBeUndefined();
    expect(db.prepare('SELECT count(*) AS n FROM note_revision WHERE note_id = ?').get(binned.id)).toEqual({ n: 0 });
    expect(notes.get(db, kept.id).body).toBe('keep me');
    expect(emptyTrash(db)).toBe(0);
  });
});

describe('listing notes', () => {
  it('filters free-standing notes, annotations and tags', () => {
    const { db, meetingId } = store();
    const free = createNote(db, { sectorEntryId: null, meetingId: null }, content('free', ['cyber', 'ITPP']));
    const annotation = createNote(db, { sectorEntryId: null, meetingId }, content('annotation', ['ITPP']));
    const binned = createNote(db, { sectorEntryId: null, meetingId: null }, content('binned', ['cyber']));
    trashNote(db, binned.id);
    const ids = (list: { id: number }[]) => list.map((note) => note.id).sort();
    expect(ids(listNotes(db, { kind: 'note' }))).toEqual(ids([free]));
    expect(ids(listNotes(db, { kind: 'annotation' }))).toContain(annotation.id);
    expect(ids(listNotes(db, { kind: 'annotation' }))).not.toContain(free.id);
    expect(ids(listNotes(db, { tag: 'cyber' }))).toEqual([free.id]);
    expect(ids(listNotes(db, { tag: 'ITPP' }))).toEqual(ids([free, annotation]));
    expect(listNoteTags(db)).toEqual(
      expect.arrayContaining([
        { tag: 'ITPP', count: 2 },
        { tag: 'cyber', count: 1 },
      ]),
    );
  });

  // "İstanbul" and "istanbul" were two tags, each listing half the notes; Turkish İ and ı lower-case to letters
  // other languages spell otherwise, so a plain lower-casing kept them apart too.
  it('takes tags differing only in case as one, in any language, spelt as first seen', () => {
    const { db } = store();
    const first = createNote(db, { sectorEntryId: null, meetingId: null }, content('first', ['İstanbul', 'Straße']));
    const second = createNote(db, { sectorEntryId: null, meetingId: null }, content('second', ['istanbul', 'STRASSE']));
    const third = createNote(db, { sectorEntryId: null, meetingId: null }, content('third', ['ISTANBUL', 'ıstanbul']));
    createNote(db, { sectorEntryId: null, meetingId: null }, content('other', ['Izmir']));
    const ids = (list: { id: number }[]) => list.map((note) => note.id).sort((a, b) => a - b);
    for (const tag of ['İstanbul', 'istanbul', 'ISTANBUL', 'ıstanbul'])
      expect(ids(listNotes(db, { tag }))).toEqual([first.id, second.id, third.id]);
    expect(ids(listNotes(db, { tag: 'strasse' }))).toEqual([first.id, second.id]);
    expect(listNoteTags(db)).toEqual([
      { tag: 'İstanbul', count: 3 },
      { tag: 'Izmir', count: 1 },
      { tag: 'Straße', count: 2 },
    ]);
  });

  it("gives every note its own tags: changing one note's list read from the store changes no other's", () => {
    const { db, meetingId } = store();
    const first = createNote(db, { sectorEntryId: null, meetingId }, content('first', ['cyber', '확인필요']));
    const second = createNote(db, { sectorEntryId: null, meetingId }, content('second', ['cyber', '확인필요']));
    const read = listNotesOfMeeting(db, meetingId);
    const tagsOf = (id: number) => read.find((note) => note.id === id)?.tags;
    tagsOf(first.id)?.push('edited');
    expect(tagsOf(second.id)).toEqual(['cyber', '확인필요']);
    expect(listNotesOfMeeting(db, meetingId).find((note) => note.id === first.id)?.tags).toEqual(['cyber', '확인필요']);
    expect(notes.get(db, second.id).tags).toEqual(['cyber', '확인필요']);
  });
});

describe('one revision per typing session', () => {
  /** Moves a save's time back, as a pause in typing would leave it: on the note, whose open session it is, or on its revision. */
  const pauseAfter = (db: ReturnType<typeof openDatabase>, noteId: number, version: number, seconds: number) => {
    const before = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-${seconds} seconds')`;
    db.prepare(`UPDATE note SET updated_at = ${before} WHERE id = ? AND version = ?`).run(noteId, version);
    db.prepare(`UPDATE note_revision SET saved_at = ${before} WHERE note_id = ? AND version = ?`).run(noteId, version);
  };

  it('keeps the last state of a session, with a new version on every save', () => {
    const { db } = store();
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content(''));
    let saved = saveNote(db, note.id, note.version, content('Raise'));
    for (const body of ['Raise cyber', 'Raise cyber defence', 'Raise cyber defence first.'])
      saved = saveNote(db, note.id, saved.version, content(body), { continuesSession: true });
    expect(saved.version).toBe(note.version + 4);
    expect(listRevisions(db, note.id).map((revision) => [revision.version, revision.body])).toEqual([
      [saved.version, 'Raise cyber defence first.'],
      [note.version, ''],
    ]);
  });

  it('starts a new revision after a pause of a minute, or when the note was left and opened again', () => {
    const { db } = store();
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content(''));
    const first = saveNote(db, note.id, note.version, content('Before the flight'));
    pauseAfter(db, note.id, first.version, 61);
    const afterPause = saveNote(db, note.id, first.version, content('After a pause'), { continuesSession: true });
    const typing = saveNote(db, note.id, afterPause.version, content('After a pause, typing on'), { continuesSession: true });
    pauseAfter(db, note.id, typing.version, 59);
    const reopened = saveNote(db, note.id, typing.version, content('Opened again'));
    expect(listRevisions(db, note.id).map((revision) => revision.body)).toEqual([
      'Opened again',
      'After a pause, typing on',
      'Before the flight',
      '',
    ]);
    expect(reopened.version).toBe(note.version + 4);
  });

  it('still refuses a stale save, and joins nothing then', () => {
    const { db } = store();
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content(''));
    const mine = saveNote(db, note.id, note.version, content('window A'));
    const theirs = saveNote(db, note.id, mine.version, content('window B'));
    expect(() => saveNote(db, note.id, mine.version, content('window A, stale'), { continuesSession: true })).toThrow(NoteConflictError);
    expect(notes.get(db, note.id).body).toBe('window B');
    expect(listRevisions(db, note.id).map((revision) => [revision.version, revision.body])).toEqual([
      [theirs.version, 'window B'],
      [mine.version, 'window A'],
      [note.version, ''],
    ]);
  });
});
