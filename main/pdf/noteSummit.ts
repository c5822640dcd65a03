import type { Db } from '../../db/open.ts';
import { listSummits } from '../../db/summits.ts';
import type { Note, Summit } from '../../shared/domain.ts';
import { dayInZone } from '../../shared/time.ts';

// A note linked to a sector belongs to no summit, yet a desk writes it while
// preparing one: a sector every summit of the desk works in holds each
// summit's notes. What the note knows is when it was written; the summit it
// was written for is the one the desk was then preparing or holding.

/** The day a note was written at a summit's venue: the summit's own dates are venue dates. */
export function writtenOnAt(note: Pick<Note, 'createdAt'>, summit: Pick<Summit, 'timeZone'>): string {
  return dayInZone(note.createdAt, summit.timeZone);
}

/**
 * Tells which summits a note may have been written for: the earliest of the
 * desk's summits that had not ended (at its venue) on the day it was written,
 * and any other not yet ended whose days overlap it, since a desk prepares two
 * summits of one week (the SCO in Bishkek, a CICA meeting in Astana) at once
 * and the note does not say which. A note written after every summit ended was
 * written for none.
 */
export function summitsOfDesk(db: Db): (note: Pick<Note, 'createdAt'>) => Summit[] {
  const soonestFirst = listSummits(db).sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id);
  return (note) => {
    const notEnded = soonestFirst.filter((summit) => writtenOnAt(note, summit) <= summit.endDate);
    const next = notEnded[0];
    if (next === undefined) return [];
    return notEnded.filter((summit) => summit.startDate <= next.endDate && summit.endDate >= next.startDate);
  };
}

/**
 * Another summit a sector's note may have been written for, when not only the
 * pack's own: left out of the pack unless kept. A pack of no summit (its summit
 * deleted, say) owns no summit's notes, as it owns no summit's entries.
 */
export function otherSummitOfNote(
  writtenFor: (note: Pick<Note, 'createdAt'>) => Summit[],
  note: Pick<Note, 'createdAt'>,
  summitId: number | null,
): Summit | null {
  return writtenFor(note).find((summit) => summit.id !== summitId) ?? null;
}
