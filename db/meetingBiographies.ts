import type { Db } from './open.ts';
import { statement } from './sql.ts';

export interface MeetingBiography {
  personId: number;
  text: string;
}

/** The biographies written for one meeting, by person. */
export function listMeetingBiographies(db: Db, meetingId: number): MeetingBiography[] {
  return statement(db, 'SELECT person_id AS personId, text FROM meeting_biography WHERE meeting_id = ? ORDER BY person_id').all(
    meetingId,
  ) as MeetingBiography[];
}

/** Writes a person's biography for a meeting; an empty text goes back to the shared biography. */
export function setMeetingBiography(db: Db, meetingId: number, personId: number, text: string): void {
  const trimmed = text.trim();
  if (trimmed === '') {
    statement(db, 'DELETE FROM meeting_biography WHERE meeting_id = ? AND person_id = ?').run(meetingId, personId);
    return;
  }
  statement(
    db,
    // The text carries its meeting's marking when written (1850), to colleagues and into bundles.
    `INSERT INTO meeting_biography (meeting_id, person_id, text, classification)
       SELECT ?, ?, ?, classification FROM meeting WHERE id = ?
     ON CONFLICT (meeting_id, person_id) DO UPDATE SET text = excluded.text, classification = excluded.classification`,
  ).run(meetingId, personId, trimmed, meetingId);
}
