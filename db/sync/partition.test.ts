import { describe, expect, it } from 'vitest';
import type { Db } from '../open.ts';
import { openScratchDatabase } from '../testing.ts';
import { setSharedSummitDocs } from './account.ts';
import { historiesOf } from './history.ts';
import { applyMerge } from './merge.ts';
import { feedPage, partitionOf, referencePartition } from './partition.ts';
import { syncPrepare } from './pendingNotes.ts';
import { misplacedRecords } from './testing.ts';

/** Vilnius (1) and Washington (2), each with a meeting, its participant, follow-up and note; an annotation; a free note. */
function deskWithTwoSummits(): Db {
  const db = openScratchDatabase();
  db.exec(`
    INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES
      (1, 'Vilnius Summit', '2023-07-11', '2023-07-12', 'Europe/Vilnius'),
      (2, 'Washington Summit', '2024-07-09', '2024-07-11', 'America/New_York');
    INSERT INTO person (id, name) VALUES (1, 'Jens Stoltenberg');
    INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone) VALUES
      (1, 1, 'Stoltenberg–Yoon', 'bilateral', '2023-07-11T09:00:00Z', 'Europe/Vilnius'),
      (2, 2, 'Washington bilateral', 'bilateral', '2024-07-09T14:00:00Z', 'America/New_York');
    INSERT INTO meeting_participant (meeting_id, person_id, side) VALUES (1, 1, 'theirs'), (2, 1, 'theirs');
    INSERT INTO follow_up (id, meeting_id, description) VALUES (1, 1, 'Send the ITPP text'), (2, 2, 'Washington follow-up');
    INSERT INTO note (id, meeting_id, title, body) VALUES (1, 1, 'Ask', 'Raise the ITPP sectors'), (2, 2, 'Ask', 'Washington only');
    INSERT INTO programme (id, code, name) VALUES (1, 'ITPP', 'Individually Tailored Partnership Programme');
    INSERT INTO source (id, title) VALUES (1, 'Vilnius communiqué');
    INSERT INTO sector (id, programme_id, name) VALUES (1, 1, 'Cyber defence');
    INSERT INTO sector_entry (id, sector_id, occurred_on, title, source_id) VALUES (1, 1, '2023-07-11', 'ITPP agreed', 1);
    INSERT INTO note (id, sector_entry_id, title, body) VALUES (3, 1, 'Annotation', 'Check the date');
    INSERT INTO note (id, title, body) VALUES (4, 'Mine', 'A free-standing note');
  `);
  return db;
}

const docOf = (db: Db, entity: string, rowKey: string) =>
  syncPrepare(db, 'SELECT doc_id FROM sync_doc WHERE entity = ? AND row_key = ?').pluck().get(entity, rowKey) as string;
/** Everything a feed offers after `since`, page by page as the adapter reads it. */
function feed(db: Db, partition: string | undefined, since = 0): { doc_id: string; seq: number }[] {
  const entries = [];
  for (let page = feedPage(db, since, 2, partition); page.length > 0; page = feedPage(db, page.at(-1)?.seq ?? 0, 2, partition))
    entries.push(...page);
  return entries;
}
const lastPlace = (db: Db, partition: string) => feed(db, partition).at(-1)?.seq ?? 0;
/** The records of meeting 1: what must travel with it. */
const meetingOne = (db: Db) =>
  [docOf(db, 'meeting', '1'), docOf(db, 'meeting_participant', '1:1'), docOf(db, 'follow_up', '1'), docOf(db, 'note', '1')].sort();

describe('the changes feed of each server database', () => {
  it("offers a summit's records only to its own database, each once, and the annotation and sectors to the reference one", () => {
    const db = deskWithTwoSummits();
    const vilnius = docOf(db, 'summit', '1');
    const washington = docOf(db, 'summit', '2');
    expect(misplacedRecords(db)).toEqual([]);
    // The summit's own record travels with its meetings (2750): the reference database holds nothing of a summit.
    expect(
      feed(db, vilnius)
        .map((entry) => entry.doc_id)
        .sort(),
    ).toEqual([...meetingOne(db), vilnius].sort());
    expect(feed(db, referencePartition).map((entry) => entry.doc_id)).toContain(docOf(db, 'note', '3'));
    expect(feed(db, referencePartition).map((entry) => entry.doc_id)).not.toContain(vilnius);
    expect(feed(db, undefined)).toHaveLength(syncPrepare(db, 'SELECT count(*) FROM sync_doc').pluck().get() as number);
    const shared = new Set([vilnius]);
    expect(partitionOf(db, docOf(db, 'note', '1'), shared)).toBe(vilnius);
    expect(partitionOf(db, docOf(db, 'note', '2'), shared)).toBeNull();
    expect(partitionOf(db, docOf(db, 'note', '4'), shared)).toBeNull();
    expect(partitionOf(db, vilnius, shared)).toBe(vilnius);
    expect(partitionOf(db, washington, shared)).toBeNull();
  });

  it('moves a meeting with its participants, follow-ups and notes: they come after the new summit’s last checkpoint', () => {
    const db = deskWithTwoSummits();
    const vilnius = docOf(db, 'summit', '1');
    const washington = docOf(db, 'summit', '2');
    const checkpoint = lastPlace(db, washington);

    db.exec('UPDATE meeting SET summit_id = 2 WHERE id = 1');
    expect(misplacedRecords(db)).toEqual([]);
    const offered = feed(db, washington, checkpoint).map((entry) => entry.doc_id);
    expect(offered.sort()).toEqual(meetingOne(db));
    expect(feed(db, vilnius).map((entry) => entry.doc_id)).toEqual([vilnius]);
    // The places stay one per record: a page boundary never falls between two records of one place.
    const places = feed(db, undefined).map((entry) => entry.seq);
    expect(new Set(places).size).toBe(places.length);

    // A note linked to another meeting moves by its own revision.
    const note = docOf(db, 'note', '2');
    db.exec('UPDATE meeting SET summit_id = 1 WHERE id = 1');
    const vilniusCheckpoint = lastPlace(db, vilnius);
    db.exec('UPDATE note SET meeting_id = 1 WHERE id = 2');
    expect(feed(db, vilnius, vilniusCheckpoint).map((entry) => entry.doc_id)).toEqual([note]);
    expect(misplacedRecords(db)).toEqual([]);
  });

  it('places a note that arrives before its meeting once the meeting comes, after every checkpoint', () => {
    const a = deskWithTwoSummits();
    const b = openScratchDatabase();
    const vilnius = docOf(a, 'summit', '1');
    const note = docOf(a, 'note', '1');
    applyMerge(b, historiesOf(a, [note]));
    expect(partitionOf(b, note, new Set([vilnius]))).toBeNull();
    applyMerge(b, historiesOf(a, [docOf(a, 'summit', '2'), docOf(a, 'person', '1')]));
    const checkpoint = lastPlace(b, referencePartition);

    applyMerge(b, historiesOf(a, [vilnius, docOf(a, 'meeting', '1')]));
    expect(partitionOf(b, note, new Set([vilnius]))).toBe(vilnius);
    expect(feed(b, vilnius).map((entry) => entry.doc_id)).toContain(note);
    expect(feed(b, vilnius).find((entry) => entry.doc_id === note)?.seq).toBeGreaterThan(checkpoint);
    expect(misplacedRecords(b)).toEqual([]);
  });

  it('offers a summit newly shared to its own database, and nothing of it to the reference one', () => {
    const db = deskWithTwoSummits();
    const vilnius = docOf(db, 'summit', '1');
    const washington = docOf(db, 'summit', '2');
    setSharedSummitDocs(db, [vilnius]);
    const checkpoint = lastPlace(db, referencePartition);
    setSharedSummitDocs(db, [vilnius, washington]);
    expect(feed(db, referencePartition, checkpoint)).toEqual([]);
    expect(feed(db, washington).map((entry) => entry.doc_id)).toContain(washington);
    expect(partitionOf(db, washington, new Set([vilnius, washington]))).toBe(washington);
  });
});
