import { describe, expect, it } from 'vitest';
import { meetingsOverlap, overlappingIds, overlapsByMeeting, overlapsOf, type ScheduledMeeting } from './meetingOverlap.ts';
import { wallTimeToInstant } from './time.ts';

// Each meeting made as the form makes it: the venue's wall time in the venue's own zone.
const at = (id: number, date: string, time: string, zone: string, durationMinutes: number | null): ScheduledMeeting => ({
  id,
  startsAt: wallTimeToInstant(date, time, zone),
  startTimeKnown: true,
  durationMinutes,
  status: 'planned',
});

describe('meetings of one summit that overlap', () => {
  // Nukuʻalofa (+13) and the Chatham Islands (+13:45 in February): 23:30 on 29 Feb 2028 and 00:15 on 1 Mar 2028
  // are the same moment, listed under different days.
  const bilateral = at(1, '2028-02-29', '23:30', 'Pacific/Tongatapu', 60);
  const stopover = at(2, '2028-03-01', '00:15', 'Pacific/Chatham', 30);

  it('finds the same moment listed under different days in zones 45 minutes apart', () => {
    expect(meetingsOverlap(bilateral, stopover)).toBe(true);
    expect(overlappingIds([bilateral, stopover])).toEqual(new Set([1, 2]));
  });

  it('finds an overlap across the date line', () => {
    // Apia (+13) 10:00 on Saturday is 11:00 on Friday in Honolulu (−10) — 21:00 UTC Friday.
    const apia = at(3, '2028-03-04', '10:00', 'Pacific/Apia', 90);
    const honolulu = at(4, '2028-03-03', '11:30', 'Pacific/Honolulu', 30);
    expect(meetingsOverlap(apia, honolulu)).toBe(true);
    expect(meetingsOverlap(apia, at(5, '2028-03-03', '12:30', 'Pacific/Honolulu', 30))).toBe(false);
  });

  it('does not call meetings that touch end to start overlapping', () => {
    // The bilateral ends at 00:30 Tongatapu, which is 01:15 on the Chatham Islands.
    const next = at(6, '2028-03-01', '01:15', 'Pacific/Chatham', 45);
    expect(meetingsOverlap(bilateral, next)).toBe(false);
    expect(meetingsOverlap(next, bilateral)).toBe(false);
    expect(meetingsOverlap(bilateral, at(7, '2028-03-01', '01:14', 'Pacific/Chatham', 45))).toBe(true);
  });

  it('takes a meeting without a duration as its starting moment', () => {
    const noDuration = at(8, '2028-03-01', '00:00', 'Pacific/Tongatapu', null);
    expect(meetingsOverlap(bilateral, noDuration)).toBe(true);
    expect(meetingsOverlap(noDuration, at(9, '2028-03-01', '00:00', 'Pacific/Tongatapu', null))).toBe(true);
    // Starting when the bilateral ends is touching, not overlapping.
    expect(meetingsOverlap(bilateral, at(10, '2028-03-01', '00:30', 'Pacific/Tongatapu', null))).toBe(false);
  });

  it('leaves out meetings known only by their day, cancelled ones, and the meeting itself', () => {
    expect(meetingsOverlap(bilateral, { ...stopover, startTimeKnown: false })).toBe(false);
    expect(meetingsOverlap(bilateral, { ...stopover, status: 'cancelled' })).toBe(false);
    expect(overlapsOf(bilateral, [bilateral, stopover])).toEqual([stopover]);
  });

  it('marks every meeting of a long programme that overlaps another, and only those', () => {
    const day = [
      at(11, '2028-02-29', '09:00', 'Pacific/Tongatapu', 240),
      at(12, '2028-02-29', '10:00', 'Pacific/Tongatapu', 15),
      at(13, '2028-02-29', '13:00', 'Pacific/Tongatapu', 60),
      at(14, '2028-02-29', '14:00', 'Pacific/Tongatapu', 60),
      at(15, '2028-02-29', '14:30', 'Pacific/Tongatapu', null),
    ];
    expect(overlappingIds(day)).toEqual(new Set([11, 12, 14, 15]));
  });

  it('names, for each meeting, every other it overlaps, in the programme’s order', () => {
    // A working dinner at 19:00 for three hours overlaps a pull-aside at 19:30 and a call at 21:00, which do not
    // overlap each other; the stopover, listed under 1 March on the Chatham Islands, overlaps the bilateral only.
    const dinner = at(21, '2028-02-29', '19:00', 'Pacific/Tongatapu', 180);
    const pullAside = at(22, '2028-02-29', '19:30', 'Pacific/Tongatapu', 20);
    const call = at(23, '2028-02-29', '21:00', 'Pacific/Tongatapu', 30);
    const overlaps = overlapsByMeeting([stopover, call, bilateral, pullAside, dinner]);
    const ids = (id: number) => overlaps.get(id)?.map((other) => other.id);
    expect(ids(21)).toEqual([22, 23]);
    expect(ids(22)).toEqual([21]);
    expect(ids(23)).toEqual([21]);
    expect(ids(1)).toEqual([2]);
    expect(ids(2)).toEqual([1]);
    expect([...overlaps.keys()].sort()).toEqual([1, 2, 21, 22, 23]);
  });
});
