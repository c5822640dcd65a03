import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import type { PackDefinition } from '../../shared/domain.ts';
import { presetSchemes } from '../../shared/markings.ts';
import { gatherPackContent } from './packContent.ts';

// The timeline annex reads as a day's programme: meetings on the same day
// print in the order they are held, not in the order they were entered.

let db: Db;
beforeEach(() => {
  db = openScratchDatabase();
  loadSampleIfEmpty(db);
});
afterEach(() => db.close());

const addMeeting = (id: number, title: string, startsAt: string, timeZone: string) =>
  db
    .prepare(
      `INSERT INTO meeting (id, summit_id, title, format, starts_at, start_time_known, time_zone, classification)
       VALUES (?, 1, ?, 'bilateral', ?, 1, ?, 'NATO UNCLASSIFIED')`,
    )
    .run(id, title, startsAt, timeZone);

describe('the timeline annex on a day with several meetings', () => {
  it('prints the meetings of one venue day in the order they are held', () => {
    // Entered first, held last (23:30 in Vilnius); the 09:00 and 12:00 bilaterals were entered after it, one with id 12.
    addMeeting(3, 'Late pull-aside', '2023-07-12T20:30:00.000Z', 'Europe/Vilnius');
    addMeeting(4, 'Morning bilateral', '2023-07-12T06:00:00.000Z', 'Europe/Vilnius');
    addMeeting(12, 'Midday bilateral', '2023-07-12T09:00:00.000Z', 'Europe/Vilnius');
    const definition: PackDefinition = {
      title: 'Order',
      recipient: '',
      summitId: 1,
      principalId: null,
      paper: 'a4',
      sections: [
        { kind: 'meeting', meetingId: 3, form: 'full' },
        { kind: 'meeting', meetingId: 4, form: 'full' },
        { kind: 'meeting', meetingId: 12, form: 'pocket' },
        { kind: 'timeline', from: '2023-07-12', to: '2023-07-12' },
      ],
    };
    const content = gatherPackContent(db, definition, {
      scheme: presetSchemes.nato,
      homeTimeZone: 'Asia/Kathmandu',
      preparedOn: '2026-12-02',
    });
    const timeline = content.sections.find((section) => section.kind === 'timeline');
    if (timeline?.kind !== 'timeline') throw new Error('the pack has a timeline');
    expect(timeline.rows.map((row) => row.title)).toEqual(['Morning bilateral', 'Midday bilateral', 'Late pull-aside']);
  });

  it('prints what the source says of a sector entry, as its sector brief does', () => {
    const entry = db.prepare('SELECT id, sector_id AS sectorId, occurred_on AS occurredOn FROM sector_entry ORDER BY id LIMIT 1').get() as {
      id: number;
      sectorId: number;
      occurredOn: string;
    };
    db.prepare('UPDATE sector_entry SET source_excerpt = ? WHERE id = ?').run('ten patrol craft handed over in Djibouti', entry.id);
    const definition: PackDefinition = {
      title: 'Excerpts',
      recipient: '',
      summitId: 1,
      principalId: null,
      paper: 'a4',
      sections: [
        { kind: 'sector', sectorId: entry.sectorId },
        { kind: 'timeline', from: entry.occurredOn, to: entry.occurredOn },
      ],
    };
    const content = gatherPackContent(db, definition, {
      scheme: presetSchemes.nato,
      homeTimeZone: 'Africa/Addis_Ababa',
      preparedOn: '2026-12-02',
    });
    const timeline = content.sections.find((section) => section.kind === 'timeline');
    if (timeline?.kind !== 'timeline') throw new Error('the pack has a timeline');
    const row = timeline.rows.find((each) => each.origin === 'sectorEntry' && each.sourceExcerpt !== '');
    expect(row?.sourceExcerpt).toBe('ten patrol craft handed over in Djibouti');
  });
});
