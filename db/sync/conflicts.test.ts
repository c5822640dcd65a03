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
