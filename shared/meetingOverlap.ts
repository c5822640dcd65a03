/**
 * Two meetings of one summit that take up the same time: a principal double-booked. Each meeting's start is
 * stored as a UTC instant made from its own venue's wall time and zone, so a bilateral at 23:30 on 29 February in
 * Nukuʻalofa (+13) and a stopover at 00:15 on 1 March on the Chatham Islands (+13:45) are compared as the one
 * moment they are, whatever day each venue calls it. The rule is written once here: the meeting form warns with
 * it and the summit's programme marks with it.
 */

export interface ScheduledMeeting {
  id: number;
  startsAt: string;
  /** A meeting known only by its day takes up no known time, and is never said to overlap. */
  startTimeKnown: boolean;
  /** Null (not given): the meeting is taken as its starting moment only. */
  durationMinutes: number | null;
  /** A cancelled meeting takes up no one's time. */
  status?: string;
}

interface Span {
  start: number;
  end: number;
}

function spanOf(meeting: ScheduledMeeting): Span | null {
  if (!meeting.startTimeKnown || meeting.status === 'cancelled') return null;
  const start = Date.parse(meeting.startsAt);
  if (Number.isNaN(start)) return null;
  const minutes = meeting.durationMinutes !== null && meeting.durationMinutes > 0 ? meeting.durationMinutes : 0;
  return { start, end: start + minutes * 60_000 };
}

/**
 * Spans are half-open: a meeting ending at 10:00 and the next starting at 10:00 do not overlap. A meeting without
 * a duration overlaps one running at its starting moment, or one starting at the same moment.
 */
function spansOverlap(first: Span, second: Span): boolean {
  return first.start === second.start || (first.start < second.end && second.start < first.end);
}

export function meetingsOverlap(first: ScheduledMeeting, second: ScheduledMeeting): boolean {
  const [a, b] = [spanOf(first), spanOf(second)];
  return a !== null && b !== null && spansOverlap(a, b);
}

/** The meetings among `others` that overlap `meeting`, itself left out (by id), in the order given. */
export function overlapsOf<T extends ScheduledMeeting>(meeting: ScheduledMeeting, others: readonly T[]): T[] {
  return others.filter((other) => other.id !== meeting.id && meetingsOverlap(meeting, other));
}

/**
 * Each meeting of `meetings` that overlaps another, with the meetings it overlaps in order of their start (the
 * programme's order): the programme's mark names them. Sorted by start, each meeting is compared only with those
 * starting before it ends, so a summit of thousands of meetings is not compared pair by pair.
 */
export function overlapsByMeeting<T extends ScheduledMeeting>(meetings: readonly T[]): Map<number, T[]> {
  const timed = meetings
    .flatMap((meeting) => {
      const span = spanOf(meeting);
      return span ? [{ meeting, span }] : [];
    })
    .sort((a, b) => a.span.start - b.span.start);
  const overlaps = new Map<number, T[]>();
  const add = (meeting: T, other: T) => {
    const list = overlaps.get(meeting.id);
    if (list) list.push(other);
    else overlaps.set(meeting.id, [other]);
  };
  for (const [index, first] of timed.entries()) {
    for (let next = index + 1; next < timed.length; next++) {
      const second = timed[next];
      if (!second) break;
      if (second.span.start > first.span.start && second.span.start >= first.span.end) break;
      if (second.meeting.id !== first.meeting.id && spansOverlap(first.span, second.span)) {
        add(first.meeting, second.meeting);
        add(second.meeting, first.meeting);
      }
    }
  }
  // A meeting's list was filled partly as the later of a pair (earlier ones first) and partly as the earlier
  // (later ones after), so it is already in order of start, ties in the order given.
  return overlaps;
}

/**
 * Named at most wherever a meeting's overlaps are said (the programme's mark, the meeting's brief and its form): a
 * plenary overlapping a summit's day of bilaterals is not a paragraph of titles. The rest are counted.
 */
export const overlapsNamed = 3;

/** The overlapping meetings to name, in the order given, and how many more are only counted. */
export function namedOverlaps<T>(overlaps: readonly T[]): { named: T[]; more: number } {
  const named = overlaps.slice(0, overlapsNamed);
  return { named, more: overlaps.length - named.length };
}

/** The ids of every meeting that overlaps another in `meetings`. */
export function overlappingIds(meetings: readonly ScheduledMeeting[]): Set<number> {
  return new Set(overlapsByMeeting(meetings).keys());
}
