import { describe, expect, it } from 'vitest';
import { createNote, saveNote } from '../notes.ts';
import type { Db } from '../open.ts';
import { indexPendingSearch, marksKeptBeforeSearch, search } from '../search.ts';
import { revisionsOf } from '../sync/history.ts';
import { writePendingNoteRevisions } from '../sync/pendingNotes.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const upTo = (version: number) => migrations.filter((migration) => migration.version <= version);
const content = { title: 'After the call', body: 'Quillwort on the agenda.', tags: ['follow-up'], classification: '' };

function storeAt(version: number): Db {
  const db = openScratchDatabase(':memory:', { migrate: false });
  migrate(db, upTo(version));
  return db;
}

const found = (db: Db, word: string) => search(db, { text: word, limit: 5 }).map((hit) => hit.id);
const searchMarks = (db: Db) => db.prepare('SELECT count(*) FROM note_search_pending').pluck().get();
const noteDoc = (db: Db, noteId: number) =>
  db.prepare("SELECT doc_id FROM sync_doc WHERE entity = 'note' AND row_key = ?").pluck().get(String(noteId)) as string;

describe('migration 2100: a note save writes one mark', () => {
  it('a save by this desk writes no search mark of its own, and the next search finds its text, not the old one', () => {
    const db = storeAt(2100);
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content);
    expect(found(db, 'quillwort')).toEqual([note.id]);
    saveNote(db, note.id, note.version, { ...content, body: 'Marshwort instead.' });
    expect(searchMarks(db)).toBe(0);
    expect(found(db, 'quillwort')).toEqual([]);
    expect(found(db, 'marshwort')).toEqual([note.id]);
    expect(indexPendingSearch(db)).toBe(0);
  });

  it('a revision written before any search keeps the note waiting for the index', () => {
    const db = storeAt(2100);
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content);
    expect(found(db, 'quillwort')).toEqual([note.id]);
    saveNote(db, note.id, note.version, { ...content, body: 'Marshwort instead.' });
    writePendingNoteRevisions(db);
    expect(revisionsOf(db, noteDoc(db, note.id)).map((revision) => revision.body?.body)).toEqual([
      'Quillwort on the agenda.',
      'Marshwort instead.',
    ]);
    expect(found(db, 'marshwort')).toEqual([note.id]);
    expect(found(db, 'quillwort')).toEqual([]);
  });

  it('a write replication makes still marks the note for search, and nothing for replication', () => {
    const db = storeAt(2100);
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content);
    expect(found(db, 'quillwort')).toEqual([note.id]);
    db.prepare("INSERT INTO sync_applying (entity, row_key) VALUES ('note', ?)").run(String(note.id));
    db.prepare("UPDATE note SET body = 'Marshwort from a colleague.' WHERE id = ?").run(note.id);
    db.prepare('DELETE FROM sync_applying').run();
    expect(searchMarks(db)).toBe(1);
    expect(db.prepare('SELECT count(*) FROM sync_note_pending').pluck().get()).toBe(0);
    expect(found(db, 'marshwort')).toEqual([note.id]);
  });

  it('a store with saves waiting for the index and for replication migrates, and loses neither', () => {
    const db = storeAt(1850);
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content);
    saveNote(db, note.id, note.version, { ...content, body: 'Marshwort instead.' });
    migrate(db, upTo(2100));
    expect(found(db, 'marshwort')).toEqual([note.id]);
    expect(revisionsOf(db, noteDoc(db, note.id)).at(-1)?.body?.body).toBe('Marshwort instead.');
  });

  it("a desk that never replicates keeps its searches cheap: past the limit, a search writes the marked notes' revisions", () => {
    const db = storeAt(2100);
    const saved = Array.from({ length: marksKeptBeforeSearch + 2 }, (_, index) => {
      const note = createNote(db, { sectorEntryId: null, meetingId: null }, { ...content, title: `Call ${index}` });
      return saveNote(db, note.id, note.version, { ...content, title: `Call ${index}`, body: `Marshwort ${index}.` });
    });
    expect(db.prepare('SELECT count(*) FROM sync_note_pending').pluck().get()).toBe(saved.length);
    expect(found(db, 'marshwort')).toHaveLength(5);
    expect(db.prepare('SELECT count(*) FROM sync_note_pending').pluck().get()).toBe(0);
    const last = saved.at(-1);
    expect(revisionsOf(db, noteDoc(db, last?.id ?? 0)).at(-1)?.body?.body).toBe(`Marshwort ${saved.length - 1}.`);
  });
});
