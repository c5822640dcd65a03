import { describe, expect, it } from 'vitest';
import { listFollowUpsOfMeeting } from '../followUps.ts';
import { openDatabase } from '../open.ts';
import { generateDataset } from '../sample/generate.ts';

// The timing is the growth benchmark's; this checks the plan that keeps a brief's follow-ups
// off a scan of the whole store, and that the indexed read answers as the scan did.
describe('follow-up actions by meeting (0650)', () => {
  const db = openDatabase(':memory:');
  const generated = generateDataset(db, {
    seed: 5,
    summits: 4,
    meetings: 40,
    sectorEntries: 40,
    annotations: 80,
    largestSummitMeetings: 10,
  });
  const plan = (sql: string) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(1) as { detail: string }[]).map((row) => row.detail).join('\n');

  it('reads a meeting’s follow-ups from its own index entries, in the brief’s order, without a sort', () => {
    const detail = plan('SELECT * FROM follow_up WHERE meeting_id = ? ORDER BY due_on IS NULL, due_on, id');
    expect(detail).toContain('INDEX follow_up_by_meeting (meeting_id=?)');
    expect(detail).not.toContain('SCAN follow_up');
    expect(detail).not.toContain('TEMP B-TREE');
    expect(plan('DELETE FROM follow_up WHERE meeting_id = ?')).toContain('follow_up_by_meeting');
  });

  it('lists the same actions in the same order as reading every follow-up', () => {
    db.prepare('INSERT INTO follow_up (meeting_id, description, due_on) VALUES (?, ?, NULL), (?, ?, ?)').run(
      generated.sampleMeetingId,
      'Undated: send the readout',
      generated.sampleMeetingId,
      'Dated: reply on the secondment',
      '2020-01-01',
    );
    const meetings = db.prepare('SELECT DISTINCT meeting_id AS id FROM follow_up').all() as { id: number }[];
    expect(meetings.length).toBeGreaterThan(5);
    for (const { id } of meetings) {
      const scanned = db
        .prepare('SELECT id FROM follow_up NOT INDEXED WHERE meeting_id = ? ORDER BY due_on IS NULL, due_on, id')
        .all(id)
        .map((row) => (row as { id: number }).id);
      expect(listFollowUpsOfMeeting(db, id).map((action) => action.id)).toEqual(scanned);
    }
    const sample = listFollowUpsOfMeeting(db, generated.sampleMeetingId);
    expect(sample.at(-1)?.description).toBe('Undated: send the readout');
  });
});
