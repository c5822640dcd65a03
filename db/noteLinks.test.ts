import { describe, expect, it } from 'vitest';
import { meetings } from './meetings.ts';
import { createNote, linkNote, listNotesOfSector, listNotesOfSummit, NoteLinkError, notes, saveNote } from './notes.ts';
import { openDatabase } from './open.ts';
import { loadSampleIfEmpty } from './sample/vilnius-2023.ts';
import { sectorEntries, sectors } from './sectors.ts';
import { summits } from './summits.ts';

const content = { title: 'Seating plan', body: 'Ask for the round table.', tags: [], classification: 'NATO RESTRICTED' };

describe('notes linked to a summit, a meeting or a sector', () => {
  const db = openDatabase(':memory:');
  loadSampleIfEmpty(db);
  const [summit] = summits.all(db, 'ORDER BY id');
  const [meeting] = meetings.all(db, 'ORDER BY id');
  const [sector] = sectors.all(db, 'ORDER BY id');
  if (!summit || !meeting || !sector) throw new Error('sample missing');

  it('moves a note from summit to sector to meeting to nothing, one link at a time, keeping its text and version', () => {
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content);
    expect(linkNote(db, note.id, { summitId: summit.id })).toMatchObject({ summitId: summit.id, sectorId: null, meetingId: null });
    expect(listNotesOfSummit(db, summit.id).map((linked) => linked.id)).toEqual([note.id]);
    expect(linkNote(db, note.id, { sectorId: sector.id })).toMatchObject({ summitId: null, sectorId: sector.id, meetingId: null });
    expect(listNotesOfSummit(db, summit.id)).toEqual([]);
    expect(listNotesOfSector(db, sector.id).map((linked) => linked.id)).toEqual([note.id]);
    expect(linkNote(db, note.id, { meetingId: meeting.id })).toMatchObject({ summitId: null, sectorId: null, meetingId: meeting.id });
    const unlinked = linkNote(db, note.id, null);
    expect(unlinked).toMatchObject({ summitId: null, sectorId: null, meetingId: null, version: 1, body: content.body });
    // An edit queued before the link still saves: the link does not move the version on.
    expect(saveNote(db, note.id, 1, { ...content, body: 'Round table agreed.' }).version).toBe(2);
  });

  it('keeps an annotation on a sector entry with its entry', () => {
    const [entry] = sectorEntries.all(db, 'ORDER BY id');
    if (!entry) throw new Error('sample entry missing');
    const annotation = createNote(db, { sectorEntryId: entry.id, meetingId: null }, content);
    expect(() => linkNote(db, annotation.id, { summitId: summit.id })).toThrow(NoteLinkError);
    expect(notes.get(db, annotation.id)).toMatchObject({ sectorEntryId: entry.id, summitId: null });
  });

  it('keeps the note, unlinked, when its summit is deleted', () => {
    const other = summits.insert(db, { title: 'Short summit', startDate: '2024-01-01', endDate: '2024-01-01', timeZone: 'UTC' });
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content);
    linkNote(db, note.id, { summitId: other });
    summits.remove(db, other);
    expect(notes.get(db, note.id)).toMatchObject({ summitId: null, body: content.body });
  });
});
