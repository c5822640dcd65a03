import type { BiographyPlace, SearchHit, WrittenBiography } from '../shared/domain.ts';
import { deskLevels } from './markings.ts';
import type { Db } from './open.ts';
import { statement } from './sql.ts';
import { higherMarking } from './sync/conflicts.ts';

/** The biographies written for one meeting, by person. */
export function listMeetingBiographies(db: Db, meetingId: number): WrittenBiography[] {
  return statement(
    db,
    `SELECT B.person_id AS personId, P.name AS name, B.text AS text, B.classification AS classification
     FROM meeting_biography AS B JOIN person AS P ON P.id = B.person_id WHERE B.meeting_id = ? ORDER BY B.person_id`,
  ).all(meetingId) as WrittenBiography[];
}

/** Writes a person's biography for a meeting; an empty text goes back to the shared biography. */
export function setMeetingBiography(db: Db, meetingId: number, personId: number, text: string): void {
  const trimmed = text.trim();
  if (trimmed === '') {
    statement(db, 'DELETE FROM meeting_biography WHERE meeting_id = ? AND person_id = ?').run(meetingId, personId);
    return;
  }
  // The text carries its meeting's marking when written (1850), to colleagues and into bundles. An edit keeps the
  // marking it had if that is higher: a meeting marked down since does not mark down what was written under it.
  const meetingMarking = statement(db, 'SELECT classification FROM meeting WHERE id = ?').pluck().get(meetingId) as string | undefined;
  if (meetingMarking === undefined) return;
  const had = statement(db, 'SELECT classification FROM meeting_biography WHERE meeting_id = ? AND person_id = ?')
    .pluck()
    .get(meetingId, personId) as string | undefined;
  const marking = had === undefined || had === '' ? meetingMarking : higherMarking([had, meetingMarking], deskLevels(db));
  statement(
    db,
    `INSERT INTO meeting_biography (meeting_id, person_id, text, classification) VALUES (?, ?, ?, ?)
     ON CONFLICT (meeting_id, person_id) DO UPDATE SET text = excluded.text, classification = excluded.classification`,
  ).run(meetingId, personId, trimmed, marking);
}

/**
 * Search hits on meetings' own biographies with the meeting each was written for (its title under its own
 * marking) and its person: the palette names both and opens the brief at that biography (migration 2970).
 */
export function withBiographyPlaces(db: Db, hits: SearchHit[]): SearchHit[] {
  const ids = hits.filter((hit) => hit.kind === 'meetingBiography').map((hit) => hit.id);
  if (ids.length === 0) return hits;
  const places = new Map(
    (
      statement(
        db,
        `SELECT B.id, B.meeting_id AS meetingId, M.title AS meetingTitle, M.classification AS meetingClassification, B.person_id AS personId
         FROM meeting_biography AS B JOIN meeting AS M ON M.id = B.meeting_id WHERE B.id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(ids)) as (BiographyPlace & { id: number })[]
    ).map(({ id, ...place }) => [id, place]),
  );
  return hits.map((hit) => {
    const place = hit.kind === 'meetingBiography' ? places.get(hit.id) : undefined;
    return place ? { ...hit, biography: place } : hit;
  });
}
