import { describe, expect, it } from 'vitest';
import type { Db } from '../open.ts';
import { openScratchDatabase } from '../testing.ts';
import { listConflictSummaries, recordConflict } from './conflictDetail.ts';
import { otherVersionsMarkings } from './conflicts.ts';
import { allRecordIds, historiesOf } from './history.ts';
import { applyMerge } from './merge.ts';

// Athens spells its levels "Εμπιστευτικό", a colleague's desk (or an older Sherpa) "ΕΜΠΙΣΤΕΥΤΙΚΟ": the same level,
// stored here as this scheme spells it. A conflict's losing version kept the colleague's spelling, and the conflict
// view showed it as marked outside this scheme, its marking as differing, and a merge ranked it as no level.

const levels = ['Αδιαβάθμητο', 'Περιορισμένης Χρήσης', 'Εμπιστευτικό', 'Απόρρητο'];
const greek = { name: 'ΕΛ', levels: levels.map((name, rank) => ({ name, portion: `Ε${rank}` })) };
const send = (from: Db, to: Db) => applyMerge(to, historiesOf(from, allRecordIds(from)));

function deskSpelling(spelling: (name: string) => string): Db {
  const db = openScratchDatabase();
  db.prepare(`INSERT OR REPLACE INTO setting (key, value) VALUES ('settings', ?)`).run(
    JSON.stringify({ classificationScheme: { ...greek, levels: greek.levels.map((level) => ({ ...level, name: spelling(level.name) })) } }),
  );
  return db;
}

/** The same meeting retitled on both desks while apart, Athens' edit losing or winning by CouchDB's rule. */
function conflictAcrossSpellings(): { athens: Db; colleague: Db } {
  const athens = deskSpelling((name) => name);
  const colleague = deskSpelling((name) => name.toLocaleUpperCase('el'));
  colleague.exec(`
    INSERT INTO summit (id, title, start_date, end_date, time_zone) VALUES (1, 'EU–CELAC Santa Marta', '2026-11-09', '2026-11-10', 'America/Bogota');
    INSERT INTO meeting (id, summit_id, title, format, starts_at, time_zone, classification)
      VALUES (1, 1, 'Bilateral with Colombia', 'bilateral', '2026-11-09T15:00:00Z', 'America/Bogota', 'ΕΜΠΙΣΤΕΥΤΙΚΟ');
  `);
  send(colleague, athens);
  athens.exec(`UPDATE meeting SET title = 'Bilateral with Colombia (Athens)'`);
  colleague.exec(`UPDATE meeting SET title = 'Bilateral with Colombia (Bogotá)'`);
  send(colleague, athens);
  return { athens, colleague };
}

describe('a conflict whose versions spell one level two ways', () => {
  it('shows every version at this scheme’s level, the marking not differing, and merges at that level', () => {
    const { athens } = conflictAcrossSpellings();
    expect(athens.prepare('SELECT classification FROM meeting').pluck().get()).toBe('Εμπιστευτικό');
    const [summary] = listConflictSummaries(athens);
    expect(summary?.classification).toBe('Εμπιστευτικό');
    expect(summary?.otherMarkings).toEqual(['Εμπιστευτικό']);
    const conflict = recordConflict(athens, summary?.id ?? '', levels);
    expect([conflict?.winner.classification, ...(conflict?.losers.map((side) => side.classification) ?? [])]).toEqual([
      'Εμπιστευτικό',
      'Εμπιστευτικό',
    ]);
    expect(conflict?.fields.find((field) => field.name === 'classification')?.differs).toBe(false);
    expect(conflict?.fields.find((field) => field.name === 'title')?.differs).toBe(true);
    expect(conflict?.mergeMarking).toBe('Εμπιστευτικό');
    expect([...otherVersionsMarkings(athens).values()]).toEqual([['Εμπιστευτικό']]);
  });
});
