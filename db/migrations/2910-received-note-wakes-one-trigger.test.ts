import { describe, expect, it } from 'vitest';
import { createNote, listRevisions, saveNote } from '../notes.ts';
import type { Db } from '../open.ts';
import { search } from '../search.ts';
import { revisionsOf } from '../sync/history.ts';
import { applyMerge } from '../sync/merge.ts';
import { writePendingNoteRevisions } from '../sync/pendingNotes.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const upTo = (version: number) => migrations.filter((migration) => migration.version <= version);
const content = (body: string) => ({ title: 'After the call', body, tags: ['follow-up'], classification: '' });

function storeAt(version: number): Db {
  const db = openScratchDatabase(':memory:', { migrate: false });
  migrate(db, upTo(version));
  return db;
}

const noteDoc = (db: Db, noteId: number) =>
  db.prepare("SELECT doc_id FROM sync_doc WHERE entity = 'note' AND row_key = ?").pluck().get(String(noteId)) as string;

/**
 * A note saved here and not yet replicated, then a colleague's edit of another note received, dated
 * `receivedAt`: what the desk shows and sends afterwards (the same on the schema before 2910 and after it).
 */
function afterReceiving(version: number, receivedAt: string, receivedText: string, receivedTitle = 'Their call') {
  const db = storeAt(version);
  try {
    const mine = createNote(db, { sectorEntryId: null, meetingId: null }, content('The reply is expected next week.'));
    const theirs = createNote(db, { sectorEntryId: null, meetingId: null }, content('Agenda for the working group.'));
    const [mineDoc, theirsDoc] = [noteDoc(db, mine.id), noteDoc(db, theirs.id)];
    const revised = saveNote(db, theirs.id, theirs.version, content('Agenda, revised here.'));
    writePendingNoteRevisions(db);
    saveNote(db, mine.id, mine.version, content('Written here, not sent yet.'));
    const parent = revisionsOf(db, theirsDoc).at(-1)?.rev ?? '0-';
    const received = `${Number.parseInt(parent, 10) + 1}-${'d'.repeat(32)}`;
    applyMerge(db, [
      {
        id: theirsDoc,
        entity: 'note',
        revisions: [
          {
            rev: received,
            parent,
            deleted: false,
            body: {
              sector_entry_id: null,
              meeting_id: null,
              summit_id: null,
              sector_id: null,
              title: receivedTitle,
              body: receivedText,
              tags: '["follow-up"]',
              classification: '',
              created_at: revised.createdAt,
              updated_at: receivedAt,
              deleted_at: null,
            },
          },
        ],
      },
    ]);
    const history = listRevisions(db, theirs.id).map((revision) => revision.body);
    const found = search(db, { text: 'quillwort', limit: 10 }).map((hit) => hit.title);
    writePendingNoteRevisions(db);
    return {
      history,
      found,
      mineSent: revisionsOf(db, mineDoc).map((revision) => revision.body?.body ?? null),
      theirsLastRevision: revisionsOf(db, theirsDoc).at(-1)?.rev === received,
    };
  } finally {
    db.close();
  }
}

describe('migration 2910: a note written by replication wakes one trigger, not three', () => {
  it.each([
    ['dated after the save made here', '2998-01-01T00:00:00.000Z'],
    ['dated before it (a colleague whose clock is behind)', '2001-01-01T00:00:00.000Z'],
  ])(
    "a colleague's edit %s: the text it replaced stays in the history, it is found, and the save made here is still sent",
    (_, receivedAt) => {
      const before = afterReceiving(2870, receivedAt, 'Quillwort tabled by the colleague.');
      const after = afterReceiving(2910, receivedAt, 'Quillwort tabled by the colleague.');
      expect(after).toEqual(before);
      expect(after).toEqual({
        history: ['Quillwort tabled by the colleague.', 'Agenda, revised here.', 'Agenda for the working group.'],
        found: ['Their call'],
        mineSent: ['The reply is expected next week.', 'Written here, not sent yet.'],
        theirsLastRevision: true,
      });
    },
  );

  it("a colleague's edit that leaves the text as it was adds nothing to the history", () => {
    const before = afterReceiving(2870, '2998-01-01T00:00:00.000Z', 'Agenda, revised here.', 'After the call');
    const after = afterReceiving(2910, '2998-01-01T00:00:00.000Z', 'Agenda, revised here.', 'After the call');
    expect(after).toEqual(before);
    expect(after.history).toEqual(['Agenda, revised here.', 'Agenda for the working group.']);
  });

  it('a note save runs two trigger programs, not four', () => {
    const programs = (version: number) => {
      const db = storeAt(version);
      try {
        const plan = db
          .prepare(`EXPLAIN UPDATE note SET body = ?, version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ') WHERE id = ?`)
          .all('x', 1) as { opcode: string }[];
        return plan.filter((step) => step.opcode === 'Program').length;
      } finally {
        db.close();
      }
    };
    expect([programs(2870), programs(2910)]).toEqual([4, 2]);
  });
});
