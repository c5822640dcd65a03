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
 * Tells which summit a note was written for: the earliest of the desk's summits
 * that had not ended (at its venue) on the day it was written. A note written
 * after every summit ended was written for none.
 */
export function summitsOfDesk(db: Db): (note: Pick<Note, 'createdAt'>) => Summit | null {
  const soonestFirst = listSummits(db).sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id);
  return (note) => soonestFirst.find((summit) => writtenOnAt(note, summit) <= summit.endDate) ?? null;
}

/**
 * Another summit a sector's note was written for, when not the pack's own: left
 * out of the pack unless kept. A pack of no summit (its summit deleted, say)
 * owns no summit's notes, as it owns no summit's entries.
 */
export function otherSummitOfNote(
  writtenFor: (note: Pick<Note, 'createdAt'>) => Summit | null,
  note: Pick<Note, 'createdAt'>,
  summitId: number | null,
): Summit | null {
  const summit = writtenFor(note);
  return summit === null || summit.id === summitId ? null : summit;
}
