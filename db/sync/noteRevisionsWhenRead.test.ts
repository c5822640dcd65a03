import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNote, emptyTrash, saveNote, trashNote } from '../notes.ts';
import type { Db } from '../open.ts';
import { openScratchCopy, openScratchDatabase } from '../testing.ts';
import { latestSeq, recordsChangedAfter } from './account.ts';
import { listConflicts } from './conflicts.ts';
import { docState, revisionsOf } from './history.ts';
import { applyMerge } from './merge.ts';
import { feedPage } from './partition.ts';
import { listRestorations } from './restorations.ts';

const content = { title: 'After the call', body: 'The reply is expected next week.', tags: ['follow-up'], classification: '' };

function noteDoc(db: Db, noteId: number): string {
  // Read as the app never does (straight from the table, no revision written first): the record's id is given when the note is made.
  return db.prepare("SELECT doc_id FROM sync_doc WHERE entity = 'note' AND row_key = ?").pluck().get(String(noteId)) as string;
}
const revisionsInTable = (db: Db) => db.prepare('SELECT count(*) FROM sync_rev').pluck().get() as number;
const bodies = (db: Db, docId: string) => revisionsOf(db, docId).map((revision) => revision.body?.body ?? null);

describe('a note save marks the note, and its replication revision is written before anything reads revisions', () => {
  it('saves of a typing session become one revision with the last text, the winner, and the first change in the feed', () => {
    const db = openScratchCopy();
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content);
    const docId = noteDoc(db, note.id);
    const before = revisionsInTable(db);
    const seqBefore = latestSeq(db);
    let version = note.version;
    for (const body of ['Second thoughts', 'Third thoughts', 'Final word'])
      version = saveNote(db, note.id, version, { ...content, body }, { continuesSession: true }).version;
    // Nothing replicated was written by the saves themselves.
    expect(revisionsInTable(db)).toBe(before);

    expect(bodies(db, docId)).toEqual(['The reply is expected next week.', 'Final word']);
    const revisions = revisionsOf(db, docId);
    expect(docState(db, docId)?.rev).toBe(revisions.at(-1)?.rev);
    expect(revisions.at(-1)?.parent).toBe(revisions[0]?.rev);
    expect(recordsChangedAfter(db, seqBefore)).toEqual([docId]);
    expect(feedPage(db, 0, 500).map((entry) => entry.doc_id)).toContain(docId);
  });

  it('the changes feed and the waiting count see a save made after a page was read', () => {
    const db = openScratchCopy();
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content);
    const docId = noteDoc(db, note.id);
    const last = feedPage(db, 0, 500).at(-1)?.seq ?? 0;
    const pushed = latestSeq(db);
    saveNote(db, note.id, note.version, { ...content, body: 'Sent after the first page' });
    expect(recordsChangedAfter(db, pushed)).toEqual([docId]);
    expect(feedPage(db, last, 500).map((entry) => entry.doc_id)).toEqual([docId]);
    expect(bodies(db, docId).at(-1)).toBe('Sent after the first page');
  });

  it('a write that changes nothing replicated writes no revision', () => {
    const db = openScratchCopy();
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content);
    const docId = noteDoc(db, note.id);
    db.prepare('UPDATE note SET version = version WHERE id = ?').run(note.id);
    expect(bodies(db, docId)).toEqual(['The reply is expected next week.']);
  });

  it('a marked note deleted for good keeps its last text before its deletion', () => {
    const db = openScratchCopy();
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content);
    const docId = noteDoc(db, note.id);
    const saved = saveNote(db, note.id, note.version, { ...content, body: 'Last words' });
    trashNote(db, saved.id);
    expect(emptyTrash(db)).toBe(1);
    const revisions = revisionsOf(db, docId);
    expect(revisions.at(-1)?.deleted).toBe(true);
    expect(revisions.at(-2)?.body?.body).toBe('Last words');
    expect(revisions.at(-2)?.body?.deleted_at).not.toBeNull();
    expect(db.prepare('SELECT count(*) FROM sync_note_pending').pluck().get()).toBe(0);
  });

  it("a colleague's edit merged onto a note saved here keeps both texts, as a conflict", () => {
    const db = openScratchCopy();
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content);
    const docId = noteDoc(db, note.id);
    const [first] = revisionsOf(db, docId);
    saveNote(db, note.id, note.version, { ...content, body: 'Written here' });
    applyMerge(db, [
      {
        id: docId,
        entity: 'note',
        revisions: [
          {
            rev: `2-${'f'.repeat(32)}`,
            parent: first?.rev ?? null,
            deleted: false,
            body: { ...(first?.body ?? {}), body: 'Written elsewhere' },
          },
          { rev: first?.rev ?? '', parent: null, deleted: false, body: null },
        ],
      },
    ]);
    expect(bodies(db, docId).sort()).toEqual(['The reply is expected next week.', 'Written elsewhere', 'Written here']);
    // Both are leaves of the first revision: two branches, one of them the winner.
    expect(revisionsOf(db, docId).filter((revision) => revision.parent === first?.rev)).toHaveLength(2);
  });

  it('the conflict list writes no waiting revision while no record has branched, and shows a conflicted note as last saved', () => {
    const db = openScratchCopy();
    const quiet = createNote(db, { sectorEntryId: null, meetingId: null }, content);
    saveNote(db, quiet.id, quiet.version, { ...content, body: 'Saved, waiting for its revision' });
    const before = revisionsInTable(db);
    // What a start asks first: no record has two branches, so neither list can hold one (the lead's full store: 100,000 notes waiting).
    expect(listConflicts(db)).toEqual([]);
    expect(listRestorations(db)).toEqual([]);
    expect(revisionsInTable(db)).toBe(before);

    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content);
    const docId = noteDoc(db, note.id);
    const [first] = revisionsOf(db, docId);
    saveNote(db, note.id, note.version, { ...content, body: 'Written here' });
    applyMerge(db, [
      {
        id: docId,
        entity: 'note',
        revisions: [
          {
            rev: `2-${'f'.repeat(32)}`,
            parent: first?.rev ?? null,
            deleted: false,
            body: { ...(first?.body ?? {}), body: 'Written elsewhere' },
          },
          { rev: first?.rev ?? '', parent: null, deleted: false, body: null },
        ],
      },
    ]);
    // The colleague's text won; the officer rewrites the note, and the save waits for its revision.
    const version = db.prepare('SELECT version FROM note WHERE id = ?').pluck().get(note.id) as number;
    saveNote(db, note.id, version, { ...content, body: 'Written here, then revised' });
    const [conflict] = listConflicts(db);
    expect(conflict?.id).toBe(docId);
    expect(conflict?.winner.body?.body).toBe('Written here, then revised');
    expect(conflict?.losers.map((loser) => loser.body?.body)).toEqual(['Written here']);
  });

  it('a store opened read-only shows its revisions as they stand, without the marked saves, and changes nothing', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-marked-'));
    try {
      const file = path.join(folder, 'store.sqlite');
      const writer = openScratchDatabase(file);
      const note = createNote(writer, { sectorEntryId: null, meetingId: null }, content);
      const docId = noteDoc(writer, note.id);
      saveNote(writer, note.id, note.version, { ...content, body: 'Not yet offered' });
      writer.close();
      const reader = openScratchDatabase(file, { readonly: true, migrate: false });
      expect(bodies(reader, docId)).toEqual(['The reply is expected next week.']);
      // Waiting by its time since 2700, with no mark of its own.
      expect(reader.prepare('SELECT count(*) FROM note WHERE updated_at > (SELECT revision FROM note_saves_after)').pluck().get()).toBe(1);
      reader.close();
      const again = openScratchDatabase(file);
      expect(bodies(again, docId)).toEqual(['The reply is expected next week.', 'Not yet offered']);
      again.close();
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
