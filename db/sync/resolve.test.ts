import { describe, expect, it } from 'vitest';
import type { Db } from '../open.ts';
import { openScratchDatabase } from '../testing.ts';
import { listConflictSummaries, recordConflict } from './conflictDetail.ts';
import { ConflictChoiceError, ConflictMovedOnError, resolveConflict } from './conflicts.ts';
import { allRecordIds, historiesOf, syncedEntities } from './history.ts';
import { applyMerge } from './merge.ts';
import { rowsMatchWinners, storeSnapshot } from './testing.ts';

const levels = ['NATO UNCLASSIFIED', 'NATO RESTRICTED', 'NATO CONFIDENTIAL'];
const context = { levels, now: '2026-12-01T10:00:00.000Z' };
const send = (from: Db, to: Db) => applyMerge(to, historiesOf(from, allRecordIds(from)));
const meetingOf = (db: Db) =>
  db.prepare('SELECT title, purpose, classification FROM meeting').get() as { title: string; purpose: string; classification: string };

/** Two desks with the same meeting, retitled (and re-marked) on each while apart, then exchanged both ways. */
function retitledOnTwoDesks(): [Db, Db] {
  const a = openScratchDatabase();
  const b = openScratchDatabase();
  a.exec(`
    INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES (1, 'Vilnius Summit', '2023-07-11', '2023-07-12', 'Europe/Vilnius');
    INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone, purpose, classification)
      VALUES (1, 1, 'Bilateral', 'bilateral', '2023-07-11T08:00:00Z', 'Europe/Vilnius', 'Partnership', 'NATO UNCLASSIFIED');
  `);
  send(a, b);
  a.exec(`UPDATE meeting SET title = 'Bilateral with the Secretary General', updated_at = '2026-11-30T09:00:00.000Z'`);
  b.exec(
    `UPDATE meeting SET title = 'Stoltenberg–Yoon bilateral', purpose = 'Partnership\nand the ITPP', classification = 'NATO RESTRICTED'`,
  );
  send(a, b);
  send(b, a);
  return [a, b];
}

const settledEverywhere = (a: Db, b: Db) => {
  expect(listConflictSummaries(a)).toEqual([]);
  expect(listConflictSummaries(b)).toEqual([]);
  expect(meetingOf(b)).toEqual(meetingOf(a));
  expect(rowsMatchWinners(a, syncedEntities) && rowsMatchWinners(b, syncedEntities)).toBe(true);
};

describe('the conflicts a desk is shown', () => {
  it('lists a meeting edited on two desks by kind, title, marking and page, the same on both desks', () => {
    const [a, b] = retitledOnTwoDesks();
    const [summary] = listConflictSummaries(a);
    expect(summary).toMatchObject({ kind: 'meeting', rowId: 1, page: { view: 'meeting', id: 1 }, others: 1, title: meetingOf(a).title });
    expect(summary?.classification).toBe(meetingOf(a).classification);
    expect(listConflictSummaries(b).map(({ id, winnerRev }) => ({ id, winnerRev }))).toEqual([
      { id: summary?.id, winnerRev: summary?.winnerRev },
    ]);
  });

  it('names a person in conflict by name, not by the job title, and a participant by person and meeting', () => {
    const a = openScratchDatabase();
    const b = openScratchDatabase();
    a.exec(`
      INSERT INTO person (id, name, title) VALUES (1, 'Yoon Suk Yeol', 'President');
      INSERT INTO meeting (id, title, format, starts_at, time_zone) VALUES (1, 'Bilateral', 'bilateral', '2023-07-11T08:00:00Z', 'UTC');
      INSERT INTO meeting_participant (meeting_id, person_id, side, role) VALUES (1, 1, 'theirs', 'principal');
    `);
    send(a, b);
    a.exec(`UPDATE person SET biography = 'Elected 2022.'; UPDATE meeting_participant SET role = 'counterpart'`);
    b.exec(`UPDATE person SET biography = 'Former prosecutor.'; UPDATE meeting_participant SET role = 'note-taker'`);
    send(a, b);
    const titles = listConflictSummaries(b)
      .map((summary) => summary.title)
      .sort();
    expect(titles).toEqual(['Yoon Suk Yeol', 'Yoon Suk Yeol — Bilateral']);
  });

  it('compares the versions field by field: what differs, references by name, long texts, the higher marking for a merge', () => {
    const [a] = retitledOnTwoDesks();
    const conflict = recordConflict(a, listConflictSummaries(a)[0]?.id ?? '', levels);
    const differing = conflict?.fields.filter((field) => field.differs).map((field) => field.name);
    expect(differing?.sort()).toEqual(['classification', 'purpose', 'title']);
    expect(conflict?.fields.find((field) => field.name === 'purpose')?.long).toBe(true);
    expect(conflict?.fields.find((field) => field.name === 'title')?.long).toBe(false);
    expect(conflict?.fields.some((field) => field.name === 'updated_at')).toBe(false);
    expect(conflict?.winner.shown.summit_id).toBe('Vilnius Summit');
    const titles = [conflict?.winner.values.title, conflict?.losers[0]?.values.title].sort();
    expect(titles).toEqual(['Bilateral with the Secretary General', 'Stoltenberg–Yoon bilateral']);
    const fromA = [conflict?.winner, ...(conflict?.losers ?? [])].find(
      (side) => side?.values.title === 'Bilateral with the Secretary General',
    );
    expect(fromA?.savedAt).toBe('2026-11-30T09:00:00.000Z');
    expect(conflict?.mergeMarking).toBe('NATO RESTRICTED');
  });

  it('shows normally, with no conflict, a record deleted on one desk while edited on the other: the edit is kept', () => {
    const a = openScratchDatabase();
    const b = openScratchDatabase();
    a.exec(
      `INSERT INTO meeting (id, title, format, starts_at, time_zone) VALUES (1, 'Pull-aside', 'pull-aside', '2023-07-11T08:00:00Z', 'UTC')`,
    );
    send(a, b);
    a.exec(`UPDATE meeting SET title = 'Pull-aside with Finland'`);
    b.exec('DELETE FROM meeting');
    send(a, b);
    send(b, a);
    for (const desk of [a, b]) {
      expect(meetingOf(desk).title).toBe('Pull-aside with Finland');
      expect(listConflictSummaries(desk)).toEqual([]);
    }
  });
});

describe('settling a conflict so every desk converges on it', () => {
  it('takes the other version: it becomes current here, and the other desk shows the same with no conflict left', () => {
    const [a, b] = retitledOnTwoDesks();
    const [summary] = listConflictSummaries(a);
    const conflict = recordConflict(a, summary?.id ?? '', levels);
    const other = conflict?.losers[0];
    // Which desk's version is shown depends on the revisions' hashes: taking the other may lower the marking, confirmed here.
    const lowersMarkingTo = other?.classification;
    resolveConflict(
      a,
      { id: summary?.id ?? '', winnerRev: summary?.winnerRev ?? '', action: 'take', rev: other?.rev ?? '', lowersMarkingTo },
      context,
    );
    expect(meetingOf(a).title).toBe(other?.values.title);
    send(a, b);
    settledEverywhere(a, b);
  });

  it('keeps the version shown: the others are dismissed on every desk, and nothing on screen changes', () => {
    const [a, b] = retitledOnTwoDesks();
    const before = meetingOf(a);
    const [summary] = listConflictSummaries(a);
    const lowersMarkingTo = before.classification;
    resolveConflict(a, { id: summary?.id ?? '', winnerRev: summary?.winnerRev ?? '', action: 'keep', lowersMarkingTo }, context);
    send(a, b);
    expect(meetingOf(a)).toEqual(before);
    settledEverywhere(a, b);
  });

  it('merges chosen fields and an edited text, taking the higher marking unless told otherwise', () => {
    const [a, b] = retitledOnTwoDesks();
    const [summary] = listConflictSummaries(a);
    const conflict = recordConflict(a, summary?.id ?? '', levels);
    const fromB = [conflict?.winner, ...(conflict?.losers ?? [])].find((side) => side?.values.title === 'Stoltenberg–Yoon bilateral');
    const fromA = [conflict?.winner, ...(conflict?.losers ?? [])].find((side) => side !== fromB);
    resolveConflict(
      a,
      {
        id: summary?.id ?? '',
        winnerRev: summary?.winnerRev ?? '',
        action: 'merge',
        choices: { title: fromA?.rev ?? '' },
        texts: { purpose: 'Partnership, the ITPP and the mission' },
      },
      context,
    );
    expect(meetingOf(a)).toEqual({
      title: 'Bilateral with the Secretary General',
      purpose: 'Partnership, the ITPP and the mission',
      classification: 'NATO RESTRICTED',
    });
    expect(a.prepare('SELECT updated_at FROM meeting').pluck().get()).toBe(context.now);
    send(a, b);
    settledEverywhere(a, b);
  });

  it('converges when both desks settle the same conflict differently at once', () => {
    const [a, b] = retitledOnTwoDesks();
    const [summary] = listConflictSummaries(a);
    const conflict = recordConflict(a, summary?.id ?? '', levels);
    resolveConflict(
      a,
      {
        id: summary?.id ?? '',
        winnerRev: summary?.winnerRev ?? '',
        action: 'take',
        rev: conflict?.losers[0]?.rev ?? '',
        lowersMarkingTo: conflict?.losers[0]?.classification,
      },
      context,
    );
    const keep = {
      id: summary?.id ?? '',
      winnerRev: summary?.winnerRev ?? '',
      action: 'keep',
      lowersMarkingTo: conflict?.winner.classification,
    } as const;
    resolveConflict(b, keep, context);
    send(a, b);
    send(b, a);
    expect(meetingOf(a)).toEqual(meetingOf(b));
    expect(listConflictSummaries(a)).toEqual(listConflictSummaries(b));
    expect(rowsMatchWinners(a, syncedEntities) && rowsMatchWinners(b, syncedEntities)).toBe(true);
  });

  it('refuses a decision made on a version that moved on, or naming what the conflict lacks, changing nothing', () => {
    const [a] = retitledOnTwoDesks();
    const [summary] = listConflictSummaries(a);
    const before = storeSnapshot(a);
    const id = summary?.id ?? '';
    expect(() => resolveConflict(a, { id, winnerRev: '1-0000', action: 'keep' }, context)).toThrow(ConflictMovedOnError);
    expect(() =>
      resolveConflict(a, { id, winnerRev: summary?.winnerRev ?? '', action: 'take', rev: summary?.winnerRev ?? '' }, context),
    ).toThrow(ConflictChoiceError);
    const badChoice = () =>
      resolveConflict(a, { id, winnerRev: summary?.winnerRev ?? '', action: 'merge', choices: { title: '9-nothing' } }, context);
    expect(badChoice).toThrow(/choices\.title/);
    const badMarking = () =>
      resolveConflict(
        a,
        { id, winnerRev: summary?.winnerRev ?? '', action: 'merge', choices: {}, texts: { classification: 'COSMIC TOP SECRET' } },
        context,
      );
    expect(badMarking).toThrow(/texts\.classification/);
    expect(storeSnapshot(a)).toEqual(before);
  });
});

describe('a note edited on two desks', () => {
  it('merged with both texts becomes the note’s newest version in its own history, on both desks', async () => {
    const { createNote, listRevisions, saveNote } = await import('../notes.ts');
    const a = openScratchDatabase();
    const b = openScratchDatabase();
    const content = { title: 'Line', body: 'Original', tags: ['ITPP'], classification: 'NATO UNCLASSIFIED' };
    createNote(a, { sectorEntryId: null, meetingId: null }, content);
    send(a, b);
    const noteOn = (db: Db) =>
      db.prepare('SELECT id, version, body, tags FROM note').get() as { id: number; version: number; body: string; tags: string };
    saveNote(a, noteOn(a).id, noteOn(a).version, { ...content, body: 'Text from A' });
    saveNote(b, noteOn(b).id, noteOn(b).version, { ...content, body: 'Text from B', tags: ['ITPP', 'cyber'] });
    send(a, b);
    send(b, a);
    const [summary] = listConflictSummaries(a);
    expect(summary).toMatchObject({ kind: 'note', page: { view: 'notes', id: noteOn(a).id }, title: 'Line' });
    resolveConflict(
      a,
      {
        id: summary?.id ?? '',
        winnerRev: summary?.winnerRev ?? '',
        action: 'merge',
        choices: {},
        texts: { body: 'Text from A\n\nText from B', tags: '["ITPP","cyber"]' },
      },
      context,
    );
    send(a, b);
    for (const desk of [a, b]) {
      expect(noteOn(desk)).toMatchObject({ body: 'Text from A\n\nText from B', tags: '["ITPP","cyber"]' });
      expect(listRevisions(desk, noteOn(desk).id)[0]).toMatchObject({ version: noteOn(desk).version, body: 'Text from A\n\nText from B' });
    }
    settledEverywhere(a, b);
    expect(() =>
      resolveConflict(a, { id: summary?.id ?? '', winnerRev: 'x', action: 'merge', choices: {}, texts: { tags: 'cyber' } }, context),
    ).toThrow(ConflictMovedOnError);
  });
});
