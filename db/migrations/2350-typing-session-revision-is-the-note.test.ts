import { describe, expect, it } from 'vitest';
import { createNote, listRevisions, notes, saveNote } from '../notes.ts';
import type { Db } from '../open.ts';
import { allRecordIds, historiesOf } from '../sync/history.ts';
import { applyMerge } from '../sync/merge.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const upTo = (version: number) => migrations.filter((migration) => migration.version <= version);
const content = (body: string) => ({ title: 'After the call', body, tags: ['follow-up'], classification: '' });

function storeAt(version: number): Db {
  const db = openScratchDatabase(':memory:', { migrate: false });
  migrate(db, upTo(version));
  return db;
}

const send = (from: Db, to: Db) => applyMerge(to, historiesOf(from, allRecordIds(from)));
const historyRows = (db: Db, noteId: number) =>
  db.prepare('SELECT version, body FROM note_revision WHERE note_id = ? ORDER BY version').all(noteId);
const listed = (db: Db, noteId: number) => listRevisions(db, noteId).map((revision) => [revision.version, revision.body]);

describe("migration 2350: a typing session's revision is the note until the session is over", () => {
  it('a save writes no revision row while its session is open; the history lists the session from the note', () => {
    const db = storeAt(2350);
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content('Quillwort'));
    let saved = saveNote(db, note.id, note.version, content('Quillwort on'));
    for (const body of ['Quillwort on the', 'Quillwort on the agenda.'])
      saved = saveNote(db, note.id, saved.version, content(body), { continuesSession: true });
    expect(historyRows(db, note.id)).toEqual([{ version: note.version, body: 'Quillwort' }]);
    expect(listed(db, note.id)).toEqual([
      [saved.version, 'Quillwort on the agenda.'],
      [note.version, 'Quillwort'],
    ]);
  });

  it('the next session writes the one before it to the history, once', () => {
    const db = storeAt(2350);
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content('Quillwort'));
    const first = saveNote(db, note.id, note.version, content('Quillwort on the agenda.'));
    // The note left and opened again: a new session, and the one before is now a row of its own.
    const reopened = saveNote(db, note.id, first.version, content('Marshwort instead.'));
    expect(historyRows(db, note.id)).toEqual([
      { version: note.version, body: 'Quillwort' },
      { version: first.version, body: 'Quillwort on the agenda.' },
    ]);
    expect(listed(db, note.id).map(([, body]) => body)).toEqual(['Marshwort instead.', 'Quillwort on the agenda.', 'Quillwort']);
    expect(notes.get(db, note.id).version).toBe(reopened.version);
  });

  it("another desk's text written over a note keeps the text typed here in its history", () => {
    const a = storeAt(2350);
    const b = storeAt(2350);
    const note = createNote(a, { sectorEntryId: null, meetingId: null }, content('Quillwort'));
    send(a, b);
    const onB = b.prepare('SELECT id, version FROM note').get() as { id: number; version: number };
    const typedOnB = saveNote(b, onB.id, onB.version, content('Typed on B'));
    send(b, a);
    saveNote(a, note.id, notes.get(a, note.id).version, content('Typed on A, after B'));
    send(a, b);
    expect(notes.get(b, onB.id).body).toBe('Typed on A, after B');
    expect(listed(b, onB.id).map(([, body]) => body)).toEqual(expect.arrayContaining(['Quillwort', 'Typed on B', 'Typed on A, after B']));
    expect(historyRows(b, onB.id)).toContainEqual({ version: typedOnB.version, body: 'Typed on B' });
  });
});
