import type { Meeting, MeetingParticipant, MeetingSummary, ParticipantSide } from '../shared/domain.ts';
import type { Db } from './open.ts';
import { statement, table } from './sql.ts';

export const meetings = table<Meeting>({
  table: 'meeting',
  kind: 'meeting',
  touch: true,
  columns: {
    id: 'id',
    summitId: 'summit_id',
    title: 'title',
    format: 'format',
    startsAt: 'starts_at',
    startTimeKnown: 'start_time_known',
    durationMinutes: 'duration_minutes',
    timeZone: 'time_zone',
    venue: 'venue',
    interpreters: 'interpreters',
    press: 'press',
    purpose: 'purpose',
    objectives: 'objectives',
    theirAsks: 'their_asks',
    pointsToMake: 'points_to_make',
    linesToTake: 'lines_to_take',
    defensivePoints: 'defensive_points',
    background: 'background',
    sensitivities: 'sensitivities',
    protocolNotes: 'protocol_notes',
    pressLine: 'press_line',
    status: 'status',
    outcome: 'outcome',
    counterpartId: 'counterpart_id',
    classification: 'classification',
    sourceId: 'source_id',
  },
  fromRow: (row) => {
    row.startTimeKnown = row.startTimeKnown === 1;
    return row as unknown as Meeting;
  },
});

const summarySelect = `SELECT id, summit_id AS summitId, title, format, starts_at AS startsAt,
  start_time_known AS startTimeKnown, duration_minutes AS durationMinutes, time_zone AS timeZone, venue, status, classification FROM meeting`;
const toSummary = (row: unknown): MeetingSummary => {
  const summary = row as Omit<MeetingSummary, 'startTimeKnown'> & { startTimeKnown: number };
  return { ...summary, startTimeKnown: summary.startTimeKnown === 1 };
};

export function listMeetingsOfSummit(db: Db, summitId: number): MeetingSummary[] {
  return statement(db, `${summarySelect} WHERE summit_id = ? ORDER BY starts_at, id`).all(summitId).map(toSummary);
}

export function listMeetingsOfPerson(db: Db, personId: number): MeetingSummary[] {
  return statement(
    db,
    `${summarySelect} WHERE id IN (SELECT meeting_id FROM meeting_participant WHERE person_id = ?)
     OR counterpart_id = ? ORDER BY starts_at DESC, id`,
  )
    .all(personId, personId)
    .map(toSummary);
}

/** Meetings starting at or after `from` (UTC instant), soonest first. */
export function listUpcomingMeetings(db: Db, from: string, limit: number): MeetingSummary[] {
  return statement(db, `${summarySelect} WHERE starts_at >= ? AND status != 'cancelled' ORDER BY starts_at, id LIMIT ?`)
    .all(from, limit)
    .map(toSummary);
}

/** Meetings with no time of day whose day began (their venue's midnight) at or after `since` and before `until`. */
export function listDateOnlyMeetingsStarted(db: Db, since: string, until: string, limit: number): MeetingSummary[] {
  return statement(
    db,
    `${summarySelect} WHERE starts_at >= ? AND starts_at < ? AND start_time_known = 0 AND status != 'cancelled'
     ORDER BY starts_at, id LIMIT ?`,
  )
    .all(since, until, limit)
    .map(toSummary);
}

export function listParticipants(db: Db, meetingId: number): MeetingParticipant[] {
  return statement(
    db,
    `SELECT p.id AS personId, p.name, p.native_name AS nativeName, p.title, mp.side, mp.role, p.classification
     FROM meeting_participant mp JOIN person p ON p.id = mp.person_id
     WHERE mp.meeting_id = ? ORDER BY mp.side DESC, p.name_key, p.name`,
  ).all(meetingId) as MeetingParticipant[];
}

export interface ParticipantInput {
  personId: number;
  side: ParticipantSide;
  role: string;
}

/** Replaces the whole participant list; the caller runs it inside its transaction. */
export function setParticipants(db: Db, meetingId: number, participants: readonly ParticipantInput[]): void {
  meetings.get(db, meetingId);
  statement(db, 'DELETE FROM meeting_participant WHERE meeting_id = ?').run(meetingId);
  const insert = statement(db, 'INSERT INTO meeting_participant (meeting_id, person_id, side, role) VALUES (?, ?, ?, ?)');
  for (const participant of participants) insert.run(meetingId, participant.personId, participant.side, participant.role);
}
