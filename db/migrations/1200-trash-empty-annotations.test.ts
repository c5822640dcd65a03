import { describe, expect, it } from 'vitest';
import { listNotesOfMeeting, listNotesOfSectorEntry } from '../notes.ts';
import { openDatabase } from '../open.ts';
import { loadSampleIfEmpty } from '../sample/vilnius-2023.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 1200);

/** A store of just before 1200: the sample, with annotations left empty by 'Add annotation' beside written ones. */
function storeBefore1200() {
  const db = openDatabase(':memory:', { migrate: false });
  migrate(db, before);
  loadSampleIfEmpty(db);
  const meetingId = db.prepare('SELECT min(id) FROM meeting').pluck().get() as number;
  const entryId = db.prepare('SELECT min(id) FROM sector_entry').pluck().get() as number;
  const add = db.prepare(
    'INSERT INTO note (meeting_id, sector_entry_id, summit_id, title, body, tags, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id',
  );
  const note = (
    place: { meetingId?: number; entryId?: number; summitId?: number },
    title: string,
    body: string,
    tags = '[]',
    deletedAt: string | null = null,
  ) => (add.get(place.meetingId ?? null, place.entryId ?? null, place.summitId ?? null, title, body, tags, deletedAt) as { id: number }).id;
  const ids = {
    emptyOnMeeting: note({ meetingId }, '', ''),
    blankOnEntry: note({ entryId }, ' ', '\n\t \u00a0\u3000\n'),
    written: note({ meetingId }, '', 'Ask about the cyber range.'),
    titledOnly: note({ entryId }, 'Follow up', ''),
    taggedOnly: note({ entryId }, '', '', '["cyber"]'),
    freeStanding: note({ summitId: 1 }, '', ''),
    alreadyTrashed: note({ meetingId }, '', '', '[]', '2026-01-01T00:00:00.000Z'),
  };
  // One emptied after it was written: its words stay in its revisions.
  db.prepare(
    "INSERT INTO note_revision (note_id, version, title, body, tags, classification, saved_at) VALUES (?, 1, '', 'First draft', '[]', '', '2026-01-01T00:00:00Z')",
  ).run(ids.blankOnEntry);
  return { db, ids, meetingId, entryId };
}

describe('migration 1200: empty annotations of before they were discarded', () => {
  it('moves annotations with nothing written to the trash, with their revisions, and leaves every other note as it was', () => {
    const { db, ids, meetingId, entryId } = storeBefore1200();
    const row = (id: number) =>
      db.prepare('SELECT title, body, tags, deleted_at AS deletedAt FROM note WHERE id = ?').get(id) as Record<string, string | null>;
    const untouched = [ids.written, ids.titledOnly, ids.taggedOnly, ids.freeStanding, ids.alreadyTrashed].map(row);
    const shownBefore = [...listNotesOfMeeting(db, meetingId), ...listNotesOfSectorEntry(db, entryId)].map((note) => note.id);
    expect(shownBefore).toEqual(expect.arrayContaining([ids.emptyOnMeeting, ids.blankOnEntry]));

    expect(migrate(db)).toEqual(migrations.filter((migration) => migration.version >= 1200).map((migration) => migration.version));

    const shown = [...listNotesOfMeeting(db, meetingId), ...listNotesOfSectorEntry(db, entryId)].map((note) => note.id);
    expect(shown).not.toContain(ids.emptyOnMeeting);
    expect(shown).not.toContain(ids.blankOnEntry);
    expect(shown).toEqual(expect.arrayContaining([ids.written, ids.titledOnly, ids.taggedOnly]));
    // In the trash, not gone: the text as it was, and the revision that held words.
    expect(row(ids.emptyOnMeeting).deletedAt).not.toBeNull();
    expect(row(ids.blankOnEntry)).toMatchObject({ body: '\n\t \u00a0\u3000\n' });
    expect(db.prepare('SELECT body FROM note_revision WHERE note_id = ?').pluck().all(ids.blankOnEntry)).toEqual(['First draft']);
    expect([ids.written, ids.titledOnly, ids.taggedOnly, ids.freeStanding, ids.alreadyTrashed].map(row)).toEqual(untouched);
  });
});
