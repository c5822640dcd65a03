import { describe, expect, it } from 'vitest';
import type { MeetingSummary } from '../../../shared/domain.ts';
import { programmeRows } from './summitProgramme.ts';

const meeting = (id: number, startsAt: string, timeZone: string): MeetingSummary => ({
  id,
  summitId: 1,
  title: `Meeting ${id}`,
  format: 'bilateral',
  startsAt,
  startTimeKnown: true,
  durationMinutes: null,
  timeZone,
  venue: '',
  status: 'planned',
  classification: '',
});

const headings = (rows: ReturnType<typeof programmeRows>) => rows.flatMap((row) => (row.kind === 'day' ? [`${row.day}:${row.count}`] : []));

describe('the summit programme, day by day', () => {
  // In the store's order (by instant): Addis 13 Feb 09:00, Kiritimati 14 Feb 06:00 (13 Feb 16:00 UTC),
  // Pago Pago 13 Feb 20:00 (14 Feb 07:00 UTC), Addis 14 Feb 23:30, Nouakchott 15 Feb 10:00.
  const addisAbaba = meeting(1, '2027-02-13T06:00:00.000Z', 'Africa/Addis_Ababa');
  const kiritimati = meeting(2, '2027-02-13T16:00:00.000Z', 'Pacific/Kiritimati');
  const pagoPago = meeting(3, '2027-02-14T07:00:00.000Z', 'Pacific/Pago_Pago');
  const lateAddis = meeting(4, '2027-02-14T20:30:00.000Z', 'Africa/Addis_Ababa');
  const nouakchott = meeting(5, '2027-02-15T10:00:00.000Z', 'Africa/Nouakchott');

  it('shows each venue day once, in calendar order, when video calls cross the date line', () => {
    const rows = programmeRows([addisAbaba, kiritimati, pagoPago, lateAddis, nouakchott]);
    expect(headings(rows)).toEqual(['2027-02-13:2', '2027-02-14:2', '2027-02-15:1']);
  });

  it('keeps the meetings of one day in the order of their instants', () => {
    const rows = programmeRows([addisAbaba, kiritimati, pagoPago, lateAddis, nouakchott]);
    const ids = rows.flatMap((row) => (row.kind === 'meeting' ? [row.meeting.id] : []));
    expect(ids).toEqual([1, 3, 2, 4, 5]);
  });

  // The Leaders' Summit in New Delhi (Asia/Kolkata) on 9–10 September 2027, with side meetings in Dhaka (+06:00)
  // and Kathmandu (+05:45) at 00:10 on the 11th: 23:40 and 23:55 on the 10th in New Delhi, within the summit.
  const delhi = { startDate: '2027-09-09', endDate: '2027-09-10', timeZone: 'Asia/Kolkata' };
  const dhaka = meeting(6, '2027-09-10T18:10:00.000Z', 'Asia/Dhaka');
  const kathmandu = meeting(7, '2027-09-10T18:25:00.000Z', 'Asia/Kathmandu');
  const nextDhaka = meeting(8, '2027-09-11T04:00:00.000Z', 'Asia/Dhaka');
  const eveDelhi = meeting(9, '2027-09-08T12:00:00.000Z', 'Asia/Kolkata');
  const outside = (rows: ReturnType<typeof programmeRows>) =>
    rows.flatMap((row) => (row.kind === 'day' ? [`${row.day}:${row.outside ?? 'within'}`] : []));

  it('does not call a day after the summit’s dates when its meetings fall on the summit’s last day at the summit', () => {
    expect(outside(programmeRows([dhaka, kathmandu], delhi))).toEqual(['2027-09-11:within']);
  });

  it('says a day lies before or after the summit’s dates when its meetings do at the summit', () => {
    expect(outside(programmeRows([eveDelhi, nextDhaka], delhi))).toEqual(['2027-09-08:before', '2027-09-11:after']);
    // A meeting whose time of day is not known has only its venue's date.
    expect(outside(programmeRows([{ ...dhaka, startTimeKnown: false }], delhi))).toEqual(['2027-09-11:after']);
  });
});
