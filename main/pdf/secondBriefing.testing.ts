import { meetings, setParticipants } from '../../db/meetings.ts';
import { createNote } from '../../db/notes.ts';
import type { Db } from '../../db/open.ts';
import { countries, people, sources } from '../../db/people.ts';
import { programmes, sectorEntries, sectors } from '../../db/sectors.ts';
import { summits } from '../../db/summits.ts';
import { timelineEvents } from '../../db/timeline.ts';
import type { PackDefinition } from '../../shared/domain.ts';

// A second, fictional briefing beside the Vilnius sample, for scope tests: a
// Tokyo summit with Japanese, Korean and Arabic names, its own source, sector,
// events and notes. Every text in it is unique to it, so a test can tell
// which briefing a printed word came from.

export interface SecondBriefing {
  summitId: number;
  meetingId: number;
  sectorId: number;
  /** Texts only this briefing holds: none may print in another summit's pack. */
  uniqueTexts: string[];
}

export function addTokyoBriefing(db: Db): SecondBriefing {
  const sourceId = sources.insert(db, {
    title: 'Desk record of the Tokyo preparatory call',
    publisher: 'Northeast Asia desk',
    location: 'Desk file TKY-7',
    publishedOn: null,
    note: 'Fictional test material.',
    classification: 'NATO RESTRICTED',
  });
  const cite = { sourceId };
  // A desk marks what it enters; a pack with unmarked material is not exported.
  const marked = { classification: 'NATO RESTRICTED' };
  const japan = countries.insert(db, { name: 'Japan', nativeName: '日本', kind: 'country', note: '', ...cite });
  const sato = people.insert(db, {
    ...marked,
    name: 'Sato Haruki',
    nativeName: '佐藤春樹',
    title: 'Minister for Foreign Affairs of Japan',
    countryId: japan,
    biography: 'Chaired the Tokyo preparatory call on maritime surveillance.',
    ...cite,
  });
  const park = people.insert(db, {
    ...marked,
    name: 'Park Min-ji',
    nativeName: '박민지',
    title: 'Deputy sherpa',
    countryId: null,
    biography: 'Leads the desk’s preparation for the Tokyo meetings.',
    ...cite,
  });
  const karim = people.insert(db, {
    ...marked,
    name: 'Karim Al-Mansouri',
    nativeName: 'كريم المنصوري',
    title: 'Observer envoy',
    countryId: null,
    biography: 'Attends the Tokyo ministerial as an observer.',
    ...cite,
  });
  const summitId = summits.insert(db, {
    title: 'Tokyo Maritime Ministerial 2026',
    city: 'Tokyo',
    countryId: japan,
    startDate: '2026-03-04',
    endDate: '2026-03-05',
    timeZone: 'Asia/Tokyo',
    description: 'Ministers meet on maritime surveillance in the Pacific.',
    ...cite,
    ...marked,
  });
  const meetingId = meetings.insert(db, {
    ...marked,
    summitId,
    title: 'Park–Sato maritime bilateral',
    format: 'bilateral',
    startsAt: '2026-03-04T01:30:00.000Z',
    startTimeKnown: true,
    durationMinutes: 45,
    timeZone: 'Asia/Tokyo',
    venue: 'Iikura Guest House',
    interpreters: 'Japanese–Korean consecutive',
    press: 'closed',
    purpose: 'Agree a joint statement on shared buoy data.',
    objectives: 'Secure a pilot for shared buoy telemetry.',
    pointsToMake: '1. Buoy telemetry should be pooled by June.',
    defensivePoints: 'If raised: the cost split is still under review.',
    status: 'planned',
    counterpartId: sato,
    ...cite,
  });
  setParticipants(db, meetingId, [
    { personId: park, side: 'ours', role: 'Lead' },
    { personId: sato, side: 'theirs', role: 'Host' },
    { personId: karim, side: 'theirs', role: 'Observer' },
  ]);
  const programmeId = programmes.insert(db, {
    code: 'MSP',
    name: 'Maritime Surveillance Partnership',
    partnerId: japan,
    signedOn: null,
    sectorCount: 1,
    description: 'A fictional programme.',
    ...cite,
    ...marked,
  });
  const sectorId = sectors.insert(db, {
    ...marked,
    programmeId,
    name: 'Buoy telemetry',
    position: 1,
    summary: 'Pooling ocean buoy readings.',
    ourPosition: 'Support a pilot.',
    ...cite,
  });
  sectorEntries.insert(db, {
    ...marked,
    sectorId,
    occurredOn: '2026-02-10',
    title: 'Telemetry pilot scoped at working level',
    body: 'Working level scoped a twelve-buoy pilot.',
    sourceExcerpt: 'twelve buoys off Hokkaido',
    ...cite,
  });
  timelineEvents.insert(db, {
    occurredOn: '2025-11-20',
    precision: 'day',
    title: 'Tokyo preparatory call held',
    description: '',
    summitId,
    sourceExcerpt: 'the preparatory call closed without a text',
    ...cite,
    ...marked,
  });
  createNote(
    db,
    { sectorEntryId: null, meetingId },
    { title: 'Handling of the buoy data', body: 'Keep the pilot quiet until June.', tags: [], classification: 'NATO RESTRICTED' },
  );
  return {
    summitId,
    meetingId,
    sectorId,
    uniqueTexts: [
      'Desk record of the Tokyo preparatory call',
      'Sato Haruki',
      '佐藤春樹',
      'Park Min-ji',
      '박민지',
      'Karim Al-Mansouri',
      'Tokyo Maritime Ministerial 2026',
      'Park–Sato maritime bilateral',
      'Buoy telemetry',
      'Telemetry pilot scoped at working level',
      'twelve buoys off Hokkaido',
      'Tokyo preparatory call held',
      'the preparatory call closed without a text',
      'Handling of the buoy data',
    ],
  };
}

/** A pack of everything in the Tokyo briefing: its meeting, its sector and every annex. */
export function tokyoPackDefinition(briefing: SecondBriefing): PackDefinition {
  return {
    title: 'Tokyo ministerial pack',
    recipient: 'Deputy sherpa',
    summitId: briefing.summitId,
    principalId: null,
    paper: 'a4',
    sections: [
      { kind: 'meeting', meetingId: briefing.meetingId, form: 'full' },
      { kind: 'sector', sectorId: briefing.sectorId },
      { kind: 'timeline' },
      { kind: 'biographies', personIds: [] },
      { kind: 'sources' },
    ],
  };
}
