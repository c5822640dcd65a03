import { describe, expect, it } from 'vitest';
import { setMeetingBiography } from '../meetingBiographies.ts';
import type { Db } from '../open.ts';
import { misplacedRecords } from '../sync/testing.ts';
import { openScratchCopy, openScratchDatabase } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 1850);
const upTo1850 = migrations.filter((migration) => migration.version <= 1850);

/** A desk of before 1850: the Tonga bilateral of a summit, with the Prime Minister's biography written for it. */
function deskBefore1850(): Db {
  const db = openScratchDatabase(':memory:', { migrate: false });
  migrate(db, before);
  db.exec(`
    INSERT INTO summit (id, title, city, start_date, end_date, time_zone, description, classification)
      VALUES (1, 'Pacific Islands Forum', 'Nukuʻalofa', '2026-08-24', '2026-08-28', 'Pacific/Tongatapu', '', 'NATO UNCLASSIFIED');
    INSERT INTO person (id, name, native_name, title, biography, classification)
      VALUES (1, 'Prime Minister of Tonga', '', 'Prime Minister', 'Shared biography.', 'NATO UNCLASSIFIED');
    INSERT INTO meeting (id, summit_id, title, format, starts_at, duration_minutes, time_zone, status, classification)
      VALUES (1, 1, 'Bilateral with Tonga', 'bilateral', '2026-08-24T21:00:00Z', 30, 'Pacific/Tongatapu', 'planned', 'NATO RESTRICTED');
    INSERT INTO meeting_biography (meeting_id, person_id, text) VALUES (1, 1, 'Met our principal in Apia in 2024.');
  `);
  return db;
}

interface Revision {
  doc_id: string;
  rev: string;
  parent: string | null;
  body: string;
  home: string | null;
}
const biographyRevisions = (db: Db) =>
  db
    .prepare(
      `SELECT R.doc_id, R.rev, R.parent, R.body, H.home FROM sync_rev AS R JOIN sync_doc AS D ON D.doc_id = R.doc_id
         LEFT JOIN sync_home AS H ON H.doc_id = R.doc_id WHERE D.entity = 'meeting_biography' ORDER BY R.seq`,
    )
    .all() as Revision[];
const docOf = (db: Db, entity: string) =>
  db.prepare('SELECT doc_id FROM sync_doc WHERE entity = ? AND row_key = ?').pluck().get(entity, '1') as string;

describe('migration 1850: biographies written for a meeting replicate', () => {
  it("gives each written biography a first revision, with its meeting's marking, in its summit's database, the same on two desks", () => {
    const template = deskBefore1850();
    expect(template.prepare('SELECT count(*) FROM sync_doc WHERE entity = ?').pluck().get('meeting_biography')).toBe(0);
    const copy = template.serialize();
    const [first, second] = [openScratchCopy(copy), openScratchCopy(copy)];
    if (!first || !second) throw new Error('two desks expected');
    for (const desk of [first, second]) expect(migrate(desk, upTo1850)).toEqual([1850]);

    const meeting = docOf(first, 'meeting');
    const person = docOf(first, 'person');
    const [revision, ...more] = biographyRevisions(first);
    expect(more).toEqual([]);
    expect(revision?.doc_id).toBe(`meeting_biography:${meeting.slice('meeting:'.length)}.${person.slice('person:'.length)}`);
    expect(revision?.parent).toBeNull();
    expect(JSON.parse(revision?.body ?? '{}')).toEqual({
      meeting_id: meeting,
      person_id: person,
      text: 'Met our principal in Apia in 2024.',
      classification: 'NATO RESTRICTED',
    });
    // It goes where its meeting goes: the summit's database, not the reference one.
    expect(revision?.home).toBe(docOf(first, 'summit'));
    expect(misplacedRecords(first)).toEqual([]);
    // The other desk wrote the very same revision: no conflict between them.
    expect(biographyRevisions(second)).toEqual(biographyRevisions(first));
  });

  it('writes a revision for each edit a tombstone when the text is emptied, and the same record when written again', () => {
    const db = deskBefore1850();
    migrate(db, upTo1850);
    setMeetingBiography(db, 1, 1, 'Wants the fisheries surveillance renewed.');
    setMeetingBiography(db, 1, 1, 'Wants the fisheries surveillance renewed.');
    setMeetingBiography(db, 1, 1, '');
    const revisions = biographyRevisions(db);
    expect(revisions.map((revision) => JSON.parse(revision.body ?? 'null')?.text ?? null)).toEqual([
      'Met our principal in Apia in 2024.',
      'Wants the fisheries surveillance renewed.',
      null,
    ]);
    expect(revisions.map((revision) => revision.parent)).toEqual([null, revisions[0]?.rev, revisions[1]?.rev]);
    // Written again after the tombstone: the same record comes back, one generation on.
    setMeetingBiography(db, 1, 1, 'Back for the second day.');
    const again = biographyRevisions(db);
    expect(new Set(again.map((revision) => revision.doc_id)).size).toBe(1);
    expect(again.at(-1)?.parent).toBe(revisions[2]?.rev);
    expect(misplacedRecords(db)).toEqual([]);
  });
});
