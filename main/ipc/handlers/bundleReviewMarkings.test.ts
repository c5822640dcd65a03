import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BundleExportResult, BundleInspection } from '../../../shared/bundles.ts';
import type { Summit } from '../../../shared/domain.ts';
import { desksKnowingEachOther } from './exchangeDesk.helpers.ts';

// A colleague's desk (an older Sherpa, or a scheme typed in other capitals) sends "nato restricted": the import
// stores it as this desk's "NATO RESTRICTED" (receivedMarking). The review listed the record under the sender's
// spelling, a second line of a level this desk's banner names as outside its scheme, counted apart from its own.

describe('the review of a bundle marked in another spelling', () => {
  it('lists and counts each record at this desk’s level, as the import will store it', async () => {
    const { a, b, cardB } = await desksKnowingEachOther();
    const summit = await a.ok<Summit>('summit.create', {
      title: 'Brussels Summit, marks spelled twice',
      city: 'Brussels',
      countryId: null,
      startDate: '2026-06-24',
      endDate: '2026-06-25',
      timeZone: 'Europe/Brussels',
      description: '',
      sourceId: null,
      classification: 'NATO UNCLASSIFIED',
    });
    const insert = a.db.prepare(
      `INSERT INTO meeting (summit_id, title, format, starts_at, time_zone, classification)
         VALUES (?, ?, 'bilateral', '2026-06-24T09:00:00Z', 'Europe/Brussels', ?)`,
    );
    insert.run(summit.id, 'Bilateral with Belgium', 'NATO RESTRICTED');
    insert.run(summit.id, 'Bilateral with Estonia', '  nato   restricted ');
    const exported = await a.ok<BundleExportResult>('bundle.export', {
      selection: { summitId: summit.id },
      recipients: [cardB.card.fingerprint],
    });

    const inspection = await b.ok<BundleInspection>('bundle.inspect', { file: fs.readFileSync(exported.path).toString('base64') });
    if (inspection.status !== 'ready') throw new Error(inspection.status);
    const { review } = inspection;
    expect(review.breakdown).toEqual([
      { kind: 'summit', classification: 'NATO UNCLASSIFIED', new: 1, updated: 0, conflicting: 0 },
      { kind: 'meeting', classification: 'NATO RESTRICTED', new: 2, updated: 0, conflicting: 0 },
    ]);
    expect(review.changes.filter((line) => line.kind === 'meeting').map((line) => [line.name, line.classification])).toEqual([
      ['Bilateral with Belgium', 'NATO RESTRICTED'],
      ['Bilateral with Estonia', 'NATO RESTRICTED'],
    ]);
  });
});
