import { describe, expect, it } from 'vitest';
import { openDatabase } from '../open.ts';
import { generateDataset } from '../sample/generate.ts';
import { listSectorsActiveBetween } from '../sectors.ts';

describe('sector entries by date (0670)', () => {
  const db = openDatabase(':memory:');
  generateDataset(db, { seed: 8, summits: 4, meetings: 20, sectorEntries: 400, annotations: 40, largestSummitMeetings: 5 });

  it('finds the sectors active during a summit from that window’s entries, not by asking every sector', () => {
    const detail = (
      db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT s.id FROM sector s WHERE s.id IN (SELECT e.sector_id FROM sector_entry e WHERE e.occurred_on BETWEEN ? AND ?)`,
        )
        .all('2014-01-01', '2014-03-01') as { detail: string }[]
    )
      .map((row) => row.detail)
      .join('\n');
    expect(detail).toContain('INDEX sector_entry_by_date (occurred_on>? AND occurred_on<?)');
    expect(detail).not.toContain('SCAN s');
  });

  it('lists the same sectors, with their counts, as checking each sector', () => {
    const [from, to] = ['2014-01-01', '2014-06-30'];
    const expected = db
      .prepare(
        `SELECT s.id, (SELECT count(*) FROM sector_entry e WHERE e.sector_id = s.id) AS entryCount FROM sector s
         WHERE EXISTS (SELECT 1 FROM sector_entry e WHERE e.sector_id = s.id AND e.occurred_on BETWEEN ? AND ?) ORDER BY s.position, s.id`,
      )
      .all(from, to);
    expect(expected.length).toBeGreaterThan(3);
    expect(listSectorsActiveBetween(db, from, to).map(({ id, entryCount }) => ({ id, entryCount }))).toEqual(expected);
  });
});
