import { collectConflicts, winningRev } from 'pouchdb-merge';
import { describe, expect, it } from 'vitest';
import type { Db } from '../open.ts';
import { openScratchDatabase } from '../testing.ts';
import { allRecordIds, docState, historiesOf, revisionsOf, summitRecordIds, syncedEntities } from './history.ts';
import { applyMerge, MalformedHistoryError, maxBranchesReceived, previewMerge, settleLocalDeletions, treeOf } from './merge.ts';
import { syncPrepare } from './pendingNotes.ts';
import { descendingRandomIds, rowsMatchWinners, storeSnapshot } from './testing.ts';

/** Sends everything desk `from` knows to desk `to`, as a bundle or the replicator would. */
function send(from: Db, to: Db) {
  settleLocalDeletions(from);
  settleLocalDeletions(to);
  return applyMerge(to, historiesOf(from, allRecordIds(from)));
}

function deskWithSummit(): Db {
  const db = openScratchDatabase();
  db.exec(`
    INSERT INTO country (id, name, kind) VALUES (1, 'Spain', 'country');
    INSERT INTO summit (id, title, country_id, start_date, end_date, time_zone) VALUES (1, 'Madrid Summit', 1, '2022-06-28', '2022-06-30', 'Europe/Madrid');
    INSERT INTO person (id, name, country_id) VALUES (1, 'Pedro Sánchez', 1);
    INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone, counterpart_id, classification)
      VALUES (1, 1, 'Bilateral with Spain', 'bilateral', '2022-06-28T09:00:00Z', 'Europe/Madrid', 1, 'NATO RESTRICTED');
    INSERT INTO meeting_participant (meeting_id, person_id, side) VALUES (1, 1, 'theirs');
    INSERT INTO note (id, meeting_id, title, body) VALUES (1, 1, 'Our view', 'Raise the energy link');
  `);
  return db;
}

const noteBody = (db: Db) => db.prepare('SELECT body FROM note').pluck().get();
const noteDoc = (db: Db) => syncPrepare(db, `SELECT doc_id FROM sync_doc WHERE entity = 'note'`).pluck().get() as string;
const winners = (db: Db) => syncPrepare(db, 'SELECT doc_id, rev, deleted FROM sync_doc ORDER BY doc_id').all();
const winningRevOf = (db: Db, docId: string) => winningRev({ rev_tree: treeOf(revisionsOf(db, docId)) });
const conflictsOf = (db: Db, docId: string) => collectConflicts({ rev_tree: treeOf(revisionsOf(db, docId)) });

describe('merging record histories between desks', () => {
  it('brings a summit with its meetings, people and notes to an empty desk, linked to its own rows', () => {
    const a = deskWithSummit();
    const b = openScratchDatabase();
    const summary = send(a, b);
    expect(summary.new).toBe(6);
    expect(summary.markings).toContain('NATO RESTRICTED');
    expect(
      b
        .prepare(
          `SELECT M.title, S.title AS summit, P.name AS counterpart, N.body FROM meeting M
           JOIN summit S ON S.id = M.summit_id JOIN person P ON P.id = M.counterpart_id JOIN note N ON N.meeting_id = M.id`,
        )
        .all(),
    ).toEqual([{ title: 'Bilateral with Spain', summit: 'Madrid Summit', counterpart: 'Pedro Sánchez', body: 'Raise the energy link' }]);
    expect(b.prepare('SELECT side FROM meeting_participant').pluck().all()).toEqual(['theirs']);
    expect(winners(b)).toEqual(winners(a));
    expect(rowsMatchWinners(b, syncedEntities)).toBe(true);
  });

  it('changes nothing when the same histories arrive twice', () => {
    const a = deskWithSummit();
    const b = openScratchDatabase();
    send(a, b);
    const before = storeSnapshot(b);
    const again = send(a, b);
    expect(again.unchanged).toBe(6);
    expect(storeSnapshot(b)).toEqual(before);
  });

  it('ends concurrent edits with the same winner on both desks and keeps the loser', () => {
    const a = deskWithSummit();
    const b = openScratchDatabase();
    send(a, b);
    a.exec(`UPDATE note SET body = 'Text typed on desk A'`);
    b.exec(`UPDATE note SET body = 'Text typed on desk B'`);
    expect(previewMerge(b, historiesOf(a, allRecordIds(a))).conflicting).toBe(1);
    send(a, b);
    send(b, a);
    expect(winners(a)).toEqual(winners(b));
    expect(noteBody(a)).toBe(noteBody(b));
    const docId = noteDoc(a);
    const [loser] = conflictsOf(a, docId);
    expect(conflictsOf(b, docId)).toEqual([loser]);
    const texts = [noteBody(a), revisionsOf(a, docId).find((revision) => revision.rev === loser)?.body?.body];
    expect(texts.sort()).toEqual(['Text typed on desk A', 'Text typed on desk B']);
    expect(rowsMatchWinners(a, syncedEntities) && rowsMatchWinners(b, syncedEntities)).toBe(true);
  });

  it('keeps an edit made on one desk while the record was deleted on the other', () => {
    const a = deskWithSummit();
    const b = openScratchDatabase();
    send(a, b);
    a.exec('DELETE FROM note');
    b.exec(`UPDATE note SET body = 'Still needed' WHERE 1`);
    b.exec(`UPDATE note SET body = 'Still needed, see cable' WHERE 1`);
    send(a, b);
    send(b, a);
    expect(noteBody(a)).toBe('Still needed, see cable');
    expect(noteBody(b)).toBe('Still needed, see cable');
    expect(winners(a)).toEqual(winners(b));
  });

  it('carries a deleted meeting to the other desk, children first, with no stray revisions', () => {
    const a = deskWithSummit();
    const b = openScratchDatabase();
    send(a, b);
    a.exec('DELETE FROM meeting');
    send(a, b);
    expect(b.prepare('SELECT count(*) FROM meeting').pluck().get()).toBe(0);
    expect(b.prepare('SELECT count(*) FROM meeting_participant').pluck().get()).toBe(0);
    expect(b.prepare('SELECT meeting_id, body FROM note').get()).toEqual({ meeting_id: null, body: 'Raise the energy link' });
    expect(winners(a)).toEqual(winners(b));
  });

  it('selects a summit with what it refers to and what belongs to it', () => {
    const a = deskWithSummit();
    a.exec(`INSERT INTO source (id, title) VALUES (1, 'Unrelated source')`);
    const summit = syncPrepare(a, `SELECT doc_id FROM sync_doc WHERE entity = 'summit'`).pluck().get() as string;
    const entities = summitRecordIds(a, summit)
      .map((id) => docState(a, id)?.entity)
      .sort();
    expect(entities).toEqual(['country', 'meeting', 'meeting_participant', 'note', 'person', 'summit']);
  });

  it('refuses a history naming a table that is not a record, changing nothing, and never writes an unknown field', () => {
    const a = deskWithSummit();
    const b = openScratchDatabase();
    const histories = historiesOf(a, allRecordIds(a));
    const before = storeSnapshot(b);
    const forged = histories.map((history) =>
      history.entity === 'note' ? { ...history, entity: 'setting', id: history.id.replace('note:', 'setting:') } : history,
    );
    expect(() => applyMerge(b, forged)).toThrow(MalformedHistoryError);
    expect(storeSnapshot(b)).toEqual(before);

    const injected = histories.map((history) =>
      history.entity === 'note'
        ? {
            ...history,
            revisions: history.revisions.map((revision) => ({ ...revision, body: { ...revision.body, 'title = 1; --': 'x' } })),
          }
        : history,
    );
    applyMerge(b, injected);
    expect(b.prepare('SELECT title, body FROM note').get()).toEqual({ title: 'Our view', body: 'Raise the energy link' });
  });

  it('refuses a record sent with more branches than any desk makes (a server or bundle built to stall the store), changing nothing', () => {
    const a = deskWithSummit();
    const history = historiesOf(a, allRecordIds(a)).find((each) => each.entity === 'summit');
    const root = history?.revisions[0];
    if (!history || !root) throw new Error('the summit has a first revision');
    // Each branch costs the merge more than the one before: a thousand took minutes, with the store held meanwhile.
    const branches = Array.from({ length: maxBranchesReceived + 1 }, (_, index) => ({
      rev: `2-${index.toString(16).padStart(32, '0')}`,
      parent: root.rev,
      deleted: false,
      body: { ...root.body, title: `Branch ${index}` },
    }));
    const stalling = { ...history, revisions: [root, ...branches] };
    const b = openScratchDatabase();
    const before = storeSnapshot(b);
    expect(() => previewMerge(b, [stalling])).toThrow(new RegExp(`more than ${maxBranchesReceived} branches`));
    expect(() => applyMerge(b, [stalling])).toThrow(MalformedHistoryError);
    expect(storeSnapshot(b)).toEqual(before);
    // As many as a busy record can really have still merge, every branch kept.
    applyMerge(b, [{ ...history, revisions: [root, ...branches.slice(0, maxBranchesReceived)] }]);
    expect(revisionsOf(b, history.id)).toHaveLength(maxBranchesReceived + 1);
  });

  it('links a record that arrives before what it refers to once that arrives, and holds back one that cannot stand alone', () => {
    const a = deskWithSummit();
    a.exec(`
      INSERT INTO source (id, title) VALUES (1, 'Communiqué');
      INSERT INTO programme (id, code, name) VALUES (1, 'ITPP', 'Partnership');
      INSERT INTO sector (id, programme_id, name) VALUES (1, 1, 'Cyber defence');
      INSERT INTO sector_entry (id, sector_id, occurred_on, title, source_id) VALUES (1, 1, '2023-07-11', 'Training', 1);
    `);
    const b = openScratchDatabase();
    const histories = historiesOf(a, allRecordIds(a));
    const children = histories.filter((history) => ['note', 'sector_entry', 'meeting_participant'].includes(history.entity));
    applyMerge(b, children);
    expect(b.prepare('SELECT meeting_id, body FROM note').get()).toEqual({ meeting_id: null, body: 'Raise the energy link' });
    expect(b.prepare('SELECT count(*) FROM sector_entry').pluck().get()).toBe(0);
    applyMerge(b, histories);
    expect(b.prepare('SELECT M.title FROM note N JOIN meeting M ON M.id = N.meeting_id').pluck().get()).toBe('Bilateral with Spain');
    expect(b.prepare('SELECT E.title FROM sector_entry E JOIN sector S ON S.id = E.sector_id').pluck().get()).toBe('Training');
    expect(b.prepare('SELECT count(*) FROM meeting_participant').pluck().get()).toBe(1);
    expect(syncPrepare(b, 'SELECT count(*) FROM sync_waiting').pluck().get()).toBe(0);
    expect(winners(b)).toEqual(winners(a));
    expect(rowsMatchWinners(b, syncedEntities)).toBe(true);
  });

  it('brings back the other branch when this desk deletes a record holding a conflict, as every desk will show', () => {
    const a = deskWithSummit();
    const b = openScratchDatabase();
    send(a, b);
    a.exec(`UPDATE note SET body = 'Text from A'`);
    b.exec(`UPDATE note SET body = 'Text from B'`);
    send(a, b);
    send(b, a);
    const shown = noteBody(a);
    a.exec('DELETE FROM note');
    expect(noteBody(a)).toBeUndefined();
    send(a, b);
    send(b, a);
    const other = shown === 'Text from A' ? 'Text from B' : 'Text from A';
    expect(noteBody(a)).toBe(other);
    expect(noteBody(b)).toBe(other);
    expect(winners(a)).toEqual(winners(b));
    expect(rowsMatchWinners(a, syncedEntities) && rowsMatchWinners(b, syncedEntities)).toBe(true);
  });

  it('ends a record deleted on both branches of a conflict with the same winning tombstone on every desk', () => {
    const a = deskWithSummit();
    const b = openScratchDatabase();
    send(a, b);
    // Each tombstone written here sorts lower than the one before, so the first one written is CouchDB's winner.
    descendingRandomIds(a);
    a.exec(`UPDATE note SET body = 'Text from A'`);
    b.exec(`UPDATE note SET body = 'Text from B'`);
    send(a, b);
    send(b, a);
    a.exec('DELETE FROM note');
    settleLocalDeletions(a);
    a.exec('DELETE FROM note');
    const docId = noteDoc(a);
    const tombstones = revisionsOf(a, docId).filter((revision) => revision.deleted);
    expect(tombstones).toHaveLength(2);
    send(a, b);
    send(b, a);
    const rule = winningRevOf(b, docId);
    expect(rule).toBe(tombstones.map((revision) => revision.rev).sort()[1]);
    expect(docState(a, docId)).toMatchObject({ rev: rule, deleted: 1 });
    expect(docState(b, docId)).toMatchObject({ rev: rule, deleted: 1 });
    expect(winners(a)).toEqual(winners(b));
  });

  it('holds back a record a rule of this store refuses (a second country of the same name) and goes on with the rest', () => {
    const a = deskWithSummit();
    const b = openScratchDatabase();
    b.exec(`INSERT INTO country (name, kind) VALUES ('Spain', 'country')`);
    const summary = send(a, b);
    expect(summary.heldBack).toEqual([{ id: expect.stringMatching(/^country:/), reason: expect.stringContaining('country.name') }]);
    expect(b.prepare('SELECT count(*) FROM country').pluck().get()).toBe(1);
    expect(b.prepare('SELECT title FROM meeting').pluck().get()).toBe('Bilateral with Spain');
    b.exec(`UPDATE country SET name = 'Kingdom of Spain'`);
    send(a, b);
    expect(b.prepare('SELECT name FROM country ORDER BY name').pluck().all()).toEqual(['Kingdom of Spain', 'Spain']);
    expect(syncPrepare(b, 'SELECT count(*) FROM sync_held').pluck().get()).toBe(0);
    expect(b.prepare('SELECT C.name FROM summit S JOIN country C ON C.id = S.country_id').pluck().get()).toBe('Spain');
  });
});
