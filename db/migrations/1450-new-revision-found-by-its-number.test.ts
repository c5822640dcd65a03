import { describe, expect, it } from 'vitest';
import { createNote, saveNote, trashNote } from '../notes.ts';
import type { Db } from '../open.ts';
import { summits } from '../summits.ts';
import { isChildOf } from '../sync/children.ts';
import { openScratchDatabase, treesANoteSaveWrites } from '../testing.ts';
import { migrate, migrations } from './index.ts';

const before = migrations.filter((migration) => migration.version < 1450);
// Saves as they were up to 1650, which made a note's revision lazy (its own test compares the two).
const through = migrations.filter((migration) => migration.version < 1650);
const content = { title: 'After the call', body: 'The reply is expected next week.', tags: ['follow-up'], classification: '' };

function storeAt(list: typeof migrations): Db {
  const db = openScratchDatabase(':memory:', { migrate: false });
  migrate(db, list);
  return db;
}

/** Each record's revision tree with the random part of each id left out: generations, parents, deletions, the winner. */
function trees(db: Db) {
  const generation = (rev: string | null) => (rev === null || rev === '' ? null : Number.parseInt(rev, 10));
  const docs = db.prepare('SELECT doc_id, entity, row_key, rev, deleted FROM sync_doc ORDER BY entity, row_key').all() as {
    doc_id: string;
    entity: string;
    row_key: string | null;
    rev: string;
    deleted: number;
  }[];
  return docs.map((doc) => {
    const revisions = db.prepare('SELECT rev, parent, deleted, body FROM sync_rev WHERE doc_id = ? ORDER BY seq').all(doc.doc_id) as {
      rev: string;
      parent: string | null;
      deleted: number;
      body: string | null;
    }[];
    const revs = new Set(revisions.map((revision) => revision.rev));
    const leaves = revisions.filter((revision) => !revisions.some((child) => child.parent === revision.rev));
    return {
      record: `${doc.entity}/${doc.row_key}`,
      deleted: doc.deleted,
      winner: generation(doc.rev),
      winnerIsLeaf: leaves.some((leaf) => leaf.rev === doc.rev),
      revisions: revisions.map((revision) => ({
        generation: generation(revision.rev),
        parentKnown: revision.parent === null || revs.has(revision.parent),
        deleted: revision.deleted,
        text: revision.body === null ? null : (JSON.parse(revision.body).body ?? JSON.parse(revision.body).title),
      })),
    };
  });
}

/** Notes and a summit written, saved, written without a change, trashed and deleted: each write's trigger makes its revision the winner. */
function write(db: Db, round: number): void {
  const summitId = summits.insert(db, {
    title: `Maritime dialogue ${round}`,
    city: '',
    countryId: null,
    startDate: '2024-01-01',
    endDate: '2024-01-01',
    timeZone: 'UTC',
    description: '',
    sourceId: null,
    classification: '',
  });
  summits.update(db, summitId, { city: 'Busan' });
  const kept = createNote(db, { sectorEntryId: null, meetingId: null }, { ...content, title: `Kept ${round}` });
  let version = kept.version;
  for (const body of ['Second thoughts', 'Third thoughts']) version = saveNote(db, kept.id, version, { ...content, body }).version;
  // A write that changes nothing replicated: its trigger inserts no revision, and must not take another row for one.
  db.prepare('UPDATE note SET version = version WHERE id = ?').run(kept.id);
  const binned = createNote(db, { sectorEntryId: null, meetingId: null }, { ...content, title: `Binned ${round}` });
  trashNote(db, binned.id);
  db.prepare('DELETE FROM note WHERE id = ?').run(binned.id);
}

describe('migration 1450', () => {
  it('a store with data migrates, and writes before and after it leave the same revision trees as before the migration', () => {
    const [old, migrated] = [storeAt(before), storeAt(before)];
    for (const db of [old, migrated]) write(db, 1);
    migrate(migrated, through);
    for (const db of [old, migrated]) db.transaction(() => write(db, 2))();

    expect(trees(migrated)).toEqual(trees(old));
    const notes = trees(migrated).filter((tree) => tree.record.startsWith('note/'));
    // A kept note made, saved twice and written once without a change: three revisions, the last one winning.
    expect(notes.map((tree) => [tree.winner, tree.revisions.length, tree.winnerIsLeaf])).toContainEqual([3, 3, true]);
  });

  it('a note save no longer writes an index of revisions by parent, and no trigger looks one up that way', () => {
    const db = storeAt(through);
    expect(treesANoteSaveWrites(storeAt(before))).toContain('sync_rev_by_parent');
    expect(treesANoteSaveWrites(db)).not.toContain('sync_rev_by_parent');
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'sync_rev_by_parent'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE '%R.parent IS nullif%'").pluck().get()).toBe(
      db
        .prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE '%R.seq = last_insert_rowid() AND R.doc_id%'")
        .pluck()
        .get(),
    );
  });

  it('a second revision on the same parent still marks the record as branched', () => {
    const db = storeAt(through);
    const note = createNote(db, { sectorEntryId: null, meetingId: null }, content);
    saveNote(db, note.id, note.version, { ...content, body: 'Second thoughts' });
    const docId = db.prepare("SELECT doc_id FROM sync_doc WHERE entity = 'note' AND row_key = ?").pluck().get(String(note.id)) as string;
    const first = db.prepare('SELECT rev FROM sync_rev WHERE doc_id = ? AND parent IS NULL').pluck().get(docId) as string;
    expect(db.prepare('SELECT count(*) FROM sync_branched').pluck().get()).toBe(0);
    // Another desk's edit of the first revision, as a merge writes it.
    db.prepare('INSERT INTO sync_rev (doc_id, rev, parent, deleted, body) VALUES (?, ?, ?, 0, ?)').run(
      docId,
      `2-${'b'.repeat(32)}`,
      first,
      JSON.stringify({ title: 'Elsewhere' }),
    );
    expect(db.prepare('SELECT doc_id FROM sync_branched').pluck().all()).toEqual([docId]);
  });

  it("a revision's children are found in a range of the index by (record, rev), not by reading the record's every revision", () => {
    const db = storeAt(through);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM sync_rev AS C WHERE ${isChildOf('C', '@docId', '@rev')}`)
      .all({ docId: 'note:x', rev: '7-abc' })
      .map((row) => (row as { detail: string }).detail);
    expect(plan).toEqual(['SEARCH C USING INDEX sqlite_autoindex_sync_rev_1 (doc_id=? AND rev>? AND rev<?)']);
  });
});
