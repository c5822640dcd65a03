import { describe, expect, it } from 'vitest';
import { deleteRecord, referencesTo, undoDeletion } from './deletions.ts';
import { listMeetingBiographies, setMeetingBiography } from './meetingBiographies.ts';
import { openScratchDatabase } from './testing.ts';

describe("a meeting's own biography when the meeting is deleted", () => {
  it('is named by its person, its meeting and its text in what the delete takes along, and Undo brings back the same replicated record', () => {
    const db = openScratchDatabase(':memory:');
    db.exec(`
      INSERT INTO meeting (id, title, format, starts_at, time_zone, classification)
        VALUES (1, 'Pull-aside with Finland', 'pull-aside', '2023-07-11T08:00:00Z', 'Europe/Vilnius', 'NATO CONFIDENTIAL');
      INSERT INTO person (id, name) VALUES (1, 'President of Finland');
    `);
    setMeetingBiography(db, 1, 1, 'Will raise the border fence.');
    const record = () =>
      db.prepare("SELECT doc_id AS id, deleted FROM sync_doc WHERE entity = 'meeting_biography'").get() as { id: string; deleted: number };
    const written = record();
    const biographies = referencesTo(db, 'meeting', 1, false).find((group) => group.table === 'meeting_biography');
    expect(biographies?.count).toBe(1);
    // Each part beside its own record's mark: the person's, the meeting's, then the biography's own text.
    expect(biographies?.names.map((name) => name.map((part) => `(${part.marking}) ${part.text}`))).toEqual([
      ['() President of Finland', '(NATO CONFIDENTIAL) Pull-aside with Finland', '(NATO CONFIDENTIAL) Will raise the border fence.'],
    ]);
    const deletion = db.transaction(() => deleteRecord(db, 'meeting', 1, false).record)();
    expect(record()).toEqual({ id: written.id, deleted: 1 });
    db.transaction(() => undoDeletion(db, deletion))();
    expect(record()).toEqual({ id: written.id, deleted: 0 });
    expect(listMeetingBiographies(db, 1)).toEqual([
      { personId: 1, name: 'President of Finland', text: 'Will raise the border fence.', classification: 'NATO CONFIDENTIAL' },
    ]);
  });
});

describe("a meeting's own biography edited after its meeting's marking changed", () => {
  // The brief shows the text under its own mark; saving an edit once put it under the meeting's lower one.
  it('keeps the marking it was written under when the meeting was marked down, and takes a raised one', () => {
    const db = openScratchDatabase(':memory:');
    db.exec(`
      INSERT INTO meeting (id, title, format, starts_at, time_zone, classification)
        VALUES (1, 'Pull-aside with Finland', 'pull-aside', '2023-07-11T08:00:00Z', 'Europe/Vilnius', 'NATO SECRET');
      INSERT INTO person (id, name) VALUES (1, 'President of Finland');
    `);
    const marking = () => listMeetingBiographies(db, 1)[0]?.classification;
    setMeetingBiography(db, 1, 1, 'Will raise the border fence.');
    db.exec(`UPDATE meeting SET classification = 'NATO UNCLASSIFIED' WHERE id = 1`);
    setMeetingBiography(db, 1, 1, 'Will raise the border fence and the exercise.');
    expect(marking()).toBe('NATO SECRET');
    db.exec(`UPDATE meeting SET classification = 'COSMIC TOP SECRET' WHERE id = 1`);
    setMeetingBiography(db, 1, 1, 'Will raise the exercise.');
    expect(marking()).toBe('COSMIC TOP SECRET');
    // Emptied, it is gone; written again, it starts from the meeting's marking.
    setMeetingBiography(db, 1, 1, '');
    db.exec(`UPDATE meeting SET classification = 'NATO RESTRICTED' WHERE id = 1`);
    setMeetingBiography(db, 1, 1, 'A new text.');
    expect(marking()).toBe('NATO RESTRICTED');
  });
});
