import { describe, expect, it } from 'vitest';
import { formatDate, meetingWhen, quotedExcerpt } from './format.ts';

/** What the pack prints, written with ~ for each no-break space: a date and a time with its zone are never cut. */
const printed = (text: string) => text.replaceAll('~', '\u00a0');

describe('dates printed in a pack', () => {
  it('prints years 1 and 9999 as stored', () => {
    expect(formatDate('0001-01-01')).toBe(printed('1~January~1'));
    expect(formatDate('9999-12-31')).toBe(printed('31~December~9999'));
    expect(meetingWhen({ startsAt: '9999-12-31T20:00:00.000Z', startTimeKnown: true, timeZone: 'UTC' }, 'UTC')).toBe(
      printed('31~December~9999, 20:00~UTC (venue)'),
    );
  });

  it('keeps each date, and each time with its zone, whole on its line, in English and Korean', () => {
    expect(formatDate('2026-06-15', 'day', 'ko')).toBe(printed('2026년~6월~15일'));
    expect(formatDate('2026-06-15', 'month', 'ko')).toBe(printed('2026년~6월'));
    expect(formatDate('2026-06-15', 'month')).toBe(printed('June~2026'));
    const call = { startsAt: '2026-11-01T05:30:00.000Z', startTimeKnown: true, timeZone: 'America/Toronto', durationMinutes: 30 };
    // Ottawa's clocks pass 01:00 twice that night: the zone that says which one stays with its time.
    expect(meetingWhen(call, 'America/Toronto', null, 'ko')).toBe(printed('2026년~11월~1일, 01:30~EDT – 01:00~EST (현지)'));
  });

  it('prints year 0 and an unreadable time as stored instead of as year 1 or a crash', () => {
    expect(formatDate('0000-03-01')).toBe('0000-03-01');
    expect(meetingWhen({ startsAt: '0000-06-01T10:00:00.000Z', startTimeKnown: false, timeZone: 'UTC' }, 'UTC')).toBe(
      '0000-06-01 (time not set)',
    );
    expect(meetingWhen({ startsAt: 'soon', startTimeKnown: false, timeZone: 'UTC' }, 'UTC')).toBe('soon (time zone UTC)');
  });

  it('prints a meeting in a zone this machine does not know as stored, naming the zone', () => {
    expect(meetingWhen({ startsAt: '2020-01-01T10:00:00.000Z', startTimeKnown: true, timeZone: 'Mars/Olympus' }, 'Asia/Seoul')).toBe(
      '2020-01-01T10:00:00.000Z (time zone Mars/Olympus)',
    );
  });

  it('prints when a meeting ends, with the date again when it ends the next day, at the venue and at home', () => {
    const dinner = { startsAt: '2026-10-24T19:30:00.000Z', startTimeKnown: true, timeZone: 'Africa/Addis_Ababa', durationMinutes: 120 };
    const when = meetingWhen(dinner, 'Europe/London');
    expect(when).toContain(printed('24~October~2026, 22:30~EAT~(GMT+3) – 25~October~2026, 00:30~EAT~(GMT+3) (venue)'));
    expect(when).toContain(printed('20:30~BST – 22:30~BST (home)'));
    // Without a duration, only the start, as before.
    expect(meetingWhen({ ...dinner, durationMinutes: null }, 'Europe/London')).toBe(
      printed('24~October~2026, 22:30~EAT~(GMT+3) (venue); 20:30~BST (home)'),
    );
  });

  it('dates the home times after a venue span that ends the next day, so they are not read as that day', () => {
    const pullAside = { startsAt: '2027-02-14T20:30:00.000Z', startTimeKnown: true, timeZone: 'Africa/Addis_Ababa', durationMinutes: 60 };
    expect(meetingWhen(pullAside, 'America/New_York')).toBe(
      printed(
        '14~February~2027, 23:30~EAT~(GMT+3) – 15~February~2027, 00:30~EAT~(GMT+3) (venue); 14~February~2027, 15:30~EST – 16:30~EST (home)',
      ),
    );
  });

  it('prints the time at the summit for a meeting held in another zone, where it reads otherwise', () => {
    // Wednesday 18:00 in Honolulu is Thursday 17:00 in Nukuʻalofa, where the delegation is.
    const call = { startsAt: '2026-12-10T04:00:00.000Z', startTimeKnown: true, timeZone: 'Pacific/Honolulu', durationMinutes: 30 };
    expect(meetingWhen(call, 'Europe/Paris', 'Pacific/Tongatapu')).toBe(
      printed(
        '9~December~2026, 18:00~HST~(GMT-10) – 18:30~HST~(GMT-10) (venue); 10~December~2026, 17:00~GMT+13 – 17:30~GMT+13 (summit); 10~December~2026, 05:00~CET – 05:30~CET (home)',
      ),
    );
    // Auckland's clock reads as Nukuʻalofa's in December; a summit in the home zone is the home time.
    expect(meetingWhen({ ...call, timeZone: 'Pacific/Auckland' }, 'Europe/Paris', 'Pacific/Tongatapu')).not.toContain('(summit)');
    expect(meetingWhen(call, 'Pacific/Tongatapu', 'Pacific/Tongatapu')).not.toContain('(summit)');
  });

  it('prints one time when the venue’s zone is the home zone written the browser’s way (Asia/Calcutta for Asia/Kolkata)', () => {
    const call = { startsAt: '2026-12-08T04:30:00.000Z', startTimeKnown: true, timeZone: 'Asia/Calcutta', durationMinutes: 30 };
    expect(meetingWhen(call, 'Asia/Kolkata')).toBe(printed('8~December~2026, 10:00~IST~(GMT+5:30) – 10:30~IST~(GMT+5:30) (venue)'));
  });
});

describe('a source excerpt printed in quotation marks', () => {
  it('adds the marks to an excerpt typed without them', () => {
    expect(quotedExcerpt('The Council welcomed the Nouakchott process.')).toBe('“The Council welcomed the Nouakchott process.”');
  });

  it('does not double the marks an officer pasted with the excerpt, in any of the usual styles', () => {
    expect(quotedExcerpt('“The Council… Nouakchott process.”')).toBe('“The Council… Nouakchott process.”');
    expect(quotedExcerpt('"The Council… Nouakchott process."')).toBe('“The Council… Nouakchott process.”');
    expect(quotedExcerpt('« Le Conseil salue le processus de Nouakchott. »')).toBe('“Le Conseil salue le processus de Nouakchott.”');
    expect(quotedExcerpt('  «مجلس السلم والأمن»  ')).toBe('“مجلس السلم والأمن”');
  });

  it('keeps quotation marks that open or close only part of the excerpt', () => {
    expect(quotedExcerpt('“Peace” was the word, said the PSC.')).toBe('““Peace” was the word, said the PSC.”');
  });
});
