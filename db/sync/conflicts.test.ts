import { describe, expect, it } from 'vitest';
import type { Db } from '../open.ts';
import { openScratchDatabase } from '../testing.ts';
import { conflictOf, dismissConflict, keepConflict, listConflicts } from './conflicts.ts';
import { allRecordIds, historiesOf, syncedEntities } from './history.ts';
import { applyMerge } from './merge.ts';
import { rowsMatchWinners } from './testing.ts';

const send = (from: Db, to: Db) => applyMerge(to, historiesOf(from, allRecordIds(from)));
const noteBody = (db: Db) => db.prepare('SELECT body FROM note').pluck().get();

/** Two desks holding the same note, edited on both: a conflict on each. */
function conflictingDesks(): [Db, Db] {
  const a = openScratchDatabase();
  const b = openScratchDatabase();
  a.exec(`INSERT INTO note (title, body) VALUES ('Line', 'Original')`);
  send(a, b);
  a.exec(`UPDATE note SET body = 'Text from A'`);
  b.exec(`UPDATE note SET body = 'Text from B'`);
  send(a, b);
  send(b, a);
  return [a, b];
}

describe('resolving a conflict', () => {
  it('lists the record with its winner and loser, with both texts', () => {
    const [a] = conflictingDesks();
    const [conflict] = listConflicts(a);
    expect(conflict?.entity).toBe('note');
    expect([conflict?.winner.body?.body, conflict?.losers[0]?.body?.body].sort()).toEqual(['Text from A', 'Text from B']);
    expect(noteBody(a)).toBe(conflict?.winner.body?.body);
  });

  it('keeps the losing text as current, and the other desk learns it, with no conflict left on either', () => {
    const [a, b] = conflictingDesks();
    const [conflict] = listConflicts(a);
    const loser = conflict?.losers[0];
    keepConflict(a, conflict?.id ?? '', loser?.rev ?? '');
    expect(noteBody(a)).toBe(loser?.body?.body);
    send(a, b);
    expect(noteBody(b)).toBe(loser?.body?.body);
    expect(listConflicts(a)).toEqual([]);
    expect(listConflicts(b)).toEqual([]);
    expect(rowsMatchWinners(a, syncedEntities) && rowsMatchWinners(b, syncedEntities)).toBe(true);
  });

  it('keeps a merge of both texts when one is given', () => {
    const [a] = conflictingDesks();
    const [conflict] = listConflicts(a);
    const merged = { ...conflict?.winner.body, body: 'Text from A and B' };
    keepConflict(a, conflict?.id ?? '', conflict?.losers[0]?.rev ?? '', merged);
    expect(noteBody(a)).toBe('Text from A and B');
    expect(listConflicts(a)).toEqual([]);
  });

  it('dismisses the loser: the winner stays, the loser stays in the history, both desks agree', () => {
    const [a, b] = conflictingDesks();
    const [conflict] = listConflicts(a);
    dismissConflict(a, conflict?.id ?? '', conflict?.losers[0]?.rev ?? '');
    send(a, b);
    expect(noteBody(a)).toBe(conflict?.winner.body?.body);
    expect(noteBody(b)).toBe(conflict?.winner.body?.body);
    expect(conflictOf(b, conflict?.id ?? '')?.losers).toEqual([]);
    expect(() => dismissConflict(a, conflict?.id ?? '', conflict?.winner.rev ?? '')).toThrow(/not a losing revision/);
  });
});

describe('notes edited on two desks', () => {
  it('show both texts in the note history on both desks, where notes always show them', async () => {
    const { createNote, listRevisions, saveNote } = await import('../notes.ts');
    const a = openScratchDatabase();
    const b = openScratchDatabase();
    const content = { title: 'Line', body: 'Original', tags: [], classification: '' };
    createNote(a, { sectorEntryId: null, meetingId: null }, content);
    send(a, b);
    const noteOn = (db: Db) => db.prepare('SELECT id, version FROM note').get() as { id: number; version: number };
    saveNote(a, noteOn(a).id, noteOn(a).version, { ...content, body: 'Text from A' });
    saveNote(b, noteOn(b).id, noteOn(b).version, { ...content, body: 'Text from B' });
    send(a, b);
    send(b, a);
    for (const db of [a, b]) {
      const history = listRevisions(db, noteOn(db).id);
      expect(history.map((revision) => revision.body)).toEqual(expect.arrayContaining(['Original', 'Text from A', 'Text from B']));
      expect(history[0]).toMatchObject({ version: noteOn(db).version, body: noteBody(db) });
    }
    expect(noteBody(a)).toBe(noteBody(b));
    expect(rowsMatchWinners(a, syncedEntities) && rowsMatchWinners(b, syncedEntities)).toBe(true);
  });
});
