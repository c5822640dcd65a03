import { describe, expect, it } from 'vitest';
import { deleteRecord, undoDeletion } from '../deletions.ts';
import type { Db } from '../open.ts';
import { openScratchDatabase } from '../testing.ts';
import { allRecordIds, historiesOf, revisionsOf, syncedEntities } from './history.ts';
import { applyMerge, settleLocalDeletions } from './merge.ts';
import { syncPrepare } from './pendingNotes.ts';
import { rowsMatchWinners } from './testing.ts';

function send(from: Db, to: Db) {
  settleLocalDeletions(from);
  settleLocalDeletions(to);
  return applyMerge(to, historiesOf(from, allRecordIds(from)));
}

const noteRecords = (db: Db) =>
  syncPrepare(
    db,
    `SELECT D.doc_id, D.deleted, N.body FROM sync_doc D LEFT JOIN note N ON D.row_key = N.id WHERE D.entity = 'note' ORDER BY D.doc_id`,
  ).all();
const winners = (db: Db) => syncPrepare(db, 'SELECT doc_id, rev, deleted FROM sync_doc ORDER BY doc_id').all();

function twoDesksSharingANote(): [Db, Db] {
  const a = openScratchDatabase();
  const b = openScratchDatabase();
  a.exec(`
    INSERT INTO meeting (id, title, format, starts_at, time_zone) VALUES (1, 'Bilateral with Spain', 'bilateral', '2022-06-28T09:00:00Z', 'Europe/Madrid');
    INSERT INTO note (id, meeting_id, title, body) VALUES (1, 1, 'Our view', 'Raise the energy link');
  `);
  send(a, b);
  return [a, b];
}

describe('undoing a delete on a desk that shares its records', () => {
  it('brings the same record back on every desk, as a new revision on top of its deletion', () => {
    const [a, b] = twoDesksSharingANote();
    const [before] = noteRecords(a) as { doc_id: string }[];
    const deletion = a.transaction(() => deleteRecord(a, 'note', 1, false).record)();
    send(a, b);
    expect(b.prepare('SELECT count(*) FROM note').pluck().get()).toBe(0);
    const tombstone = revisionsOf(a, before?.doc_id ?? '').at(-1);
    expect(tombstone?.deleted).toBe(true);

    a.transaction(() => undoDeletion(a, deletion))();
    const restored = revisionsOf(a, before?.doc_id ?? '').at(-1);
    expect(restored).toMatchObject({ parent: tombstone?.rev, deleted: false });
    expect(Number.parseInt(restored?.rev ?? '', 10)).toBe(Number.parseInt(tombstone?.rev ?? '', 10) + 1);
    send(a, b);

    const expected = [{ doc_id: before?.doc_id, deleted: 0, body: 'Raise the energy link' }];
    expect(noteRecords(a)).toEqual(expected);
    expect(noteRecords(b)).toEqual(expected);
    expect(b.prepare('SELECT M.title FROM note N JOIN meeting M ON M.id = N.meeting_id').pluck().get()).toBe('Bilateral with Spain');
    expect(winners(b)).toEqual(winners(a));
    expect(rowsMatchWinners(a, syncedEntities) && rowsMatchWinners(b, syncedEntities)).toBe(true);
  });

  it('still works after a record from another desk arrived in between: it never takes a deleted row’s id', () => {
    const [a, b] = twoDesksSharingANote();
    const deletion = a.transaction(() => deleteRecord(a, 'note', 1, false).record)();
    b.exec(`INSERT INTO note (title, body) VALUES ('Their view', 'Typed on desk B')`);
    send(b, a);
    expect(a.prepare(`SELECT id FROM note WHERE body = 'Typed on desk B'`).pluck().get()).not.toBe(1);
    a.transaction(() => undoDeletion(a, deletion))();
    send(a, b);
    send(b, a);
    expect(noteRecords(a)).toEqual(noteRecords(b));
    expect((noteRecords(b) as { body: string }[]).map((note) => note.body).sort()).toEqual(['Raise the energy link', 'Typed on desk B']);
  });

  it('marks the deletion inside the branch once a bundle brings it, where replication named it by id only', () => {
    const [a, b] = twoDesksSharingANote();
    const deletion = a.transaction(() => deleteRecord(a, 'note', 1, false).record)();
    a.transaction(() => undoDeletion(a, deletion))();
    // As the replicator sends it: the leaf with its text, the revisions before it by id only.
    const replicated = historiesOf(a, allRecordIds(a)).map((history) => ({
      ...history,
      revisions: history.revisions.map((revision, index, all) =>
        index === all.length - 1 ? revision : { ...revision, deleted: false, body: revision.parent === null ? revision.body : null },
      ),
    }));
    applyMerge(b, replicated);
    const revisionRows = (db: Db) => syncPrepare(db, 'SELECT doc_id, rev, parent, deleted FROM sync_rev ORDER BY doc_id, rev').all();
    expect(revisionRows(b)).not.toEqual(revisionRows(a));
    send(a, b);
    expect(revisionRows(b)).toEqual(revisionRows(a));
  });

  it('gives a new row a new record, even one typed after a delete', () => {
    const [a] = twoDesksSharingANote();
    a.transaction(() => deleteRecord(a, 'note', 1, false))();
    a.exec(`INSERT INTO note (id, title, body) VALUES (2, 'New', 'A new note')`);
    expect(noteRecords(a)).toHaveLength(2);
  });
});
