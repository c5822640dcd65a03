import { describe, expect, it } from 'vitest';
import { formSpecs } from './specs.ts';
import { validate } from './validate.ts';

describe('form checks before anything is sent', () => {
  it('puts each problem at its own field: empty title, unknown zone, end before start', () => {
    const summit = { ...formSpecs.summit.blank(), title: ' ', timeZone: 'Mars/Olympus', startDate: '2024-07-10', endDate: '2024-07-09' };
    expect(validate(formSpecs.summit, summit)).toEqual({
      title: { key: 'forms.required' },
      timeZone: { key: 'forms.unknownTimeZone' },
      endDate: { key: 'forms.endBeforeStart' },
    });
  });

  it('reports an over-long field with its limit', () => {
    const person = { ...formSpecs.person.blank(), name: 'x'.repeat(201) };
    expect(validate(formSpecs.person, person).name).toEqual({ key: 'forms.tooLong', options: { max: 200 } });
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
