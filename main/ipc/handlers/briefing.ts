import { recordExists } from '../../../db/deletions.ts';
import { listFollowUpsOfMeeting, listOpenFollowUps } from '../../../db/followUps.ts';
import {
  listDateOnlyMeetingsStarted,
  listMeetingsOfPerson,
  listMeetingsOfSummit,
  listParticipants,
  listUpcomingMeetings,
  meetings,
  setParticipants,
} from '../../../db/meetings.ts';
import { listNotesOfMeeting, listRecentNotes } from '../../../db/notes.ts';
import {
  countries,
  listCountries,
  listPeople,
  listPeopleOfSummit,
  listSources,
  people,
  peopleOfSummitStart,
  sources,
} from '../../../db/people.ts';
import {
  listProgrammes,
  listSectorEntries,
  listSectors,
  listSectorsActiveBetween,
  programmes,
  sectors,
  sectorsActiveBetweenStart,
} from '../../../db/sectors.ts';
import { listSummits, listUpcomingSummits, summits } from '../../../db/summits.ts';
import { listTimeline, listTimelineOfSummit } from '../../../db/timeline.ts';
import { sameParticipants } from '../../../shared/guard.ts';
import { dayInZone } from '../../../shared/time.ts';
import { type HandlerDeps, type HandlerGroup, UserError } from './types.ts';

type BriefingChannel =
  | 'dashboard.get'
  | 'summit.list'
  | 'summit.view'
  | 'summit.participants'
  | 'summit.sectors'
  | 'meeting.brief'
  | 'meeting.setParticipants'
  | 'person.list'
  | 'person.view'
  | 'country.list'
  | 'source.list'
  | 'programme.list'
  | 'sector.view'
  | 'timeline.list';

/**
 * How many participants and sectors a summit view sends with its first paint:
 * a summit of 500 meetings gathers thousands of people in a large store, and
 * what the view costs should follow what it shows, not the store.
 */
export const summitViewShows = { participants: 40, sectors: 24 } as const;

/** Everything the briefing views read: each view is one call, so a view is one round trip. */
export function briefingHandlers({ db, clock }: HandlerDeps): HandlerGroup<BriefingChannel> {
  /**
   * The summits whose last day is not over at their venue. Cut at UTC's date, COP30 in Belém (−03) left Today at
   * 21:00 on its last evening, its closing plenary still sitting, and one in Kiritimati (+14) stayed fourteen hours
   * into the next day. The store is asked from the day before UTC's (every venue's today is on or after it), and
   * each summit kept by its venue's today; the few more asked for cover those ending then whose venue moved on.
   */
  const upcomingSummits = (now: Date, limit: number) => {
    const dayBefore = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
    return (
      listUpcomingSummits(db, dayBefore, limit * 2)
        // A zone the runtime does not know reads as UTC's day (dayInZone answers the instant itself).
        .filter((summit) => summit.endDate >= dayInZone(now.toISOString(), summit.timeZone).slice(0, 10))
        .slice(0, limit)
    );
  };
  /**
   * The meetings still to come, and those with no time of day whose day is not over at their venue. Such a meeting
   * is kept as its venue's midnight: cut at that instant, a bilateral in Skopje "time to be confirmed" on 29 March
   * left Today at 09:00 that day in Canberra, and the evening before in Washington, the day it is on not begun there.
   */
  const upcomingMeetings = (now: Date, limit: number) => {
    // A venue's day lasts at most 25 hours (the night its clocks go back).
    const dayAgo = new Date(now.getTime() - 25 * 3_600_000).toISOString();
    const today = listDateOnlyMeetingsStarted(db, dayAgo, now.toISOString(), limit).filter(
      (meeting) =>
        dayInZone(meeting.startsAt, meeting.timeZone).slice(0, 10) >= dayInZone(now.toISOString(), meeting.timeZone).slice(0, 10),
    );
    return [...today, ...listUpcomingMeetings(db, now.toISOString(), limit)].slice(0, limit);
  };
  return {
    'dashboard.get': () => {
      const now = clock();
      return {
        upcomingSummits: upcomingSummits(now, 20),
        upcomingMeetings: upcomingMeetings(now, 20),
        openFollowUps: listOpenFollowUps(db, 50),
        recentNotes: listRecentNotes(db, 10),
      };
    },
    'summit.list': () => listSummits(db),
    'summit.view': ({ id }) => {
      const summit = summits.get(db, id);
      return {
        summit,
        country: summit.countryId === null ? null : (countries.find(db, summit.countryId) ?? null),
        meetings: listMeetingsOfSummit(db, id),
        timeline: listTimelineOfSummit(db, id),
        participants: peopleOfSummitStart(db, id, summitViewShows.participants),
        sectors: sectorsActiveBetweenStart(db, summit.startDate, summit.endDate, summitViewShows.sectors),
      };
    },
    'summit.participants': ({ id }) => {
      summits.get(db, id);
      return listPeopleOfSummit(db, id);
    },
    'summit.sectors': ({ id }) => {
      const summit = summits.get(db, id);
      return listSectorsActiveBetween(db, summit.startDate, summit.endDate);
    },
    'meeting.brief': ({ id }) => {
      const meeting = meetings.get(db, id);
      return {
        meeting,
        summit: meeting.summitId === null ? null : (summits.find(db, meeting.summitId) ?? null),
        participants: listParticipants(db, id),
        counterpart: meeting.counterpartId === null ? null : (people.find(db, meeting.counterpartId) ?? null),
        followUps: listFollowUpsOfMeeting(db, id),
        annotations: listNotesOfMeeting(db, id),
        source: meeting.sourceId === null ? null : (sources.find(db, meeting.sourceId) ?? null),
      };
    },
    'meeting.setParticipants': ({ id, participants, expected }, changes) => {
      meetings.get(db, id);
      const stored = listParticipants(db, id);
      // In the dispatch's transaction with the write: a list changed since the editor opened it is not replaced unseen.
      if (expected && !sameParticipants(stored, expected)) return { status: 'stale', current: stored };
      // A person deleted in another window while the editor was open: named at its row, not as a broken rule of the store.
      const gone = participants.findIndex((participant) => !recordExists(db, 'person', participant.personId));
      if (gone >= 0)
        throw new UserError(
          'invalid_request',
          `participants.${gone}.personId: no person with id ${participants[gone]?.personId}`,
          'no_such_record',
          `participants.${gone}.personId`,
        );
      setParticipants(db, id, participants);
      changes.record('meeting', 'updated', [id]);
      return { status: 'saved', saved: listParticipants(db, id) };
    },
    'person.list': () => listPeople(db),
    'person.view': ({ id }) => {
      const person = people.get(db, id);
      return {
        person,
        country: person.countryId === null ? null : (countries.find(db, person.countryId) ?? null),
        meetings: listMeetingsOfPerson(db, id),
      };
    },
    'country.list': () => listCountries(db),
    'source.list': () => listSources(db),
    'programme.list': () => listProgrammes(db).map((programme) => ({ programme, sectors: listSectors(db, programme.id) })),
    'sector.view': ({ id }) => {
      const sector = sectors.get(db, id);
      return { sector, programme: programmes.get(db, sector.programmeId), entries: listSectorEntries(db, id) };
    },
    'timeline.list': () => listTimeline(db),
  };
}
