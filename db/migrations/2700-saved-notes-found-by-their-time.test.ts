import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNote, saveNote, trashNote } from '../notes.ts';
import type { Db } from '../open.ts';
import { search } from '../search.ts';
import { revisionsOf } from '../sync/history.ts';
import { applyMerge } from '../sync/merge.ts';
import { writePendingNoteRevisions } from '../sync/pendingNotes.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const upTo = (version: number) => migrations.filter((migration) => migration.version <= version);
const content = (body: string) => ({ title: 'After the call', body, tags: ['follow-up'], classification: '' });

function storeAt(file: string, version: number): Db {
  const db = openScratchDatabase(file, { migrate: false });
  migrate(db, upTo(version));
  return db;
}

function noteDoc(db: Db, noteId: number): string {
  return db.prepare("SELECT doc_id FROM sync_doc WHERE entity = 'note' AND row_key = ?").pluck().get(String(noteId)) as string;
}
const bodies = (db: Db, docId: string) => revisionsOf(db, docId).map((revision) => revision.body?.body ?? null);
const found = (db: Db, text: string) => search(db, { text, limit: 10 }).map((hit) => hit.title);

/** The trees (tables, indexes) whose pages one call wrote to the WAL: what its commit syncs and, encrypted, encrypts. */
function treesWritten(db: Db, file: string, write: () => void): string[] {
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('wal_checkpoint(TRUNCATE)');
  write();
  const wal = fs.readFileSync(`${file}-wal`);
  const pageSize = wal.readUInt32BE(8);
  const pages = new Set<number>();
  for (let offset = 32; offset + 24 + pageSize <= wal.length; offset += 24 + pageSize) pages.add(wal.readUInt32BE(offset));
  const treeOf = new Map(
    (db.prepare('SELECT name, pageno FROM dbstat').all() as { name: string; pageno: number }[]).map((row) => [row.pageno, row.name]),
  );
  return [...new Set([...pages].map((page) => treeOf.get(page) ?? `page ${page}`))].sort();
}

function inFolder(test: (file: string) => void): void {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sherpa-2700-'));
  try {
    test(path.join(folder, 'store.sqlite'));
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

describe('migration 2700: a note saved here waits for its revision and search entry by its time, not by a mark', () => {
  it('a save writes the note and its place in the lists only, and is still replicated and found by search', () =>
    inFolder((file) => {
      const db = storeAt(file, 2700);
      const note = createNote(db, { sectorEntryId: null, meetingId: null }, content('The reply is expected next week.'));
      const docId = noteDoc(db, note.id);
      writePendingNoteRevisions(db);
      found(db, 'reply');
      const trees = treesWritten(db, file, () =>
        db.transaction(() => saveNote(db, note.id, note.version, content('Quillwort tabled at the working group.')))(),
      );
      expect(trees).toEqual(['note', 'note_by_updated']);
      expect(found(db, 'quillwort')).toEqual(['After the call']);
      expect(bodies(db, docId)).toEqual(['The reply is expected next week.', 'Quillwort tabled at the working group.']);
      db.close();
    }));

  it('a save dated no later than the last change taken (the clock set back) is marked, and replicated and found as before', () =>
    inFolder((file) => {
      const db = storeAt(file, 2700);
      const note = createNote(db, { sectorEntryId: null, meetingId: null }, content('The reply is expected next week.'));
      const docId = noteDoc(db, note.id);
      db.prepare(`UPDATE note_saves_after SET revision = '2999-01-01T00:00:00.000Z', search = '2999-01-01T00:00:00.000Z'`).run();
      saveNote(db, note.id, note.version, content('Quillwort tabled at the working group.'));
      expect(db.prepare('SELECT count(*) FROM sync_note_pending').pluck().get()).toBe(1);
      expect(found(db, 'quillwort')).toEqual(['After the call']);
      expect(bodies(db, docId)).toEqual(['The reply is expected next week.', 'Quillwort tabled at the working group.']);
      db.close();
    }));

  it('a save, then the trash: one revision of the trashed text, dated by the trash', () =>
    inFolder((file) => {
      const db = storeAt(file, 2700);
      const note = createNote(db, { sectorEntryId: null, meetingId: null }, content('The reply is expected next week.'));
      const docId = noteDoc(db, note.id);
      writePendingNoteRevisions(db);
      const saved = saveNote(db, note.id, note.version, content('Last words'));
      const trashed = trashNote(db, saved.id);
      const revisions = revisionsOf(db, docId);
      expect(revisions.map((revision) => revision.body?.body)).toEqual(['The reply is expected next week.', 'Last words']);
      expect(revisions.at(-1)?.body?.deleted_at).toBe(trashed.deletedAt);
      const author = db.prepare('SELECT author FROM sync_rev WHERE doc_id = ? ORDER BY seq DESC LIMIT 1').pluck().get(docId) as string;
      expect(JSON.parse(author).at).toBe(trashed.deletedAt);
      db.close();
    }));

  it("a colleague's note dated later than a save made here: the save is replicated, the colleague's is not sent back", () =>
    inFolder((file) => {
      const db = storeAt(file, 2700);
      const note = createNote(db, { sectorEntryId: null, meetingId: null }, content('The reply is expected next week.'));
      const docId = noteDoc(db, note.id);
      writePendingNoteRevisions(db);
      saveNote(db, note.id, note.version, content('Written here'));
      const theirs = 'note:'.padEnd(37, 'c');
      applyMerge(db, [
        {
          id: theirs,
          entity: 'note',
          revisions: [
            {
              rev: `1-${'c'.repeat(32)}`,
              parent: null,
              deleted: false,
              body: {
                sector_entry_id: null,
                meeting_id: null,
                title: 'Their call',
                body: 'Written elsewhere, later',
                tags: '[]',
                classification: '',
                created_at: '2998-01-01T00:00:00.000Z',
                updated_at: '2998-01-01T00:00:00.000Z',
                deleted_at: null,
              },
            },
          ],
        },
      ]);
      expect(bodies(db, docId)).toEqual(['The reply is expected next week.', 'Written here']);
      expect(revisionsOf(db, theirs).map((revision) => revision.rev)).toEqual([`1-${'c'.repeat(32)}`]);
      db.close();
    }));
});
