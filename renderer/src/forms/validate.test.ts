import { describe, expect, it } from 'vitest';
import { isTimeZoneName, zoneOfCapital } from '../../../shared/fieldRules.ts';
import { formSpecs } from './specs.ts';
import { proseProblem, typedZoneProblem, validate } from './validate.ts';

describe('form checks before anything is sent', () => {
  it('puts each problem at its own field: empty title, unknown zone, end before start', () => {
    const summit = { ...formSpecs.summit.blank(), title: ' ', timeZone: 'Mars/Olympus', startDate: '2024-07-10', endDate: '2024-07-09' };
    expect(validate(formSpecs.summit, summit)).toEqual({
      title: { key: 'forms.required' },
      timeZone: { key: 'forms.unknownTimeZone' },
      endDate: { key: 'forms.endBeforeStart' },
    });
  });

  it('takes a name of accents or marks alone, with no letter under them, as empty', () => {
    for (const name of ['\u0301\u0301', ' \u0651\u064e ', '\u0e34\u0e37'])
      expect(validate(formSpecs.person, { ...formSpecs.person.blank(), name }).name, JSON.stringify(name)).toEqual({
        key: 'forms.required',
      });
    for (const name of ['Đặng Thị Ngọc Thịnh', 'مُحَمَّد', 'สมศักดิ์', '👩‍👩‍👧'])
      expect(validate(formSpecs.person, { ...formSpecs.person.blank(), name }).name, name).toBeUndefined();
  });

  it('refuses a field whose control dropped Persian or Arabic-Indic digits, naming them and the digits to type', () => {
    const meeting = { ...formSpecs.meeting.blank(), startDate: '2026-12-04', durationMinutes: '' };
    const problems = validate(formSpecs.meeting, meeting, new Set(), new Map([['durationMinutes', '۴٥']]));
    expect(problems.durationMinutes).toEqual({
      key: 'forms.digitsOfAnotherScript',
      options: expect.objectContaining({ typed: '۴٥', digits: '45' }),
    });
    // Blank, the optional duration would otherwise pass, and the meeting be saved with none.
    expect(validate(formSpecs.meeting, meeting).durationMinutes).toBeUndefined();
  });

  it('takes a duration of digits only: "1e3", "+90" and "90.0" are refused, not read as 1000 and 90', () => {
    const meeting = formSpecs.meeting.blank();
    const durationOf = (durationMinutes: string, unreadable: string[] = []) =>
      validate(formSpecs.meeting, { ...meeting, durationMinutes }, new Set(unreadable)).durationMinutes;
    for (const typed of ['1e3', '+90', '90.0', '0x10', ' 1 5 '])
      expect(durationOf(typed), typed).toEqual({ key: 'forms.outOfRange', options: expect.objectContaining({ min: 1, max: 1440 }) });
    expect(durationOf(' 90 ')).toBeUndefined();
    expect(durationOf('')).toBeUndefined();
    // "1e" typed: the control reports no value, as a blank optional field would; it is named, not saved as none.
    expect(durationOf('', ['durationMinutes'])).toEqual({
      key: 'forms.outOfRange',
      options: expect.objectContaining({ min: 1, max: 1440 }),
    });
  });

  it('reports an over-long field with its limit', () => {
    const person = { ...formSpecs.person.blank(), name: 'x'.repeat(201) };
    expect(validate(formSpecs.person, person).name).toEqual({ key: 'forms.tooLong', options: { max: 200, length: 201 } });
  });

  it('refuses a name that would print differently from how it reads, and keeps right-to-left and accented names', () => {
    const person = { ...formSpecs.person.blank(), name: 'فاطمة الزهراء حداد \u202eevil', title: 'Envoy\u2067' };
    expect(validate(formSpecs.person, person)).toEqual({
      name: { key: 'fieldRules.hiddenFormatCharacter' },
      title: { key: 'fieldRules.hiddenFormatCharacter' },
    });
    for (const name of ['فاطمة الزهراء حداد', 'יעל כהן-לוי', 'አበበ ቢቂላ', '김정숙', 'Nguyễn Thị Minh Khai', 'د. سمير\u200f'])
      expect(validate(formSpecs.person, { ...person, name, title: '' }), name).toEqual({});
    // A Lao or Thai name pasted with the zero-width space its document puts between words; not one inside a Latin name.
    for (const nativeName of ['ສົມ\u200bສັກ', 'สม\u200bศักดิ์'])
      expect(validate(formSpecs.person, { ...person, name: 'Somsak', nativeName, title: '' }), nativeName).toEqual({});
    expect(validate(formSpecs.person, { ...person, name: 'Pu\u200btin', title: '' })).toEqual({
      name: { key: 'fieldRules.hiddenFormatCharacter' },
    });
  });

  it('takes a summit with its end date left blank as one day, sent to the store as no end', () => {
    const summit = { ...formSpecs.summit.blank(), title: 'Ministerial', startDate: '2024-04-03', endDate: '' };
    expect(validate(formSpecs.summit, summit)).toEqual({});
    expect(formSpecs.summit.toRecord(summit)).toMatchObject({ startDate: '2024-04-03', endDate: null });
    expect(validate(formSpecs.summit, { ...summit, endDate: '2024-04-02' })).toEqual({ endDate: { key: 'forms.endBeforeStart' } });
    // A one-day summit opens with its end blank again; a longer one shows its end.
    expect(formSpecs.summit.fromRecord({ ...summit, endDate: '2024-04-03' }).endDate).toBe('');
    expect(formSpecs.summit.fromRecord({ ...summit, endDate: '2024-04-05' }).endDate).toBe('2024-04-05');
  });

  it('asks for a time only when the time of day is known', () => {
    const meeting = {
      ...formSpecs.meeting.blank(),
      title: 'Pull-aside',
      date: '2023-07-11',
      timeZone: 'Europe/Vilnius',
      startTimeKnown: true,
      time: '',
    };
    expect(validate(formSpecs.meeting, meeting).time).toEqual({ key: 'forms.notATime' });
    expect(validate(formSpecs.meeting, { ...meeting, startTimeKnown: false })).toEqual({});
  });

  it('refuses a time the clocks skip, instead of showing it an hour later than typed', () => {
    const meeting = {
      ...formSpecs.meeting.blank(),
      title: 'Early call',
      date: '2026-03-29',
      timeZone: 'Europe/London',
      startTimeKnown: true,
      time: '01:30',
    };
    expect(validate(formSpecs.meeting, meeting).time).toEqual({ key: 'forms.skippedTime' });
    // The hour after the change exists, and so does the hour repeated in autumn.
    expect(validate(formSpecs.meeting, { ...meeting, time: '02:30' })).toEqual({});
    expect(validate(formSpecs.meeting, { ...meeting, date: '2026-10-25', time: '01:30' })).toEqual({});
    // Jakarta keeps no summer time.
    expect(validate(formSpecs.meeting, { ...meeting, timeZone: 'Asia/Jakarta' })).toEqual({});
  });

  it('refuses an offset typed as the venue’s zone, which would keep no summer time', () => {
    const summit = { ...formSpecs.summit.blank(), title: 'G7 Charlevoix', startDate: '2026-06-14', timeZone: '-04:00' };
    expect(validate(formSpecs.summit, summit).timeZone).toEqual({
      key: 'forms.offsetNotZone',
      options: { typed: '-04:00', offset: 'UTC\u22124', interpolation: { escapeValue: false } },
    });
    expect(validate(formSpecs.summit, { ...summit, timeZone: 'America/Toronto' })).toEqual({});
  });

  it('names the zone to type for a capital the tz database names none after: Astana keeps Asia/Almaty’s time', () => {
    const summit = { ...formSpecs.summit.blank(), title: 'C5 Summit', startDate: '2027-05-20', endDate: '2027-05-21' };
    for (const [typed, city, zone] of [
      ['Asia/Astana', 'Astana', 'Asia/Almaty'],
      [' astana ', 'Astana', 'Asia/Almaty'],
      ['Asia/Nur-Sultan', 'Astana', 'Asia/Almaty'],
      ['America/Brasilia', 'Brasília', 'America/Sao_Paulo'],
      ['Asia/New_Delhi', 'New Delhi', 'Asia/Kolkata'],
      ['Asia/Beijing', 'Beijing', 'Asia/Shanghai'],
    ] as const)
      expect(validate(formSpecs.summit, { ...summit, timeZone: typed }).timeZone?.options, typed).toMatchObject({ city, zone });
    expect(validate(formSpecs.summit, { ...summit, timeZone: 'Asia/Astana' }).timeZone?.key).toBe('forms.zoneOfCapital');
    expect(validate(formSpecs.summit, { ...summit, timeZone: 'Asia/Almaty' }).timeZone).toBeUndefined();
    expect(validate(formSpecs.summit, { ...summit, timeZone: 'Asia/Tashkent' }).timeZone).toBeUndefined();
    expect(validate(formSpecs.summit, { ...summit, timeZone: 'Asia/Atlantis' }).timeZone).toEqual({ key: 'forms.unknownTimeZone' });
    expect(validate(formSpecs.summit, { ...summit, timeZone: 'Atlantis' }).timeZone).toEqual({ key: 'forms.unknownTimeZone' });
    // Each zone named is one the runtime knows.
    for (const capital of [
      'Astana',
      'Abuja',
      'Ankara',
      'Beijing',
      'Brasilia',
      'Canberra',
      'Islamabad',
      'New Delhi',
      'Hanoi',
      'Naypyidaw',
      'Ottawa',
      'Pretoria',
      'Putrajaya',
      'Rabat',
      'Sejong',
      'Washington',
      'Wellington',
    ])
      expect(isTimeZoneName(zoneOfCapital(capital)?.zone ?? ''), capital).toBe(true);
  });

  it('names the zone to type for a city typed alone or under another region than the tz database’s: Tbilisi is Asia/Tbilisi', () => {
    const summit = { ...formSpecs.summit.blank(), title: 'OSCE Ministerial Council', startDate: '2026-12-03', endDate: '2026-12-04' };
    for (const [typed, city, zone] of [
      ['Vienna', 'Vienna', 'Europe/Vienna'],
      ['Europe/Tbilisi', 'Tbilisi', 'Asia/Tbilisi'],
      [' europe/baku ', 'Baku', 'Asia/Baku'],
      ['Asia/Vienna', 'Vienna', 'Europe/Vienna'],
      ['New York', 'New York', 'America/New_York'],
      ['Ankara', 'Ankara', 'Europe/Istanbul'],
    ] as const) {
      const problem = validate(formSpecs.summit, { ...summit, timeZone: typed }).timeZone;
      expect(problem?.key, typed).toBe('forms.zoneOfCapital');
      expect(problem?.options, typed).toMatchObject({ city, zone });
      expect(isTimeZoneName(zone), zone).toBe(true);
    }
    for (const known of ['Europe/Vienna', 'Asia/Tbilisi', 'Europe/Istanbul', 'Asia/Istanbul'])
      expect(validate(formSpecs.summit, { ...summit, timeZone: known }).timeZone, known).toBeUndefined();
  });

  it('names Europe/Tirane for Tirana as the world spells it, and Africa/Ndjamena for N’Djamena: both were “Unknown time zone”', () => {
    const summit = {
      ...formSpecs.summit.blank(),
      title: 'EU–Western Balkans Summit, Tirana',
      startDate: '2027-03-26',
      endDate: '2027-03-29',
    };
    for (const [typed, city, zone] of [
      ['Europe/Tirana', 'Tirana', 'Europe/Tirane'],
      ['tirana', 'Tirana', 'Europe/Tirane'],
      ['Europe/Tiranë', 'Tirane', 'Europe/Tirane'],
      ['Africa/N’Djamena', 'Ndjamena', 'Africa/Ndjamena'],
      ["N'Djamena", 'Ndjamena', 'Africa/Ndjamena'],
    ] as const) {
      const problem = validate(formSpecs.summit, { ...summit, timeZone: typed }).timeZone;
      expect(problem?.key, typed).toBe('forms.zoneOfCapital');
      expect(problem?.options, typed).toMatchObject({ city, zone });
      expect(isTimeZoneName(zone), zone).toBe(true);
    }
    expect(validate(formSpecs.summit, { ...summit, timeZone: 'Europe/Tirane' }).timeZone).toBeUndefined();
  });

  it('refuses a zone abbreviation, which the runtime reads as one place of several (BST as Dhaka, IST as Kolkata)', () => {
    const summit = { ...formSpecs.summit.blank(), title: 'Leaders’ Summit, New Delhi', startDate: '2027-09-09', timeZone: 'IST' };
    expect(validate(formSpecs.summit, summit).timeZone).toEqual({ key: 'forms.timeZoneAbbreviation' });
    expect(validate(formSpecs.summit, { ...summit, timeZone: 'bst' }).timeZone).toEqual({ key: 'forms.timeZoneAbbreviation' });
    for (const name of ['EST', 'sst', 'PST', 'JST'])
      expect(validate(formSpecs.summit, { ...summit, timeZone: name }).timeZone, name).toEqual({ key: 'forms.timeZoneAbbreviation' });
    // The tz database's own names for a country or a European zone mean one place: Seoul, Shanghai, London.
    for (const name of ['Asia/Kolkata', 'UTC', 'Japan', 'EST5EDT', 'ROK', 'PRC', 'GB', 'nz', 'CET'])
      expect(validate(formSpecs.summit, { ...summit, timeZone: name }), name).toEqual({});
  });

  it('names the zone to type for a short city typed in one case, which is not an abbreviation: “belem” is America/Belem', () => {
    const summit = { ...formSpecs.summit.blank(), title: 'COP30, Belém', startDate: '2025-11-10', endDate: '2025-11-21' };
    for (const [typed, city, zone] of [
      ['belem', 'Belem', 'America/Belem'],
      ['BELEM', 'Belem', 'America/Belem'],
      ['seoul', 'Seoul', 'Asia/Seoul'],
      ['dhaka', 'Dhaka', 'Asia/Dhaka'],
      ['dili', 'Dili', 'Asia/Dili'],
      ['LIMA', 'Lima', 'America/Lima'],
      ['abuja', 'Abuja', 'Africa/Lagos'],
    ] as const) {
      const problem = validate(formSpecs.summit, { ...summit, timeZone: typed }).timeZone;
      expect(problem?.key, typed).toBe('forms.zoneOfCapital');
      expect(problem?.options, typed).toMatchObject({ city, zone });
    }
    // The letters that name a zone elsewhere are still refused as such.
    for (const name of ['WIB', 'brt', 'SAST', 'bst'])
      expect(validate(formSpecs.summit, { ...summit, timeZone: name }).timeZone, name).toEqual({ key: 'forms.timeZoneAbbreviation' });
  });

  it('refuses an Etc/GMT±N zone typed for a venue, naming the offset it really keeps: Etc/GMT-3 is UTC+3, not Belém’s UTC−3', () => {
    const meeting = { ...formSpecs.meeting.blank(), title: 'Plenária', date: '2025-11-11', time: '13:30', startTimeKnown: true };
    for (const [typed, offset] of [
      ['Etc/GMT-3', 'UTC+3'],
      [' Etc/GMT+7 ', 'UTC\u22127'],
      ['etc/gmt-14', 'UTC+14'],
    ] as const)
      expect(validate(formSpecs.meeting, { ...meeting, timeZone: typed }).timeZone, typed).toEqual({
        key: 'forms.etcZoneSign',
        options: { typed: typed.trim(), offset, interpolation: { escapeValue: false } },
      });
    // Settings' home zone is checked alike; a zone with no offset to turn round is taken.
    expect(typedZoneProblem('Etc/GMT+7')?.key).toBe('forms.etcZoneSign');
    for (const zone of ['Etc/GMT', 'Etc/GMT-0', 'Etc/UTC', 'America/Belem', 'Asia/Jakarta'])
      expect(typedZoneProblem(zone), zone).toBeNull();
  });

  it('refuses a venue typed as a fixed offset, naming the offset and why a place’s zone is needed', () => {
    const meeting = { ...formSpecs.meeting.blank(), title: 'Plenária', date: '2025-11-11', time: '13:30', startTimeKnown: true };
    for (const [typed, offset] of [
      ['UTC-3', 'UTC\u22123'],
      ['GMT+7', 'UTC+7'],
      ['utc+05:30', 'UTC+5:30'],
      ['+03:00', 'UTC+3'],
      ['\u221203:30', 'UTC\u22123:30'],
    ] as const)
      expect(validate(formSpecs.meeting, { ...meeting, timeZone: typed }).timeZone, typed).toEqual({
        key: 'forms.offsetNotZone',
        options: { typed, offset, interpolation: { escapeValue: false } },
      });
    expect(typedZoneProblem(' GMT-4 ')?.key).toBe('forms.offsetNotZone');
    for (const zone of ['UTC', 'GMT', 'America/Manaus']) expect(typedZoneProblem(zone), zone).toBeNull();
  });

  it('takes a zone pasted with spaces round it, and sends the zone alone', () => {
    const summit = { ...formSpecs.summit.blank(), title: 'CHOGM Apia', startDate: '2026-12-07', timeZone: ' Pacific/Apia ' };
    expect(validate(formSpecs.summit, summit)).toEqual({});
    expect(formSpecs.summit.toRecord(summit)).toMatchObject({ timeZone: 'Pacific/Apia' });
  });

  it('refuses a day the venue’s calendar skipped, with or without a time, instead of saving the next day', () => {
    // Samoa crossed the date line at the end of 29 December 2011: Apia has no 30 December 2011.
    const meeting = {
      ...formSpecs.meeting.blank(),
      title: 'Fono',
      date: '2011-12-30',
      timeZone: 'Pacific/Apia',
      startTimeKnown: true,
      time: '10:00',
    };
    expect(validate(formSpecs.meeting, meeting).date).toEqual({ key: 'forms.skippedDay' });
    expect(validate(formSpecs.meeting, { ...meeting, startTimeKnown: false, time: '' }).date).toEqual({ key: 'forms.skippedDay' });
    expect(validate(formSpecs.meeting, { ...meeting, date: '2011-12-31' })).toEqual({});
  });
});

describe('meeting form values and the stored record', () => {
  it('starts with no time of day and no zone of its own: nothing is made up', () => {
    expect(formSpecs.meeting.blank()).toMatchObject({ startTimeKnown: false, time: '', timeZone: '' });
  });

  it('stores the venue’s wall time as a UTC instant, and reads it back', () => {
    const values = {
      ...formSpecs.meeting.blank(),
      title: 'Pull-aside',
      date: '2023-07-11',
      timeZone: 'Europe/Vilnius',
      startTimeKnown: true,
      time: '14:30',
      summitId: '1',
    };
    const record = formSpecs.meeting.toRecord(values);
    expect(record).toMatchObject({ startsAt: '2023-07-11T11:30:00.000Z', summitId: 1, startTimeKnown: true, durationMinutes: null });
    expect(record).not.toHaveProperty('date');
    expect(formSpecs.meeting.fromRecord(record)).toMatchObject({ date: '2023-07-11', time: '14:30', summitId: '1' });
  });

  it('keeps the venue’s day when the time is not stated', () => {
    const values = {
      ...formSpecs.meeting.blank(),
      title: 'Bilaterals',
      date: '2023-07-11',
      timeZone: 'Europe/Vilnius',
      startTimeKnown: false,
    };
    const record = formSpecs.meeting.toRecord(values);
    expect(record.startsAt).toBe('2023-07-10T21:00:00.000Z');
    expect(formSpecs.meeting.fromRecord(record)).toMatchObject({ date: '2023-07-11', time: '' });
  });
});

describe('days and times that do not exist, before anything is sent', () => {
  const meeting = {
    ...formSpecs.meeting.blank(),
    title: 'Pull-aside',
    date: '2024-02-29',
    startTimeKnown: true,
    time: '10:00',
    timeZone: 'Europe/Vilnius',
  };

  it('refuses 30 February and 24:00 at their own fields', () => {
    expect(validate(formSpecs.meeting, { ...meeting, date: '2024-02-30' })).toEqual({ date: { key: 'forms.notADate' } });
    expect(validate(formSpecs.meeting, { ...meeting, time: '24:00' })).toEqual({ time: { key: 'forms.notATime' } });
    expect(validate(formSpecs.meeting, meeting)).toEqual({});
  });

  it('refuses a day its control holds as impossible (30 February), even in an optional field that reads empty', () => {
    const followUp = { ...formSpecs.followUp.blank(), description: 'Send the text', dueOn: '' };
    expect(validate(formSpecs.followUp, followUp)).toEqual({});
    expect(validate(formSpecs.followUp, followUp, new Set(['dueOn']))).toEqual({ dueOn: { key: 'forms.impossibleDate' } });
    expect(validate(formSpecs.meeting, { ...meeting, date: '' }, new Set(['date']))).toEqual({ date: { key: 'forms.impossibleDate' } });
  });

  // Chromium's time control holds 24:00, or an hour typed without its minutes, as an empty value: the form read it
  // as "time of day not known" and saved the meeting without its time.
  it('refuses a time its control cannot read, though the value reads empty and the time of day as not known', () => {
    const unread = { ...meeting, time: '', startTimeKnown: false };
    expect(validate(formSpecs.meeting, unread)).toEqual({});
    expect(validate(formSpecs.meeting, unread, new Set(['time']))).toEqual({ time: { key: 'forms.notATime' } });
  });

  it('refuses a date-only field in year 0 or 10000', () => {
    const event = { ...formSpecs.timelineEvent.blank(), title: 'Partnership', occurredOn: '0000-01-01' };
    expect(validate(formSpecs.timelineEvent, event)).toEqual({ occurredOn: { key: 'forms.notADate' } });
    // Five digits of year: what a date typed day first leaves in a month-first control, refused naming its order.
    expect(validate(formSpecs.timelineEvent, { ...event, occurredOn: '10000-01-01' })).toEqual({
      occurredOn: { key: 'forms.yearOverflow', options: { order: expect.stringMatching(/YYYY/) } },
    });
  });

  it('refuses a venue time that falls after year 9999 in UTC, at the date', () => {
    const lastEvening = { ...meeting, date: '9999-12-31', time: '23:00', timeZone: 'Pacific/Honolulu' };
    expect(validate(formSpecs.meeting, lastEvening)).toEqual({ date: { key: 'forms.notADate' } });
    expect(validate(formSpecs.meeting, { ...lastEvening, timeZone: 'Asia/Seoul' })).toEqual({});
  });
});

describe('text the store could not keep as typed, before anything is sent', () => {
  it('refuses a line break or control character in a one-line field, and a broken character anywhere', () => {
    const person = { ...formSpecs.person.blank(), name: 'Jens\nStoltenberg', title: 'Secretary\u0007General' };
    expect(validate(formSpecs.person, person)).toEqual({
      name: { key: 'fieldRules.notSingleLine' },
      title: { key: 'fieldRules.notSingleLine' },
    });
    expect(validate(formSpecs.person, { ...person, name: 'Yoon \ud83d', title: '' }).name).toEqual({ key: 'fieldRules.brokenCharacter' });
  });

  it('takes line breaks and tabs in prose, and refuses other control characters there', () => {
    const person = { ...formSpecs.person.blank(), name: 'Jens Stoltenberg', biography: 'Born 1959.\n\tPrime Minister of Norway.' };
    expect(validate(formSpecs.person, person)).toEqual({});
    expect(validate(formSpecs.person, { ...person, biography: 'Born\u0000 1959.' })).toEqual({
      biography: { key: 'fieldRules.controlCharacter' },
    });
  });

  it('refuses a direction override, embedding or isolate in prose, and takes Arabic and Hebrew with their direction marks', () => {
    const person = { ...formSpecs.person.blank(), name: 'Fatima Haddad' };
    for (const spoof of ['Approve \u202eevil', 'x\u202ay\u202c', 'A\u2066li\u2069', '\u202dforced'])
      expect(validate(formSpecs.person, { ...person, biography: spoof }).biography).toEqual({ key: 'fieldRules.directionOverride' });
    expect(proseProblem('Line to take: \u202egnirob')).toEqual({ key: 'fieldRules.directionOverride' });
    for (const text of ['فاطمة الزهراء حداد (القاهرة)\u200f', 'יעל כהן-לוי\u200e (Tel Aviv)', 'می\u200cخواهم', 'ภาษา\u200bไทย'])
      expect(validate(formSpecs.person, { ...person, biography: text })).toEqual({});
  });
});

describe('editing a stored meeting the form cannot read', () => {
  it('leaves date and time empty for the user to set when the stored zone is unknown, keeping the zone as stored', () => {
    const values = formSpecs.meeting.fromRecord({ startsAt: '2020-01-01T10:00:00.000Z', startTimeKnown: true, timeZone: 'Mars/Olympus' });
    expect(values).toMatchObject({ date: '', time: '', timeZone: 'Mars/Olympus' });
    expect(validate(formSpecs.meeting, { ...values, title: 'Orbit talks' })).toMatchObject({
      date: { key: 'forms.required' },
      timeZone: { key: 'forms.unknownTimeZone' },
    });
  });
});
