import { describe, expect, it } from 'vitest';
import { openDatabase } from '../open.ts';
import { peopleOfSummitStart } from '../people.ts';
import { generateDataset } from '../sample/generate.ts';

// The timing is the growth benchmark's; this checks that a summit's counterparts are read
// from the index in meeting order, never from the meetings' own rows.
describe('meeting counterparts by summit (0900)', () => {
  const db = openDatabase(':memory:');
  const generated = generateDataset(db, {
    seed: 9,
    summits: 3,
    meetings: 60,
    sectorEntries: 20,
    annotations: 20,
    largestSummitMeetings: 30,
  });
  const plan = (sql: string) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(generated.largestSummitId, 40) as { detail: string }[])
      .map((row) => row.detail)
      .join('\n');

  it('reads the first counterparts of a summit from the index, in meeting order, without a sort', () => {
    const detail = plan(
      'SELECT DISTINCT counterpart_id FROM meeting WHERE summit_id = ? AND counterpart_id IS NOT NULL ORDER BY starts_at, id LIMIT ?',
    );
    expect(detail).toContain('USING COVERING INDEX meeting_counterpart_by_summit (summit_id=?)');
    expect(detail).not.toContain('TEMP B-TREE FOR ORDER BY');
  });

  it('counts a summit’s people as reading every meeting does', () => {
    const expected = db
      .prepare(
        `SELECT count(*) AS n FROM person p WHERE EXISTS (SELECT 1 FROM meeting m WHERE m.summit_id = ? AND m.counterpart_id = p.id)
           OR EXISTS (SELECT 1 FROM meeting_participant mp JOIN meeting m ON m.id = mp.meeting_id WHERE m.summit_id = ? AND mp.person_id = p.id)`,
      )
      .get(generated.largestSummitId, generated.largestSummitId) as { n: number };
    expect(expected.n).toBeGreaterThan(0);
    expect(peopleOfSummitStart(db, generated.largestSummitId, 40).total).toBe(expected.n);
  });
});
