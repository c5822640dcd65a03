import { describe, expect, it } from 'vitest';
import { openScratchDatabase } from '../testing.ts';
import { changedAfter } from './account.ts';

const planOf = () => {
  const db = openScratchDatabase();
  try {
    return (db.prepare(`EXPLAIN QUERY PLAN ${changedAfter(db).source}`).all({ seq: 5 }) as { detail: string }[]).map((row) => row.detail);
  } finally {
    db.close();
  }
};

// After every merged slice of a first pull the desk asks which records changed after the slice began: read by
// the revisions' arrival order (the state line counts them the same way), the answer costs the revisions after that point, not the store's every revision.
describe('records changed after a point of the feed', () => {
  it('are read from the revisions after it, by their arrival order', () => {
    const plan = planOf();
    expect(plan).toContain('SEARCH R USING INTEGER PRIMARY KEY (rowid>?)');
    expect(plan.some((step) => step.startsWith('SCAN R'))).toBe(false);
  });
});
