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
});
