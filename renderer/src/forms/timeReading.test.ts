import { describe, expect, it } from 'vitest';
import { readTypedTime } from './timeReading.ts';

describe('a time of day read as typed, the same in every browser language', () => {
  it.each([
    ['0930', '09:30'],
    ['930', '09:30'],
    ['09:30', '09:30'],
    ['9:30', '09:30'],
    ['9.30', '09:30'],
    ['21h30', '21:30'],
    ['00:00', '00:00'],
    ['2359', '23:59'],
    [' 16:00 ', '16:00'],
    // AM and PM where typed so, as a US-English browser's own control wanted them.
    ['0930AM', '09:30'],
    ['0400PM', '16:00'],
    ['9:30 pm', '21:30'],
    ['9 p.m.', '21:00'],
    ['12:15 am', '00:15'],
    ['12:15 PM', '12:15'],
    // Korean, and digits of other scripts and full-width ones: read, not dropped.
    ['오후 3:30', '15:30'],
    ['오전 9시 30분', '09:30'],
    ['١٩٠٠', '19:00'],
    ['۰۹:۳۰', '09:30'],
    ['０９：３０', '09:30'],
  ])('“%s” reads as %s', (typed, time) => {
    expect(readTypedTime(typed)).toBe(time);
  });

  it.each(['2400', '24:00', '9:75', '9', '09', '9:3', '13 pm', '0:30 am', 'noon', '', '09:30:15', '0930 tomorrow'])(
    '“%s” is not a time of day',
    (typed) => {
      expect(readTypedTime(typed)).toBeNull();
    },
  );
});
