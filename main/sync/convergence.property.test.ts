import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeletionRecord, deleteRecord, undoDeletion } from '../../db/deletions.ts';
import { setMeetingBiography } from '../../db/meetingBiographies.ts';
import type { Db } from '../../db/open.ts';
import { indexPendingSearch } from '../../db/search.ts';
import { nextId, statement } from '../../db/sql.ts';
import { listConflicts } from '../../db/sync/conflicts.ts';
import { docState, syncedEntities } from '../../db/sync/history.ts';
import { settleLocalDeletions } from '../../db/sync/merge.ts';
import { syncStatement } from '../../db/sync/pendingNotes.ts';
import { branchesLeftBehind, rowsMatchWinners, seedRandomIds } from '../../db/sync/testing.ts';
import { openScratchCopy } from '../../db/testing.ts';
import { exportBundle, importBundle } from './bundle.ts';
import { type DeskKeys, ensureDeskKeys } from './deskKeys.ts';
import { syncOnce } from './replication.ts';
import { startTestServer, type TestServer } from './testServer.ts';

// Three desks type, edit, move meetings between summits and delete while offline for random stretches, and
// meet now and then through the server or a bundle. However that goes, once
// they have all met they hold the same records, the same winners and the same
// kept losers; no text any desk ever saved is missing from any of them; and
// an edit no desk deleted after seeing it is still live everywhere (deleting
// on one desk while editing on another keeps the edit).
//
// `npm test` runs 500 histories; `npm run test:sync -- --runs 5000` is the
// long run. Record ids and revision hashes come from the history's own seed,
// so a failure replays exactly: rerun with the seed and path fast-check
// prints, as SHERPA_SYNC_SEED=… SHERPA_SYNC_PATH=… npx vitest run <this file>.

const runs = Number(process.env.SHERPA_SYNC_RUNS ?? 500);
// `npm test` replays the same 500 histories every time (ids come from the seed too), so a red run is
// reproducible and never luck; the long run (SHERPA_SYNC_RUNS) draws new ones, from a seed it prints first, so
// that a run that passed is recorded by its seed as a failed one is.
const replay =
  process.env.SHERPA_SYNC_SEED !== undefined
    ? { seed: Number(process.env.SHERPA_SYNC_SEED), path: process.env.SHERPA_SYNC_PATH, endOnFailure: true }
    : process.env.SHERPA_SYNC_RUNS === undefined
      ? { seed: 20261201 }
      : { seed: (Date.now() ^ (Math.random() * 0x100000000)) | 0 };
const deskCount = 3;

type Step =
  | { kind: 'create-meeting'; desk: number }
  | { kind: 'create-note'; desk: number; onMeeting: number | null }
  | { kind: 'create-follow-up'; desk: number; onMeeting: number }
  | { kind: 'create-person'; desk: number }
  | { kind: 'write-biography'; desk: number; onMeeting: number; pick: number }
  | { kind: 'edit-note'; desk: number; pick: number }
  | { kind: 'edit-meeting'; desk: number; pick: number }
  | { kind: 'create-summit'; desk: number }
  | { kind: 'move-meeting'; desk: number; pick: number; toSummit: number }
  | { kind: 'trash-note'; desk: number; pick: number }
  | { kind: 'delete-note'; desk: number; pick: number }
  | { kind: 'delete-meeting'; desk: number; pick: number }
  | { kind: 'undo-delete'; desk: number }
  | { kind: 'bundle'; from: number; to: number }
  | { kind: 'server'; desk: number };

const desk = fc.nat(deskCount - 1);
const pick = fc.nat(20);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('create-meeting' as const), desk }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('create-note' as const), desk, onMeeting: fc.option(pick) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('create-follow-up' as const), desk, onMeeting: pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('write-biography' as const), desk, onMeeting: pick, pick }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('edit-note' as const), desk, pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit-meeting' as const), desk, pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move-meeting' as const), desk, pick, toSummit: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('trash-note' as const), desk, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-note' as const), desk, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-meeting' as const), desk, pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo-delete' as const), desk }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('bundle' as const), from: desk, to: desk }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('server' as const), desk }) },
);

interface Desk {
  db: Db;
  keys: DeskKeys;
  /** Notes deleted here, newest last, that Undo can put back, with their record. */
  undo: { deletion: DeletionRecord; docId: string }[];
}

/** A revision a desk wrote when it saved a text. */
interface Saved {
  docId: string;
  rev: string;
  text: string;
}

interface World {
  desks: Desk[];
  /** Every text a desk saved (the statement committed): none may be lost. */
  saved: Saved[];
  /** `doc rev` of every revision a deletion closed: the deleting desk had it on screen. */
  closed: Set<string>;
  serverUrl: string;
  typed: number;
  /** Deletes undone, each bringing the same record back. */
  undone: number;
  /** Meetings moved to another summit (or none) with notes, follow-ups or biographies on them. */
  movedWithFollowers: number;
}

const ids = (db: Db, table: string) => statement(db, `SELECT id FROM ${table} ORDER BY id`).pluck().all() as number[];
const pickFrom = (list: number[], index: number) => (list.length === 0 ? undefined : list[index % list.length]);
const docOf = (db: Db, table: string, id: number) =>
  syncStatement(db, 'SELECT doc_id, rev FROM sync_doc WHERE entity = ? AND row_key = ?').get(table, String(id)) as
    | { doc_id: string; rev: string }
    | undefined;

function type(world: World, deskIndex: number, what: string): string {
  world.typed += 1;
  return `${what} ${world.typed} on desk ${deskIndex}`;
}

function sendBundle(from: Desk, to: Desk): void {
  if (from === to) return;
  const file = exportBundle(from.db, from.keys, 'everything', { recipients: [to.keys.card] });
  importBundle(to.db, to.keys, file, { acceptSigner: true });
}

/** The revisions a deletion of this row closes: its winning revision and all before it. */
function closeBranch(world: World, db: Db, table: string, id: number): void {
  const doc = docOf(db, table, id);
  if (!doc) return;
  const branch = syncStatement(
    db,
    `WITH RECURSIVE up(rev) AS (SELECT ? UNION SELECT R.parent FROM sync_rev R JOIN up ON R.doc_id = ? AND R.rev = up.rev WHERE R.parent IS NOT NULL)
       SELECT rev FROM up`,
  )
    .pluck()
    .all(doc.rev, doc.doc_id) as string[];
  for (const rev of branch) world.closed.add(`${doc.doc_id} ${rev}`);
}

async function play(world: World, action: Step): Promise<void> {
  if (action.kind === 'bundle') return sendBundle(world.desks[action.from] as Desk, world.desks[action.to] as Desk);
  const here = world.desks[action.desk] as Desk;
  if (action.kind === 'server') {
    await syncOnce(here.db, { url: world.serverUrl });
    return;
  }
  const db = here.db;
  const save = (table: string, sql: string, text: string, ...params: (string | number | null)[]) => {
    const { lastInsertRowid } = statement(db, sql).run(...params);
    // New rows take ids as the app gives them (above every deleted one), so only an Undo reuses an id.
    const id = sql.startsWith('INSERT') ? Number(lastInsertRowid) : Number(params.at(-1));
    const doc = docOf(db, table, id);
    if (!doc) throw new Error(`${table} ${id} saved without a record`);
    world.saved.push({ docId: doc.doc_id, rev: doc.rev, text });
  };
  switch (action.kind) {
    case 'create-meeting': {
      const title = type(world, action.desk, 'Meeting');
      save(
        'meeting',
        `INSERT INTO meeting (id, title, format, starts_at, time_zone) VALUES (?, ?, 'bilateral', '2025-06-24T09:00:00Z', 'Europe/Amsterdam')`,
        title,
        nextId(db, 'meeting'),
        title,
      );
      return;
    }
    case 'create-note': {
      const body = type(world, action.desk, 'Note');
      const meeting = action.onMeeting === null ? null : (pickFrom(ids(db, 'meeting'), action.onMeeting) ?? null);
      save('note', 'INSERT INTO note (id, meeting_id, title, body) VALUES (?, ?, ?, ?)', body, nextId(db, 'note'), meeting, 'Note', body);
      return;
    }
    case 'create-follow-up': {
      // Added to a meeting another desk may be deleting meanwhile: the deletion must not take it along.
      const meeting = pickFrom(ids(db, 'meeting'), action.onMeeting);
      if (meeting === undefined) return;
      const description = type(world, action.desk, 'Follow-up');
      save(
        'follow_up',
        'INSERT INTO follow_up (id, meeting_id, description) VALUES (?, ?, ?)',
        description,
        nextId(db, 'follow_up'),
        meeting,
        description,
      );
      return;
    }
    case 'create-person': {
      const name = type(world, action.desk, 'Person');
      save('person', 'INSERT INTO person (id, name) VALUES (?, ?)', name, nextId(db, 'person'), name);
      return;
    }
    case 'write-biography': {
      // The same person's biography for the same meeting, written on two desks, is one record: their texts meet as a conflict.
      const meeting = pickFrom(ids(db, 'meeting'), action.onMeeting);
      const person = pickFrom(ids(db, 'person'), action.pick);
      if (meeting === undefined || person === undefined) return;
      const text = type(world, action.desk, 'Biography');
      setMeetingBiography(db, meeting, person, text);
      const id = statement(db, 'SELECT id FROM meeting_biography WHERE meeting_id = ? AND person_id = ?')
        .pluck()
        .get(meeting, person) as number;
      const doc = docOf(db, 'meeting_biography', id);
      if (!doc) throw new Error(`meeting_biography ${id} saved without a record`);
      world.saved.push({ docId: doc.doc_id, rev: doc.rev, text });
      return;
    }
    case 'edit-note': {
      const id = pickFrom(ids(db, 'note'), action.pick);
      if (id === undefined) return;
      const body = type(world, action.desk, 'Edit');
      save('note', 'UPDATE note SET body = ?, version = version + 1 WHERE id = ?', body, body, id);
      return;
    }
    case 'edit-meeting': {
      const id = pickFrom(ids(db, 'meeting'), action.pick);
      if (id === undefined) return;
      const title = type(world, action.desk, 'Retitled');
      save('meeting', 'UPDATE meeting SET title = ? WHERE id = ?', title, title, id);
      return;
    }
    case 'create-summit': {
      const title = type(world, action.desk, 'Summit');
      save(
        'summit',
        `INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES (?, ?, '2025-06-24', '2025-06-25', 'Europe/Amsterdam')`,
        title,
        nextId(db, 'summit'),
        title,
      );
      return;
    }
    case 'move-meeting': {
      // To another summit or to none: what follows the meeting (notes, follow-ups, biographies) moves with it.
      const id = pickFrom(ids(db, 'meeting'), action.pick);
      if (id === undefined) return;
      const summit = action.toSummit === 0 ? null : (pickFrom(ids(db, 'summit'), action.toSummit) ?? null);
      const { title, summit_id: before } = statement(db, 'SELECT title, summit_id FROM meeting WHERE id = ?').get(id) as {
        title: string;
        summit_id: number | null;
      };
      save('meeting', 'UPDATE meeting SET summit_id = ? WHERE id = ?', title, summit, id);
      const followers = statement(
        db,
        `SELECT (SELECT count(*) FROM note WHERE meeting_id = @id) + (SELECT count(*) FROM follow_up WHERE meeting_id = @id)
           + (SELECT count(*) FROM meeting_biography WHERE meeting_id = @id)`,
      )
        .pluck()
        .get({ id }) as number;
      if (before !== summit && followers > 0) world.movedWithFollowers += 1;
      return;
    }
    case 'trash-note': {
      const id = pickFrom(ids(db, 'note'), action.pick);
      if (id !== undefined) statement(db, `UPDATE note SET deleted_at = '2025-06-25T10:00:00.000Z' WHERE id = ?`).run(id);
      return;
    }
    case 'delete-note': {
      const id = pickFrom(ids(db, 'note'), action.pick);
      if (id === undefined) return;
      const docId = docOf(db, 'note', id)?.doc_id as string;
      closeBranch(world, db, 'note', id);
      here.undo.push({ deletion: db.transaction(() => deleteRecord(db, 'note', id, false).record)(), docId });
      return;
    }
    case 'delete-meeting': {
      const id = pickFrom(ids(db, 'meeting'), action.pick);
      if (id === undefined) return;
      closeBranch(world, db, 'meeting', id);
      // Its follow-ups go with it: this desk had them on screen.
      for (const followUp of statement(db, 'SELECT id FROM follow_up WHERE meeting_id = ?').pluck().all(id) as number[])
        closeBranch(world, db, 'follow_up', followUp);
      for (const biography of statement(db, 'SELECT id FROM meeting_biography WHERE meeting_id = ?').pluck().all(id) as number[])
        closeBranch(world, db, 'meeting_biography', biography);
      statement(db, 'DELETE FROM meeting WHERE id = ?').run(id);
      return;
    }
    case 'undo-delete': {
      const { deletion, docId } = here.undo.pop() ?? {};
      const note = deletion?.removed[0]?.row;
      if (!deletion || !note || !docId) return;
      // The meeting it was on went meanwhile: the app cannot put it back as it was either.
      if (note.meeting_id !== null && !ids(db, 'meeting').includes(Number(note.meeting_id))) return;
      // An edit from another desk brought it back already.
      if (docState(db, docId)?.deleted === 0) return;
      db.transaction(() => undoDeletion(db, deletion))();
      const doc = docOf(db, 'note', deletion.id);
      expect(doc?.doc_id, 'Undo made a new record instead of bringing the deleted one back').toBe(docId);
      world.saved.push({ docId, rev: doc?.rev as string, text: String(note.body) });
      world.undone += 1;
      return;
    }
  }
}

/** What every desk must agree on: each record's winning revision and the leaves kept beside it. */
function agreed(db: Db) {
  return {
    winners: syncStatement(db, 'SELECT doc_id, rev, deleted FROM sync_doc ORDER BY doc_id').all(),
    revisions: syncStatement(db, 'SELECT doc_id, rev, parent, deleted FROM sync_rev ORDER BY doc_id, rev').all(),
    notes: syncStatement(
      db,
      `SELECT D.doc_id, N.body, N.deleted_at FROM note N JOIN sync_doc D ON D.entity = 'note' AND D.row_key = N.id ORDER BY D.doc_id`,
    ).all(),
    meetings: syncStatement(
      db,
      `SELECT D.doc_id, M.title, S.doc_id AS summit FROM meeting M JOIN sync_doc D ON D.entity = 'meeting' AND D.row_key = M.id
         LEFT JOIN sync_doc S ON S.entity = 'summit' AND S.row_key = M.summit_id ORDER BY D.doc_id`,
    ).all(),
    // A follow-up stays on its meeting: a deletion elsewhere neither takes it along nor cuts it loose.
    followUps: syncStatement(
      db,
      `SELECT D.doc_id, F.description, M.doc_id AS meeting FROM follow_up F JOIN sync_doc D ON D.entity = 'follow_up' AND D.row_key = F.id
         LEFT JOIN sync_doc M ON M.entity = 'meeting' AND M.row_key = F.meeting_id ORDER BY D.doc_id`,
    ).all(),
    biographies: statement(
      db,
      `SELECT D.doc_id, B.text FROM meeting_biography B JOIN sync_doc D ON D.entity = 'meeting_biography' AND D.row_key = B.id ORDER BY D.doc_id`,
    ).all(),
  };
}

/**
 * Each biography written for a meeting as search finds it here (migration 2970): its person's name, its text and
 * its meeting's summit, beside the rows themselves. Merges, deletions and meetings moved must leave them equal.
 */
function biographiesFound(db: Db) {
  indexPendingSearch(db);
  return {
    indexed: statement(
      db,
      `SELECT ref_id AS id, title, body AS text, summit_id AS summitId FROM search_text WHERE kind = 'meetingBiography' ORDER BY ref_id`,
    ).all(),
    written: statement(
      db,
      `SELECT B.id, P.name || ' ' || P.native_name AS title, B.text, M.summit_id AS summitId
       FROM meeting_biography AS B JOIN person AS P ON P.id = B.person_id JOIN meeting AS M ON M.id = B.meeting_id ORDER BY B.id`,
    ).all(),
  };
}

function textsKept(db: Db): Set<string> {
  const texts = syncStatement(
    db,
    // A note's body, a meeting's title, a follow-up's description, a meeting's own biography's text, a person's name.
    `SELECT F.value FROM sync_rev AS R, json_each(R.body) AS F
      WHERE R.body IS NOT NULL AND F.key IN ('body', 'title', 'description', 'text', 'name')`,
  )
    .pluck()
    .all() as string[];
  return new Set(texts);
}

/** Whether the revision, or an edit made on top of it, is a live leaf here, and its record's row is on screen. */
function stillLive(db: Db, saved: Saved): boolean {
  const liveLeaf = syncStatement(
    db,
    // A branch closed in a database its record left, as long as the winner there, goes on as a copy beside it
    // (movedOut.ts, the same text one step lower): that copy and what follows it carry the edit on.
    `WITH RECURSIVE down(rev) AS (SELECT @rev
         UNION SELECT R.rev FROM sync_rev R JOIN down ON R.doc_id = @doc AND R.parent = down.rev
         UNION SELECT K.rev FROM down JOIN sync_rev X ON X.doc_id = @doc AND X.rev = down.rev
           JOIN sync_rev K ON K.doc_id = @doc AND K.parent IS X.parent AND K.body = X.body AND K.rev <> X.rev
             AND substr(K.rev, instr(K.rev, '-') + 1, 8) = '0000000e')
       SELECT 1 FROM down JOIN sync_rev L ON L.doc_id = @doc AND L.rev = down.rev
       WHERE L.deleted = 0 AND NOT EXISTS (SELECT 1 FROM sync_rev C WHERE C.doc_id = L.doc_id AND C.parent = L.rev)`,
  ).get({ rev: saved.rev, doc: saved.docId });
  const onScreen = syncStatement(db, 'SELECT 1 FROM sync_doc WHERE doc_id = ? AND deleted = 0 AND row_key IS NOT NULL').get(saved.docId);
  return liveLeaf !== undefined && onScreen !== undefined;
}

describe('three desks that meet now and then end equal, losing nothing', () => {
  let server: TestServer;
  /** Each desk's empty store with its key pair, made once: a history starts from copies. */
  const deskTemplates: { store: Buffer; keys: DeskKeys }[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    for (let index = 0; index < deskCount; index += 1) {
      const db = openScratchCopy();
      deskTemplates.push({ keys: ensureDeskKeys(db, `Desk ${index}`), store: db.serialize() });
      db.close();
    }
  });
  afterAll(async () => {
    await server?.stop();
  });

  it(
    `holds for ${runs} random histories of edits, deletions, offline stretches, bundles and server syncs`,
    async () => {
      let run = 0;
      let endedInConflict = 0;
      let editOutlivedDeletion = 0;
      let undidDelete = 0;
      let movedWithFollowers = 0;
      let biographiesSearched = 0;
      const started = performance.now();
      if (runs > 500) console.log(`${runs} histories from seed ${replay.seed}`);
      await fc.assert(
        fc.asyncProperty(
          fc.array(step, { minLength: 5, maxLength: 40, size: 'max' }),
          fc.boolean(),
          fc.integer(),
          async (steps, meetThroughServer, idSeed) => {
            run += 1;
            const desks = deskTemplates.map((template, index) => {
              const db = openScratchCopy(template.store);
              seedRandomIds(db, idSeed + index * 0x9e3779b1);
              return { db, keys: template.keys, undo: [] };
            });
            const world: World = {
              desks,
              saved: [],
              closed: new Set(),
              serverUrl: server.database(`property-${run}`),
              typed: 0,
              undone: 0,
              movedWithFollowers: 0,
            };
            try {
              // The desks start from shared records, so their edits can meet on the same record.
              const shared: Step[] = [
                { kind: 'create-meeting', desk: 0 },
                { kind: 'create-meeting', desk: 0 },
                { kind: 'create-person', desk: 0 },
                { kind: 'create-summit', desk: 0 },
                { kind: 'create-summit', desk: 0 },
                ...[0, 1, null, null].map((onMeeting): Step => ({ kind: 'create-note', desk: 0, onMeeting })),
                { kind: 'bundle', from: 0, to: 1 },
                { kind: 'bundle', from: 0, to: 2 },
              ];
              for (const action of [...shared, ...steps]) await play(world, action);
              // Everyone meets, round after round, until all hold the same: a deletion received can unlink
              // records here (a note whose meeting went), a new revision to pass on, and a revision that
              // replication named by id only gets its text from a later bundle.
              const revisionSet = (db: Db) =>
                statement(
                  db,
                  // Replication never carries those texts: through the server, revisions alone are compared.
                  meetThroughServer
                    ? `SELECT group_concat(doc_id || ' ' || rev, ',') FROM (SELECT doc_id, rev FROM sync_rev ORDER BY doc_id, rev)`
                    : `SELECT group_concat(doc_id || ' ' || rev || ' ' || deleted || ' ' || coalesce(length(body), -1), ',')
                       FROM (SELECT doc_id, rev, deleted, body FROM sync_rev ORDER BY doc_id, rev)`,
                )
                  .pluck()
                  .get();
              for (let round = 0; round < 6; round += 1) {
                if (meetThroughServer) for (const each of desks) await syncOnce(each.db, { url: world.serverUrl });
                else for (const [index, each] of desks.entries()) sendBundle(each, desks[(index + 1) % deskCount] as Desk);
                // Met: all hold the same, and every desk has closed what a move left behind (each does before it exchanges).
                if (
                  new Set(desks.map((each) => revisionSet(each.db))).size === 1 &&
                  desks.every((each) => branchesLeftBehind(each.db).length === 0)
                )
                  break;
              }
              // Replication carries leaves' texts only; a bundle brings the texts of the revisions between.
              if (meetThroughServer) {
                for (const each of desks.slice(1)) sendBundle(each, desks[0] as Desk);
                for (const each of desks.slice(1)) sendBundle(desks[0] as Desk, each);
              }

              // Met for good: no desk has anything left to write before its next exchange (round 34: a move received
              // by bundle beside the desk's own was closed only at that next exchange).
              for (const [index, each] of desks.entries()) {
                const before = revisionSet(each.db);
                each.db.transaction(() => settleLocalDeletions(each.db))();
                expect(revisionSet(each.db), `desk ${index} wrote more after the desks met`).toBe(before);
              }
              const first = agreed((desks[0] as Desk).db);
              const deletedSomewhere = new Set([...world.closed].map((closed) => closed.split(' ')[0]));
              for (const each of desks) {
                expect(agreed(each.db)).toEqual(first);
                expect(rowsMatchWinners(each.db, syncedEntities)).toBe(true);
                // No record lives in a summit's database it left: each branch it had there is closed there.
                expect(branchesLeftBehind(each.db)).toEqual([]);
                // Every biography written for a meeting is found by search as it now reads, and no other.
                const biographies = biographiesFound(each.db);
                expect(biographies.indexed).toEqual(biographies.written);
                if (each === desks[0] && biographies.written.length > 0) biographiesSearched += 1;
                // Nothing live is left cut loose from what it names: a deletion that met a record added to it lost.
                expect(syncStatement(each.db, 'SELECT * FROM sync_waiting').all()).toEqual([]);
                const kept = textsKept(each.db);
                for (const { text } of world.saved) expect(kept.has(text), `“${text}” lost`).toBe(true);
                for (const saved of world.saved)
                  if (!world.closed.has(`${saved.docId} ${saved.rev}`))
                    expect(stillLive(each.db, saved), `“${saved.text}”, deleted by no desk that had it, is gone`).toBe(true);
              }
              if (world.saved.some((saved) => deletedSomewhere.has(saved.docId) && !world.closed.has(`${saved.docId} ${saved.rev}`)))
                editOutlivedDeletion += 1;
              if (listConflicts((desks[0] as Desk).db).length > 0) endedInConflict += 1;
              if (world.undone > 0) undidDelete += 1;
              if (world.movedWithFollowers > 0) movedWithFollowers += 1;
              // The long run says how far it got, so a run cut short still counts what passed.
              if (runs > 500 && run % 100 === 0)
                console.log(`${run} histories passed in ${((performance.now() - started) / 1000).toFixed(0)} s`);
            } finally {
              for (const each of desks) each.db.close();
            }
          },
        ),
        { numRuns: runs, ...replay },
      );
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `${run} histories in ${seconds.toFixed(1)} s (${((seconds / run) * 1000).toFixed(0)} ms each); ended in conflict: ${endedInConflict}; an edit outlived a deletion made elsewhere: ${editOutlivedDeletion}; a delete undone: ${undidDelete}; a meeting moved with what follows it: ${movedWithFollowers}; biographies found by search: ${biographiesSearched}`,
      );
      // The histories must reach the cases that matter: conflicts kept, and edits meeting deletions.
      if (runs >= 50 && !('path' in replay)) {
        expect(endedInConflict).toBeGreaterThan(0);
        expect(editOutlivedDeletion).toBeGreaterThan(0);
        expect(undidDelete).toBeGreaterThan(0);
        expect(movedWithFollowers).toBeGreaterThan(0);
        expect(biographiesSearched).toBeGreaterThan(0);
      }
    },
    // Five seconds a history: ten times what one takes on an idle machine here. Two (1,000 s for 500) was what one
    // took at a load average of 11, and a CI run beside four helpers at load 12-18 ran 500 past it (1,117 s): only a
    // hang may fail it, and CI's own limit is 90 minutes.
    Math.max(2_500_000, runs * 5_000),
  );
});
