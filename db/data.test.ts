import { beforeEach, describe, expect, it } from 'vitest';
import { blankBrief, type Meeting } from '../shared/domain.ts';
import { followUps, listFollowUpsOfMeeting, listOpenFollowUps } from './followUps.ts';
import {
  listMeetingsOfPerson,
  listMeetingsOfSummit,
  listParticipants,
  listUpcomingMeetings,
  meetings,
  setParticipants,
} from './meetings.ts';
import {
  createNote,
  listNotesOfMeeting,
  listNotesOfSectorEntry,
  listRecentNotes,
  listRevisions,
  NoteConflictError,
  saveNote,
} from './notes.ts';
import { type Db, openDatabase } from './open.ts';
import { countries, listCountries, listPeople, listSources, people, sources } from './people.ts';
import { search } from './search.ts';
import { listProgrammes, listSectorEntries, listSectors, programmes, sectorEntries, sectors } from './sectors.ts';
import { readSetting, writeSetting } from './settings.ts';
import { NotFoundError } from './sql.ts';
import { listSummits, listUpcomingSummits, summits } from './summits.ts';
import { listTimeline, timelineEvents } from './timeline.ts';

function meetingInput(summitId: number | null, title: string, startsAt: string): Omit<Meeting, 'id'> {
  return {
    ...blankBrief,
    summitId,
    title,
    format: 'bilateral',
    startsAt,
    startTimeKnown: true,
    durationMinutes: 45,
    timeZone: 'Europe/Vilnius',
    venue: 'LITEXPO',
    interpreters: '',
    press: 'closed',
    status: 'planned',
    counterpartId: null,
    classification: '',
    sourceId: null,
  };
}

describe('data functions', () => {
  let db: Db;
  let summitId: number;
  let sourceId: number;
  beforeEach(() => {
    db = openDatabase(':memory:');
    sourceId = sources.insert(db, { title: 'Press release', publisher: 'NATO', location: '', publishedOn: '2024-07-10', note: '' });
    summitId = summits.insert(db, {
      title: 'Washington Summit',
      city: 'Washington',
      countryId: null,
      startDate: '2024-07-09',
      endDate: '2024-07-11',
      timeZone: 'America/New_York',
      description: '',
      sourceId,
    });
  });

  it('summits: list newest first, upcoming until their last day', () => {
    summits.insert(db, {
      title: 'Vilnius',
      city: '',
      countryId: null,
      startDate: '2023-07-11',
      endDate: '2023-07-12',
      timeZone: 'Europe/Vilnius',
      description: '',
      sourceId: null,
    });
    expect(listSummits(db).map((summit) => summit.title)).toEqual(['Washington Summit', 'Vilnius']);
    expect(listUpcomingSummits(db, '2024-07-11', 10).map((summit) => summit.title)).toEqual(['Washington Summit']);
    expect(listUpcomingSummits(db, '2024-07-12', 10)).toEqual([]);
  });

  it('table helper: get, update only given fields, remove, and a clear error for a missing id', () => {
    summits.update(db, summitId, { city: 'Washington, D.C.' });
    expect(summits.get(db, summitId)).toMatchObject({ city: 'Washington, D.C.', title: 'Washington Summit' });
    expect(() => summits.get(db, 999)).toThrow(new NotFoundError('summit', 999));
    expect(() => summits.update(db, 999, { city: 'x' })).toThrow(/No summit with id 999/);
    summits.remove(db, summitId);
    expect(summits.find(db, summitId)).toBeUndefined();
    expect(() => summits.remove(db, summitId)).toThrow(NotFoundError);
  });

  it('meetings: by summit in time order, upcoming, participants, by person', () => {
    const later = meetings.insert(db, meetingInput(summitId, 'Plenary', '2024-07-10T14:00:00.000Z'));
    const earlier = meetings.insert(db, meetingInput(summitId, 'Bilateral', '2024-07-10T09:00:00.000Z'));
    expect(listMeetingsOfSummit(db, summitId).map((meeting) => meeting.id)).toEqual([earlier, later]);
    expect(meetings.get(db, earlier).startTimeKnown).toBe(true);
    expect(listUpcomingMeetings(db, '2024-07-10T10:00:00.000Z', 10).map((meeting) => meeting.title)).toEqual(['Plenary']);

    const minister = people.insert(db, {
      name: 'Cho Tae-yul',
      nativeName: '조태열',
      title: 'Minister',
      countryId: null,
      biography: '',
      classification: '',
      sourceId: null,
    });
    const envoy = people.insert(db, {
      name: 'A. Envoy',
      nativeName: '',
      title: 'Ambassador',
      countryId: null,
      biography: '',
      classification: '',
      sourceId: null,
    });
    setParticipants(db, earlier, [
      { personId: envoy, side: 'ours', role: 'Lead' },
      { personId: minister, side: 'theirs', role: 'Counterpart' },
    ]);
    expect(listParticipants(db, earlier).map((participant) => [participant.name, participant.side])).toEqual([
      ['Cho Tae-yul', 'theirs'],
      ['A. Envoy', 'ours'],
    ]);
    setParticipants(db, earlier, [{ personId: minister, side: 'theirs', role: '' }]);
    expect(listParticipants(db, earlier)).toHaveLength(1);
    expect(listMeetingsOfPerson(db, minister).map((meeting) => meeting.title)).toEqual(['Bilateral']);
  });

  it('people and sources list in name order; countries before organisations, each in name order', () => {
    countries.insert(db, { name: 'Republic of Korea', nativeName: '대한민국', kind: 'country', note: '', sourceId: null });
    countries.insert(db, { name: 'NATO', nativeName: '', kind: 'organisation', note: '', sourceId: null });
    countries.insert(db, { name: 'Lithuania', nativeName: 'Lietuva', kind: 'country', note: '', sourceId: null });
    people.insert(db, { name: 'Zed', nativeName: '', title: '', countryId: null, biography: '', classification: '', sourceId: null });
    people.insert(db, { name: 'Ann', nativeName: '', title: '', countryId: null, biography: '', classification: '', sourceId: null });
    expect(listCountries(db).map((country) => country.name)).toEqual(['Lithuania', 'Republic of Korea', 'NATO']);
    expect(listPeople(db).map((person) => person.name)).toEqual(['Ann', 'Zed']);
    expect(listSources(db).map((source) => source.title)).toEqual(['Press release']);
  });

  it('sectors: entries newest first with live annotation counts', () => {
    const programme = programmes.insert(db, {
      code: 'ITPP',
      name: 'Tailored programme',
      partnerId: null,
      signedOn: null,
      sectorCount: 11,
      description: '',
      sourceId: null,
    });
    const cyber = sectors.insert(db, {
      programmeId: programme,
      name: 'Cyber defence',
      position: 1,
      summary: '',
      ourPosition: '',
      classification: '',
      sourceId: null,
    });
    const old = sectorEntries.insert(db, {
      sectorId: cyber,
      occurredOn: '2023-01-01',
      title: 'Old',
      body: '',
      sourceId,
      sourceExcerpt: '',
      classification: '',
    });
    const recent = sectorEntries.insert(db, {
      sectorId: cyber,
      occurredOn: '2024-01-01',
      title: 'Recent',
      body: '',
      sourceId,
      sourceExcerpt: '',
      classification: '',
    });
    createNote(db, { sectorEntryId: old, meetingId: null }, { title: '', body: 'Check with MoD', tags: [], classification: '' });
    const trashed = createNote(db, { sectorEntryId: old, meetingId: null }, { title: '', body: 'gone', tags: [], classification: '' });
    db.prepare("UPDATE note SET deleted_at = '2024-01-02T00:00:00Z' WHERE id = ?").run(trashed.id);

    expect(listProgrammes(db).map((entry) => entry.code)).toEqual(['ITPP']);
    expect(listSectors(db, programme)).toEqual([expect.objectContaining({ name: 'Cyber defence', entryCount: 2 })]);
    expect(listSectorEntries(db, cyber).map((entry) => [entry.id, entry.annotationCount])).toEqual([
      [recent, 0],
      [old, 1],
    ]);
    expect(listNotesOfSectorEntry(db, old).map((note) => note.body)).toEqual(['Check with MoD']);
  });

  it('a sector entry must cite an existing source', () => {
    const programme = programmes.insert(db, {
      code: 'X',
      name: 'X',
      partnerId: null,
      signedOn: null,
      sectorCount: null,
      description: '',
      sourceId: null,
    });
    const sector = sectors.insert(db, {
      programmeId: programme,
      name: 'S',
      position: 1,
      summary: '',
      ourPosition: '',
      classification: '',
      sourceId: null,
    });
    expect(() =>
      sectorEntries.insert(db, {
        sectorId: sector,
        occurredOn: '2024-01-01',
        title: 'T',
        body: '',
        sourceId: 999,
        sourceExcerpt: '',
        classification: '',
      }),
    ).toThrow(/FOREIGN KEY/);
  });

  it('timeline: in date order', () => {
    timelineEvents.insert(db, {
      occurredOn: '2012-01-01',
      precision: 'year',
      title: 'IPCP',
      description: '',
      summitId: null,
      sourceId: null,
      sourceExcerpt: '',
    });
    timelineEvents.insert(db, {
      occurredOn: '2006-01-01',
      precision: 'year',
      title: 'Partner',
      description: '',
      summitId: null,
      sourceId: null,
      sourceExcerpt: '',
    });
    expect(listTimeline(db).map((event) => event.title)).toEqual(['Partner', 'IPCP']);
  });

  it('follow-ups: open ones by due date, undated last', () => {
    const meeting = meetings.insert(db, meetingInput(summitId, 'Bilateral', '2024-07-10T09:00:00.000Z'));
    followUps.insert(db, { meetingId: meeting, description: 'Undated', owner: 'Desk', dueOn: null, status: 'open' });
    followUps.insert(db, { meetingId: meeting, description: 'Later', owner: 'Desk', dueOn: '2024-08-01', status: 'open' });
    followUps.insert(db, { meetingId: meeting, description: 'Sooner', owner: 'Desk', dueOn: '2024-07-20', status: 'open' });
    followUps.insert(db, { meetingId: meeting, description: 'Done', owner: 'Desk', dueOn: '2024-07-01', status: 'done' });
    expect(listOpenFollowUps(db, 10).map((action) => action.description)).toEqual(['Sooner', 'Later', 'Undated']);
    expect(listFollowUpsOfMeeting(db, meeting)).toHaveLength(4);
  });

  it('notes: versioned saves, stale saves refused, every revision kept', () => {
    const meeting = meetings.insert(db, meetingInput(summitId, 'Bilateral', '2024-07-10T09:00:00.000Z'));
    const note = createNote(
      db,
      { sectorEntryId: null, meetingId: meeting },
      { title: 'Prep', body: 'v1', tags: ['cyber'], classification: '' },
    );
    const saved = saveNote(db, note.id, 1, { title: 'Prep', body: 'v2', tags: ['cyber'], classification: '' });
    expect(saved.version).toBe(2);
    expect(() => saveNote(db, note.id, 1, { title: 'Prep', body: 'stale', tags: [], classification: '' })).toThrow(NoteConflictError);
    expect(listNotesOfMeeting(db, meeting)[0]?.body).toBe('v2');
    expect(listRevisions(db, note.id).map((revision) => [revision.version, revision.body])).toEqual([
      [2, 'v2'],
      [1, 'v1'],
    ]);
    expect(listRecentNotes(db, 5).map((recent) => recent.id)).toEqual([note.id]);
  });

  it('settings: JSON values by key', () => {
    expect(readSetting(db, 'settings')).toBeUndefined();
    writeSetting(db, 'settings', { theme: 'dark' });
    writeSetting(db, 'settings', { theme: 'light' });
    expect(readSetting(db, 'settings')).toEqual({ theme: 'light' });
  });

  it('search: finds what was just written, by prefix, and forgets what was deleted', () => {
    const meeting = meetings.insert(db, {
      ...meetingInput(summitId, 'Cyber dialogue', '2024-07-10T09:00:00.000Z'),
      purpose: 'Discuss the cyber range',
    });
    expect(search(db, { text: 'cyb', limit: 10 }).map((hit) => [hit.kind, hit.id])).toContainEqual(['meeting', meeting]);
    meetings.remove(db, meeting);
    expect(search(db, { text: 'cyber', limit: 10 })).toEqual([]);
  });
});
