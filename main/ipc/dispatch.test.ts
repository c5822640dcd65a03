import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.ts';
import { loadSampleIfEmpty } from '../../db/sample/vilnius-2023.ts';
import { storeSnapshot } from '../../db/sync/testing.ts';
import { openScratchDatabase } from '../../db/testing.ts';
import { type ChangeEvent, channels } from '../../shared/contract.ts';
import { createDispatch, type Dispatch } from './dispatch.ts';
import { createHandlers } from './handlers/index.ts';

const clock = () => new Date('2023-07-01T08:00:00Z');

describe('dispatch', () => {
  let db: Db;
  let dispatch: Dispatch;
  let changes: ChangeEvent[];
  beforeEach(() => {
    db = openScratchDatabase(':memory:');
    loadSampleIfEmpty(db);
    changes = [];
    dispatch = createDispatch({ db, handlers: createHandlers({ db, clock }), onChange: (event) => changes.push(event) });
  });

  it.each(channels)('%s: a malformed payload gets a typed error and changes nothing', async (channel) => {
    const before = storeSnapshot(db);
    for (const payload of [null, 'text', 42, [], { unexpectedField: 1 }]) {
      const result = await dispatch(channel, payload);
      expect(result.ok, `${channel} accepted ${JSON.stringify(payload)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_request');
        expect(result.error.message.length).toBeGreaterThan(0);
      }
    }
    expect(storeSnapshot(db)).toEqual(before);
    expect(changes).toEqual([]);
  });

  it('answers an unknown channel with a typed error', async () => {
    expect(await dispatch('shell.openExternal', {})).toEqual({
      ok: false,
      error: { code: 'unknown_channel', message: 'Unknown channel: shell.openExternal' },
    });
    expect((await dispatch('__proto__', {})).ok).toBe(false);
  });

  it('reads the sample summit view in one call', async () => {
    const result = await dispatch('summit.view', { id: 1 });
    expect(result.ok).toBe(true);
    if (result.ok) {
      const view = result.value as { summit: { title: string }; meetings: { title: string }[] };
      expect(view.summit.title).toBe('NATO Summit, Vilnius 2023');
      expect(view.meetings.map((meeting) => meeting.title)).toContain('Secretary General Stoltenberg – President Yoon');
    }
  });

  it('names the field at fault, and saves nothing, for an end date before the start', async () => {
    const before = storeSnapshot(db);
    const result = await dispatch('summit.update', { id: 1, patch: { endDate: '2023-07-01' }, expected: {} });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_request',
        message: 'endDate: must not be before the start date',
        field: 'endDate',
        reason: 'end_before_start',
      },
    });
    expect(storeSnapshot(db)).toEqual(before);
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
    // An offset is no venue's zone: it keeps no summer time, so a July meeting in Vilnius typed as +02:00 is an hour out.
    ['an offset given as a time zone', { timeZone: '+13:00' }, 'timeZone'],
    // The runtime reads BST as Dhaka and SST as the Solomon Islands: a London or Samoa desk would be hours out.
    ['a zone abbreviation', { timeZone: 'BST' }, 'timeZone'],
    ['a zone abbreviation in lower case', { timeZone: 'sst' }, 'timeZone'],
    ['an empty title', { title: '   ' }, 'title'],
    ['an over-long title', { title: 'x'.repeat(201) }, 'title'],
    ['an impossible date', { startDate: '2023-02-30' }, 'startDate'],
  ])('refuses %s with a message at the field', async (_case, patch, field) => {
    const result = await dispatch('summit.update', { id: 1, patch, expected: {} });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.field).toBe(field);
  });

  it('keeps a zone pasted with spaces round it as the zone, for the venue and the home desk', async () => {
    const result = await dispatch('summit.update', { id: 1, patch: { timeZone: ' Pacific/Apia\t' }, expected: {} });
    expect(result.ok).toBe(true);
    const view = await dispatch('summit.view', { id: 1 });
    if (view.ok) expect((view.value as { summit: { timeZone: string } }).summit.timeZone).toBe('Pacific/Apia');
    expect((await dispatch('settings.update', { homeTimeZone: 'Australia/Lord_Howe ' })).ok).toBe(true);
    const settings = await dispatch('settings.get', {});
    if (settings.ok) expect((settings.value as { homeTimeZone: string }).homeTimeZone).toBe('Australia/Lord_Howe');
  });

  it('refuses a home zone or a venue typed as its abbreviation, naming why, and saves nothing', async () => {
    const before = await dispatch('settings.get', {});
    const refused = await dispatch('settings.update', { homeTimeZone: 'IST' });
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error).toMatchObject({ code: 'invalid_request', field: 'homeTimeZone', reason: 'time_zone_abbreviation' });
    expect(await dispatch('settings.get', {})).toEqual(before);
    const meeting = await dispatch('meeting.update', { id: 1, patch: { timeZone: 'BST' }, expected: {} });
    if (!meeting.ok) expect(meeting.error).toMatchObject({ field: 'timeZone', reason: 'time_zone_abbreviation' });
    expect(meeting.ok).toBe(false);
  });

  it('refuses a venue or home zone given as Etc/GMT±N or a fixed offset, naming the offset it keeps, and saves nothing', async () => {
    const before = await dispatch('summit.view', { id: 1 });
    for (const [timeZone, reason, offset] of [
      ['Etc/GMT-3', 'etc_zone_sign', 'UTC+3'],
      ['UTC-3', 'offset_not_zone', 'UTC\u22123'],
      ['+05:30', 'offset_not_zone', 'UTC+5:30'],
    ] as const) {
      const refused = await dispatch('summit.update', { id: 1, patch: { timeZone }, expected: {} });
      expect(refused.ok, timeZone).toBe(false);
      if (!refused.ok) expect(refused.error, timeZone).toMatchObject({ field: 'timeZone', reason, params: { offset } });
    }
    expect(await dispatch('summit.view', { id: 1 })).toEqual(before);
    const home = await dispatch('settings.update', { homeTimeZone: 'Etc/GMT+7' });
    if (!home.ok) expect(home.error).toMatchObject({ field: 'homeTimeZone', reason: 'etc_zone_sign', params: { offset: 'UTC\u22127' } });
    expect(home.ok).toBe(false);
  });

  it('keeps a zone typed in lower case as the tz database spells it, and a link as the desk typed it', async () => {
    const result = await dispatch('summit.update', { id: 1, patch: { timeZone: 'europe/chisinau' }, expected: {} });
    expect(result.ok).toBe(true);
    const view = await dispatch('summit.view', { id: 1 });
    if (view.ok) expect((view.value as { summit: { timeZone: string } }).summit.timeZone).toBe('Europe/Chisinau');
    expect((await dispatch('settings.update', { homeTimeZone: 'EUROPE/BRUSSELS' })).ok).toBe(true);
    const settings = await dispatch('settings.get', {});
    if (settings.ok) expect((settings.value as { homeTimeZone: string }).homeTimeZone).toBe('Europe/Brussels');
    expect((await dispatch('settings.update', { homeTimeZone: 'Europe/Kyiv' })).ok).toBe(true);
    const kyiv = await dispatch('settings.get', {});
    if (kyiv.ok) expect((kyiv.value as { homeTimeZone: string }).homeTimeZone).toBe('Europe/Kyiv');
  });

  it('reports a missing record as not_found', async () => {
    expect(await dispatch('meeting.brief', { id: 999 })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No meeting with id 999.' },
    });
  });

  it('refuses to delete a source that entries still cite, keeping everything', async () => {
    const before = storeSnapshot(db);
    const result = await dispatch('source.delete', { id: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('constraint');
    expect(storeSnapshot(db)).toEqual(before);
  });

  it('tells listeners about each write, and rolls back a write that fails half-way', async () => {
    const created = await dispatch('followUp.create', {
      meetingId: 1,
      description: 'Send readout',
      owner: 'Desk',
      dueOn: '2023-07-20',
      status: 'open',
    });
    expect(created.ok).toBe(true);
    expect(changes).toEqual([
      { channel: 'followUp.create', scope: 'touched', touched: [{ entity: 'followUp', how: 'created', ids: [expect.any(Number)] }] },
    ]);

    const before = storeSnapshot(db);
    const broken = await dispatch('meeting.setParticipants', {
      id: 1,
      participants: [
        { personId: 1, side: 'ours', role: '' },
        { personId: 999, side: 'theirs', role: '' },
      ],
      expected: null,
    });
    expect(broken.ok).toBe(false);
    expect(storeSnapshot(db)).toEqual(before);
    // The rolled-back write told nobody.
    expect(changes.map((change) => change.channel)).toEqual(['followUp.create']);
  });

  it('stores a blank optional line as empty and trims spaces round a line, so Today and the brief print no bare "owner:"', async () => {
    const blank = await dispatch('followUp.create', {
      meetingId: 1,
      description: '  Send readout  ',
      owner: '   ',
      dueOn: null,
      status: 'open',
    });
    if (!blank.ok) throw new Error(blank.error.message);
    const id = (blank.value as { id: number }).id;
    const brief = await dispatch('meeting.brief', { id: 1 });
    if (!brief.ok) throw new Error(brief.error.message);
    const stored = (brief.value as { followUps: { id: number; owner: string; description: string }[] }).followUps.find((f) => f.id === id);
    expect(stored).toMatchObject({ owner: '', description: 'Send readout' });

    const updated = await dispatch('followUp.update', { id, patch: { owner: ' \t Desk  ' }, expected: {} });
    if (!updated.ok) throw new Error(updated.error.message);
    const today = await dispatch('dashboard.get', {});
    if (!today.ok) throw new Error(today.error.message);
    const open = (today.value as { openFollowUps: { id: number; owner: string }[] }).openFollowUps.find((f) => f.id === id);
    expect(open?.owner).toBe('Desk');
  });

  it('keeps a tab typed inside a one-line field as one space, as a paste into the field would have', async () => {
    const created = await dispatch('person.create', {
      name: 'Sitiveni\tRabuka',
      nativeName: '',
      title: 'Prime Minister\t\tof Fiji',
      countryId: null,
      biography: '',
      classification: '',
      sourceId: null,
    });
    if (!created.ok) throw new Error(created.error.message);
    const people = await dispatch('person.list', {});
    if (!people.ok) throw new Error(people.error.message);
    expect((people.value as { name: string; title: string }[]).find((person) => person.name.includes('Rabuka'))).toMatchObject({
      name: 'Sitiveni Rabuka',
      title: 'Prime Minister of Fiji',
    });
  });

  it('still refuses a line break at the end of a one-line field rather than trimming it away', async () => {
    const result = await dispatch('followUp.create', {
      meetingId: 1,
      description: 'Send readout',
      owner: 'Desk\n',
      dueOn: null,
      status: 'open',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.field).toBe('owner');
  });

  it('takes a summit with no end date as lasting one day, and still refuses an end before the start', async () => {
    const summit = {
      title: 'Ministerial, Brussels',
      city: 'Brussels',
      countryId: null,
      startDate: '2024-04-03',
      timeZone: 'Europe/Brussels',
      description: '',
      sourceId: null,
      classification: '',
    };
    for (const endDate of ['', null, undefined]) {
      const created = await dispatch('summit.create', endDate === undefined ? summit : { ...summit, endDate });
      if (!created.ok) throw new Error(`${String(endDate)}: ${created.error.message}`);
      expect(created.value).toMatchObject({ startDate: '2024-04-03', endDate: '2024-04-03' });
    }
    // Cleared on a three-day summit, the end follows the start, including a start changed in the same save.
    const cleared = await dispatch('summit.update', { id: 1, patch: { startDate: '2023-07-12', endDate: '' }, expected: {} });
    if (!cleared.ok) throw new Error(cleared.error.message);
    expect(cleared.value).toMatchObject({ status: 'saved', saved: { startDate: '2023-07-12', endDate: '2023-07-12' } });

    const before = db.serialize();
    const backwards = await dispatch('summit.update', { id: 1, patch: { endDate: '2023-07-11' }, expected: {} });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid_request', field: 'endDate' } });
    const notADate = await dispatch('summit.create', { ...summit, endDate: '2024-02-30' });
    expect(notADate).toMatchObject({ ok: false, error: { field: 'endDate' } });
    expect(db.serialize().equals(before)).toBe(true);
  });

  describe('names that print or identify someone', () => {
    const person = (name: string, title = '') => ({
      name,
      nativeName: '',
      title,
      countryId: null,
      biography: '',
      classification: '',
      sourceId: null,
    });
    // A right-to-left override turned "فاطمة … ‮evil" into "for live فاطمة…" on a stamped copy.
    const spoofs = ['فاطمة الزهراء حداد \u202eevil', 'A\u2066li\u2069', 'Kim\u200bJong', 'Hel\ufeffen', 'x\u202ay\u202c'];

    it('refuses a direction override, isolate or zero-width space in each of them, naming the field and saving nothing', async () => {
      const before = db.serialize();
      for (const spoof of spoofs) {
        const requests: [string, unknown, string][] = [
          ['person.create', person(spoof), 'name'],
          ['person.create', person('Helen', spoof), 'title'],
          ['pack.export', { id: 1, copyFor: spoof }, 'copyFor'],
          ['desk.rename', { deskName: spoof }, 'deskName'],
          ['summit.update', { id: 1, patch: { title: spoof }, expected: {} }, 'title'],
        ];
        for (const [channel, payload, field] of requests) {
          const result = await dispatch(channel, payload);
          expect(result.ok, `${channel} took ${JSON.stringify(spoof)}`).toBe(false);
          if (!result.ok) {
            expect(result.error.code).toBe('invalid_request');
            expect(result.error.field).toBe(field);
            expect(result.error.message).toMatch(/invisible character that reorders or hides text/);
          }
        }
      }
      expect(db.serialize().equals(before)).toBe(true);
      expect(changes).toEqual([]);
    });

    it('takes Arabic, Hebrew, Amharic, Hangul and Vietnamese names, and the direction marks right-to-left text uses', async () => {
      const names = [
        'فاطمة الزهراء حداد',
        'יעל כהן-לוי',
        'አበበ ቢቂላ',
        '김정숙',
        'Nguyễn Thị Minh Khai',
        'د. سمير (القاهرة)\u200f',
        'Rahel\u200e (אמבסדור)',
        'می\u200cخواهم',
      ];
      for (const name of names) {
        const result = await dispatch('person.create', person(name, name));
        if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
        const people = await dispatch('person.list', {});
        if (!people.ok) throw new Error(people.error.message);
        const stored = (people.value as { id: number; name: string; title: string }[]).find(
          (person) => person.id === (result.value as { id: number }).id,
        );
        expect(stored).toMatchObject({ name, title: name });
      }
    });
  });

  describe('long text that prints in a pack', () => {
    // An override in a note or a brief section prints "Approve ‮evil" as "Approve live".
    const spoofs = ['Approve \u202eevil', 'x\u202ay\u202c', 'A\u2066li\u2069', 'r\u202dforced'];

    it('refuses a direction override, embedding or isolate in a note, a brief section and a biography, naming the field and saving nothing', async () => {
      const created = await dispatch('note.create', { meetingId: 1, title: 'Prep', body: 'first', tags: [], classification: '' });
      if (!created.ok) throw new Error(created.error.message);
      const noteId = (created.value as { id: number }).id;
      changes.length = 0;
      const before = storeSnapshot(db);
      for (const spoof of spoofs) {
        const requests: [string, unknown, string][] = [
          ['note.save', { id: noteId, baseVersion: 1, title: 'Prep', body: spoof, tags: [], classification: '' }, 'body'],
          ['meeting.update', { id: 1, patch: { pointsToMake: spoof }, expected: {} }, 'pointsToMake'],
          ['meeting.setBiography', { meetingId: 1, personId: 1, text: spoof, expected: null }, 'text'],
        ];
        for (const [channel, payload, field] of requests) {
          const result = await dispatch(channel, payload);
          expect(result.ok, `${channel} took ${JSON.stringify(spoof)}`).toBe(false);
          if (!result.ok) expect(result.error).toMatchObject({ code: 'invalid_request', field, reason: 'direction_override' });
        }
      }
      expect(storeSnapshot(db)).toEqual(before);
      expect(changes).toEqual([]);
    });

    it('takes Arabic and Hebrew prose with the direction marks it uses, and Thai with its zero-width spaces', async () => {
      const text = 'د. سمير (القاهرة)\u200f\nיעל כהן-לוי\u200e (Tel Aviv)\nภาษา\u200bไทย';
      const saved = await dispatch('meeting.update', { id: 1, patch: { pointsToMake: text }, expected: {} });
      if (!saved.ok) throw new Error(saved.error.message);
      expect(db.prepare('SELECT points_to_make FROM meeting WHERE id = 1').pluck().get()).toBe(text);
    });
  });

  it('keeps a note save based on an old version from overwriting', async () => {
    const created = await dispatch('note.create', { meetingId: 1, title: 'Prep', body: 'first', tags: [], classification: '' });
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { id: number }).id;
    await dispatch('note.save', { id, baseVersion: 1, title: 'Prep', body: 'window A', tags: [], classification: '' });
    const stale = await dispatch('note.save', { id, baseVersion: 1, title: 'Prep', body: 'window B', tags: [], classification: '' });
    expect(stale).toMatchObject({ ok: true, value: { status: 'conflict', current: { body: 'window A', version: 2 } } });
    expect(await dispatch('note.get', { id })).toMatchObject({ ok: true, value: { body: 'window A', version: 2 } });
  });
});
