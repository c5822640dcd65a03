import { describe, expect, it } from 'vitest';
import { meetings } from '../meetings.ts';
import { createNote, listNotesOfMeeting, notes } from '../notes.ts';
import { openDatabase } from '../open.ts';
import { loadSampleIfEmpty } from '../sample/vilnius-2023.ts';
import { search } from '../search.ts';
import { migrate, migrations } from './index.ts';

const content = { title: 'Seating', body: 'Ask for the round table.', tags: [], classification: '' };

describe('0120: deleting a meeting whose annotation waits for the search index', () => {
  it('failed before 0120 and deletes the meeting, keeping the annotation, after it', () => {
    const db = openDatabase(':memory:', { migrate: false });
    migrate(
      db,
      migrations.filter((migration) => migration.version < 120),
    );
    loadSampleIfEmpty(db);
    const [meeting] = meetings.all(db, 'ORDER BY id');
    if (!meeting) throw new Error('sample meeting missing');
    const note = createNote(db, { sectorEntryId: null, meetingId: meeting.id }, content);
    expect(() => meetings.remove(db, meeting.id)).toThrow(/UNIQUE constraint failed: note_search_pending/);

    migrate(db);
    meetings.remove(db, meeting.id);
    expect(meetings.find(db, meeting.id)).toBeUndefined();
    expect(notes.get(db, note.id)).toMatchObject({ meetingId: null, body: content.body });
    expect(listNotesOfMeeting(db, meeting.id)).toEqual([]);
    // Still marked once, and found by search once indexed.
    expect(db.prepare('SELECT count(*) FROM note_search_pending WHERE note_id = ?').pluck().get(note.id)).toBe(1);
    expect(search(db, { text: 'round table', limit: 10 }).map((hit) => hit.id)).toContain(note.id);
  });
});
