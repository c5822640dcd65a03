import { describe, expect, it } from 'vitest';
import type { Db } from '../open.ts';
import { openScratchDatabase } from '../testing.ts';
import { allRecordIds, historiesOf } from './history.ts';
import { applyMerge, settleLocalDeletions } from './merge.ts';

// Another desk's Sherpa (an older one, or a bundle written by hand) may send a
// level in lower case, with stray spaces, or decomposed ("NON PROTE\u0301GE\u0301"
// looks exactly like the composed one). Marked here, such a level is stored as
// the scheme spells it; received, it must read as the level too, not as a
// level "outside this scheme" that stops every pack holding it.

function send(from: Db, to: Db) {
  settleLocalDeletions(from);
  settleLocalDeletions(to);
  return applyMerge(to, historiesOf(from, allRecordIds(from)));
}

function deskWithMeeting(classification: string): Db {
  const db = openScratchDatabase();
  db.exec(`
    INSERT INTO country (id, name, kind) VALUES (1, 'Tonga', 'country');
    INSERT INTO summit (id, title, country_id, start_date, end_date, time_zone) VALUES (1, 'Nukuʻalofa Forum (received marks)', 1, '2026-08-10', '2026-08-12', 'Pacific/Tongatapu');
  `);
  db.prepare(
    `INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone, classification)
     VALUES (1, 1, 'Bilateral with Tonga (received marks)', 'bilateral', '2026-08-10T21:00:00Z', 'Pacific/Tongatapu', ?)`,
  ).run(classification);
  return db;
}

const meetingMark = (db: Db) => db.prepare('SELECT classification FROM meeting').pluck().get();

describe('a marking received from another desk', () => {
  it('is stored as this desk’s scheme spells the level it reads as, when new and when edited', () => {
    const other = deskWithMeeting('  nato   restricted ');
    const here = openScratchDatabase();
    send(other, here);
    expect(meetingMark(here)).toBe('NATO RESTRICTED');
    other.prepare('UPDATE meeting SET classification = ?').run('Nato Secret');
    send(other, here);
    expect(meetingMark(here)).toBe('NATO SECRET');
  });

  it('reads a decomposed level of a custom scheme as the level', () => {
    const other = deskWithMeeting('NON PROTE\u0301GE\u0301');
    const here = openScratchDatabase();
    here
      .prepare(`INSERT OR REPLACE INTO setting (key, value) VALUES ('settings', ?)`)
      .run(JSON.stringify({ classificationScheme: { name: 'FR', levels: [{ name: 'NON PROTÉGÉ', portion: 'NP' }] } }));
    send(other, here);
    expect(meetingMark(here)).toBe('NON PROTÉGÉ');
  });

  it('keeps a level this scheme lacks as it came, to be named, never dropped', () => {
    const other = deskWithMeeting('offen');
    const here = openScratchDatabase();
    send(other, here);
    expect(meetingMark(here)).toBe('offen');
  });
});
