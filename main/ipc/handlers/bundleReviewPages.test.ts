import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open.ts';
import type { BundleExportResult, BundleInspection, BundleRecordLine, BundleReviewLines } from '../../../shared/bundles.ts';
import type { Summit } from '../../../shared/domain.ts';
import { desksKnowingEachOther } from './exchangeDesk.helpers.ts';

// The review of a bundle of the whole store listed 190,000 changed lines in one answer to the Receive screen.
// It now answers with the counts (per kind and marking, exact), the highest marking inside (every revision), every
// conflict, and the first lines of the new and updated records; the rest come a page at a time, on request.

const meetingCount = 260;
const markingOf = (index: number) => (index % 5 === 0 ? 'NATO SECRET' : 'NATO RESTRICTED');

function addMeetings(db: Db, summitId: number): void {
  const insert = db.prepare(
    `INSERT INTO meeting (summit_id, title, format, starts_at, time_zone, classification)
       VALUES (?, ?, 'bilateral', '2024-07-10T14:00:00Z', 'America/New_York', ?)`,
  );
  db.transaction(() => {
    for (let index = 0; index < meetingCount; index += 1)
      insert.run(summitId, `Bilateral ${String(index).padStart(3, '0')}`, markingOf(index));
  })();
}

describe('the review of a large bundle', () => {
  it('answers with exact counts, markings and conflicts and the first lines; the others come a page at a time', async () => {
    const { a, b, cardB } = await desksKnowingEachOther();
    const summit = await a.ok<Summit>('summit.create', {
      title: 'Washington Summit, a large bundle',
      city: 'Washington',
      countryId: null,
      startDate: '2024-07-09',
      endDate: '2024-07-11',
      timeZone: 'America/New_York',
      description: 'NATO at 75',
      sourceId: null,
      classification: 'NATO UNCLASSIFIED',
    });
    addMeetings(a.db, summit.id);
    const exported = await a.ok<BundleExportResult>('bundle.export', {
      selection: { summitId: summit.id },
      recipients: [cardB.card.fingerprint],
    });
    const file = fs.readFileSync(exported.path).toString('base64');

    const inspection = await b.ok<BundleInspection>('bundle.inspect', { file });
    if (inspection.status !== 'ready') throw new Error(inspection.status);
    const { review } = inspection;
    expect(review.counts.new).toBe(meetingCount + 1);
    // Bounded: the first lines only, in the order they would be created (the summit, then its meetings by name).
    expect(review.changes.length).toBeLessThanOrEqual(100);
    expect(review.changes.slice(0, 3).map((line) => line.name)).toEqual([
      'Washington Summit, a large bundle',
      'Bilateral 000',
      'Bilateral 001',
    ]);
    // Exact: the counts per kind and marking, and the highest marking inside.
    expect(review.breakdown).toEqual([
      { kind: 'summit', classification: 'NATO UNCLASSIFIED', new: 1, updated: 0, conflicting: 0 },
      { kind: 'meeting', classification: 'NATO RESTRICTED', new: meetingCount - meetingCount / 5, updated: 0, conflicting: 0 },
      { kind: 'meeting', classification: 'NATO SECRET', new: meetingCount / 5, updated: 0, conflicting: 0 },
    ]);
    expect(review.markings).toContain('NATO SECRET');

    // More on request, a page at a time, until every line was seen once.
    const seen: BundleRecordLine[] = [];
    for (let offset = 0; ; offset += 120) {
      const page = await b.ok<BundleReviewLines>('bundle.reviewLines', { bundleId: review.bundleId, change: 'new', offset, limit: 120 });
      if (page.status !== 'ready') throw new Error(page.status);
      expect(page.total).toBe(meetingCount + 1);
      seen.push(...page.lines);
      if (page.lines.length < 120) break;
    }
    expect(seen.slice(0, review.changes.length)).toEqual(review.changes);
    expect(new Set(seen.map((line) => line.id)).size).toBe(meetingCount + 1);
    expect(seen.at(-1)?.name).toBe(`Bilateral ${meetingCount - 1}`);
  });
});
