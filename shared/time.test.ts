import { describe, expect, it } from 'vitest';
import {
  dayInZone,
  formatCountdown,
  formatDate,
  formatDayCountdown,
  formatMeetingTimes,
  formatSince,
  formatSummitTime,
  isSkippedDay,
  isSkippedWallTime,
  repeatedWallTime,
  sameTimeZone,
  wallTimeInZone,
  wallTimeToInstant,
  zoneAbbreviation,
} from './time.ts';

describe('meeting times at the venue and at home', () => {
  it('shows a meeting that spans the spring DST change in Vilnius with both offsets', () => {
    // 26 March 2023: Vilnius clocks jump from 03:00 EET to 04:00 EEST. Seoul has no DST.
    const meeting = { startsAt: '2023-03-26T00:30:00Z', startTimeKnown: true, timeZone: 'Europe/Vilnius', durationMinutes: 120 };
    const times = formatMeetingTimes(meeting, 'Asia/Seoul');
    expect(times.venue).toBe('Sun, 26 Mar 2023, 02:30 EET – 05:30 EEST');
    expect(times.home).toBe('Sun, 26 Mar 2023, 09:30 KST – 11:30 KST');
  });

  it('uses summer time for a July meeting and winter time for a January one', () => {
    const july = formatMeetingTimes({ startsAt: '2023-07-11T12:00:00Z', startTimeKnown: true, timeZone: 'Europe/Vilnius' }, 'Asia/Seoul');
    const january = formatMeetingTimes(
      { startsAt: '2023-01-11T12:00:00Z', startTimeKnown: true, timeZone: 'Europe/Vilnius' },
      'Asia/Seoul',
    );
    expect(july.venue).toContain('15:00 EEST');
    expect(january.venue).toContain('14:00 EET');
    expect(july.home).toContain('21:00');
    expect(january.home).toContain('21:00');
  });

  it('shows the date only when the time is not stated, on the venue’s calendar day', () => {
    const times = formatMeetingTimes({ startsAt: '2023-07-10T21:00:00Z', startTimeKnown: false, timeZone: 'Europe/Vilnius' }, 'Asia/Seoul');
    expect(times).toEqual({ venue: 'Tue, 11 Jul 2023', home: null, timeKnown: false });
  });

  it('crosses midnight in the home zone and says so with the date', () => {
    const times = formatMeetingTimes(
      { startsAt: '2023-07-11T17:00:00Z', startTimeKnown: true, timeZone: 'Europe/Vilnius', durationMinutes: 60 },
      'Asia/Seoul',
    );
    expect(times.venue).toBe('Tue, 11 Jul 2023, 20:00 EEST – 21:00 EEST');
    expect(times.home).toBe('Wed, 12 Jul 2023, 02:00 KST – 03:00 KST');
  });
});

describe('a meeting’s time at its summit', () => {
  // A call with Honolulu at 18:00 on Wednesday 9 December is 17:00 on Thursday the 10th in Nukuʻalofa, where the
  // delegation is; the venue's and Paris's times alone did not say so.
  const call = { startsAt: '2026-12-10T04:00:00Z', startTimeKnown: true, timeZone: 'Pacific/Honolulu', durationMinutes: 30 };

  it('is given, with its date and zone, for a meeting held in another zone than its summit’s', () => {
    expect(formatMeetingTimes(call, 'Europe/Paris').venue).toBe('Wed, 9 Dec 2026, 18:00 HST (GMT-10) – 18:30 HST (GMT-10)');
    expect(formatSummitTime(call, 'Pacific/Tongatapu', 'Europe/Paris')).toBe('Thu, 10 Dec 2026, 17:00 GMT+13 – 17:30 GMT+13');
  });

  it('is not given where the venue’s or the home time already says it, nor without a time of day', () => {
    expect(formatSummitTime({ ...call, timeZone: 'Pacific/Tongatapu' }, 'Pacific/Tongatapu', 'Europe/Paris')).toBeNull();
    expect(formatSummitTime(call, 'Pacific/Tongatapu', 'Pacific/Tongatapu')).toBeNull();
    // Where no home time is shown beside it (the meeting form), a summit in the home zone is still given.
    expect(formatSummitTime(call, 'Pacific/Tongatapu', null)).toBe('Thu, 10 Dec 2026, 17:00 GMT+13 – 17:30 GMT+13');
    expect(formatSummitTime({ ...call, timeZone: 'Pacific/Auckland' }, 'Pacific/Tongatapu', 'Europe/Paris')).toBeNull();
    expect(formatSummitTime({ ...call, startTimeKnown: false }, 'Pacific/Tongatapu', 'Europe/Paris')).toBeNull();
    expect(formatSummitTime(call, 'Pacific/Nowhere', 'Europe/Paris')).toBeNull();
  });
});

describe('wall time at the venue to a stored instant', () => {
  it('round-trips on both sides of the autumn DST change in New York', () => {
    for (const [date, time] of [
      ['2023-11-04', '10:00'],
      ['2023-11-05', '10:00'],
      ['2023-03-12', '12:30'],
    ] as const) {
      const instant = wallTimeToInstant(date, time, 'America/New_York');
      expect(wallTimeInZone(instant, 'America/New_York')).toEqual({ date, time });
    }
    expect(wallTimeToInstant('2023-11-05', '10:00', 'America/New_York')).toBe('2023-11-05T15:00:00.000Z');
    expect(wallTimeToInstant('2023-11-04', '10:00', 'America/New_York')).toBe('2023-11-04T14:00:00.000Z');
  });

  it('moves a time skipped by the spring change forward instead of failing', () => {
    // 02:30 does not exist in New York on 12 March 2023.
    const instant = wallTimeToInstant('2023-03-12', '02:30', 'America/New_York');
    expect(wallTimeInZone(instant, 'America/New_York').time).toBe('03:30');
  });

  it('keeps every time the clocks show on the day they change, on both sides of the change and in either hemisphere', () => {
    // Kazakhstan went from +06 to +05 at midnight into 1 March 2024 (23:00–23:59 on the 29th came twice); Sydney and
    // Auckland go back in April, New York forward in March: the evening before, or the morning after, is an ordinary
    // time. A dinner at 22:30 in Almaty was saved at 23:30, a 05:00 call in New York at 06:00, a Saturday evening in
    // Sydney an hour late, each said to be a time the clocks skip.
    for (const [date, time, zone, instant] of [
      ['2024-02-29', '17:00', 'Asia/Almaty', '2024-02-29T11:00:00.000Z'],
      ['2024-02-29', '19:00', 'Asia/Almaty', '2024-02-29T13:00:00.000Z'],
      ['2024-02-29', '22:30', 'Asia/Almaty', '2024-02-29T16:30:00.000Z'],
      ['2024-03-01', '00:30', 'Asia/Almaty', '2024-02-29T19:30:00.000Z'],
      ['2024-04-06', '18:00', 'Australia/Sydney', '2024-04-06T07:00:00.000Z'],
      ['2024-04-07', '01:30', 'Australia/Sydney', '2024-04-06T14:30:00.000Z'],
      ['2025-04-05', '20:00', 'Pacific/Auckland', '2025-04-05T07:00:00.000Z'],
      ['2024-10-27', '01:30', 'Europe/Berlin', '2024-10-26T23:30:00.000Z'],
      ['2024-10-27', '02:30', 'Europe/Vilnius', '2024-10-26T23:30:00.000Z'],
      ['2024-03-10', '03:30', 'America/New_York', '2024-03-10T07:30:00.000Z'],
      ['2024-03-10', '05:00', 'America/New_York', '2024-03-10T09:00:00.000Z'],
    ] as const) {
      expect(wallTimeToInstant(date, time, zone), `${date} ${time} ${zone}`).toBe(instant);
      expect(isSkippedWallTime(date, time, zone), `${date} ${time} ${zone}`).toBe(false);
    }
    // The hour passed twice is still taken the second time (repeatedWallTime offers the first).
    expect(wallTimeToInstant('2024-02-29', '23:30', 'Asia/Almaty')).toBe('2024-02-29T18:30:00.000Z');
    expect(wallTimeToInstant('2024-10-27', '02:30', 'Europe/Berlin')).toBe('2024-10-27T01:30:00.000Z');
    expect(wallTimeToInstant('2024-11-03', '01:30', 'America/New_York')).toBe('2024-11-03T06:30:00.000Z');
    expect(wallTimeToInstant('2024-04-06', '23:30', 'America/Santiago')).toBe('2024-04-07T03:30:00.000Z');
    expect(isSkippedWallTime('2024-03-10', '02:30', 'America/New_York')).toBe(true);
    expect(isSkippedWallTime('2024-03-31', '02:30', 'Europe/Berlin')).toBe(true);
  });

  it('gives back, for every quarter hour the clocks show around each change of 2024 in twelve zones, the latest instant showing it', () => {
    const zones = ['Asia/Almaty', 'Asia/Qostanay', 'Australia/Sydney', 'Pacific/Auckland', 'America/New_York', 'Europe/Berlin'];
    zones.push('Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns', 'Asia/Tehran', 'America/Santiago', 'Africa/Casablanca');
    const day = 86_400_000;
    const wrong: string[] = [];
    for (const zone of zones) {
      const offsetAt = (at: number) => wallTimeInZone(new Date(at).toISOString(), zone).time;
      for (let at = Date.UTC(2024, 0, 1); at < Date.UTC(2025, 0, 1); at += day) {
        // A day whose midnight-to-midnight wall clock does not advance by 24 hours holds a change.
        if (offsetAt(at) === offsetAt(at + day)) continue;
        const latest = new Map<string, number>();
        for (let instant = at - day; instant < at + 2 * day; instant += 15 * 60_000) {
          const { date, time } = wallTimeInZone(new Date(instant).toISOString(), zone);
          latest.set(`${date} ${time}`, instant);
        }
        for (const [wall, instant] of latest) {
          const [date = '', time = ''] = wall.split(' ');
          if (Date.parse(wallTimeToInstant(date, time, zone)) !== instant) wrong.push(`${zone} ${wall}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('groups by the venue’s day, not the UTC day', () => {
    expect(dayInZone('2023-07-10T21:00:00Z', 'Europe/Vilnius')).toBe('2023-07-11');
  });
});

describe('countdowns', () => {
  it('counts calendar days to a summit', () => {
    expect(formatDayCountdown('2023-07-11', new Date('2023-07-08T23:00:00Z'))).toBe('in 3 days');
    expect(formatDayCountdown('2023-07-11', new Date('2023-07-11T10:00:00Z'))).toBe('today');
  });

  it('counts from the day it is in the home zone, not in UTC: 08:00 on Lord Howe Island is still the day before in UTC', () => {
    const lordHoweMorning = new Date('2027-04-01T21:00:00Z');
    expect(formatDayCountdown('2027-04-02', lordHoweMorning, 'en-GB', 'Australia/Lord_Howe')).toBe('today');
    expect(formatDayCountdown('2027-04-01', lordHoweMorning, 'en-GB', 'Australia/Lord_Howe')).toBe('yesterday');
    // Seoul at 08:30 on the day an action is due.
    expect(formatDayCountdown('2023-07-11', new Date('2023-07-10T23:30:00Z'), 'en-GB', 'Asia/Seoul')).toBe('today');
  });
});

// Today listed the G20 summit's 12 March dinner and its 13 March plenary both "in 100 days" and the 14 March
// bilateral "in 102 days": days were a rounded duration (100.4 days to 08:00 on the 13th), not days on the calendar.
describe('a meeting’s countdown more than two days out', () => {
  const now = new Date('2026-12-02T21:09:00Z'); // 22:09 in Berlin
  it('counts calendar days in the home zone, so each later day reads one more', () => {
    const inBerlin = (instant: string) => formatCountdown(instant, now, 'en-GB', 'Europe/Berlin');
    expect(inBerlin('2027-03-12T17:30:00Z')).toBe('in 100 days');
    expect(inBerlin('2027-03-13T07:00:00Z')).toBe('in 101 days');
    expect(inBerlin('2027-03-14T12:30:00Z')).toBe('in 102 days');
  });

  it('keeps hours and minutes for the next two days', () => {
    expect(formatCountdown('2026-12-03T09:09:00Z', now, 'en-GB', 'Europe/Berlin')).toBe('in 12 hours');
    expect(formatCountdown('2026-12-02T21:39:00Z', now, 'en-GB', 'Europe/Berlin')).toBe('in 30 minutes');
  });
});

describe('zone abbreviations as the tz database gives them', () => {
  const winter = '2023-01-15T12:00:00Z';
  const summer = '2023-07-11T12:00:00Z';

  it('follow daylight-saving time on both sides of the Atlantic', () => {
    expect([zoneAbbreviation(winter, 'America/New_York'), zoneAbbreviation(summer, 'America/New_York')]).toEqual(['EST', 'EDT']);
    expect([zoneAbbreviation(winter, 'Europe/London'), zoneAbbreviation(summer, 'Europe/London')]).toEqual(['GMT', 'BST']);
    expect([zoneAbbreviation(winter, 'Europe/Berlin'), zoneAbbreviation(summer, 'Europe/Berlin')]).toEqual(['CET', 'CEST']);
    expect([zoneAbbreviation(winter, 'Europe/Vilnius'), zoneAbbreviation(summer, 'Europe/Vilnius')]).toEqual(['EET', 'EEST']);
    expect([zoneAbbreviation(winter, 'America/Los_Angeles'), zoneAbbreviation(summer, 'America/Los_Angeles')]).toEqual(['PST', 'PDT']);
  });

  it('name the zones linked to a named one, Addis Ababa as Nairobi, and Indonesia’s three', () => {
    expect(zoneAbbreviation(summer, 'Africa/Addis_Ababa')).toBe('EAT (GMT+3)');
    expect(zoneAbbreviation(summer, 'Africa/Harare')).toBe('CAT (GMT+2)');
    expect(zoneAbbreviation(summer, 'Africa/Kinshasa')).toBe('WAT (GMT+1)');
    expect(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'].map((zone) => zoneAbbreviation(summer, zone))).toEqual([
      'WIB (GMT+7)',
      'WITA (GMT+8)',
      'WIT (GMT+9)',
    ]);
  });

  it('carry the offset where well-known letters mean another zone: Manila’s PST is not California’s, Beijing’s CST not Chicago’s', () => {
    expect(zoneAbbreviation(summer, 'Asia/Manila')).toBe('PST (GMT+8)');
    expect(zoneAbbreviation(summer, 'Asia/Shanghai')).toBe('CST (GMT+8)');
    expect(zoneAbbreviation(winter, 'America/Chicago')).toBe('CST');
    expect(zoneAbbreviation(winter, 'Europe/Dublin')).toBe('GMT');
  });

  it('change on the day the clocks change, not before', () => {
    // New York: 2023-03-12 02:00 EST becomes 03:00 EDT (07:00 UTC).
    expect(zoneAbbreviation('2023-03-12T06:59:00Z', 'America/New_York')).toBe('EST');
    expect(zoneAbbreviation('2023-03-12T07:00:00Z', 'America/New_York')).toBe('EDT');
    // Vilnius: 2023-10-29 04:00 EEST becomes 03:00 EET (01:00 UTC).
    expect(zoneAbbreviation('2023-10-29T00:59:00Z', 'Europe/Vilnius')).toBe('EEST');
    expect(zoneAbbreviation('2023-10-29T01:00:00Z', 'Europe/Vilnius')).toBe('EET');
  });

  it('name Seoul and Tokyo by their letters, where Intl writes GMT+9', () => {
    expect(zoneAbbreviation(summer, 'Asia/Seoul')).toBe('KST');
    expect(zoneAbbreviation(summer, 'Asia/Tokyo')).toBe('JST');
  });

  it('put the offset beside letters few would know, across the southern summer too', () => {
    expect(zoneAbbreviation(summer, 'Australia/Sydney')).toBe('AEST (GMT+10)');
    expect(zoneAbbreviation(winter, 'Australia/Sydney')).toBe('AEDT (GMT+11)');
    expect(zoneAbbreviation(summer, 'Asia/Kolkata')).toBe('IST (GMT+5:30)');
    expect(zoneAbbreviation(summer, 'Europe/Dublin')).toBe('IST (GMT+1)');
    expect(zoneAbbreviation(winter, 'Europe/Dublin')).toBe('GMT');
    expect(zoneAbbreviation(summer, 'Asia/Dubai')).toBe('GST (GMT+4)');
  });

  // A G20 desk's video call from St. John's the week Newfoundland's clocks go forward (14 March 2027, 02:00 NST,
  // 05:30 UTC) showed "GMT-3:30" then "GMT-2:30": the tz database's own letters say which side of the change it is.
  it('name Newfoundland’s half-hour zone by its letters, on each side of its spring change', () => {
    expect(zoneAbbreviation('2027-03-12T12:30:00Z', 'America/St_Johns')).toBe('NST (GMT-3:30)');
    expect(zoneAbbreviation('2027-03-14T05:29:00Z', 'America/St_Johns')).toBe('NST (GMT-3:30)');
    expect(zoneAbbreviation('2027-03-14T05:30:00Z', 'America/St_Johns')).toBe('NDT (GMT-2:30)');
    expect(zoneAbbreviation('2027-03-15T11:30:00Z', 'Canada/Newfoundland')).toBe('NDT (GMT-2:30)');
    expect(zoneAbbreviation('2027-03-15T04:30:00Z', 'Asia/Kathmandu')).toBe('GMT+5:45');
  });

  it('show the offset alone where the tz database has no letters', () => {
    expect(zoneAbbreviation(summer, 'Europe/Istanbul')).toBe('GMT+3');
    expect(zoneAbbreviation(summer, 'UTC')).toBe('UTC');
  });

  it('label meeting times in Korean as well', () => {
    const times = formatMeetingTimes({ startsAt: summer, startTimeKnown: true, timeZone: 'America/New_York' }, 'Asia/Seoul', 'ko');
    expect(times.venue).toMatch(/ EDT$/);
    expect(times.home).toMatch(/ KST$/);
  });
});

describe('dates at the ends of the calendar', () => {
  it('shows years 1 and 9999 as stored, not as some other year', () => {
    expect(formatDate('0001-01-01')).toBe('1 January 1');
    expect(formatDate('9999-12-31')).toBe('31 December 9999');
    const late = formatMeetingTimes({ startsAt: '9999-12-31T20:00:00.000Z', startTimeKnown: true, timeZone: 'UTC' }, 'UTC');
    expect(late.venue).toBe('Fri, 31 Dec 9999, 20:00 UTC');
  });

  it('shows year 0 (which Intl would print as year 1), unreadable values and unknown zones exactly as stored', () => {
    expect(formatDate('0000-03-01')).toBe('0000-03-01');
    expect(formatDate('2024-02-30')).toBe('2024-02-30');
    const yearZero = formatMeetingTimes(
      { startsAt: '0000-06-01T10:00:00.000Z', startTimeKnown: true, timeZone: 'Europe/Vilnius' },
      'Asia/Seoul',
    );
    expect(yearZero).toEqual({ venue: '0000-06-01T10:00:00.000Z', home: null, timeKnown: true });
    expect(formatMeetingTimes({ startsAt: 'soon', startTimeKnown: false, timeZone: 'UTC' }, 'UTC').venue).toBe('soon');
    expect(formatCountdown('soon', new Date())).toBe('');
    const unknownZone = { startsAt: '2020-01-01T10:00:00.000Z', startTimeKnown: true, timeZone: 'Mars/Olympus' };
    expect(formatMeetingTimes(unknownZone, 'Asia/Seoul').venue).toBe('2020-01-01T10:00:00.000Z');
    expect(dayInZone(unknownZone.startsAt, unknownZone.timeZone)).toBe('2020-01-01T10:00:00.000Z');
  });

  it('reads the wall day of an instant outside years 0–9999 with its sign, so it parses back', () => {
    expect(wallTimeInZone('9999-12-31T23:30:00Z', 'Asia/Seoul')).toEqual({ date: '+010000-01-01', time: '08:30' });
    // A fixed offset: real zones used local mean time then, minutes and seconds off the hour.
    expect(wallTimeInZone('0001-01-01T03:00:00Z', 'Etc/GMT+5')).toEqual({ date: '0000-12-31', time: '22:00' });
    expect(wallTimeToInstant('0000-12-31', '22:00', 'Etc/GMT+5')).toBe('0001-01-01T03:00:00.000Z');
    expect(dayInZone('0000-06-01T10:00:00.000Z', 'UTC')).toBe('0000-06-01');
  });
});

describe('a wall time the clocks pass twice', () => {
  it('gives both instants of 01:30 in London the night the clocks go back, BST first', () => {
    expect(repeatedWallTime('2026-10-25', '01:30', 'Europe/London')).toEqual({
      earlier: '2026-10-25T00:30:00.000Z',
      later: '2026-10-25T01:30:00.000Z',
    });
    // Autumn in the south: Sydney goes back from 03:00 to 02:00 on 5 April 2026.
    expect(repeatedWallTime('2026-04-05', '02:15', 'Australia/Sydney')).toEqual({
      earlier: '2026-04-04T15:15:00.000Z',
      later: '2026-04-04T16:15:00.000Z',
    });
  });

  it('is null for an hour that happens once, one the clocks skip, and a zone with no summer time', () => {
    expect(repeatedWallTime('2026-10-25', '02:30', 'Europe/London')).toBeNull();
    expect(repeatedWallTime('2026-10-25', '00:59', 'Europe/London')).toBeNull();
    expect(repeatedWallTime('2026-03-29', '01:30', 'Europe/London')).toBeNull();
    expect(repeatedWallTime('2026-10-25', '01:30', 'Asia/Seoul')).toBeNull();
  });
});

describe('a zone written another way than the tz database’s own spelling', () => {
  const summer = '2023-07-11T12:00:00Z';

  it('keeps its letters when written in lower case or by its older name, as the zone list offers Asia/Calcutta', () => {
    expect(zoneAbbreviation(summer, 'asia/kolkata')).toBe('IST (GMT+5:30)');
    expect(zoneAbbreviation(summer, 'Asia/Calcutta')).toBe('IST (GMT+5:30)');
    expect(zoneAbbreviation(summer, 'Africa/Asmera')).toBe('EAT (GMT+3)');
    expect(zoneAbbreviation(summer, 'asia/seoul')).toBe('KST');
  });

  it('is the same zone as its usual spelling, so a home time in it is not shown twice', () => {
    expect(sameTimeZone('Asia/Calcutta', 'Asia/Kolkata')).toBe(true);
    expect(sameTimeZone('pacific/apia', 'Pacific/Apia')).toBe(true);
    expect(sameTimeZone('Pacific/Apia', 'Pacific/Chatham')).toBe(false);
    const times = formatMeetingTimes({ startsAt: summer, startTimeKnown: true, timeZone: 'asia/kolkata' }, 'Asia/Kolkata');
    expect(times.home).toBeNull();
  });
});

describe('a day the clocks skip whole', () => {
  // Samoa moved across the date line at the end of 29 December 2011: Apia went from 23:59 on the 29th to 00:00 on the 31st.
  it('has no wall time in it, so 10:00 on 30 December 2011 in Apia is refused, not saved as the 31st', () => {
    expect(isSkippedDay('2011-12-30', 'Pacific/Apia')).toBe(true);
    expect(isSkippedWallTime('2011-12-30', '10:00', 'Pacific/Apia')).toBe(true);
  });

  it('is told from the days either side, and from a night that only loses an hour', () => {
    expect(isSkippedDay('2011-12-29', 'Pacific/Apia')).toBe(false);
    expect(isSkippedDay('2011-12-31', 'Pacific/Apia')).toBe(false);
    expect(isSkippedDay('2026-03-08', 'America/Toronto')).toBe(false);
    expect(isSkippedWallTime('2026-03-08', '02:30', 'America/Toronto')).toBe(true);
    // Chatham's clocks go from 02:45 to 03:45 on the last Sunday of September.
    expect(isSkippedWallTime('2026-09-27', '03:00', 'Pacific/Chatham')).toBe(true);
    expect(isSkippedWallTime('2026-09-27', '02:40', 'Pacific/Chatham')).toBe(false);
  });
});

// The sector expert set her laptop's clock to Johannesburg time by hand on the plane (7 hours ahead of Ottawa, the
// zone left at America/Toronto): her notes arrive stamped 7 hours in the future, and Today read "in 7 hours".
describe('when a note was last saved', () => {
  const now = new Date('2025-11-21T14:00:00Z'); // 09:00 in Ottawa
  it('reads how long ago in English and Korean', () => {
    expect(formatSince('2025-11-21T12:00:00Z', now, 'en-GB', 'America/Toronto')).toBe('2 hours ago');
    expect(formatSince('2025-11-21T12:00:00Z', now, 'ko', 'America/Toronto')).toBe('2시간 전');
  });
  it('never reads as still to come, whatever clock saved it', () => {
    expect(formatSince('2025-11-21T21:00:00Z', now, 'en-GB', 'America/Toronto')).toBe(formatSince(now.toISOString(), now, 'en-GB'));
    expect(formatSince('2025-11-21T21:00:00Z', now, 'en-GB', 'America/Toronto')).not.toMatch(/^in /);
    expect(formatSince('2025-11-21T21:00:00Z', now, 'ko', 'America/Toronto')).not.toMatch(/후$/);
    expect(formatSince('not a time', now)).toBe('');
  });
  it('reads a note saved this minute as Korean says it, 지금, not the locale data’s 현재 분', () => {
    expect(formatSince('2025-11-21T13:59:50Z', now, 'ko', 'America/Toronto')).toBe('지금');
    expect(formatSince('2025-11-21T21:00:00Z', now, 'ko', 'America/Toronto')).toBe('지금');
    expect(formatSince('2025-11-21T13:59:50Z', now, 'en-GB', 'America/Toronto')).toBe('this minute');
    expect(formatSince('2025-11-21T13:58:50Z', now, 'ko', 'America/Toronto')).toBe('1분 전');
  });
});
