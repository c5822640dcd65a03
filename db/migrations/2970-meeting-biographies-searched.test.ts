import { describe, expect, it } from 'vitest';
import { withMarkings } from '../markings.ts';
import { setMeetingBiography, withBiographyPlaces } from '../meetingBiographies.ts';
import type { Db } from '../open.ts';
import { search } from '../search.ts';
import { openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 2970);

/** What the palette is given: each hit's kind, title, own marking and the meeting it was written for. */
const found = (db: Db, text: string) =>
  withBiographyPlaces(db, withMarkings(db, search(db, { text, limit: 20 }))).map((hit) => ({
    kind: hit.kind,
    title: hit.title,
    classification: hit.classification,
    meeting: hit.biography?.meetingTitle ?? null,
    summitId: hit.summitId,
  }));

const vilnius = `
  INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES (1, 'Vilnius Summit', '2023-07-11', '2023-07-12', 'Europe/Vilnius');
  INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES (2, 'Washington Summit', '2024-07-09', '2024-07-11', 'America/New_York');
  INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone, classification)
    VALUES (1, 1, 'Stoltenberg – Yoon', 'bilateral', '2023-07-11T09:00:00Z', 'Europe/Vilnius', 'NATO UNCLASSIFIED');
  INSERT INTO person (id, name, native_name, classification) VALUES (1, 'Yoon Suk Yeol', '윤석열', '');
`;

describe('migration 2970: biographies written for a meeting are found by search', () => {
  it('indexes those written before, under their own marking, not their meeting’s', () => {
    const db = openScratchDatabase(':memory:', { migrate: false });
    migrate(db, before);
    db.exec(vilnius);
    // Written when the meeting was confidential; the meeting was marked down since, the text was not.
    db.exec(`INSERT INTO meeting_biography (meeting_id, person_id, text, classification)
      VALUES (1, 1, 'Prefers short sessions; will raise the Indo-Pacific partners.', 'NATO CONFIDENTIAL')`);
    expect(found(db, 'prefers short sessions')).toEqual([]);
    migrate(db);
    expect(found(db, 'prefers short sessions')).toEqual([
      {
        kind: 'meetingBiography',
        title: 'Yoon Suk Yeol 윤석열',
        classification: 'NATO CONFIDENTIAL',
        meeting: 'Stoltenberg – Yoon',
        summitId: 1,
      },
    ]);
    expect(search(db, { text: 'Indo-Pacific', kinds: ['meetingBiography'], summitId: 1, limit: 5 })).toHaveLength(1);
    expect(search(db, { text: 'Indo-Pacific', kinds: ['meetingBiography'], summitId: 2, limit: 5 })).toEqual([]);
    db.close();
  });

  it('follows an edit, a deletion, a renamed person and a meeting moved to another summit', () => {
    const db = openScratchDatabase();
    db.exec(vilnius);
    setMeetingBiography(db, 1, 1, 'Prefers short sessions.');
    expect(found(db, 'short sessions').map((hit) => hit.classification)).toEqual(['NATO UNCLASSIFIED']);
    setMeetingBiography(db, 1, 1, 'Expects a gift exchange.');
    expect(found(db, 'short sessions')).toEqual([]);
    expect(found(db, 'gift exchange').map((hit) => hit.kind)).toEqual(['meetingBiography']);
    db.exec(`UPDATE person SET name = 'President Yoon' WHERE id = 1`);
    db.exec('UPDATE meeting SET summit_id = 2 WHERE id = 1');
    expect(found(db, 'gift exchange').map(({ title, summitId }) => [title, summitId])).toEqual([['President Yoon 윤석열', 2]]);
    setMeetingBiography(db, 1, 1, '');
    expect(found(db, 'gift exchange')).toEqual([]);
    db.close();
  });
});
